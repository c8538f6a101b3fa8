namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Criticism without a verb cue: "the threat from X" and "X as a … threat" (the subject of the clause
/// criticizes X), and "X’s opponents" (the actors before it in the clause criticize X).
/// </summary>
internal sealed class CriticismRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        Threats(context, a);
        Opponents(context, a);
    }

    private static void Threats(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            if (!context.Is("threat", t[i]))
            {
                continue;
            }

            Mention? target = null;
            if (i + 2 < t.Count && t[i + 1].Is("from"))
            {
                target = a.Mentions.FirstOrDefault(m => m.FirstToken == i + 2 && RuleContext.IsActor(m));
            }
            else
            {
                for (int k = i - 1; k >= 0 && k >= i - 8; k--)
                {
                    if (t[k].Is("as") && k > 0)
                    {
                        target = a.Mentions.LastOrDefault(m => m.LastToken == k - 1 && RuleContext.IsActor(m));
                        break;
                    }
                }
            }

            if (target is null || context.IsNegated(t, target.FirstToken - 1) || (target.FirstToken > 2 && context.IsNegated(t, target.FirstToken - 2)))
            {
                continue;
            }

            var critic = context.MainSubject(a, target.FirstToken) ?? context.Subject(a, target.FirstToken, null);
            if (critic is not null && critic.EntityId != target.EntityId)
            {
                context.Add(critic, RelationType.Criticizes, target, a, "'threat from <X>' / '<X> as a threat'", isExplicit: false);
            }
        }
    }

    private static void Opponents(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 2; i < t.Count; i++)
        {
            if (!context.Is("opponent", t[i]) || !t[i - 1].IsPossessive)
            {
                continue;
            }

            var target = a.Mentions.LastOrDefault(m => m.LastToken == i - 2 && RuleContext.IsActor(m));
            if (target is null)
            {
                continue;
            }

            int clause = target.FirstToken;
            while (clause > 0 && t[clause - 1].Text is not (";" or "–" or "—"))
            {
                clause--;
            }

            foreach (var critic in a.Mentions.Where(m => m.FirstToken >= clause && m.LastToken < target.FirstToken && RuleContext.IsActor(m) && m.Kind != EntityKind.Country && m.EntityId != target.EntityId))
            {
                context.Add(critic, RelationType.Criticizes, target, a, "'<X>’s opponents'", isExplicit: false);
            }
        }
    }
}
