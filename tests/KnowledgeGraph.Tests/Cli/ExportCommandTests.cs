using KnowledgeGraph.IO;

namespace KnowledgeGraph.Tests.Cli;

public class ExportCommandTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("graphml")]
    [InlineData("dot")]
    [InlineData("mermaid")]
    [InlineData("ntriples")]
    [InlineData("turtle")]
    [InlineData("jsonld")]
    [InlineData("cypher")]
    public void Export_EachFormat_WritesWhatTheWriterWrites(string name)
    {
        var (code, output, err) = CliTests.Run("export", "--format", name);
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Equal(GraphFormat.FromName(name).WriteToString(Graph.LoadSeed()), output);
    }

    [Fact]
    public void Export_ToFileWithoutFormat_UsesTheExtension_AndStatsReadsGraphML()
    {
        string dir = Directory.CreateTempSubdirectory("kg-cli").FullName;
        try
        {
            string file = Path.Combine(dir, "seed.graphml");
            Assert.Equal(0, CliTests.Run("export", "-o", file).Code);
            Assert.StartsWith("<?xml", File.ReadAllText(file));
            var (code, output, err) = CliTests.Run("--graph", file, "stats");
            Assert.Equal(0, code);
            Assert.Empty(err);
            Assert.Equal(CliTests.Run("stats").Out, output);
            Assert.Equal(output, CliTests.Run("stats", "--graph", file).Out);

            string ttl = Path.Combine(dir, "seed.out");
            Assert.Equal(0, CliTests.Run("export", "--format", "ttl", "-o", ttl).Code);
            Assert.StartsWith("@prefix", File.ReadAllText(ttl));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Export_CsvToStandardOutput_IsAUsageError()
    {
        var (code, _, err) = CliTests.Run("export", "--format", "csv");
        Assert.Equal(2, code);
        Assert.StartsWith("kg: the csv format writes files, not standard output; give -o PATH", err);
    }

    [Fact]
    public void Export_Csv_WritesNodeAndEdgeFilesThatLoadBack()
    {
        string dir = Directory.CreateTempSubdirectory("kg-csv-export").FullName;
        try
        {
            var (code, _, err) = CliTests.Run("export", "-o", Path.Combine(dir, "seed.csv"));
            Assert.True(code == 0, err);
            Assert.True(File.Exists(Path.Combine(dir, "seed.nodes.csv")));
            Assert.True(File.Exists(Path.Combine(dir, "seed.edges.csv")));
            var back = Graph.Load(Path.Combine(dir, "seed.nodes.csv"));
            var seed = Graph.LoadSeed();
            Assert.Equal(seed.EntityCount, back.EntityCount);
            Assert.Equal(seed.RelationCount, back.RelationCount);
            Assert.Equal(seed.Relations.Select(r => r.ToString()), back.Relations.Select(r => r.ToString()));
            var (statsCode, stats, _) = CliTests.Run("--graph", Path.Combine(dir, "seed.csv"), "stats");
            Assert.Equal(0, statsCode);
            Assert.StartsWith(seed + "\n", stats);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Stats_GraphInWriteOnlyFormat_FailsWithMessage()
    {
        string file = Path.Combine(Path.GetTempPath(), "kg-" + Guid.NewGuid().ToString("N") + ".dot");
        File.WriteAllText(file, "digraph {}");
        try
        {
            var (code, _, err) = CliTests.Run("--graph", file, "stats");
            Assert.Equal(1, code);
            Assert.StartsWith($"kg: cannot load '{file}': The Graphviz DOT format cannot be read", err);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Stats_BadGraphML_ReportsLineAndColumn()
    {
        string file = Path.Combine(Path.GetTempPath(), "kg-" + Guid.NewGuid().ToString("N") + ".graphml");
        File.WriteAllText(file, "<graphml>\n<graph>\n<node id=\"a\">\n</graph></graphml>");
        try
        {
            var (code, _, err) = CliTests.Run("--graph", file, "stats");
            Assert.Equal(1, code);
            Assert.Contains("Malformed XML at " + Path.GetFileName(file) + "(4,3)", err);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
