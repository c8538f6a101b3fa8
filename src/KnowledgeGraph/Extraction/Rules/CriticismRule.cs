namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Criticism without a verb cue: "the threat from X" and "X as a … threat" (the subject of the clause
/// criticizes X), "X’s opponents" (the actors before it in the clause criticize X), and "protests from X"
/// (X criticizes the subject of the verb that drew them).
/// </summary>
internal sealed class CriticismRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        Threats(context, a);
        Opponents(context, a);
        ObjectionsFrom(context, a);
    }

    /// <summary>
    /// "China published a map, drawing protests from the Philippines, Malaysia and Vietnam", "the plan faced opposition from
    /// regulators in the United States and Britain": those named after "from" criticize the subject of the verb that drew them.
    /// </summary>
    private static void ObjectionsFrom(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 1; i + 2 < t.Count; i++)
        {
            if (!context.Is("objection", t[i]) || !t[i + 1].Is("from") || context.IsNegated(t, i))
            {
                continue;
            }

            int verb = i - 1;
            while (verb > 0 && (t[verb].Is("the") || t[verb].Is("strong") || t[verb].Is("fierce") || t[verb].Is("angry") || t[verb].Is("sharp")))
            {
                verb--;
            }

            if (!context.Is("drawobjection", t[verb]) || context.Subject(a, verb, null) is not { } target)
            {
                continue; // "drawing protests from …", "faced opposition from …": what drew them is criticized
            }

            int from = i + 2;
            while (from < t.Count && from <= i + 4 && RuleContext.StartingAt(a, from, RuleContext.IsActor) is null && t[from].IsWord && !t[from].IsCapitalized)
            {
                from++; // "from regulators in", "from the"
            }

            if (from < t.Count && t[from].Is("in"))
            {
                from++;
            }

            foreach (var critic in RuleContext.ListAfter(a, from, RuleContext.IsActor))
            {
                if (critic.EntityId != target.EntityId)
                {
                    context.Add(critic, RelationType.Criticizes, target, a, $"'{t[i].Text} from <actor>'", isExplicit: false);
                }
            }
        }
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
