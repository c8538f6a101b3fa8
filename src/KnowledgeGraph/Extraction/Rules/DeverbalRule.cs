namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Who makes an event named by a noun, from the verb of that noun: "the court ruled …" and "the ruling",
/// "the National Assembly voted …" and "the vote", "Judge Kaplan sentenced …" and "the sentencing". The subject
/// of the verb organises the nearest event with the verb's noun as its head, in the sentence or the two on
/// either side of it. The verbs of each noun are the lexicon's cue category <c>makes:NOUN</c>, looked up by the
/// word at hand, so a word that makes no event noun costs one lookup.
/// </summary>
internal static class DeverbalRule
{
    /// <summary>Proposes the organisers of events named by nouns.</summary>
    public static void Apply(RuleContext context, List<SentenceAnalysis> sentences)
    {
        for (int s = 0; s < sentences.Count; s++)
        {
            var a = sentences[s];
            var t = a.Tokens;
            for (int i = 1; i < t.Count; i++)
            {
                if (context.Lexicon.MakersStartingWith(t[i].Text) is not { } makers || context.IsNegated(t, i) || context.Is("auxiliary", t[i - 1]))
                {
                    continue; // "was convicted": the one convicted does not make the conviction
                }

                var maker = context.Subject(a, i, null);
                if (maker is null || !RuleContext.IsActor(maker))
                {
                    continue;
                }

                foreach (var (noun, words) in makers)
                {
                    if (Lexicon.WordsAt(words, t, i) && Nearest(sentences, s, noun) is { } made)
                    {
                        context.Add(maker, RelationType.Organizes, made.Event, made.At, $"'{t[i].Text}' makes the {noun}", isExplicit: false);
                    }
                }
            }
        }
    }

    /// <summary>The event with this head noun nearest to sentence <paramref name="s"/>, within two sentences, and where it is named.</summary>
    private static (Mention Event, SentenceAnalysis At)? Nearest(List<SentenceAnalysis> sentences, int s, string noun)
    {
        for (int d = 0; d <= 2; d++)
        {
            var after = EventIn(sentences, s + d, noun);
            if (after is not null)
            {
                return after;
            }

            var before = d > 0 ? EventIn(sentences, s - d, noun) : null;
            if (before is not null)
            {
                return before;
            }
        }

        return null;
    }

    private static (Mention Event, SentenceAnalysis At)? EventIn(List<SentenceAnalysis> sentences, int k, string noun)
    {
        if (k < 0 || k >= sentences.Count)
        {
            return null;
        }

        foreach (var m in sentences[k].Mentions)
        {
            if (m.Kind == EntityKind.Event && m.EventHead == noun && m.EntityId is not null)
            {
                return (m, sentences[k]);
            }
        }

        return null;
    }
}
