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

        int ts = from - 1;
        if (ts >= 1 && !t[ts - 1].IsCapitalized && _lex.Lookup(Capitalize(t[ts - 1].Text) + " " + Capitalize(t[ts].Text)).Any(e => e.Kind == PhraseKind.Title))
        {
            ts--;
        }

        string lowerTitle = ts < from - 1 ? Capitalize(t[ts].Text) + " " + Capitalize(t[ts + 1].Text) : Capitalize(t[ts].Text);
        var te = _lex.Lookup(lowerTitle).FirstOrDefault(e => e.Kind == PhraseKind.Title && e.TitleClass != "honorific");
        // A single name only after a player's position ("midfielder Rodri"): other titles need a full name.
        return te is not null && AllNameWords(t, from, to) && (to - from >= 2 || te.TitleClass == "member")
            ? new Mention(a.Sentence.Index, t[ts].Start, Span(a, ts, from), "Title", $"title '{Span(a, ts, from)}'", ts, from - 1) { RoleClass = te.TitleClass }
            : null;
    }

    /// <summary>The person named after a title ("Secretary of State Marco Rubio"), with the organisation or country the title is of.</summary>
    private static Mention TitledPerson(SentenceAnalysis a, int from, int to, Mention title, Mention? roleOf)
    {
        int idx = a.Sentence.Index;
        string text = Span(a, from, to);
        string role = title.Text;
        string? roleText = title.RoleClass == "honorific" ? null : role;
        return roleOf is null
            ? new Mention(idx, title.Start, Span(a, title.FirstToken, to), EntityKind.Person, $"title '{role}' before a name", title.FirstToken, to - 1)
            {
                Name = text,
                Role = roleText,
                RoleClass = title.RoleClass,
                RoleOf = roleOf,
            }
            : new Mention(idx, roleOf.Start, Span(a, roleOf.FirstToken, to), EntityKind.Person, $"title '{role}' of {roleOf.Name} before a name", roleOf.FirstToken, to - 1)
            {
                Name = text,
                Role = roleText,
                RoleClass = title.RoleClass,
                RoleOf = roleOf,
            };
    }
}
