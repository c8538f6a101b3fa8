namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Groups that stand for someone: "a large delegation" of a country represents it (and so does its
/// leader); "&lt;Name&gt; administration" is led by Name and leads Name's country; "his administration"
/// makes its referent a member.
/// </summary>
internal sealed class GroupRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var g in a.Mentions.Where(m => m.Kind == EntityKind.Organization))
        {
            if (g.RoleOf is { Kind.Name: "Country" } country)
            {
                Delegation(context, a, g, country);
            }

            if (g.Name.EndsWith(" administration", StringComparison.Ordinal) && !g.IsAnaphor && g.LastToken > g.FirstToken)
            {
                Administration(context, a, g);
            }
            else if (g.IsAnaphor && g.EntityId is { } aid && g.FirstToken > 0 && context.Is("possessivepronoun", t[g.FirstToken - 1]))
            {
                var member = context.PronounReferent(a, g.FirstToken - 1);
                if (member is not null && member.EntityId is { } mid && !context.LeaderCountry.ContainsKey(mid))
                {
                    context.Add(mid, RelationType.MemberOf, aid, a, "'his administration'", false);
                }
            }
        }
    }

    private static void Delegation(RuleContext context, SentenceAnalysis a, Mention g, Mention country)
    {
        var c = a.Mentions.FirstOrDefault(x => x.FirstToken == country.FirstToken && x.Kind == EntityKind.Country && x.EntityId is not null) ?? country;
        context.Add(g, RelationType.Represents, c, a, "a country's delegation", isExplicit: false);
        foreach (var r in context.Found.Where(r => r.Sentence == a.Sentence.Index && r.Type == RelationType.Leads && r.Target == g.EntityId).ToList())
        {
            context.Add(r.Source, RelationType.Represents, c.EntityId!.Value, a, "leader of a country's delegation", false);
        }
    }

    private static void Administration(RuleContext context, SentenceAnalysis a, Mention g)
    {
        var t = a.Tokens;
        var person = a.Mentions.FirstOrDefault(p => p.Kind == EntityKind.Person && p.FirstToken >= g.FirstToken && p.LastToken < g.LastToken);
        string surname = t[g.LastToken - 1].Text;
        var leader = person?.EntityId ?? context.LeaderCountry.Keys.FirstOrDefault(k => k.Value.EndsWith("-" + EntityResolver.Key(surname).Replace(' ', '-'), StringComparison.Ordinal));
        if (leader is { } id && id.Value.Length > 0 && g.EntityId is { } gid)
        {
            context.Add(id, RelationType.Leads, gid, a, "'<name> administration'", false);
            if (context.LeaderCountry.TryGetValue(id, out var home) && home.EntityId is { } hid)
            {
                context.Add(gid, RelationType.Leads, hid, a, "administration of a country's leader", false);
            }
        }
    }
}
