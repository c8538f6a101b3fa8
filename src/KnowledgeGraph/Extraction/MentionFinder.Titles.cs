namespace KnowledgeGraph.Extraction;

/// <summary>People named with a title: "Secretary of State Marco Rubio", "special envoy Wang Lin", "midfielder Rodri".</summary>
internal sealed partial class MentionFinder
{
    /// <summary>"special envoy Wang Lin", "midfielder Rodri": a lower-case title right before a name of two or three words (one after a player's position).</summary>
    private Mention? LowerCaseTitleBefore(SentenceAnalysis a, int from, int to)
    {
        var t = a.Tokens;
        if (!(to - from is >= 1 and <= 3 && from >= 1 && !t[from - 1].IsCapitalized && t[from - 1].IsWord))
        {
            return null;
        }

        for (int ts = Math.Max(0, from - 3); ts < from; ts++)
        {
            if (t[ts].IsCapitalized || _lex.TitleAt(t, ts) is not { } title || title.End != from)
            {
                continue;
            }

            // A single name only after a player's position ("midfielder Rodri"): other titles need a full name.
            return AllNameWords(t, from, to) && (to - from >= 2 || title.Class == "member")
                ? new Mention(a.Sentence.Index, t[ts].Start, Span(a, ts, from), "Title", $"title '{Span(a, ts, from)}'", ts, from - 1) { RoleClass = title.Class }
                : null;
        }

        return null;
    }

    /// <summary>The person named after a title ("Secretary of State Marco Rubio"), with the organisation or country the title is of.</summary>
    private static Mention TitledPerson(SentenceAnalysis a, int from, int to, Mention title, Mention? roleOf)
    {
        string role = title.Text;
        var first = roleOf ?? title; // "Secretary of State Kari Lund", or "NATO Secretary-General Kari Lund" from the body on
        return new Mention(a.Sentence.Index, first.Start, Span(a, first.FirstToken, to), EntityKind.Person, $"title '{role}'{(roleOf is null ? string.Empty : " of " + roleOf.Name)} before a name", first.FirstToken, to - 1)
        {
            Name = Span(a, from, to),
            Role = title.RoleClass == "honorific" ? null : role,
            RoleClass = title.RoleClass,
            RoleOf = roleOf,
        };
    }

    /// <summary>Whether words look like a person's name: two to four capitalised words, none of them a cue of a body, event or place, or a title.</summary>
    private bool IsPersonLike(List<Token> t, int from, int to)
    {
        if (NameWords(t, from, to) is < 2 or > 4 || !PersonNameWords(t, from, to))
        {
            return false;
        }

        for (int i = from; i < to; i++)
        {
            if (_lex.IsCue("org", t[i].Text) || _lex.IsCue("event", t[i].Text) || _lex.IsCue("place", t[i].Text) || _lex.IsCue("notname", t[i].Text) || _lex.TitleAt(t, i) is not null)
            {
                return false;
            }
        }

        return true;
    }
}
