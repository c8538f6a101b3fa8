namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Titles: "Swedish Prime Minister Eva Dahl" holds a role in (and, for a leader's title, leads)
/// Sweden; "Omar Haddad, undersecretary of trade" or a title without a country takes the nearest
/// country before it, or the country the text is mostly about for a leader.
/// </summary>
internal sealed class RoleRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        foreach (var m in a.Mentions)
        {
            if (m.Kind != EntityKind.Person)
            {
                continue;
            }

            if (m.RoleOf is { } of && m.RoleClass != "honorific")
            {
                TitleOf(context, a, m, of);
                continue;
            }

            Untitled(context, a, m);
        }
    }

    private static void TitleOf(RuleContext context, SentenceAnalysis a, Mention m, Mention of)
    {
        var roleOf = a.Mentions.FirstOrDefault(x => x.FirstToken == of.FirstToken && x.Kind == of.Kind) ?? of;
        if (m.RoleClass is "leader")
        {
            context.LeaderCountry.TryAdd(m.EntityId!.Value, roleOf);
        }

        context.AddRole(m, roleOf, m.RoleClass ?? "role", a, "title after a country or organisation");
    }

    private static void Untitled(RuleContext context, SentenceAnalysis a, Mention m)
    {
        var t = a.Tokens;
        bool titled = m.RoleClass is "role" or "leader" or "envoy";
        bool appositive = m.LastToken + 2 < t.Count && t[m.LastToken + 1].Text == "," && context.IsLowerTitle(t[m.LastToken + 2].Text);
        if (!(((titled && !SeenBefore(context, m)) || appositive) && !context.HasRoleOf.Contains(m.EntityId!.Value)))
        {
            return;
        }

        // The country of a title written without one: the nearest country before it in the sentence.
        var country = a.Mentions.LastOrDefault(x => x.Kind == EntityKind.Country && x.LastToken < m.FirstToken && m.FirstToken - x.LastToken <= 25);
        if (country is not null)
        {
            context.Add(m, RelationType.HoldsRoleIn, country, a, "title and the country of the sentence", isExplicit: false);
            context.Add(m, RelationType.CitizenOf, country, a, "title and the country of the sentence", isExplicit: false);
        }
        else if (m.RoleClass is "leader" && context.DominantCountry is { } home)
        {
            const string Why = "leader's title in a text mostly about one country";
            context.Add(m, RelationType.HoldsRoleIn, home, a, Why, isExplicit: false);
            context.Add(m, RelationType.CitizenOf, home, a, Why, isExplicit: false);
            context.Add(m, RelationType.Leads, home, a, Why, isExplicit: false);
            context.LeaderCountry[m.EntityId!.Value] = home;
        }
    }

    private static bool SeenBefore(RuleContext context, Mention m) => m.EntityId is { } id && !context.TitledSeen.Add(id);
}
