namespace KnowledgeGraph.Tests.Model;

public class GraphBuilderTests
{
    [Fact]
    public void Build_ReportsEveryViolationAtOnce()
    {
        var b = new GraphBuilder();
        b.AddDocument(new Document("doc", "t", "Some text here."));
        b.AddEntity(new Entity("person:a", EntityKind.Person, "A"), new SourceLocation("g.json", 3, 5, "$.entities[0]"));
        b.AddEntity(new Entity("person:a", EntityKind.Person, "A again"), new SourceLocation("g.json", 9, 5, "$.entities[1]"));
        b.AddEntity(new Entity("place:p", EntityKind.Place, "P"));
        b.AddRelation(new Relation("person:a", RelationType.Attends, "place:p"), new SourceLocation("g.json", 20, 5, "$.relations[0]"));
        b.AddRelation(new Relation("person:a", RelationType.Meets, "person:zz"), new SourceLocation("g.json", 30, 5, "$.relations[1]"));
        b.AddRelation(new Relation("person:a", "ATENDS", "place:p"));
        b.AddRelation(new Relation("place:p", RelationType.Praises, "person:a"));
        b.AddRelation(new Relation("person:a", RelationType.Meets, "person:a", null, [new Evidence("doc", 0, 4, "Nope")]));
        b.AddRelation(new Relation("person:a", RelationType.Meets, "person:a", null, [new Evidence("doc", 10, 40, "here.")]));
        b.AddRelation(new Relation("person:a", RelationType.Meets, "person:a", null, [new Evidence("nodoc", 0, 4, "Some")]));

        var ex = Assert.Throws<SchemaViolationException>(() => b.Build());
        var kinds = ex.Violations.Select(v => v.Kind).ToArray();
        Assert.Equal(
            [
                SchemaViolationKind.DuplicateEntity,
                SchemaViolationKind.RangeMismatch,
                SchemaViolationKind.UnknownEntity,
                SchemaViolationKind.UnknownRelationType,
                SchemaViolationKind.DomainMismatch,
                SchemaViolationKind.EvidenceMismatch,
                SchemaViolationKind.EvidenceMismatch,
                SchemaViolationKind.UnknownDocument,
            ],
            kinds);
        Assert.Contains("g.json(9,5) [$.entities[1]]: person:a: an entity with this id was added before at g.json(3,5) [$.entities[0]]", ex.Message);
        Assert.Contains("g.json(20,5) [$.relations[0]]: (person:a)-[ATTENDS]->(place:p): target 'place:p' is a Place, expected Event", ex.Message);
        Assert.Contains("unknown target entity 'person:zz'", ex.Message);
        Assert.Contains("unknown relation type 'ATENDS', expected one of ABSENT_FROM", ex.Message);
        Assert.Contains("source 'place:p' is a Place, expected Person|Organization|Country", ex.Message);
        Assert.Contains("found \"Nope\", expected \"Some\"", ex.Message);
        Assert.StartsWith("The graph breaks its schema in 8 places:", ex.Message);
    }

    [Fact]
    public void Build_Lenient_KeepsValidAndMismatchedRelations_DropsDangling()
    {
        var b = new GraphBuilder();
        b.AddEntity(new Entity("person:a", EntityKind.Person, "A"));
        b.AddEntity(new Entity("place:p", EntityKind.Place, "P"));
        b.AddRelation("person:a", RelationType.Attends, "place:p");
        b.AddRelation("person:a", RelationType.Meets, "person:missing");
        var g = b.Build(GraphBuildOptions.LenientMode);
        Assert.Equal(1, g.RelationCount);
        Assert.Equal(2, g.Violations.Length);
        Assert.Equal(2, b.Validate().Count);
    }

    [Fact]
    public void Build_OpenSchema_AcceptsAnyTypeAndKind()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("n:1", "Robot", "R1"));
        b.AddEntity(new Entity("n:2", "Robot", "R2"));
        b.AddRelation("n:1", "BEEPS_AT", "n:2");
        b.AddRelation("n:1", "BEEPS_AT", "n:2");
        var g = b.Build();
        Assert.Equal(2, g.RelationCount);
        Assert.Equal("Graph with 2 entities and 2 relations", g.ToString());
    }

    [Fact]
    public void Build_IsASnapshot_LaterAddsDoNotChangeTheGraph()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("n:1", "K", "one"));
        var g = b.Build();
        b.AddEntity(new Entity("n:2", "K", "two"));
        Assert.Equal(1, g.EntityCount);
        Assert.Equal(2, b.Build().EntityCount);
    }

    [Fact]
    public void Build_OrdersEntitiesByIdAndRelationsBySourceTypeTarget()
    {
        var b = new GraphBuilder(Schema.Open);
        foreach (var id in new[] { "c", "a", "b" })
        {
            b.AddEntity(new Entity(id, "K", id.ToUpperInvariant()));
        }

        b.AddRelation("c", "Z", "a");
        b.AddRelation("a", "Y", "c");
        b.AddRelation("a", "X", "c");
        b.AddRelation("a", "X", "b");
        var g = b.Build();
        Assert.Equal("a,b,c", TestGraphs.Ids(g.Entities));
        Assert.Equal(["(a)-[X]->(b)", "(a)-[X]->(c)", "(a)-[Y]->(c)", "(c)-[Z]->(a)"], g.Relations.Select(r => r.ToString()));
        Assert.Equal(["X", "Y", "Z"], g.RelationTypes.Select(t => t.Name));
    }

    [Fact]
    public void Graph_IsSafeToReadFromManyThreads()
    {
        var g = Graph.LoadSeed();
        string expected = string.Join("|", g.Entities.Select(e => TestGraphs.Ids(g.Both(e.Id))));
        var results = new string[8];
        Parallel.For(0, results.Length, i =>
        {
            results[i] = string.Join("|", g.Entities.Select(e => TestGraphs.Ids(g.Both(e.Id))));
        });
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
