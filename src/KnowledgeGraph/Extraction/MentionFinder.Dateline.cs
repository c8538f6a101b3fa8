namespace KnowledgeGraph.Extraction;

/// <summary>The dateline that opens a report ("JOHANNESBURG, Aug 24 —"): the place it is filed from.</summary>
internal sealed partial class MentionFinder
{
    /// <summary>"JOHANNESBURG, Aug 24 —" or "SAN DIEGO —" opening a sentence: the place the report is filed from.</summary>
    private void FindDateline(SentenceAnalysis a)
    {
        var t = a.Tokens;
        int e = 0;
        while (e < t.Count && e < 4 && t[e].Text.Length >= 2 && t[e].Text.All(ch => char.IsUpper(ch) || ch == '-' || ch == '.'))
        {
            e++;
        }

        if (e == 0 || e >= t.Count || !(t[e].Text is "," or "—" or "–") || !t.Skip(e).Take(6).Any(x => x.Text is "—" or "–"))
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
        });
    }
}
