using System.Text;
using ApprovalTests;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Reliability;

/// <summary>
/// The committed corpus of malformed inputs (tests/Corpus/) and the exact message each must give,
/// approved as one snapshot: a changed message is a visible diff.
/// </summary>
public class CorpusTests
{
    [Fact]
    public void JsonCorpus_EveryFileFailsWithItsExactMessage() =>
        VerifyCorpus("json", "*.json", file => JsonGraphReader.Read(file), minimumFiles: 20);

    [Fact]
    public void GraphMLCorpus_EveryFileFailsWithItsExactMessage() =>
        VerifyCorpus("graphml", "*.graphml", file => KnowledgeGraph.IO.GraphML.GraphMLReader.Read(file));

    [Fact]
    public void CsvCorpus_EveryPairFailsWithItsExactMessage() =>
        VerifyCorpus("csv", "*.nodes.csv", file => Graph.Load(file));

    [Fact]
    public void CypherCorpus_EveryQueryFailsWithItsExactMessage() =>
        VerifyCorpus("cypher", "*.cypher", file => Graph.LoadSeed().Query(File.ReadAllText(file)), typeof(KnowledgeGraph.Query.QueryException));

    [Fact]
    public void CypherScriptCorpus_EveryScriptFailsWithItsExactMessage() =>
        VerifyCorpus("cypher-scripts", "*.cypher", file => Graph.Load(file));

    private static void VerifyCorpus(string folder, string pattern, Action<string> load, Type? documented = null, int minimumFiles = 6)
    {
        string dir = Path.Combine(RepoRoot.Path, "tests", "Corpus", folder);
        var files = Directory.GetFiles(dir, pattern).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= minimumFiles, "the corpus is missing");
        var sb = new StringBuilder();
        foreach (string file in files)
        {
            string name = Path.GetFileName(file);
            try
            {
                load(file);
                sb.Append(name).Append(": loaded\n");
            }
            catch (Exception ex) when (ex is GraphFormatException or SchemaViolationException || (documented?.IsInstanceOfType(ex) ?? false))
            {
                sb.Append(name).Append(": ").Append(ex.GetType().Name).Append(": ").Append(ex.Message.Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
            }
        }

        string text = sb.ToString();
        Assert.DoesNotContain(": loaded", text);
        Approvals.Verify(text);
    }
}
