using KnowledgeGraph.Extraction;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.Tests.Seed;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// Inter-annotator agreement: two texts of the development corpus were annotated twice, independently,
/// from the text and the annotation guide only (tests/Extraction/Corpus and tests/Extraction/Agreement).
/// Agreement is the F1 of one annotation scored against the other with the extraction evaluator's own
/// matching (symmetric: precision one way is recall the other). The figures go to the test output and to
/// agreement-summary.txt in the test output folder.
/// </summary>
public class AgreementTests(ITestOutputHelper output)
{
    private static readonly string Corpus = Path.Combine(RepoRoot.Path, "tests", "Extraction", "Corpus");
    private static readonly string Second = Path.Combine(RepoRoot.Path, "tests", "Extraction", "Agreement");

    [Fact]
    public void TwoIndependentAnnotations_AgreeAndAreReported()
    {
        var names = Directory.EnumerateFiles(Second, "*.kg.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(names.Length >= 2, "two texts are annotated twice");
        var lines = new List<string> { "text\tentity F1\trelation F1\tentities A/B/matched\trelations A/B/matched" };
        int entitiesA = 0, entitiesB = 0, entitiesMatched = 0, relationsA = 0, relationsB = 0, relationsMatched = 0;
        foreach (string name in names)
        {
            var a = JsonGraphReader.Read(Path.Combine(Corpus, name));
            var b = JsonGraphReader.Read(Path.Combine(Second, name));
            var report = ExtractionEvaluator.Evaluate(b, a);
            lines.Add($"{name}\t{report.Entities.F1:F3}\t{report.Relations.F1:F3}\t{report.Entities.Gold}/{report.Entities.Extracted}/{report.Entities.MatchedGold}\t{report.Relations.Gold}/{report.Relations.Extracted}/{report.Relations.MatchedGold}");
            entitiesA += report.Entities.Gold;
            entitiesB += report.Entities.Extracted;
            entitiesMatched += report.Entities.MatchedGold;
            relationsA += report.Relations.Gold;
            relationsB += report.Relations.Extracted;
            relationsMatched += report.Relations.MatchedGold;
        }

        double entityF1 = 2.0 * entitiesMatched / (entitiesA + entitiesB);
        double relationF1 = 2.0 * relationsMatched / (relationsA + relationsB);
        lines.Add($"pooled\t{entityF1:F3}\t{relationF1:F3}\t{entitiesA}/{entitiesB}/{entitiesMatched}\t{relationsA}/{relationsB}/{relationsMatched}");
        foreach (string line in lines)
        {
            output.WriteLine(line);
        }

        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "agreement-summary.txt"), lines);

        // Annotations of the same text by the same guide must at least agree on most entities; far less
        // means one of the files is not an annotation of that text.
        Assert.InRange(entityF1, 0.5, 1.0);
        Assert.InRange(relationF1, 0.0, 1.0);
    }
}
