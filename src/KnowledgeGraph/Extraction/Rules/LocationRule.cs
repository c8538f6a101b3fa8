namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Where organisations and places are: "the School … in Europe" (followed by "in &lt;place&gt;"), "Mountain View,
/// California" (a place, a comma, a larger place), "Activision, which is based in Santa Monica", and "the
/// Russian city of Kazan" (the country of the adjective).
/// </summary>
internal sealed class LocationRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var m in a.Mentions)
        {
            if (m.Kind == EntityKind.Country && context.PlaceNamedAfter(a, m) is { Kind.Name: "Place" } inner)
            {
                context.Add(inner, RelationType.LocatedIn, m, a, "'the <country adjective> city of <place>'", isExplicit: false);
            }

            if (!(m.Kind == EntityKind.Organization || m.Kind == EntityKind.Place))
            {
                continue;
            }

            int k = m.LastToken + 1;
            if (k + 1 < t.Count && t[k].Is("in"))
            {
                var place = a.Mentions.FirstOrDefault(p => p.FirstToken == k + 1 && RuleContext.IsPlace(p));
                if (place is not null)
                {
                    context.Add(m, RelationType.LocatedIn, place, a, "'<organisation> in <place>'");
                }
            }

            if (m.Kind == EntityKind.Organization && m.LexiconName is null && !m.IsAnaphor && m.FirstToken >= 2 && t[m.FirstToken - 1].IsPossessive
                && a.Mentions.Find(c => c.Kind == EntityKind.Country && c.LastToken == m.FirstToken - 2) is { } country)
            {
                context.Add(m, RelationType.LocatedIn, country, a, "'<country>’s <organisation>'", isExplicit: false); // "Japan's Sony"
            }

            if (m.Kind == EntityKind.Place && m.Origin != MentionOrigin.Dateline && k + 1 < t.Count && t[k].Is(","))
            {
                LargerPlace(context, a, m, k + 1);
            }
        }

        for (int i = 1; i + 2 < t.Count; i++)
        {
            if (t[i].Is("based") && t[i + 1].Is("in") && a.Mentions.Find(p => p.FirstToken == i + 2 && RuleContext.IsPlace(p)) is { } where
                && a.Mentions.FindLast(o => o.Kind == EntityKind.Organization && o.LastToken < i && i - o.LastToken <= 4) is { } based)
            {
                context.Add(based, RelationType.LocatedIn, where, a, "'<organisation>, based in <place>'");
            }
        }
    }

    /// <summary>"Mountain View, California": the place starting at <paramref name="k"/> holds <paramref name="m"/>, unless it is an item of a list.</summary>
    private static void LargerPlace(RuleContext context, SentenceAnalysis a, Mention m, int k)
    {
        if (a.Mentions.Find(p => p.FirstToken == k && RuleContext.IsPlace(p)) is { } larger && !IsListed(a, larger))
        {
            context.Add(m, RelationType.LocatedIn, larger, a, "'<place>, <larger place>'", isExplicit: false);
        }
    }

    /// <summary>Whether a place is followed by "and" or by a comma and another place: an item of a list ("Oslo, Bergen and Tromsø"), not the larger place of the one before it.</summary>
    private static bool IsListed(SentenceAnalysis a, Mention m)
    {
        var t = a.Tokens;
        int k = m.LastToken + 1;
        return k < t.Count && (t[k].Is("and") || t[k].Is(",") && a.Mentions.Exists(p => p.FirstToken == k + 1 && RuleContext.IsPlace(p)));
    }
}
