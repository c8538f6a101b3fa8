namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Membership: "Democrats like Rep. Jo Kent" (the person is a member of the group), "America’s NATO
/// allies" and "a stalwart NATO ally" (the country before the organisation is a member of it).
/// </summary>
internal sealed class MembershipRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 1; i < t.Count; i++)
        {
            if (!context.Is("listintro", t[i]))
            {
                continue;
            }

            var group = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Organization && m.LastToken == i - 1);
            var member = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Person && m.FirstToken > i && m.FirstToken <= i + 3);
            if (group is not null && member is not null)
            {
                context.Add(member, RelationType.MemberOf, group, a, "'<group> like <person>'");
            }
        }

        Lists(context, a);
        Includes(context, a);
        PartyPossessive(context, a);
        foreach (var org in a.Mentions.Where(m => m.Kind == EntityKind.Organization))
        {
            int k = org.LastToken + 1;
            if (k >= t.Count || !context.Is("member", t[k]))
            {
                continue;
            }

            var country = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Country && m.LastToken < org.FirstToken && org.FirstToken - m.LastToken <= 5);
            if (country is not null)
            {
                context.Add(country, RelationType.MemberOf, org, a, "'<country>’s <org> allies'");
            }
        }
    }

    /// <summary>
    /// "its current members Brazil, Russia and India" (the organisation before it), "members of X such as A and B",
    /// and "A is a member of X" / "A, a member of X" / "as a member of X" (the subject of the clause).
    /// </summary>
    private static void Lists(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            if (t[i].Text is not ("member" or "members" or "Members") || context.IsNegated(t, i))
            {
                continue;
            }

            var of = i + 2 < t.Count && t[i + 1].Is("of") ? a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Organization && (m.FirstToken == i + 2 || m.FirstToken == i + 3 && t[i + 2].Is("the"))) : null;
            var group = of ?? a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Organization && m.LastToken < i);
            if (group is null)
            {
                continue;
            }

            var listed = RuleContext.ListAfter(a, of is not null ? of.LastToken + 1 : i + 1);
            foreach (var member in listed)
            {
                context.Add(member, RelationType.MemberOf, group, a, "'members <list>'");
            }

            if (listed.Count == 0 && of is not null && t[i].Text == "member" && context.Subject(a, i, null) is { } subject && RuleContext.IsActor(subject) && RuleContext.IsBefore(a, subject, i))
            {
                context.Add(subject, RelationType.MemberOf, of, a, "'<actor> … a member of <organisation>'");
            }
        }
    }

    /// <summary>"the Quad, which also includes India and Japan", "a bloc that comprises A, B and C": the listed are members of the body.</summary>
    private static void Includes(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 1; i < t.Count; i++)
        {
            int end = context.CueAt(t, i, "memberverb");
            if (end < 0 || context.IsNegated(t, i))
            {
                continue;
            }

            var body = context.Subject(a, i, null);
            if (body is null || body.Kind != EntityKind.Organization)
            {
                continue;
            }

            foreach (var member in RuleContext.ListAfter(a, end))
            {
                context.Add(member, RelationType.MemberOf, body, a, $"'<organisation> {t[i].Text} <list>'");
            }
        }
    }

    /// <summary>"Fine Gael's Eva Lind", "Albanese’s own Labor Party", "Lee Jae-myung of the Democratic Party": a party and a person joined by a possessive or "of".</summary>
    private static void PartyPossessive(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var m in a.Mentions)
        {
            int k = m.LastToken + 1;
            if (k + 1 >= t.Count || !(t[k].IsPossessive || t[k].Is("of") && m.Kind == EntityKind.Person) || (m.Kind != EntityKind.Person && m.Kind != EntityKind.Organization))
            {
                continue;
            }

            int next = t[k + 1].Is("own") ? k + 2 : k + 1;
            if (m.Kind == EntityKind.Person && t[k].Is("of"))
            {
                next = t[k + 1].Is("the") ? k + 2 : k + 1; // "Lee Jae-myung of the Democratic Party"
            }

            var other = a.Mentions.Find(x => x.FirstToken == next && x.EntityId is not null);
            if (other is null)
            {
                continue;
            }

            var (person, party) = m.Kind == EntityKind.Person ? (m, other) : (other, m);
            if (person.Kind == EntityKind.Person && context.IsParty(a, party))
            {
                context.Add(person, RelationType.MemberOf, party, a, "'<party>’s <person>', '<person>’s own <party>' or '<person> of <party>'", isExplicit: false);
            }
        }
    }
}
