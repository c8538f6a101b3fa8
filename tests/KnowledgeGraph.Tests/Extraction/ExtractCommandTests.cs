using KnowledgeGraph.Tests.Cli;

using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Extraction;

public class ExtractCommandTests
{
    private static string SeedText => Path.Combine(RepoRoot.Path, "seeds", "nato-brussels-munich.txt");

    private static string SeedGold => Path.Combine(RepoRoot.Path, "seeds", "nato-brussels-munich.kg.json");

    [Fact]
    public void Extract_Evaluate_PrintsBothTables()
    {
        var (code, output, err) = CliTests.Run("extract", SeedText, "--evaluate", SeedGold);
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.StartsWith("entities         extracted  gold matched precision recall     F1\n", output);
        Assert.Contains("\nrelations        extracted  gold matched precision recall     F1\n", output);
        Assert.Contains("\nATTENDS ", output);
    }

    [Fact]
    public void Extract_Output_WritesALoadableGraph()
    {
        string path = Path.Combine(Path.GetTempPath(), "kg-extract-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (code, output, _) = CliTests.Run("extract", SeedText, "-o", path);
            Assert.Equal(0, code);
            Assert.Empty(output);
            var g = Graph.Load(path);
            Assert.Equal("doc:nato-brussels-munich", Assert.Single(g.Documents).Id);
            Assert.True(g.RelationCount > 50);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extract_NoOutput_PrintsJson()
    {
        var (code, output, _) = CliTests.Run("extract", SeedText);
        Assert.Equal(0, code);
        Assert.StartsWith("{", output);
    }

    [Fact]
    public void Extract_Explain_ListsMentionsWithReasons()
    {
        var (code, output, _) = CliTests.Run("extract", SeedText, "--explain");
        Assert.Equal(0, code);
        Assert.Contains("mention  s9  NATO Secretary-General Mark Rutte  →  person:mark-rutte  (Person: title 'Secretary-General' of NATO before a name)\n", output);
        Assert.Contains("relation (person:mark-rutte)-[PRAISES]->(person:donald-trump)", output);
    }

    [Fact]
    public void Extract_MissingFile_ExitsWithFailure()
    {
        var (code, _, err) = CliTests.Run("extract", Path.Combine(RepoRoot.Path, "no-such-file.txt"));
        Assert.Equal(1, code);
        Assert.StartsWith("kg: ", err);
    }

    [Fact]
    public void Extract_NoFile_ExitsWithUsage()
    {
        var (code, _, err) = CliTests.Run("extract");
        Assert.Equal(2, code);
        Assert.StartsWith("kg: 'extract' needs 1 argument", err);
    }
}
