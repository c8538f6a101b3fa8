namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Titles that name the body they belong to around the name rather than before the title:
/// "Microsoft Chief Executive Satya Nadella", "Labour leader Keir Starmer", "Argentina's President
/// Javier Milei", "Slovakia, whose Prime Minister Robert Fico" (the body right before the title);
/// "Alice Weidel, the co-leader of the AfD", "Sarah Cardell, the CMA's chief executive" (an
/// apposition after the name); "Google's chief executive, Sundar Pichai", "its director general,
/// Rafael Grossi" (an apposition before it). The title's class gives the relations: a head leads
/// and holds a role, a role holder holds a role, a member (a club's midfielder) is a member.
/// </summary>
internal sealed class RoleAppositionRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        for (int i = 0; i < a.Mentions.Count; i++)
        {
            var p = a.Mentions[i];
            if (p.Kind != EntityKind.Person || p.EntityId is null)
            {
                continue;
            }

            if (p.Role is not null && p.RoleOf is null && p.RoleClass is not (null or "honorific") && BodyBefore(a, p.FirstToken) is { } body)
            {
                context.AddRole(p, body, p.RoleClass, a, $"title '{p.Role}' after {body.Text}");
            }

            ApposedAfter(context, a, p);
            ApposedBefore(context, a, p);
        }
    }

    /// <summary>The organisation or country right before a title: "Microsoft …", "Argentina's …", "Slovakia, whose …".</summary>
    private static Mention? BodyBefore(SentenceAnalysis a, int titleStart)
    {
        var t = a.Tokens;
        int k = titleStart - 1;
        if (k >= 0 && t[k].IsPossessive)
        {
            k--;
        }
        else if (k >= 1 && t[k].Is("whose") && t[k - 1].Text == ",")
        {
            k -= 2;
        }

        return k < 0 ? null : RuleContext.EndingAt(a, k, IsBody);
    }

    /// <summary>A country or organisation that resolved to an entity: a body a title can belong to.</summary>
    private static bool IsBody(Mention m) => (m.Kind == EntityKind.Organization || m.Kind == EntityKind.Country) && m.EntityId is not null;

    /// <summary>"X, the co-leader of the AfD", "X, co-leader of the Social Democrats", "X, the CMA's chief executive", "X, a Labour lawmaker".</summary>
    private static void ApposedAfter(RuleContext context, SentenceAnalysis a, Mention p)
    {
        var t = a.Tokens;
        int j = p.LastToken + 1;
        if (j + 1 >= t.Count || t[j].Text != ",")
        {
            return;
        }

        j++;
        if (t[j].Is("the") || t[j].Is("a") || t[j].Is("an"))
        {
            j++;
        }

        if (j >= t.Count || IsFormer(t[j]))
        {
            return;
        }

        // "the CMA's chief executive", "a Labour lawmaker": the body, then the title.
        if (RuleContext.StartingAt(a, j, IsBody) is { } body)
        {
            int k = body.LastToken + 1;
            if (k < t.Count && t[k].IsPossessive)
            {
                k++;
            }

            if (k < t.Count && !IsFormer(t[k]) && context.Lexicon.TitleAt(t, k) is { } owned)
            {
                context.AddRole(p, body, owned.Class, a, $"apposition '{body.Text} … {Words(t, k, owned.End)}'");
            }

            return;
        }

        // "co-leader of the Social Democrats", "chief executive at Google".
        if (context.Lexicon.TitleAt(t, j) is { } title && title.End + 1 < t.Count && (t[title.End].Is("of") || t[title.End].Is("at") || t[title.End].Is("for") || t[title.End].Is("from") || t[title.End].Is("in")))
        {
            int b = title.End + 1;
            if (t[b].Is("the") && b + 1 < t.Count)
            {
                b++;
            }

            for (int adjectives = 0; adjectives < 3 && b + 1 < t.Count && !t[b].IsCapitalized && t[b].IsWord && RuleContext.StartingAt(a, b, IsBody) is null; adjectives++)
            {
                b++; // "the leader of the main opposition Democratic Party"
            }

            if (RuleContext.StartingAt(a, b, IsBody) is { } of && !(of.LastToken + 1 < t.Count && t[of.LastToken + 1].IsPossessive))
            {
                // (not "professor at Johns Hopkins University’s School of …": the role is in the school, as the affiliation rule says)
                context.AddRole(p, of, title.Class, a, $"apposition '{Words(t, j, title.End)} {t[title.End].Text} {of.Text}'");
            }
        }
    }

    /// <summary>"Google's chief executive, Sundar Pichai", "its director general, Rafael Grossi".</summary>
    private static void ApposedBefore(RuleContext context, SentenceAnalysis a, Mention p)
    {
        var t = a.Tokens;
        int comma = p.FirstToken - 1;
        if (comma < 2 || t[comma].Text != "," || p.LastToken + 1 >= t.Count || !(t[p.LastToken + 1].Text is "," or "." || p.LastToken + 1 == t.Count - 1))
        {
            return;
        }

        for (int s = Math.Max(0, comma - 3); s < comma; s++)
        {
            if (context.Lexicon.TitleAt(t, s) is not { } title || title.End != comma || s < 1 || IsFormer(t[s - 1]))
            {
                continue;
            }

            var body = t[s - 1].IsPossessive ? RuleContext.EndingAt(a, s - 2, IsBody)
                : t[s - 1].Is("its") || t[s - 1].Is("their") ? a.Mentions.LastOrDefault(m => IsBody(m) && m.LastToken < s - 1)
                : RuleContext.EndingAt(a, s - 1, IsBody); // "the party leader, Han Dong-hoon"
            if (body is not null)
            {
                context.AddRole(p, body, title.Class, a, $"apposition '{t[s - 1].Text} {Words(t, s, title.End)}, {p.Text}'");
                return;
            }
        }
    }

    private static bool IsFormer(Token t) => t.Is("former") || t.Is("ex") || t.Is("then") || t.Is("late");

    private static string Words(List<Token> t, int from, int to) => MentionFinder.Join(t, from, to);
}
