using CsCheck;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Tests.Reliability;

namespace KnowledgeGraph.Tests.Algorithms;

public class GraphDiffTests
{
    /// <summary>Pairs of graphs: a generated graph and an edit of it (entities and relations dropped, renamed, re-qualified, added) or another generated graph.</summary>
    private static readonly Gen<(Graph Before, Graph After)> Pairs = Gen.OneOf(
        Gen.Select(RoundTripPropertyTests.Graphs, Gen.Int[0, int.MaxValue]).Select((g, seed) => (g, Edit(g, seed))),
        Gen.Select(RoundTripPropertyTests.Graphs, RoundTripPropertyTests.Graphs));

    [Fact]
    public void Apply_GeneratedPairs_GivesTheSecondGraph()
    {
        Pairs.Sample(
            pair =>
            {
                var diff = GraphDiff.Between(pair.Before, pair.After);
                Assert.Equal(pair.After.ToJson(), diff.Apply(pair.Before).ToJson());
                Assert.Equal(pair.Before.ToJson() == pair.After.ToJson(), diff.IsEmpty);
                Assert.Equal(diff.ToText(), GraphDiff.Between(pair.Before, pair.After).ToText());
                Assert.Equal(diff.ToJson(), GraphDiff.Between(pair.Before, pair.After).ToJson());
                Assert.True(GraphDiff.Between(pair.After, pair.After).IsEmpty);
            },
            iter: 300);
    }

    [Fact]
    public void Between_EditedSmallGraph_ListsEachKindOfChange()
    {
        var before = TestGraphs.Small();
        var b = new GraphBuilder();
        foreach (var d in before.Documents)
        {
            b.AddDocument(d);
        }

        foreach (var e in before.Entities.Where(e => e.Id != "person:dave"))
        {
            b.AddEntity(e.Id == "person:bob" ? e.WithName("Robert Jones").WithProperty("role", "CEO") : e);
        }

        b.AddEntity(new Entity("person:erin", EntityKind.Person, "Erin Wu"));
        foreach (var r in before.Relations.Where(r => r.Type != RelationType.HeldIn))
        {
            b.AddRelation(r.Type == RelationType.Meets ? r.WithQualifier("certainty", "reported") : r);
        }

        b.AddRelation("person:erin", RelationType.Attends, "event:summit");
        var after = b.Build();

        var diff = GraphDiff.Between(before, after);

        Assert.Equal(
            """
            entities +1 -1 ~1, relations +1 -1 ~1, documents +0 -0 ~0
            + entity person:erin Person "Erin Wu"
            - entity person:dave
            ~ entity person:bob
                name: "Bob Jones" → "Robert Jones"
                aliases: + "Bob Jones"
                property "role": (none) → "CEO"
            + relation (person:erin)-[ATTENDS]->(event:summit)
            - relation (event:summit)-[HELD_IN]->(place:paris)
            ~ relation (person:alice)-[MEETS]->(person:bob)
                qualifier "certainty": "explicit" → "reported"

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            diff.ToText());
        Assert.Contains("\"format\": \"knowledge-graph-diff\"", diff.ToJson());
        Assert.Equal(after.ToJson(), diff.Apply(before).ToJson());
        Assert.Equal("no differences\n", GraphDiff.Between(before, before).ToText());
    }

    [Fact]
    public void Apply_ToAGraphWithoutTheRemovedEntity_SaysWhich()
    {
        var before = TestGraphs.Small();
        var after = before.Subgraph(e => e.Id != "person:dave");
        var diff = GraphDiff.Between(before, after);

        var ex = Assert.Throws<InvalidOperationException>(() => diff.Apply(after));

        Assert.Equal("The diff does not apply: it removes or changes the entity 'person:dave', which the graph does not hold.", ex.Message);
    }

    private static Graph Edit(Graph g, int seed)
    {
        var random = new Random(seed);
        var b = new GraphBuilder(Schema.Open);
        foreach (var d in g.Documents)
        {
            b.AddDocument(random.Next(6) == 0 ? new Document(d.Id, d.Title + " v2", d.Text) : d);
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in g.Entities)
        {
            int roll = random.Next(8);
            if (roll == 0)
            {
                continue;
            }

            kept.Add(e.Id.Value);
            b.AddEntity(roll switch
            {
                1 when !string.IsNullOrWhiteSpace(e.Name) => e.WithName(e.Name + " Jr"),
                2 => e.WithProperty("edited", (long)seed),
                3 => e.WithLabel("Edited"),
                _ => e,
            });
        }

        b.AddEntity(new Entity("new:" + seed, "Person", "Newcomer"));
        kept.Add("new:" + seed);
        foreach (var r in g.Relations)
        {
            if (!kept.Contains(r.Source.Value) || !kept.Contains(r.Target.Value) || random.Next(6) == 0)
            {
                continue;
            }

            b.AddRelation(random.Next(5) == 0 ? r.WithQualifier("edited", true) : r);
            if (random.Next(10) == 0)
            {
                b.AddRelation(r.WithQualifier("copy", 1L));
            }
        }

        b.AddRelation("new:" + seed, "KNOWS", kept.First());
        return b.Build(GraphBuildOptions.LenientMode);
    }
}
