namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Membership: "Democrats like Rep. Jo Kent" (the person is a member of the group), "America’s NATO
/// allies" and "a stalwart NATO ally" (the country before the organisation is a member of it).
/// </summary>
internal sealed class MembershipRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 1; i < t.Count; i++)
        {
            if (!context.Is("listintro", t[i]))
            {
                continue;
            }

            var group = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Organization && m.LastToken == i - 1);
            var member = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Person && m.FirstToken > i && m.FirstToken <= i + 3);
            if (group is not null && member is not null)
            {
                context.Add(member, RelationType.MemberOf, group, a, "'<group> like <person>'");
            }
        }

        foreach (var org in a.Mentions.Where(m => m.Kind == EntityKind.Organization))
        {
            int k = org.LastToken + 1;
            if (k >= t.Count || !context.Is("member", t[k]))
            {
                continue;
            }

            var country = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Country && m.LastToken < org.FirstToken && org.FirstToken - m.LastToken <= 5);
            if (country is not null)
            {
                context.Add(country, RelationType.MemberOf, org, a, "'<country>’s <org> allies'");
            }
        }
    }
}
