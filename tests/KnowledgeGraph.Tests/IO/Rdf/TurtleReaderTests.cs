using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.Tests.IO.Rdf;

public class TurtleReaderTests
{
    private static readonly GraphReadOptions Open = new() { Schema = Schema.Open };

    [Fact]
    public void Read_OwnExportOfTheSeed_GivesTheSameGraph()
    {
        var g = Graph.LoadSeed();
        Assert.Equal(g.ToJson(), TurtleReader.Parse(TurtleWriter.ToTurtle(g)).ToJson());
    }

    [Fact]
    public void Read_OwnExportOfTheTrickyGraph_GivesTheSameGraph()
    {
        var g = TestGraphs.Tricky();
        Assert.Equal(g.ToJson(), TurtleReader.Parse(TurtleWriter.ToTurtle(g), Open).ToJson());
    }

    [Fact]
    public void Read_ForeignTurtle_MapsNestedNodesCollectionsAndShorthand()
    {
        const string ttl = """
            @base <http://ex.org/> .
            @prefix ex: <http://ex.org/vocab#> .
            <alice> a ex:Person ; ex:name "Alice"@en ; ex:age 42 ; ex:height 1.70 ; ex:ok true ;
                ex:knows [ a ex:Person ; ex:name "Bob" ] , <carol> ;
                ex:likes ( <x> <y> ) .
            """;
        var g = TurtleReader.Parse(ttl, Open);
        var alice = g["http://ex.org/alice"];
        Assert.Equal("Person", alice.Kind.Name);
        Assert.Equal(42L, alice.Properties["age"].AsInteger);
        Assert.Equal(1.70, alice.Properties["height"].AsFloat);
        Assert.True(alice.Properties["ok"].AsBoolean);
        Assert.Equal("Alice", alice.Name);
        Assert.Contains(g.Relations, r => r.Source == alice.Id && r.Type.Name == "knows" && g[r.Target].Name == "Bob");
        Assert.Contains(g.Relations, r => r.Source == alice.Id && r.Type.Name == "knows" && r.Target.Value == "http://ex.org/carol");
    }

    [Fact]
    public void GraphLoad_TtlFile_ResolvesRelativeIrisAgainstTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "kg-ttl-" + Guid.NewGuid().ToString("N") + ".ttl");
        try
        {
            File.WriteAllText(path, "<#me> <http://ex.org/knows> <other.ttl#you> .\n");
            var g = Graph.Load(path, GraphFormat.Turtle, Open);
            var r = Assert.Single(g.Relations);
            Assert.Equal(new Uri(path).AbsoluteUri + "#me", r.Source.Value);
            Assert.EndsWith("/other.ttl#you", r.Target.Value, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_NestingDeeperThanMaxDepth_RaisesGraphFormatException()
    {
        string ttl = "<http://a> <http://b> " + string.Concat(Enumerable.Repeat("[ <http://p> ", 10)) + "<http://c>" + new string(']', 10) + " .";
        var ex = Assert.Throws<GraphFormatException>(() => TurtleReader.Parse(ttl, new GraphReadOptions { Schema = Schema.Open, MaxDepth = 5 }));
        Assert.Contains("Nesting too deep", ex.Message);
        Assert.Equal(1, ex.Line);
        Assert.True(TurtleReader.Parse(ttl, Open).EntityCount > 10);
    }

    [Theory]
    [InlineData("@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c ;\n  nope:d ex:e .\n", 3, 3, "Undeclared prefix")]
    [InlineData("<http://a> <http://b> \"\"\"open\n\nlong", 1, 23, "Unterminated string")]
    [InlineData("<a> <http://b> <http://c> .", 1, 1, "Relative IRI without a base")]
    [InlineData("<http://a> <http://b> <http://c>", 1, 33, "'.' at the end")]
    public void Read_BadTurtle_RaisesGraphFormatExceptionWithLineAndColumn(string ttl, int line, int column, string what)
    {
        var ex = Assert.Throws<GraphFormatException>(() => TurtleReader.Parse(ttl, Open));
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains(what, ex.Message);
    }
}
