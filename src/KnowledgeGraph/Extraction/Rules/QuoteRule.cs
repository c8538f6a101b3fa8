namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Quotations as data: the words between quotation marks (a quotation may run over several sentences and
/// is attributed in the sentence where it ends, or else where it starts) and reported speech ("X said that
/// …"), each with its speaker (a person, organisation or country before or after the speech verb), what it
/// is about (the first actor or event the words name) and a stance (a verb of praise, criticism or support
/// in the sentence, else a word of praise in the quotation).
/// </summary>
internal sealed class QuoteRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        string s = a.Sentence.Text;
        int open = -1;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool opening = c == '“' || c == '"' && open < 0 && context.OpenQuote is null;
            bool closing = (c == '”' || c == '"') && (open >= 0 || context.OpenQuote is not null);
            if (opening && open < 0)
            {
                open = i + 1;
            }
            else if (closing)
            {
                int from = open >= 0 ? a.Sentence.Start + open : context.OpenQuote!.Value.Start;
                int end = a.Sentence.Start + i;
                var at = open >= 0 || Speaker(context, a) is not null ? a : context.OpenQuote!.Value.Sentence;
                Add(context, at, from, end, isDirect: true);
                open = -1;
                context.OpenQuote = null;
            }
        }

        if (open >= 0)
        {
            context.OpenQuote = (a.Sentence.Start + open, a);
        }
        else if (context.OpenQuote is null && s.AsSpan().IndexOfAny('“', '”', '"') < 0)
        {
            Reported(context, a);
        }
    }

    /// <summary>"X said that …": the clause after "that" is reported speech; "…, X said." at the end: the words before the comma.</summary>
    private static void Reported(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            int end = context.CueAt(t, i, "say") is int said and >= 0 ? said : context.CueAt(t, i, "evaluate");
            if (end >= 0 && (end == t.Count || end == t.Count - 1 && !t[end].IsWord) && t.FindLastIndex(i, x => x.Text == ",") is int comma and > 0)
            {
                // "Lund will appeal the conviction, her lawyer Omar Haddad said.": the words before the comma.
                Add(context, a, t[0].Start, t[comma].Start, isDirect: false, cue: i);
                return;
            }

            if (end >= 0 && end + 1 < t.Count && !(end < t.Count && context.Is("notreported", t[end])))
            {
                int from = t[end].Is("that") ? t[end + 1].Start : t[end].Start;
                int last = t[^1].IsWord ? t[^1].End : t[^1].Start;
                if (last > from && !a.Mentions.Exists(m => m.Start == from && m.Start + m.Length >= last))
                {
                    Add(context, a, from, last, isDirect: false, cue: i);
                }

                return;
            }
        }
    }

    private static void Add(RuleContext context, SentenceAnalysis a, int from, int end, bool isDirect, int cue = -1)
    {
        if (end <= from)
        {
            return;
        }

        // Reported speech: the subject of its own verb ("Kanter, who heads the division, said …"); a quotation: the actor by the speech verb.
        var speaker = cue >= 0 && context.Subject(a, cue, null) is { } subject && RuleContext.IsActor(subject) ? subject : Speaker(context, a);
        var speakerId = speaker?.EntityId;
        if (speakerId is null && context.Quotes.Count > 0 && context.Quotes[^1] is { Speaker: { } before } last && a.Sentence.Index - last.SentenceIndex <= 1 && isDirect && last.IsDirect)
        {
            speakerId = before; // a quotation that goes on after "…,” Bello said."
        }

        var about = a.Mentions.FirstOrDefault(m => m.Start >= from && m.Start < end && m.EntityId is not null && m.EntityId != speakerId && (RuleContext.IsActor(m) || m.Kind == EntityKind.Event)
            && !context.InsidePrepositionalPhrase(a, m));
        if (JudgedInside(context, a, from, end) is { } judged && judged.EntityId != speakerId)
        {
            about = judged; // "X will appeal the conviction, her lawyer said": the conviction is what the words judge
        }

        string? stance = Stance(context, a, from, end, about?.Kind == EntityKind.Event);
        string text = context.Text.Substring(from, end - from);
        var aboutId = about?.EntityId ?? (!isDirect && context.LastEvent is { } it && StartsWithIt(a, from) ? it.EntityId : null);
        context.Quotes.Add(new Quote(text, from, isDirect, a.Sentence.Index, speakerId, aboutId, stance));
        if (speakerId is { } sid && aboutId is { } aid && sid != aid && stance is "praise" or "criticism")
        {
            // The speaker's stance is a relation: "Garland called the decision a historic win" praises the ruling.
            context.Add(sid, stance == "praise" ? RelationType.Praises : RelationType.Criticizes, aid, a, $"{(isDirect ? "quotation" : "reported speech")} with a word of {stance}", isExplicit: false);
        }
    }

    /// <summary>The person by the sentence's speech verb, else any actor there ("Lund said", "said Lund", "the ministry said").</summary>
    private static Mention? Speaker(RuleContext context, SentenceAnalysis a) => context.Speaker(a) ?? context.Speaker(a, anyActor: true);

    /// <summary>
    /// The stance of the words: a verb of praise, criticism or support outside them, else the words of praise or
    /// criticism inside them; about an event, also what it is said to bring ("would create jobs", "would hurt consumers").
    /// </summary>
    private static string? Stance(RuleContext context, SentenceAnalysis a, int from, int end, bool aboutEvent)
    {
        var t = a.Tokens;
        bool positive = false;
        bool negative = false;
        for (int i = 0; i < t.Count; i++)
        {
            bool outside = t[i].Start < from || t[i].Start >= end;
            if (outside && context.CueAt(t, i, "praise") >= 0)
            {
                return "praise";
            }

            if (outside && context.CueAt(t, i, "criticize") >= 0)
            {
                return "criticism";
            }

            if (outside && context.CueAt(t, i, "support") >= 0 && !t[i].Is("for"))
            {
                return "support";
            }

            positive |= !outside && (context.CueAt(t, i, "positive") >= 0 || aboutEvent && context.CueAt(t, i, "outcomepositive") >= 0);
            negative |= !outside && (context.CueAt(t, i, "negative") >= 0 || aboutEvent && context.CueAt(t, i, "outcomenegative") >= 0
                || aboutEvent && context.CueAt(t, i, "criticize") >= 0 && !context.IsNegated(t, i)); // "X will appeal the conviction, his lawyer said"
        }

        return positive == negative ? null : positive ? "praise" : "criticism";
    }

    /// <summary>The event right after a verb of criticism inside the words ("will appeal the conviction"), or null.</summary>
    private static Mention? JudgedInside(RuleContext context, SentenceAnalysis a, int from, int end)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            int after = t[i].Start < from || t[i].Start >= end ? -1 : context.CueAt(t, i, "criticize");
            if (after < 0 || context.IsNegated(t, i))
            {
                continue;
            }

            var judged = RuleContext.Objects(a, after).Find(m => m.Kind == EntityKind.Event && m.Start < end);
            if (judged is not null)
            {
                return judged;
            }
        }

        return null;
    }

    /// <summary>Whether reported words open with "it" ("said it would appeal"): the event named last.</summary>
    private static bool StartsWithIt(SentenceAnalysis a, int from) => a.Tokens.Exists(x => x.Start == from && x.Is("it"));
}
