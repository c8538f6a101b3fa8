using KnowledgeGraph.Extraction;
using KnowledgeGraph.Tests.IO;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary><see cref="ExtractionOptions.Progress"/>.</summary>
public class ExtractionProgressTests
{
    [Fact]
    public void Analyze_LongText_ReportsIncreasingSentencesEndingAtTheTotal_AndTheSameGraph()
    {
        string article = Graph.SeedArticle();
        string text = string.Join("\n\n", Enumerable.Repeat(article, 12));
        var reports = new Reports<ExtractionProgress>();

        var watched = TextExtractor.Analyze(text, new ExtractionOptions { Progress = reports });
        var plain = TextExtractor.Analyze(text);

        int sentences = watched.Sentences.Length;
        Assert.True(sentences > 2 * MentionFinder.ProgressStep, $"{sentences} sentences");
        Assert.Equal((sentences / MentionFinder.ProgressStep) + 1, reports.Count);
        Assert.All(reports.Values, r => Assert.Equal((sentences, text.Length), (r.SentenceTotal, r.CharacterTotal)));
        var done = reports.Values.Select(r => r.SentencesDone).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Equal(done.Count - 1, done.SkipLast(1).Distinct().Count());
        var characters = reports.Values.Select(r => r.CharactersDone).ToList();
        Assert.Equal(characters.Order(), characters);
        Assert.Equal(new ExtractionProgress(sentences, sentences, text.Length, text.Length), reports.Values[^1]);
        Assert.Equal(plain.Graph.ToJson(), watched.Graph.ToJson());
    }
}
