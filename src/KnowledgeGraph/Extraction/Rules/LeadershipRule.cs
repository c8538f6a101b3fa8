namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Leadership written as a phrase: "a delegation led by X", "a fund managed by X" (the agent leads
/// the organisation or event before it) and "… under a single &lt;Org&gt; command".
/// </summary>
internal sealed class LeadershipRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            if (i + 1 < t.Count && t[i + 1].Is("by") && context.Is("passivelead", t[i]))
            {
                var agent = a.Mentions.FirstOrDefault(m => RuleContext.IsActor(m) && m.FirstToken > i + 1 && m.FirstToken <= i + 5);
                var led = a.Mentions.LastOrDefault(m => (m.Kind == EntityKind.Organization || m.Kind == EntityKind.Event) && m.LastToken < i && i - m.LastToken <= 6);
                if (agent is not null && led is not null)
                {
                    if (agent.Kind == EntityKind.Person && led.Kind == EntityKind.Organization && led.RoleOf is null)
                    {
                        context.AddRole(agent, led, "head", a, $"'{t[i].Text} by <person>'");
                    }
                    else
                    {
                        context.Add(agent, RelationType.Leads, led, a, $"'{t[i].Text} by <actor>'");
                    }
                }
            }

            if (t[i].Is("under"))
            {
                var leader = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Organization && m.FirstToken > i && m.FirstToken <= i + 4);
                var led = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Event && m.LastToken < i);
                if (leader is not null && led is not null && leader.LastToken + 1 < t.Count && context.Is("command", t[leader.LastToken + 1]))
                {
                    context.Add(leader, RelationType.Leads, led, a, "'under <org> command'");
                }
            }
        }
    }
}
