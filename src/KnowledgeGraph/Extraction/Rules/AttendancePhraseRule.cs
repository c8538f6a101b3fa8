namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Attendance without a verb cue: "officials to Friday’s conference" (the actor before "to" attends)
/// and "&lt;event&gt; – where &lt;actors&gt; …" (the actors named after "where" attend).
/// </summary>
internal sealed class AttendancePhraseRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            if (t[i].Is("to"))
            {
                To(context, a, i);
            }

            if (t[i].Is("where") && i > 0)
            {
                Where(context, a, i);
            }
        }
    }

    private static void To(RuleContext context, SentenceAnalysis a, int i)
    {
        var t = a.Tokens;
        var e = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Event && m.FirstToken > i && m.FirstToken <= i + 3 && !m.IsAnaphor);
        if (!(e is not null && !(i + 1 < t.Count && t[i + 1].Text is "the" or "a") || e is not null && e.FirstToken == i + 2))
        {
            return;
        }

        for (int k = i - 1; k >= 0 && k >= i - 5; k--)
        {
            var m = FirstActorEndingAt(a, k);
            if (m is not null)
            {
                context.Add(m, RelationType.Attends, e!, a, "'<actor> … to <event>'", isExplicit: false);
                break;
            }

            if (!t[k].IsWord || context.IsPrepositionOrAuxiliary(t[k].Text))
            {
                break;
            }
        }
    }

    private static void Where(RuleContext context, SentenceAnalysis a, int i)
    {
        var t = a.Tokens;
        var e = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Event && m.LastToken < i && i - m.LastToken <= 2);
        if (e is null)
        {
            return;
        }

        for (int k = i + 1; k < t.Count && t[k].Text is not ("," or ";" or "–" or "—" or "."); k++)
        {
            var m = FirstActorStartingAt(a, k);
            if (m is not null)
            {
                context.Add(m, RelationType.Attends, e, a, "'<event> where <actor>'", isExplicit: false);
                k = m.LastToken;
                continue;
            }

            if (!t[k].IsCapitalized && !t[k].IsAcronym && !context.Is("wherefiller", t[k]))
            {
                break;
            }
        }
    }

    private static Mention? FirstActorEndingAt(SentenceAnalysis a, int k)
    {
        foreach (var m in a.Mentions)
        {
            if (m.LastToken == k && RuleContext.IsActor(m))
            {
                return m;
            }
        }

        return null;
    }

    private static Mention? FirstActorStartingAt(SentenceAnalysis a, int k)
    {
        foreach (var m in a.Mentions)
        {
            if (m.FirstToken == k && RuleContext.IsActor(m))
            {
                return m;
            }
        }

        return null;
    }
}
