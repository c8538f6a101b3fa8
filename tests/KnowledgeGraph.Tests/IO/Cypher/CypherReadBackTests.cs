using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.IO.Cypher;

/// <summary>The Cypher export reads back, with our own parser, into an equal graph (compared as canonical JSON).</summary>
public class CypherReadBackTests
{
    /// <summary>
    /// The graph as a MERGE script can hold it: without null properties (Neo4j stores none) and with one of
    /// each set of identical relations between the same entities (one MERGE stands for them all).
    /// </summary>
    internal static Graph Storable(Graph g)
    {
        var b = new GraphBuilder(g.Schema);
        foreach (var d in g.Documents)
        {
            b.AddDocument(d);
        }

        foreach (var e in g.Entities)
        {
            b.AddEntity(e.WithProperties(PropertyMap.Create(e.Properties.Where(p => !p.Value.IsNull))));
        }

        foreach (var r in g.Relations.Select(r => new Relation(r.Source, r.Type, r.Target, PropertyMap.Create(r.Qualifiers.Where(q => !q.Value.IsNull)), r.Evidence)).Distinct())
        {
            b.AddRelation(r);
        }

        return b.Build(GraphBuildOptions.LenientMode);
    }

    [Fact]
    public void Load_SeedExport_GivesAnEqualGraph()
    {
        var seed = Graph.LoadSeed();
        var back = CypherScript.Load(CypherWriter.ToCypher(seed));
        Assert.Equal(seed.ToJson(), back.ToJson());
    }

    [Fact]
    public void Load_TrickyExport_GivesAnEqualGraph()
    {
        var tricky = TestGraphs.Tricky();
        var back = CypherScript.Load(CypherWriter.ToCypher(tricky), Schema.Open);
        Assert.Equal(Storable(tricky).ToJson(), back.ToJson());
        Assert.Equal(tricky.RelationCount, back.RelationCount);
    }

    [Fact]
    public void Load_SmallExport_GivesAnEqualGraph()
    {
        var small = TestGraphs.Small();
        Assert.Equal(small.ToJson(), CypherScript.Load(CypherWriter.ToCypher(small)).ToJson());
    }

    [Fact]
    public void Load_ReservedPropertyNamesAndConventionKinds_SurviveTheRoundTrip()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddDocument(new Document("doc:1", string.Empty, string.Empty));
        b.AddEntity(new Entity("x:1", "Entity", "One", ["Uno"], PropertyMap.Create(("id", "inner"), ("name", 5L), ("aliases", PropertyValue.From([PropertyValue.From("a")])), ("property_x", true))));
        b.AddEntity(new Entity("x:2", "Document", "Two", labels: ["Extra"]));
        b.AddEntity(new Entity("_:7", "Thing", string.Empty, properties: PropertyMap.Create(("empty", PropertyValue.From(System.Collections.Immutable.ImmutableArray<PropertyValue>.Empty)))));
        b.AddRelation(new Relation("x:1", "REL", "x:2", PropertyMap.Create(("evidence", "not evidence"))));
        b.AddRelation(new Relation("x:2", "REL", "_:7", PropertyMap.Create(("w", 1L))));
        b.AddRelation(new Relation("x:2", "REL", "_:7", PropertyMap.Create(("w", 1.5))));
        var g = b.Build();
        Assert.Equal(g.ToJson(), CypherScript.Load(CypherWriter.ToCypher(g), Schema.Open).ToJson());
    }

    [Fact]
    public void Load_ExportRunTwice_GivesTheSameGraph()
    {
        string script = CypherWriter.ToCypher(TestGraphs.Tricky());
        var once = CypherScript.Load(script, Schema.Open);
        Assert.Equal(once.ToJson(), CypherScript.Load(script + script, Schema.Open).ToJson());

        var builder = new GraphBuilder(Schema.Open);
        CypherScript.Apply(builder, script);
        CypherScript.Apply(builder, script);
        Assert.Equal(once.ToJson(), builder.Build().ToJson());
    }

    [Fact]
    public void GraphLoad_CypherFile_ReadsTheExport()
    {
        string path = Path.Combine(Path.GetTempPath(), "kg-readback-" + Guid.NewGuid().ToString("N") + ".cypher");
        try
        {
            Graph.LoadSeed().Save(path);
            Assert.True(GraphFormat.Cypher.CanRead);
            Assert.Equal(Graph.LoadSeed().ToJson(), Graph.Load(path).ToJson());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GraphFormatRead_BadScript_ThrowsGraphFormatExceptionWithTheLocation()
    {
        var syntax = Assert.Throws<GraphFormatException>(() => GraphFormat.Cypher.Read(Stream("MERGE (n:A {id: 1});\nMERGE (n:B {id: 2)")));
        Assert.Equal(2, syntax.Line);
        Assert.Equal(18, syntax.Column);
        Assert.IsType<QuerySyntaxException>(syntax.InnerException);
        Assert.Equal("Cypher syntax error at <stream>(2,18): found `)`, expected `}`.", syntax.Message);

        var semantic = Assert.Throws<GraphFormatException>(() => GraphFormat.Cypher.Read(Stream("MERGE (n:A);\n  SET m.x = 1;")));
        Assert.Equal((2, 3), (semantic.Line, semantic.Column));
        Assert.Equal("Cypher script failed: Variable `m` not defined at <stream>(2,3).", semantic.Message);

        var mapping = Assert.Throws<GraphFormatException>(() => GraphFormat.Cypher.Read(Stream("CREATE (:Entity {id: 'a', aliases: 'x'})")));
        Assert.Equal((1, 8), (mapping.Line, mapping.Column)); // the node pattern that made the entity
        Assert.Contains("aliases of entity 'a' must be a list of strings that are not empty or blank", mapping.Message);
    }

    [Fact]
    public void GraphFormatRead_SchemaViolation_IsReportedByTheBuilder()
    {
        // The default schema knows no relation type LIKES.
        string script = "MERGE (a:Entity {id: 'p:1'}) SET a:Person;\nMERGE (b:Entity {id: 'p:2'}) SET b:Person;\nMATCH (a:Entity {id: 'p:1'}), (b:Entity {id: 'p:2'}) MERGE (a)-[:LIKES]->(b);";
        Assert.Throws<SchemaViolationException>(() => GraphFormat.Cypher.Read(Stream(script)));
        var lenient = GraphFormat.Cypher.Read(Stream(script), new GraphReadOptions { Lenient = true });
        Assert.Equal(1, lenient.RelationCount);
        Assert.Equal(1, GraphFormat.Cypher.Read(Stream(script), new GraphReadOptions { Schema = Schema.Open }).RelationCount);
    }

    private static MemoryStream Stream(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}
