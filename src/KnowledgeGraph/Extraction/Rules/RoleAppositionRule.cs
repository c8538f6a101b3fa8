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
            OfCountry(context, a, p);
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

    /// <summary>A country, organisation or event that resolved to an entity: what a title can belong to ("the summit's president").</summary>
    private static bool IsBody(Mention m) => (m.Kind == EntityKind.Organization || m.Kind == EntityKind.Country || m.Kind == EntityKind.Event) && m.EntityId is not null;

    /// <summary>A country that resolved to an entity.</summary>
    private static bool IsResolvedCountry(Mention m) => m.Kind == EntityKind.Country && m.EntityId is not null;

    /// <summary>The token after "who is", "who was", "who has been" (and "also", "now") at <paramref name="j"/>, or <paramref name="j"/>.</summary>
    private static int AfterRelativeBe(RuleContext context, List<Token> t, int j)
    {
        if (!(j + 1 < t.Count && t[j].Is("who")))
        {
            return j;
        }

        int k = j + 1;
        while (k < t.Count && (context.Is("auxiliary", t[k]) || t[k].Is("been") || t[k].Is("also") || t[k].Is("now")))
        {
            k++;
        }

        return k > j + 1 ? k : j;
    }

    /// <summary>"Cedric Schuster of Samoa": a person named with "of" and a country is its national.</summary>
    private static void OfCountry(RuleContext context, SentenceAnalysis a, Mention p)
    {
        var t = a.Tokens;
        int k = p.LastToken + 1;
        if (k + 1 < t.Count && t[k].Is("of") && RuleContext.StartingAt(a, k + 1, IsResolvedCountry) is { } country
            && !(country.LastToken + 1 < t.Count && t[country.LastToken + 1].IsPossessive))
        {
            context.Add(p, RelationType.CitizenOf, country, a, $"'<person> of {country.Text}'", isExplicit: false);
        }
    }

    /// <summary>The country after up to three lower-case words and "from", from <paramref name="j"/>: "youth campaigner from Fiji".</summary>
    private static Mention? FromCountry(SentenceAnalysis a, int j)
    {
        var t = a.Tokens;
        for (int k = j; k < t.Count - 1 && k <= j + 3; k++)
        {
            if (t[k].Is("from"))
            {
                // (not "from London": a capital named as a city)
                return k > j ? RuleContext.StartingAt(a, k + 1, m => IsResolvedCountry(m) && m.Origin != MentionOrigin.CapitalForCountry) : null;
            }

            if (!IsModifier(t[k]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A title after up to two lower-case modifiers ("ecology minister", "lead negotiator"), with where it starts and ends.</summary>
    private static (int Start, int End, string Class)? TitleAfterModifiers(RuleContext context, List<Token> t, int k)
    {
        for (int m = k; m < t.Count && m <= k + 2; m++)
        {
            if (context.Lexicon.TitleAt(t, m) is { } title)
            {
                return (m, title.End, title.Class);
            }

            if (!IsModifier(t[m]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A head's title narrowed by a modifier is a role: "humanitarian chief", "aid chief" do not lead the body.</summary>
    private static string Narrowed(string titleClass) => titleClass is "head" or "leader" ? "role" : titleClass;

    /// <summary>A lower-case word of letters that can modify a noun: not a function word, a possessive or punctuation ("under-21" is not one).</summary>
    private static bool IsModifier(Token t) =>
        t.IsWord && !t.IsCapitalized && !t.IsPossessive && !IsFormer(t) && t.Text.All(c => char.IsLetter(c) || c == '-')
        && t.Text is not ("the" or "a" or "an" or "of" or "and" or "or" or "its" or "their" or "his" or "her" or "who" or "which" or "that" or "from" or "at" or "in" or "for" or "to" or "with");

    /// <summary>"X, the co-leader of the AfD", "X, co-leader of the Social Democrats", "X, the CMA's chief executive", "X, a Labour lawmaker".</summary>
    private static void ApposedAfter(RuleContext context, SentenceAnalysis a, Mention p)
    {
        var t = a.Tokens;
        int j = p.LastToken + 1;
        if (j + 1 >= t.Count || t[j].Text != ",")
        {
            return;
        }

        j = AfterRelativeBe(context, t, j + 1); // "X, who is also chief executive of …" reads as "X, chief executive of …"
        if (j < t.Count && (t[j].Is("the") || t[j].Is("a") || t[j].Is("an")))
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

            if (k < t.Count && !IsFormer(t[k]) && TitleAfterModifiers(context, t, k) is { } owned)
            {
                context.AddRole(p, body, owned.Start > k ? Narrowed(owned.Class) : owned.Class, a, $"apposition '{body.Text} … {Words(t, owned.Start, owned.End)}'");
            }
            else if (body.Kind == EntityKind.Country && k == body.LastToken + 1 && k < t.Count && IsModifier(t[k]))
            {
                // "Salah Bouzid, a Libyan volunteer", "Kari Lund, a Norwegian activist": introduced by nationality.
                context.Add(p, RelationType.CitizenOf, body, a, $"apposition '{t[j - 1].Text} {body.Text} {t[k].Text}'", isExplicit: false);
            }

            return;
        }

        if (FromCountry(a, j) is { } home)
        {
            context.Add(p, RelationType.CitizenOf, home, a, $"apposition '… from {home.Text}'", isExplicit: false); // "a youth campaigner from Fiji"
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
            if (context.Lexicon.TitleAt(t, s) is not { } title || title.End != comma || s < 1)
            {
                continue;
            }

            int q = s;
            while (q - 1 >= 1 && s - q < 2 && IsModifier(t[q - 1]) && !t[q - 1].Is("party"))
            {
                q--; // "Azerbaijan's ecology minister, Mukhtar Babayev"
            }

            if (IsFormer(t[q - 1]))
            {
                continue;
            }

            var body = t[q - 1].IsPossessive ? RuleContext.EndingAt(a, q - 2, IsBody)
                : t[q - 1].Is("its") || t[q - 1].Is("their") ? a.Mentions.LastOrDefault(m => IsBody(m) && m.LastToken < q - 1)
                : RuleContext.EndingAt(a, q - 1, IsBody); // "the party leader, Han Dong-hoon"
            if (body is not null)
            {
                context.AddRole(p, body, q < s ? Narrowed(title.Class) : title.Class, a, $"apposition '{t[q - 1].Text} {Words(t, q, title.End)}, {p.Text}'");
                return;
            }
        }
    }

    private static bool IsFormer(Token t) => t.Is("former") || t.Is("ex") || t.Is("then") || t.Is("late");

    private static string Words(List<Token> t, int from, int to) => MentionFinder.Join(t, from, to);
}
