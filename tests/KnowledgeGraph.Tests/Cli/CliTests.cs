using KnowledgeGraph.Cli;

namespace KnowledgeGraph.Tests.Cli;

public class CliTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Stats_Seed_PrintsCounts()
    {
        var (code, output, err) = Run("stats");
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.StartsWith(Graph.LoadSeed() + "\n", output);
        Assert.Contains("Relations by type", output);
        Assert.Contains("  ATTENDS ", output);
    }

    [Fact]
    public void Entity_ByAlias_PrintsRelationsAndEvidence()
    {
        var (code, output, _) = Run("entity", "Mr. Rutte");
        Assert.Equal(0, code);
        Assert.StartsWith("Mark Rutte (Person, person:mark-rutte)\n", output);
        Assert.Contains("-[PRAISES]-> Donald Trump (person:donald-trump)", output);
        Assert.Contains("“Mr. Rutte has praised President Trump", output);
    }

    [Fact]
    public void Neighbors_WithTypeHopsDirection()
    {
        var (code, output, _) = Run("neighbors", "rutte", "--type", "PRAISES", "--direction", "out");
        Assert.Equal(0, code);
        Assert.StartsWith("Neighbours of Mark Rutte within 1 hop (outgoing, PRAISES): ", output);
        Assert.Contains("  1  Donald Trump (Person, person:donald-trump)\n", output);
        var (code2, output2, _) = Run("neighbors", "Mark Rutte", "--hops", "2");
        Assert.Equal(0, code2);
        Assert.Contains("  2  ", output2);
    }

    [Fact]
    public void Path_PrintsStepsWithEvidence()
    {
        var (code, output, _) = Run("path", "Nathalie Tocci", "Vladimir Putin");
        Assert.Equal(0, code);
        Assert.StartsWith("Nathalie Tocci ", output);
        Assert.Contains("Length 2\n", output);
        Assert.Contains("“", output);
    }

    [Fact]
    public void Export_Json_ToStdoutAndFile()
    {
        var (code, output, _) = Run("export", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(Graph.LoadSeed().ToJson(), output);

        string dir = Directory.CreateTempSubdirectory("kg-cli").FullName;
        try
        {
            string file = Path.Combine(dir, "seed.json");
            Assert.Equal(0, Run("export", "-o", file).Code);
            var (code2, output2, _) = Run("--graph", file, "stats");
            Assert.Equal(0, code2);
            Assert.Equal(Run("stats").Out, output2);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void UnknownName_SuggestsAndFails()
    {
        var (code, output, err) = Run("entity", "Mark Rute");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal("kg: No entity named 'Mark Rute' in the graph. Did you mean 'Mark Rutte'?\n", err);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "kg: unknown command 'frobnicate'. Commands: stats, entity, neighbors, path, export, query, extract, communities, central, diff, bench, push, sparql")]
    [InlineData(new[] { "stats", "--verbose" }, "kg: unknown option '--verbose'. Options: --graph")]
    [InlineData(new[] { "entity" }, "kg: 'entity' needs 1 argument: kg entity NAME")]
    [InlineData(new[] { "neighbors", "rutte", "--hops", "zero" }, "kg: --hops expects a whole number from 1 to 100; found 'zero'")]
    [InlineData(new[] { "neighbors", "rutte", "--direction", "up" }, "kg: --direction expects in, out or both; found 'up'")]
    [InlineData(new[] { "neighbors", "rutte", "--type", "LIKES" }, "kg: unknown relation type 'LIKES'; expected one of ABSENT_FROM")]
    [InlineData(new[] { "export", "--format", "xml" }, "kg: unknown format 'xml'. Formats: json|graphml")]
    [InlineData(new[] { "stats", "--graph" }, "kg: option '--graph' needs a value")]
    [InlineData(new[] { "push", "--sparql", "--graph-iri", "https://example.org/g" }, "kg: option '--sparql' needs a value; found the option '--graph-iri'")]
    public void BadCommandLine_ExitsWithUsageCode(string[] args, string message)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith(message, err);
    }

    [Fact]
    public void UnreadableGraphFile_FailsWithMessage()
    {
        var (code, _, err) = Run("--graph", "/nonexistent/graph.json", "stats");
        Assert.Equal(1, code);
        Assert.Equal("kg: --graph '/nonexistent/graph.json': the folder '/nonexistent' does not exist\n", err);

        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{ not json");
            var (code2, _, err2) = Run("--graph", file, "stats");
            Assert.Equal(1, code2);
            Assert.Contains("Malformed JSON", err2);
            Assert.Contains("(1,3)", err2);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Help_PrintsUsage()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage: kg [--graph FILE] <command>", output);
        Assert.Equal(2, Run().Code);
    }
}
