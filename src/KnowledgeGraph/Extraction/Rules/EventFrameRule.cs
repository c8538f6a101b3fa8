namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// A clause placed at an event that people are at ("On the sidelines of the summit, Modi and Xi held
/// a conversation"; "Lula told reporters at the summit"; "during Tuesday's hearing, Pichai said"):
/// the clause's subject, and the actors coordinated with it, attend the event.
/// </summary>
internal sealed class EventFrameRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            int end = context.CueAt(t, i, "eventframe");
            if (end < 0 || (i > 0 && t[i - 1].Is("of")))
            {
                continue;
            }

            if (end < t.Count && t[end].Is("of"))
            {
                end++;
            }

            var ev = AttendableEventAt(context, a, end);
            if (ev is null || context.IsNegated(t, i))
            {
                continue;
            }

            string why = $"clause at an event: '{MentionFinder.Join(t, i, end)} <event>'";
            if (OpensSentence(t, i) && ev.LastToken + 2 < t.Count && t[ev.LastToken + 1].Text == ",")
            {
                // "On the sidelines of the summit, Modi and Xi held …": the actors that open the main clause.
                foreach (var m in ActorsStartingClause(a, ev.LastToken + 2))
                {
                    context.Add(m, RelationType.Attends, ev, a, why, isExplicit: false);
                }

                continue;
            }

            var subject = context.Subject(a, i, null);
            if (subject is not null && RuleContext.IsActor(subject) && RuleContext.IsBefore(a, subject, i) && !RuleContext.InsideEvent(a, subject))
            {
                context.Add(subject, RelationType.Attends, ev, a, why, isExplicit: false);
                foreach (var other in context.CoordinatedBefore(a, subject))
                {
                    context.Add(other, RelationType.Attends, ev, a, why, isExplicit: false);
                }
            }
        }
    }

    /// <summary>The event an attendance frame introduces: it starts at <paramref name="from"/> or after an article or a possessive day ("the", "Thursday's").</summary>
    private static Mention? AttendableEventAt(RuleContext context, SentenceAnalysis a, int from)
    {
        foreach (var m in a.Mentions)
        {
            if (m.Kind == EntityKind.Event && m.FirstToken >= from && m.FirstToken <= from + 2 && m.EntityId is not null
                && m.EventHead is { } head && context.Is("attendable", head))
            {
                return m;
            }
        }

        return null;
    }

    private static bool OpensSentence(List<Token> t, int i) => i == 0 || (i == 1 && (t[0].Is("but") || t[0].Is("and")));

    /// <summary>"Modi and Xi held …", "Brazil, India and China agreed …": the actors coordinated at the start of a clause.</summary>
    private static List<Mention> ActorsStartingClause(SentenceAnalysis a, int from)
    {
        var t = a.Tokens;
        var result = new List<Mention>();
        int k = from;
        while (k < t.Count)
        {
            var m = RuleContext.ActorOrEventStartingAt(a, k);
            if (m is null || !RuleContext.IsActor(m))
            {
                break;
            }

            result.Add(m);
            k = m.LastToken + 1;
            if (k < t.Count && t[k].Text == ",")
            {
                k++;
            }

            if (k < t.Count && t[k].Is("and"))
            {
                k++;
            }
            else if (k > 0 && t[k - 1].Text != ",")
            {
                break;
            }
        }

        return result;
    }
}
