using KnowledgeGraph.Extraction;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// Reasons are written for <see cref="TextExtractor.Analyze"/>, which returns them, and not formatted at all for
/// <see cref="TextExtractor.Extract"/>, which returns the graph alone; the graph is the same either way.
/// </summary>
public class ReasonTextTests
{
    [Fact]
    public void ExtractAndAnalyze_GiveTheSameGraph()
    {
        string text = Graph.SeedArticle();
        var options = new ExtractionOptions { DocumentId = Graph.SeedDocumentId };
        Assert.Equal(JsonGraphWriter.ToJson(TextExtractor.Analyze(text, options).Graph), JsonGraphWriter.ToJson(TextExtractor.Extract(text, options)));
    }

    [Fact]
    public void Analyze_AfterExtract_StillWritesEveryReason()
    {
        _ = TextExtractor.Extract("Kari Lund, Norway's foreign minister, attended the summit in Oslo.");
        var result = TextExtractor.Analyze("Kari Lund, Norway's foreign minister, attended the summit in Oslo.");
        Assert.NotEmpty(result.Mentions);
        Assert.All(result.Mentions, m => Assert.False(string.IsNullOrEmpty(m.Reason), m.ToString()));
        Assert.NotEmpty(result.RelationReasons);
        Assert.All(result.RelationReasons, r => Assert.Contains(": ", r, StringComparison.Ordinal));
    }

    [Fact]
    public void ReasonText_WhenReasonsAreOff_EvaluatesNothingAndIsEmpty()
    {
        int evaluated = 0;
        string Count() => (++evaluated).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (Explaining.Set(false))
        {
            Assert.Equal(string.Empty, Format($"value {Count()}"));
        }

        Assert.Equal(0, evaluated);
        using (Explaining.Set(true))
        {
            Assert.Equal("value 1", Format($"value {Count()}"));
        }
    }

    [Fact]
    public void Explaining_ScopesNest_AndPutBackTheSettingBefore()
    {
        using (Explaining.Set(false))
        {
            using (Explaining.Set(true))
            {
                Assert.True(Explaining.IsOn);
            }

            Assert.False(Explaining.IsOn);
        }

        Assert.True(Explaining.IsOn);
    }

    private static string Format(ReasonText reason) => reason.ToStringAndClear();
}
