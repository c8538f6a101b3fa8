using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Extraction;

public class SentenceSplitterTests
{
    private static string[] Texts(string text) => SentenceSplitter.Split(text).Select(s => s.Text).ToArray();

    [Theory]
    [InlineData("Mr. Smith met Rep. Jane Doe. They talked.", new[] { "Mr. Smith met Rep. Jane Doe.", "They talked." })]
    [InlineData("The U.S. Army arrived. It stayed.", new[] { "The U.S. Army arrived.", "It stayed." })]
    [InlineData("Troops went to war on behalf of the U.S. But not for long.", new[] { "Troops went to war on behalf of the U.S.", "But not for long." })]
    [InlineData("John F. Kennedy spoke. Crowds cheered!", new[] { "John F. Kennedy spoke.", "Crowds cheered!" })]
    [InlineData("“We know the old order,” she warned, “is not coming back.” Then she left.", new[] { "“We know the old order,” she warned, “is not coming back.”", "Then she left." })]
    [InlineData("“Is it over?” asked the minister. Nobody answered.", new[] { "“Is it over?” asked the minister.", "Nobody answered." })]
    [InlineData("Leaders met – with one absent – on Friday. Talks ended.", new[] { "Leaders met – with one absent – on Friday.", "Talks ended." })]
    [InlineData("Prices rose 2.5 percent. Analysts worried.", new[] { "Prices rose 2.5 percent.", "Analysts worried." })]
    public void Split_Abbreviations_QuotesAndDashes_SplitsWhereSentencesEnd(string text, string[] expected)
    {
        Assert.Equal(expected, Texts(text));
    }

    [Fact]
    public void Split_HeadingLines_AreMarkedAsHeadings()
    {
        var sentences = SentenceSplitter.Split("Allies meet in Paris\n\nThe ministers met on Monday. They agreed.\nWhy it matters\n");
        Assert.Equal(["Allies meet in Paris", "The ministers met on Monday.", "They agreed.", "Why it matters"], sentences.Select(s => s.Text));
        Assert.Equal([true, false, false, true], sentences.Select(s => s.IsHeading));
    }

    [Fact]
    public void Split_Offsets_PointAtTheSentenceInTheText()
    {
        string text = "  First one.  Second one?\nThird line";
        foreach (var s in SentenceSplitter.Split(text))
        {
            Assert.Equal(s.Text, text.Substring(s.Start, s.Length));
        }

        Assert.Equal([0, 1, 2], SentenceSplitter.Split(text).Select(s => s.Index));
    }

    [Fact]
    public void Split_Seed_EverySentenceMatchesTheText()
    {
        string text = Graph.SeedArticle();
        var sentences = SentenceSplitter.Split(text);
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
        Assert.Contains(sentences, s => s.Text.StartsWith("Mr. Rutte has praised President Trump", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Text == "Why We Wrote This" && s.IsHeading);
    }

    [Fact]
    public void Split_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SentenceSplitter.Split(null!));
    }
}
