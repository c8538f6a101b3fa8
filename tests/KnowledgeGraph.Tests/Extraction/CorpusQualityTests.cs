using KnowledgeGraph.Extraction;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// The development corpus (tests/Extraction/Corpus) scored from a test, as `kg extract --corpus` does.
/// The floors are the round-2 figures rounded down (benchmarks/EXTRACTION.md), so a change that loses ground fails.
/// The held-out texts (tests/Extraction/HeldOut) are scored the same way; their floors are there to catch a loss,
/// never to tune on: rules are not changed while reading their scores.
/// </summary>
public class CorpusQualityTests
{
    private static CorpusReport Corpus(string folder = "Corpus")
    {
        string dir = Path.Combine(RepoRoot.Path, "tests", "Extraction", folder);
        var texts = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal)
            .Where(p => File.Exists(Path.ChangeExtension(p, ".kg.json")))
            .Select(p => new CorpusText(Path.GetFileNameWithoutExtension(p), File.ReadAllText(p), JsonGraphReader.Read(Path.ChangeExtension(p, ".kg.json"))));
        return ExtractionEvaluator.EvaluateCorpus(texts);
    }

    [Fact]
    public void Corpus_EveryTextHasAGoldAnnotation()
    {
        Assert.Equal(10, Corpus().TextNames.Length);
    }

    [Fact]
    public void Corpus_Pooled_StaysAtOrAboveRoundOne()
    {
        var report = Corpus();
        Assert.True(report.Pooled.Entities.F1 >= 0.77, report.ToTable());
        Assert.True(report.Pooled.Relations.F1 >= 0.33, report.ToTable());
    }

    [Fact]
    public void HeldOut_EveryTextHasAGoldAnnotation_AndStaysAtOrAboveRoundTwo()
    {
        var report = Corpus("HeldOut");
        Assert.Equal(4, report.TextNames.Length);
        Assert.True(report.Pooled.Entities.F1 >= 0.77, report.ToTable());
        Assert.True(report.Pooled.Relations.F1 >= 0.18, report.ToTable());
    }
}
