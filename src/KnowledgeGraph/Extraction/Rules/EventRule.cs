namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Events named in a sentence: where they are held (a place in the name, "in/at &lt;place&gt;" after it),
/// who organises them (an organisation named in a non-violent event), who takes part ("a meeting
/// between A and B", "A’s reception of B") and, for violent events, what they attack.
/// </summary>
internal sealed class EventRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        foreach (var e in a.Mentions.Where(m => m.Kind == EntityKind.Event).ToList())
        {
            Places(context, a, e);
            Organisers(context, a, e);
            Participants(context, a, e);
        }
    }

    private static void Places(RuleContext context, SentenceAnalysis a, Mention e)
    {
        var t = a.Tokens;

        // A place named inside the event, or "in <place>" right after it.
        foreach (var p in a.Mentions)
        {
            bool ownedByCountry = e.HasOwner && p.Kind == EntityKind.Country && p.LastToken == e.CoreToken - 2 && !(e.EventHead is { } h && context.Is("violent", h));
            if (RuleContext.IsPlace(p) && p.FirstToken >= e.FirstToken && p.LastToken <= e.LastToken && (!e.HasOwner || ownedByCountry) && !IsComplement(context, a, e, p)
                && !a.Mentions.Any(o => o.Kind == EntityKind.Organization && o.FirstToken <= p.FirstToken && o.LastToken >= p.LastToken))
            {
                context.Add(e, RelationType.HeldIn, p, a, "place in the event's name");
            }
        }

        string name = e.Name;
        int inAt = name.LastIndexOf(" in ", StringComparison.Ordinal);
        if (inAt > 0)
        {
            var place = a.Mentions.FirstOrDefault(p => RuleContext.IsPlace(p) && p.Name == name[(inAt + 4)..]);
            if (place is not null)
            {
                context.Add(e, RelationType.HeldIn, place, a, "'<event> in <place>'");
            }
        }

        HeldAt(context, a, e);
        for (int k = e.LastToken + 1; k < Math.Min(t.Count - 1, e.LastToken + 3); k++)
        {
            if (t[k].Is("in") || t[k].Is("at") || t[k].Is("outside") || t[k].Is("inside") || t[k].Is("near"))
            {
                int first = k + 1 < t.Count && t[k + 1].Is("the") ? k + 2 : k + 1;
                foreach (var place in RuleContext.ListAfter(a, first, RuleContext.IsPlace))
                {
                    context.Add(e, RelationType.HeldIn, place, a, $"event followed by '{t[k].Text} <place>'"); // "floods in Greece, Bulgaria and Turkey"
                }

                break;
            }
        }
    }

    /// <summary>An organisation named in a non-violent event organises it: "NATO meeting of defense ministers".</summary>
    private static void Organisers(RuleContext context, SentenceAnalysis a, Mention e)
    {
        foreach (var org in a.Mentions.Where(o => o.Kind == EntityKind.Organization && o.FirstToken >= e.FirstToken && o.LastToken <= e.LastToken))
        {
            if (e.HasOwner && InComplement(a, e, org))
            {
                continue; // "Microsoft's acquisition of Activision": the owner organises it, not what it is of
            }

            if (e.EventHead is null || !context.Is("notorganized", e.EventHead))
            {
                context.Add(org, RelationType.Organizes, e, a, "organisation named in the event", isExplicit: false);
            }
        }
    }

    /// <summary>Participants: "a meeting between A and B", "A’s reception of B"; for a violent event, its target.</summary>
    private static void Participants(RuleContext context, SentenceAnalysis a, Mention e)
    {
        var t = a.Tokens;
        var owner = e.HasOwner ? a.Mentions.LastOrDefault(m => RuleContext.IsActor(m) && m.LastToken == e.CoreToken - 2) : null;
        if (owner is null && e.FirstToken > 0 && t[e.FirstToken - 1].Is("his") || e.FirstToken > 0 && t[e.FirstToken - 1].Is("her"))
        {
            owner = context.PronounReferent(a, e.FirstToken - 1);
        }

        var complement = a.Mentions.FirstOrDefault(m => RuleContext.IsActor(m) && m.FirstToken > (e.CoreToken < 0 ? e.FirstToken : e.CoreToken) && m.LastToken <= e.LastToken);
        var participants = new List<Mention>();
        if (e.LastToken + 1 < t.Count && t[e.LastToken + 1].Is("between"))
        {
            participants.AddRange(a.Mentions.Where(m => RuleContext.IsActor(m) && m.FirstToken > e.LastToken && m.FirstToken <= e.LastToken + 8));
        }

        if (e.EventHead is not null && context.Is("violent", e.EventHead))
        {
            Violent(context, a, e, owner, complement);
            return;
        }

        if (owner is not null && owner.Kind is { Name: "Organization" or "Country" } && !(e.EventHead is not null && context.Is("notorganized", e.EventHead)))
        {
            context.Add(owner, RelationType.Organizes, e, a, "organisation or country owning the event ('the WHO's assembly', 'Microsoft's acquisition')", isExplicit: false);
        }

        if (owner is not null && owner.Kind == EntityKind.Person)
        {
            participants.Insert(0, owner);
            if (e.EventHead is not null && context.Is("hosted", e.EventHead))
            {
                context.Add(owner, RelationType.Organizes, e, a, "host of a reception", isExplicit: false);
            }
        }

        if (complement is not null && complement.Kind == EntityKind.Person)
        {
            participants.Add(complement);
        }

        foreach (var p in participants)
        {
            context.Add(p, RelationType.Attends, e, a, "participant named with the event");
        }

        for (int i = 0; i + 1 < participants.Count; i++)
        {
            context.Add(participants[0], RelationType.Meets, participants[i + 1], a, "participants of one meeting");
        }
    }

    private static void Violent(RuleContext context, SentenceAnalysis a, Mention e, Mention? owner, Mention? complement)
    {
        var t = a.Tokens;
        Mention? target = complement;
        if (target is null && e.LastToken + 2 < t.Count && (t[e.LastToken + 1].Is("on") || t[e.LastToken + 1].Is("against")))
        {
            target = a.Mentions.FirstOrDefault(m => m.FirstToken > e.LastToken + 1 && m.FirstToken <= e.LastToken + 3 && (RuleContext.IsActor(m) || m.Kind == EntityKind.Place));
        }

        if (target is null && owner is not null)
        {
            target = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Country && m.LastToken < e.FirstToken && m.EntityId != owner.EntityId);
            if (target is not null)
            {
                context.Add(e, RelationType.HeldIn, target, a, "attacked country");
            }
        }

        if (target is not null)
        {
            context.Add(e, RelationType.Attacks, target, a, "violent event and its target");
            if (RuleContext.IsPlace(target))
            {
                context.Add(e, RelationType.HeldIn, target, a, "violent event in the place it strikes", isExplicit: false); // "the invasion of Ukraine" happens in Ukraine
            }

            if (owner is not null)
            {
                context.Add(owner, RelationType.Attacks, target, a, "owner of a violent event");
                context.Add(owner, RelationType.Organizes, e, a, "owner of a violent event");
            }
        }
    }

    /// <summary>"The summit, held at the Jakarta Convention Center, …", "the vote took place in the Bundestag": a verb of holding after the event.</summary>
    private static void HeldAt(RuleContext context, SentenceAnalysis a, Mention e)
    {
        var t = a.Tokens;
        for (int k = e.LastToken + 1; k + 2 < t.Count && k <= e.LastToken + 6 && t[k].Text is not ("." or ";"); k++)
        {
            int end = context.CueAt(t, k, "heldverb");
            if (end < 0)
            {
                continue;
            }

            end = AfterTime(context, t, end); // "will be held in 2024 in …", "was held on Monday at …"
            if (end + 1 >= t.Count || !(t[end].Is("in") || t[end].Is("at")))
            {
                continue;
            }

            foreach (var place in PlacesAfter(context, a, end + 1))
            {
                context.Add(e, RelationType.HeldIn, place, a, $"'<event> … {t[k].Text} {t[end].Text} <place>'");
            }

            return;
        }
    }

    /// <summary>The token after a time phrase at <paramref name="k"/> ("in 2024", "in November 2025", "on Monday", "next year"), or <paramref name="k"/>.</summary>
    private static int AfterTime(RuleContext context, List<Token> t, int k)
    {
        int j = k < t.Count && (t[k].Is("in") || t[k].Is("on")) ? k + 1 : k;
        int start = j;
        while (j < t.Count && (t[j].IsNumber ? j + 1 : context.CueAt(t, j, "date")) is int next and >= 0)
        {
            j = next;
        }

        return j > start ? j : k;
    }

    /// <summary>The place at <paramref name="k"/> (over "the"); for "the Brazilian city of Belem", the city and the country.</summary>
    private static IEnumerable<Mention> PlacesAfter(RuleContext context, SentenceAnalysis a, int k)
    {
        var t = a.Tokens;
        int first = k < t.Count && t[k].Is("the") ? k + 1 : k;
        var place = RuleContext.StartingAt(a, first, RuleContext.IsPlace);
        if (place is { Kind.Name: "Country" } && context.PlaceNamedAfter(a, place) is { } city)
        {
            yield return city;
        }

        if (place is not null)
        {
            yield return place;
        }
    }

    /// <summary>Whether a mention inside an event's phrase comes after its "of" or "for".</summary>
    private static bool InComplement(SentenceAnalysis a, Mention e, Mention m)
    {
        for (int k = e.FirstToken; k < m.FirstToken; k++)
        {
            if (a.Tokens[k].Is("of") || a.Tokens[k].Is("for"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsComplement(RuleContext context, SentenceAnalysis a, Mention e, Mention p)
    {
        for (int k = e.FirstToken; k < p.FirstToken; k++)
        {
            if (context.Is("eventcomplement", a.Tokens[k]))
            {
                return true;
            }
        }

        return false;
    }
}
