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

    [Fact]
    public void Extract_Corpus_RecordsARoundAndHeldOutReadsItBack()
    {
        string dir = Path.Combine(RepoRoot.Path, "tests", "KnowledgeGraph.Tests", "Extraction", "Data");
        string ledger = Path.Combine(Path.GetTempPath(), "kg-ledger-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            var (code, output, err) = CliTests.Run("extract", "--corpus", dir, "--record", ledger, "--round", "0");
            Assert.Equal(0, code);
            Assert.Empty(err);
            Assert.Contains("\nmacro F1 ", output, StringComparison.Ordinal);
            Assert.Contains("\npacific-forum-suva ", output, StringComparison.Ordinal);
            Assert.StartsWith("0\tpacific-forum-suva\tunread\tentity\t", File.ReadAllText(ledger), StringComparison.Ordinal);

            var (code2, held, _) = CliTests.Run("extract", "--held-out", ledger);
            Assert.Equal(0, code2);
            Assert.Contains("\npacific-forum-suva                   0 ", held, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(ledger);
        }
    }

    [Fact]
    public void Extract_RecordWithoutRound_IsAUsageError()
    {
        string dir = Path.Combine(RepoRoot.Path, "tests", "KnowledgeGraph.Tests", "Extraction", "Data");
        var (code, _, err) = CliTests.Run("extract", "--corpus", dir, "--record", Path.Combine(Path.GetTempPath(), "never.tsv"));
        Assert.Equal(2, code);
        Assert.Contains("--round", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CorpusOfSeveralFolders_ScoresTheTextsOfEach()
    {
        string data = Path.Combine(RepoRoot.Path, "tests", "KnowledgeGraph.Tests", "Extraction", "Data");
        string fold = Path.Combine(RepoRoot.Path, "tests", "Extraction", "HeldOut7");
        var (code, output, err) = CliTests.Run("extract", "--corpus", data + "," + fold);
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains("\npacific-forum-suva ", output, StringComparison.Ordinal);
        Assert.Contains("\nwimbledon-2024-final ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CorpusFolderMissing_NamesTheFolder()
    {
        string missing = Path.Combine(RepoRoot.Path, "tests", "Extraction", "NoSuchFold");
        var (code, _, err) = CliTests.Run("extract", "--corpus", missing);
        Assert.Equal(1, code);
        Assert.Contains("'" + missing + "' does not exist", err, StringComparison.Ordinal);
    }
}
