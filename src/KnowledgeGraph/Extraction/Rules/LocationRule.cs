namespace KnowledgeGraph.Extraction.Rules;

/// <summary>"the School … in Europe": an organisation or place followed by "in &lt;place&gt;" is located there.</summary>
internal sealed class LocationRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var m in a.Mentions)
        {
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
        }
    }
}
