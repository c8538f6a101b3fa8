using KnowledgeGraph.Extraction;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// The development corpus (tests/Extraction/Corpus) scored from a test, as `kg extract --corpus` does.
/// The floors are the round-12 figures rounded down (benchmarks/EXTRACTION.md), so a change that loses ground fails.
/// The folds (tests/Extraction/HeldOut … HeldOut11) are scored the same way; each was held out until
/// a round was measured on it and is a development text since (the ledger says which round read which text).
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
    public void Corpus_Pooled_StaysAtOrAboveRoundTwelve()
    {
        var report = Corpus();
        Assert.True(report.Pooled.Entities.F1 >= 0.85, report.ToTable());
        Assert.True(report.Pooled.Relations.F1 >= 0.54, report.ToTable());
    }

    [Theory]
    [InlineData("HeldOut", 0.82, 0.38)]
    [InlineData("HeldOut2", 0.78, 0.21)]
    [InlineData("HeldOut3", 0.83, 0.41)]
    [InlineData("HeldOut4", 0.83, 0.47)]
    [InlineData("HeldOut5", 0.79, 0.33)]
    [InlineData("HeldOut6", 0.84, 0.30)]
    [InlineData("HeldOut7", 0.78, 0.35)]
    [InlineData("HeldOut8", 0.79, 0.32)]
    [InlineData("HeldOut9", 0.79, 0.34)]
    [InlineData("HeldOut10", 0.83, 0.33)]
    [InlineData("HeldOut11", 0.82, 0.25)]
    public void Folds_EveryTextHasAGoldAnnotation_AndStayAtOrAboveRoundTwelve(string fold, double entityF1, double relationF1)
    {
        var report = Corpus(fold);
        Assert.Equal(4, report.TextNames.Length);
        Assert.True(report.Pooled.Entities.F1 >= entityF1, report.ToTable());
        Assert.True(report.Pooled.Relations.F1 >= relationF1, report.ToTable());
    }
}
