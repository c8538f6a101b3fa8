using System.Diagnostics;
using CsCheck;
using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Reliability;

/// <summary>
/// Generated news-like text for the extractor: sentences drawn word by word from the words its rules react to (titles,
/// names, pronouns, verbs of attending, giving and judging, event nouns, amounts, lists and clause words), so that rules
/// meet each other in orders no written text has. Every text must extract, on a small stack, within a time bound, and
/// give a graph whose relations all have sentence evidence.
/// </summary>
public sealed class ExtractionFuzzTests
{
    private static readonly string[] Words =
    [
        "Kari Lund", "Omar Haddad", "President", "Prime Minister", "Xi Jinping", "Xi", "Norway", "Sweden", "China", "Moscow", "Oslo",
        "the World Bank", "the Group of 20", "the bloc", "the summit", "the talks", "the final", "a summit in Bergen", "the deal",
        "she", "he", "it", "they", "who", "which", "is", "was", "also", "and", ",", ",", "the", "of", "from", "to", "in", "at", "for",
        "attended", "met", "sent", "stood in for", "was represented by", "told delegates", "pledged", "announced", "$3 million",
        "84 million euros", "praised", "criticized", "drawing protests from", "faced opposition from", "dismissed", "replaced",
        "held", "will be held in 2024 in", "the Russian city of", "Kazan", "chief executive", "spokesman", "a Libyan volunteer",
        "the Stade de France", "wildfires", "\"", "said", "leaders from", "did not", "'s", "(", ")", ";", "—",
    ];

    private static readonly Gen<string> Sentence =
        Gen.Int[1, 24].SelectMany(n => Gen.Int[0, Words.Length - 1].Array[n]).Select(ix => string.Join(' ', ix.Select(i => Words[i])) + ".");

    private static readonly Gen<string> Text = Sentence.Array[1, 6].Select(s => "Headline\n\n" + string.Join(' ', s) + "\n");

    [Fact]
    public void GeneratedSentences_Extract_WithoutAnError()
    {
        int relations = 0;
        Text.Sample(
            text =>
            {
                var sw = Stopwatch.StartNew();
                Graph? g = null;
                var error = SmallStack.Run(() => g = TextExtractor.Extract(text, new ExtractionOptions { DocumentId = "doc:fuzz" }));
                sw.Stop();
                Assert.True(error is null, $"{error?.GetType().Name} for: {text}\n{error}");
                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"{sw.Elapsed.TotalMilliseconds:F0} ms for: {text}");
                Assert.All(g!.Relations, r => Assert.NotEmpty(r.Evidence));
                relations += g.RelationCount;
            },
            iter: 3000,
            threads: 1);
        Assert.True(relations > 0, "the generated texts should give some relations");
    }

    [Fact]
    public void PronounRightBeforeAVerb_WhoseReferentIsFarIntoAnEarlierSentence_Extracts()
    {
        // The referent's token index lies beyond the end of the sentence with the pronoun (it crashed the list reading).
        var g = TextExtractor.Extract("After a long day of talks in Oslo that ran well into the night on Monday, the ministers left, and President Kari Lund stayed. She pledged $3 million.");
        Assert.Contains(g.Entities, e => e.Id.Value == "person:kari-lund");
    }
}
