using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.Tests.IO.Rdf;

public class NTriplesReaderTests
{
    private static readonly GraphReadOptions Open = new() { Schema = Schema.Open };

    [Fact]
    public void Read_OwnExportOfTheSmallGraph_GivesTheSameGraph()
    {
        var g = TestGraphs.Small();
        var back = NTriplesReader.Parse(NTriplesWriter.ToNTriples(g));
        Assert.Equal(g.ToJson(), back.ToJson());
    }

    [Fact]
    public void Read_OwnExportOfTheSeed_GivesTheSameGraph()
    {
        var g = Graph.LoadSeed();
        var back = NTriplesReader.Parse(NTriplesWriter.ToNTriples(g));
        Assert.Equal(g.ToJson(), back.ToJson());
    }

    [Fact]
    public void Read_OwnExportOfTheTrickyGraph_GivesTheSameGraph()
    {
        var g = TestGraphs.Tricky();
        var back = NTriplesReader.Parse(NTriplesWriter.ToNTriples(g), Open);
        Assert.Equal(g.ToJson(), back.ToJson());
    }

    [Fact]
    public void GraphLoad_NtFile_ReadsItByExtension()
    {
        string path = Path.Combine(Path.GetTempPath(), "kg-nt-" + Guid.NewGuid().ToString("N") + ".nt");
        try
        {
            TestGraphs.Small().Save(path);
            Assert.Equal(TestGraphs.Small().ToJson(), Graph.Load(path).ToJson());
            Assert.True(GraphFormat.NTriples.CanRead);
            Assert.Same(GraphFormat.NQuads, GraphFormat.FromPath("x.nq"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_ForeignTriples_GivesKindsFromTypesAndRelationsFromPredicates()
    {
        const string nt = """
            <http://ex.org/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
            <http://ex.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice"@en .
            <http://ex.org/alice> <http://xmlns.com/foaf/0.1/knows> <http://ex.org/bob> .
            <http://ex.org/alice> <http://ex.org/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:x <http://ex.org/likes> <http://ex.org/alice> .
            """;
        var g = NTriplesReader.Parse(nt, Open);
        var alice = g["http://ex.org/alice"];
        Assert.Equal("Person", alice.Kind.Name);
        Assert.Equal("Alice", alice.Name);
        Assert.Equal(42L, alice.Properties["age"].AsInteger);
        var bob = g["http://ex.org/bob"];
        Assert.Equal("Thing", bob.Kind.Name);
        Assert.Equal("bob", bob.Name);
        Assert.Contains(g.Relations, r => r.Source == alice.Id && r.Type.Name == "knows" && r.Target == bob.Id);
        Assert.Contains(g.Relations, r => r.Source.Value == "_:x" && r.Type.Name == "likes" && r.Target == alice.Id);
    }

    [Fact]
    public void Read_WithMaps_UsesTheUsersKindsAndTypes()
    {
        const string nt = """
            <http://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/Human> .
            <http://ex.org/a> <http://ex.org/knows> <http://ex.org/b> .
            <http://ex.org/a> <http://ex.org/yearsOld> "7" .
            """;
        var rdf = new RdfReadOptions
        {
            Classes = new Dictionary<string, string> { ["http://ex.org/Human"] = "Person" },
            Predicates = new Dictionary<string, string> { ["http://ex.org/knows"] = "KNOWS", ["http://ex.org/yearsOld"] = "age" },
        };
        var g = NTriplesReader.Parse(nt, Open, rdf);
        Assert.Equal("Person", g["http://ex.org/a"].Kind.Name);
        Assert.Equal("7", g["http://ex.org/a"].Properties["age"].AsString);
        Assert.Equal("KNOWS", Assert.Single(g.Relations).Type.Name);
    }

    [Theory]
    [InlineData("<http://a> <http://b> \"x\" .\n<http://a> <http://b> \"unterminated .\n", 2, 23, "Unterminated string")]
    [InlineData("<http://a> <http://b> <c> .\n", 1, 23, "Relative IRI")]
    [InlineData("<http://a> \"p\" <http://c> .\n", 1, 12, "predicate")]
    [InlineData("<http://a> <http://b> <http://c>\n", 1, 33, "statement end")]
    [InlineData("<http://a> <http://b> \"x\"@ .\n", 1, 26, "language tag")]
    public void Read_BadInput_RaisesGraphFormatExceptionWithLineAndColumn(string nt, int line, int column, string what)
    {
        var ex = Assert.Throws<GraphFormatException>(() => NTriplesReader.Parse(nt, Open));
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.Contains(what, ex.Message);
    }
}
