namespace KnowledgeGraph.Extraction;

/// <summary>The dateline that opens a report ("JOHANNESBURG, Aug 24 —"): the place it is filed from.</summary>
internal sealed partial class MentionFinder
{
    /// <summary>"JOHANNESBURG, Aug 24 —" or "SAN DIEGO —" opening a sentence: the place the report is filed from.</summary>
    private void FindDateline(SentenceAnalysis a)
    {
        var t = a.Tokens;
        int e = 0;
        while (e < t.Count && e < 4 && t[e].Text.Length >= 2 && IsAllCapitals(t[e].Text))
        {
            e++;
        }

        if (e == 0 || e >= t.Count || !(t[e].Text is "," or "—" or "–") || !HasDashWithin(t, e, 9))
        {
            return;
        }

        var words = new string[e];
        for (int i = 0; i < e; i++)
        {
            string w = t[i].Text;
            words[i] = w[0] + w[1..].ToLowerInvariant();
        }

        string name = string.Join(' ', words);
        var known = _lex.Lookup(name).FirstOrDefault(x => x.Kind is PhraseKind.Place or PhraseKind.Capital);
        a.Mentions.RemoveAll(m => m.FirstToken < e);
        a.Mentions.Add(new Mention(a.Sentence.Index, t[0].Start, Span(a, 0, e), EntityKind.Place, "dateline", 0, e - 1)
        {
            Name = known?.Place?.Name ?? name,
            CountryIso = known?.Place?.CountryIso ?? known?.Country?.Iso,
            Origin = MentionOrigin.Dateline,
        });
        a.DatelineEnd = t.FindIndex(e, x => x.Text is "—" or "–");
    }

    private static bool IsAllCapitals(string word)
    {
        foreach (char ch in word)
        {
            if (!(char.IsUpper(ch) || ch == '-' || ch == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasDashWithin(List<Token> t, int from, int count)
    {
        for (int k = from; k < t.Count && k < from + count; k++)
        {
            if (t[k].Text is "—" or "–")
            {
                return true;
            }
        }

        return false;
    }
}
