using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Extraction;

public class ExtractionEvaluatorTests
{
    private static Graph Gold()
    {
        var b = new GraphBuilder();
        b.AddEntity(new Entity("person:ann-lee", EntityKind.Person, "Ann Lee", ["Ms. Lee"]));
        b.AddEntity(new Entity("person:bo-kim", EntityKind.Person, "Bo Kim"));
        b.AddEntity(new Entity("country:peru", EntityKind.Country, "Peru", ["Peruvian"]));
        b.AddEntity(new Entity("event:summit", EntityKind.Event, "Lima Summit"));
        b.AddRelation("person:ann-lee", RelationType.Attends, "event:summit");
        b.AddRelation("person:bo-kim", RelationType.Attends, "event:summit");
        b.AddRelation("person:ann-lee", RelationType.Praises, "person:bo-kim");
        b.AddRelation("person:ann-lee", RelationType.HoldsRoleIn, "country:peru");
        return b.Build();
    }

    private static Graph Extracted()
    {
        var b = new GraphBuilder();
        b.AddEntity(new Entity("person:lee", EntityKind.Person, "Ms. Lee"));              // matches Ann Lee by alias
        b.AddEntity(new Entity("person:ann", EntityKind.Person, "ANN LEE"));              // a duplicate of Ann Lee: counts against precision
        b.AddEntity(new Entity("country:peru", EntityKind.Country, "PERU"));              // matches Peru (case ignored)
        b.AddEntity(new Entity("place:lima", EntityKind.Place, "Lima"));                  // no gold entity
        b.AddEntity(new Entity("event:x", EntityKind.Event, "x", ["Lima Summit"]));       // matches by alias
        b.AddRelation("person:lee", RelationType.Attends, "event:x");                      // matches
        b.AddRelation("person:ann", RelationType.Attends, "event:x");                      // the same gold relation again: counted once
        b.AddRelation("person:lee", RelationType.HoldsRoleIn, "country:peru");            // matches
        b.AddRelation("person:lee", RelationType.Praises, "person:ann");                   // self-praise after mapping: no gold match
        b.AddRelation("event:x", RelationType.HeldIn, "place:lima");                       // endpoint not in gold
        return b.Build();
    }

    [Fact]
    public void Evaluate_TinyExample_CountsOneToOneEntitiesAndMappedRelations()
    {
        var report = ExtractionEvaluator.Evaluate(Extracted(), Gold());

        // Entities: 5 extracted, 4 gold; Ann Lee, Peru and Lima Summit matched once each.
        Assert.Equal((5, 4, 3, 3), (report.Entities.Extracted, report.Entities.Gold, report.Entities.MatchedExtracted, report.Entities.MatchedGold));
        Assert.Equal(0.6, report.Entities.Precision, 6);
        Assert.Equal(0.75, report.Entities.Recall, 6);
        Assert.Equal(2 * 0.6 * 0.75 / 1.35, report.Entities.F1, 6);

        var persons = report["Person"]!;
        Assert.Equal((2, 2, 1, 1), (persons.Extracted, persons.Gold, persons.MatchedExtracted, persons.MatchedGold));

        // Relations: 4 distinct mapped triples (the two ATTENDS collapse), 2 of them gold; 4 gold relations.
        Assert.Equal((4, 4, 2), (report.Relations.Extracted, report.Relations.Gold, report.Relations.MatchedGold));
        Assert.Equal(0.5, report.Relations.Precision, 6);
        Assert.Equal(0.5, report.Relations.Recall, 6);
        Assert.Equal(1.0, report["ATTENDS"]!.Precision, 6);
        Assert.Equal(0.5, report["ATTENDS"]!.Recall, 6);
        Assert.Equal(0.0, report["PRAISES"]!.F1, 6);
        Assert.Contains("(person:bo-kim)-[ATTENDS]->(event:summit)", report.MissedRelations);
    }

    [Fact]
    public void Evaluate_SameGraph_IsPerfect()
    {
        var report = ExtractionEvaluator.Evaluate(Gold(), Gold());
        Assert.Equal(1.0, report.Entities.F1);
        Assert.Equal(1.0, report.Relations.F1);
        Assert.Empty(report.MissedRelations);
        Assert.Empty(report.SpuriousRelations);
    }

    [Fact]
    public void ToTable_FixedWidth_OneRowPerKindAndType()
    {
        string table = ExtractionEvaluator.Evaluate(Extracted(), Gold()).ToTable();
        string[] lines = table.TrimEnd('\n').Split('\n');
        Assert.Equal("entities         extracted  gold matched precision recall     F1", lines[0]);
        Assert.Contains("Person                   2     2       1     0.500  0.500  0.500", lines);
        Assert.Contains("all                      5     4       3     0.600  0.750  0.667", lines);
        Assert.DoesNotContain('\r', table);
    }

    [Fact]
    public void Evaluate_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ExtractionEvaluator.Evaluate(null!, Gold()));
        Assert.Throws<ArgumentNullException>(() => ExtractionEvaluator.Evaluate(Gold(), null!));
    }
}
