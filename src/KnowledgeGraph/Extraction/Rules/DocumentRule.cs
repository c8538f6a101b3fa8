namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Relations that the report as a whole states, found after every sentence has been read: the text's
/// main event (the one mentioned most) is held where the dateline says the report was filed, and a
/// person who travels to or arrives in the place an event is held in attends it.
/// </summary>
internal static class DocumentRule
{
    /// <summary>Proposes the document-level relations.</summary>
    public static void Apply(RuleContext context, List<SentenceAnalysis> sentences)
    {
        var main = MainEvent(sentences);
        var heldIn = new Dictionary<EntityId, EntityId>();
        foreach (var c in context.Found)
        {
            if (c.Type == RelationType.HeldIn)
            {
                heldIn.TryAdd(c.Target, c.Source);
            }
        }

        var (opening, dateline) = Dateline(sentences);
        if (main is not null && opening is not null && dateline is not null)
        {
            // The report is filed from where its main event happens: travelling there is travelling to the event.
            var country = opening.Mentions.Find(m => m.Kind == EntityKind.Country && m.FirstToken == dateline.LastToken + 2 && opening.Tokens[dateline.LastToken + 1].Text == ",");
            bool happensThere = !(main.EventHead is { } head && (context.Is("violent", head) || context.Lexicon.EventClass(head) == "class:disaster"));
            if (happensThere)
            {
                context.Add(main, RelationType.HeldIn, dateline, opening, "the main event, and the dateline's place", isExplicit: false);
            }

            if (country is not null)
            {
                // "RAMSTEIN AIR BASE, Germany, Sept. 6 —": the place is in the country, and so is the main event.
                context.Add(dateline, RelationType.LocatedIn, country, opening, "the dateline's place and its country", isExplicit: false);
                if (happensThere)
                {
                    context.Add(main, RelationType.HeldIn, country, opening, "the main event, and the dateline's country", isExplicit: false);
                }
            }

            heldIn.TryAdd(dateline.EntityId!.Value, main.EntityId!.Value);
        }

        foreach (var a in sentences)
        {
            Travel(context, a, heldIn);
            TakingPart(context, a, main);
        }

        if (dateline?.EntityId is not null)
        {
            KnownPlaces(context, sentences, dateline);
        }

        DeverbalRule.Apply(context, sentences);
        if (main is not null)
        {
            TeamsAtTheContest(context, sentences, main);
            AtTheMainEvent(context, sentences, main);
            foreach (var (actor, a, verb) in context.Reactions)
            {
                context.Add(actor, RelationType.Criticizes, main, a, $"'{verb}' with nothing named: against the main event", isExplicit: false);
            }
        }
    }

    /// <summary>The first sentence with a dateline place and that place, or nulls when the report has none.</summary>
    private static (SentenceAnalysis? Opening, Mention? Dateline) Dateline(List<SentenceAnalysis> sentences)
    {
        foreach (var a in sentences)
        {
            if (a.Mentions.Find(m => m.Origin == MentionOrigin.Dateline && m.Kind == EntityKind.Place) is { } dateline)
            {
                return (a, dateline);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// Who is at the text's main event when it is one people attend (a summit, a conference, a final, a trial): who "also
    /// took part" with no event named, who is "among the ministers at the table", and the countries and bodies whose
    /// "leaders" or "delegations" the text names.
    /// </summary>
    private static void AtTheMainEvent(RuleContext context, List<SentenceAnalysis> sentences, Mention main)
    {
        if (main.EventHead is not { } head || !context.IsAttendable(head))
        {
            return;
        }

        foreach (var (actor, a, verb) in context.Unplaced)
        {
            context.Add(actor, RelationType.Attends, main, a, $"'{verb}' with no event named: the main event", isExplicit: false);
        }

        foreach (var a in sentences)
        {
            Delegated(context, a, main);
            foreach (var m in a.Mentions)
            {
                if (m.Kind == EntityKind.Organization && m.RoleOf is { Kind.Name: "Country" } && a.Tokens[m.LastToken].Is("delegation"))
                {
                    context.Add(m, RelationType.Attends, main, a, "a country's delegation in a report on the event", isExplicit: false); // "led the United States delegation"
                }
            }
        }

        foreach (var a in sentences)
        {
            var t = a.Tokens;
            for (int i = 0; i + 2 < t.Count; i++)
            {
                if (context.IsNegated(t, i) || !context.Is("participantnoun", t[i]))
                {
                    continue;
                }

                if (AmongBefore(t, i) is int among)
                {
                    Among(context, a, among, main);
                }
                else if (OfAfterParticipants(context, t, i) is int of)
                {
                    // "the leaders of the United States, Britain and France", "the leaders or envoys of …": the countries are at
                    // the event the sentence names, else at the main event.
                    var ev = context.AttendedEventIn(a) ?? main;
                    foreach (var m in RuleContext.ListAfter(a, of + 1 < t.Count && t[of + 1].Is("the") ? of + 2 : of + 1))
                    {
                        if (m.Kind == EntityKind.Country || m.Kind == EntityKind.Organization)
                        {
                            context.Add(m, RelationType.Attends, ev, a, $"'{t[i].Text} {t[of].Text} <country>' in a report on the event", isExplicit: false);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Who goes in someone's place: "Moscow sent Foreign Minister X", "was represented by Deputy Prime Minister Y" (the
    /// person named after the verb), "X stood in for President Y" (its subject). They attend the event the sentence names,
    /// else the main event.
    /// </summary>
    private static void Delegated(RuleContext context, SentenceAnalysis a, Mention main)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            int sent = context.CueAt(t, i, "delegate");
            int standIn = sent < 0 ? context.CueAt(t, i, "standin") : -1;
            if (sent < 0 && standIn < 0 || context.IsNegated(t, i))
            {
                continue;
            }

            var ev = context.AttendedEventIn(a) ?? main;
            if (sent >= 0)
            {
                var sentWho = RuleContext.Objects(a, sent);
                if (sentWho.Count == 0 || sentWho[0].FirstToken > sent + 1)
                {
                    continue; // "sent two aircraft, Kari Lund said": nobody is sent
                }

                var country = CountryOf(context, context.Subject(a, i, null));
                foreach (var m in sentWho)
                {
                    if (m.Kind == EntityKind.Person)
                    {
                        context.Add(m, RelationType.Attends, ev, a, $"sent in someone's place: '{t[i].Text} <person>'", isExplicit: false);
                        if (country is not null)
                        {
                            context.Add(m, RelationType.Represents, country, a, $"sent by {country.Text}: '{t[i].Text} <person>'", isExplicit: false);
                        }
                    }
                }
            }
            else if (context.Subject(a, i, null) is { Kind.Name: "Person" } stand)
            {
                context.Add(stand, RelationType.Attends, ev, a, $"in someone's place: '{t[i].Text}'", isExplicit: false);
                if (CountryOf(context, RuleContext.ActorOrEventStartingAt(a, standIn)) is { } country)
                {
                    context.Add(stand, RelationType.Represents, country, a, $"in the place of {country.Text}'s leader", isExplicit: false);
                }
            }
        }
    }

    /// <summary>The country an actor stands for: the country itself, or the country a leader leads.</summary>
    private static Mention? CountryOf(RuleContext context, Mention? actor) =>
        actor is null ? null
        : actor.Kind == EntityKind.Country ? actor
        : actor.EntityId is { } id && context.LeaderCountry.TryGetValue(id, out var led) ? led : null;

    /// <summary>The "of" or "from" after a participant noun, over "or envoys" ("the leaders or envoys of"), or null.</summary>
    private static int? OfAfterParticipants(RuleContext context, List<Token> t, int i)
    {
        int k = i + 1;
        if (k + 1 < t.Count && (t[k].Is("or") || t[k].Is("and")) && context.Is("participantnoun", t[k + 1]))
        {
            k += 2;
        }

        return k + 1 < t.Count && (t[k].Is("of") || t[k].Is("from")) ? k : null;
    }

    /// <summary>The "among" of "among the (defence) ministers" before the participant noun at <paramref name="i"/>, or null.</summary>
    private static int? AmongBefore(List<Token> t, int i)
    {
        for (int k = i - 1; k >= 1 && k >= i - 3; k--)
        {
            if (t[k].Is("the") && t[k - 1].Is("among"))
            {
                return k - 1;
            }
        }

        return null;
    }

    /// <summary>"Germany's Boris Pistorius, Britain's John Healey and Canada's Bill Blair were among the ministers at the table".</summary>
    private static void Among(RuleContext context, SentenceAnalysis a, int among, Mention main)
    {
        var t = a.Tokens;
        int k = among - 1;
        while (k >= 0 && (context.Is("auxiliary", t[k]) || t[k].Is("also")))
        {
            k--;
        }

        var last = k >= 0 ? RuleContext.ActorEndingAt(a, k) : null;
        if (last is null)
        {
            return;
        }

        var ev = a.Mentions.Find(m => m.Kind == EntityKind.Event && m.FirstToken > among && m.EntityId is not null) ?? main;
        foreach (var m in context.CoordinatedBefore(a, last).Append(last))
        {
            context.Add(m, RelationType.Attends, ev, a, "'<actors> were among the <participants>'", isExplicit: false);
        }
    }

    /// <summary>
    /// In a report on a match or final, the players and coaches of a team that takes part take part too:
    /// a person with a player's title ("midfielder Rodri") or who belongs to or leads a team that attends it.
    /// </summary>
    private static void TeamsAtTheContest(RuleContext context, List<SentenceAnalysis> sentences, Mention main)
    {
        if (main.EventHead is not { } head || context.Lexicon.EventClass(head) != "class:contest" || main.EntityId is not { } contest)
        {
            return;
        }

        var teams = new HashSet<EntityId>();
        foreach (var c in context.Found)
        {
            if (c.Type == RelationType.Attends && c.Target == contest)
            {
                teams.Add(c.Source);
            }
        }

        foreach (var c in context.Found.FindAll(c => (c.Type == RelationType.MemberOf || c.Type == RelationType.Leads) && teams.Contains(c.Target)))
        {
            context.Add(c.Source, RelationType.Attends, contest, sentences[c.Sentence], "a player or coach of a team at the contest", isExplicit: false);
        }

        // Whom a report on a match names was, as a rule, there: players, coaches, officials, guests, the fans it quotes.
        var match = MatchOf(context, sentences, main);
        var named = new HashSet<EntityId>();
        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (m.Kind != EntityKind.Person || m.EntityId is not { } id || !named.Add(id))
                {
                    continue;
                }

                if (m.RoleClass == "member")
                {
                    context.Add(id, RelationType.Attends, contest, a, "a player named by position in a report on the contest", isExplicit: false);
                }
                else if (!IsFormer(a, m))
                {
                    context.Add(id, RelationType.Attends, match, a, "a person named in a report on the match", isExplicit: false);
                }
            }
        }
    }

    /// <summary>"former coach X", "X, a former captain": the person is named for what they were.</summary>
    private static bool IsFormer(SentenceAnalysis a, Mention m)
    {
        var t = a.Tokens;
        for (int k = m.FirstToken - 1; k >= 0 && k >= m.FirstToken - 3; k--)
        {
            if (t[k].Is("former") || t[k].Is("late"))
            {
                return true;
            }
        }

        return m.LastToken + 3 < t.Count && t[m.LastToken + 1].Text == "," && (t[m.LastToken + 3].Is("former") || t[m.LastToken + 2].Is("former"));
    }

    /// <summary>
    /// The match a report on a tournament is about: the contest event named most with a match's head (a final, a match, a
    /// game), else the main event itself.
    /// </summary>
    private static EntityId MatchOf(RuleContext context, List<SentenceAnalysis> sentences, Mention main)
    {
        if (main.EventHead is { } head && context.Lexicon.IsCue("matchnoun", head))
        {
            return main.EntityId!.Value;
        }

        var best = MainEvent(sentences, m => m.EventHead is { } h && context.Lexicon.IsCue("matchnoun", h) && !m.IsOtherOccurrence);
        return (best ?? main).EntityId!.Value;
    }

    /// <summary>
    /// A venue named without its city ("the Atatürk Olympic Stadium", "the Sandton Convention Centre") is in the
    /// city of the dateline. (A city is not put in its country from the lexicon: the text has to say so.)
    /// </summary>
    private static void KnownPlaces(RuleContext context, List<SentenceAnalysis> sentences, Mention dateline)
    {
        var located = new HashSet<EntityId>();
        foreach (var c in context.Found)
        {
            if (c.Type == RelationType.LocatedIn)
            {
                located.Add(c.Source);
            }
        }

        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (m.EntityId is { } id && context.IsVenue(a, m) && m.CountryIso is null && dateline.EntityId != id && located.Add(id))
                {
                    context.Add(m, RelationType.LocatedIn, dateline, a, "a venue named without its city, in the dateline's city", isExplicit: false);
                }
            }
        }
    }

    /// <summary>The classes of event with verbs of taking part in them ("won 72 seats" in an election, "scored" in a final, "testified" at a trial).</summary>
    private static readonly (string Class, string Verbs)[] Parts = [("class:vote", "role:vote"), ("class:contest", "role:contest"), ("class:case", "role:case"), ("class:meeting", "role:meeting"), ("class:ceremony", "role:ceremony")];

    /// <summary>
    /// The subject of a verb of taking part ("Labour won", "Nadella testified", "Rodri scored") attends the event of
    /// that class the sentence names, else the text's main event when it is of that class.
    /// </summary>
    private static void TakingPart(RuleContext context, SentenceAnalysis a, Mention? main)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            foreach (var (cls, verbs) in Parts)
            {
                if (context.CueAt(t, i, verbs) < 0 || context.IsNegated(t, i))
                {
                    continue;
                }

                var ev = EventOfClass(context, a, main, cls);
                var subject = ev is null ? null : context.Subject(a, i, null);
                if (subject is not null && RuleContext.IsActor(subject))
                {
                    context.Add(subject, RelationType.Attends, ev!, a, $"taking part: '{t[i].Text}'", isExplicit: false);
                    foreach (var other in context.CoordinatedBefore(a, subject))
                    {
                        context.Add(other, RelationType.Attends, ev!, a, $"taking part: '{t[i].Text}'", isExplicit: false);
                    }

                    if (context.Is("defeat", t[i]) || context.Is("actson", t[i]))
                    {
                        // "beating Inter 1-0", "Shami dismissed Warner": the side beaten, the player acted on, took part too.
                        foreach (var beaten in RuleContext.Objects(a, i + 1))
                        {
                            context.Add(beaten, RelationType.Attends, ev!, a, $"beaten: '{t[i].Text} <actor>'", isExplicit: false);
                            if (context.Is("defeat", t[i]) && beaten.FirstToken == i + 1 && subject.SentenceIndex == a.Sentence.Index && subject.LastToken == i - 1
                                && RuleContext.IsActor(beaten) && beaten.Kind == subject.Kind && beaten.EntityId != subject.EntityId)
                            {
                                // "Real Madrid beat Borussia Dortmund 2-0": the two sides met.
                                context.Add(subject, RelationType.Meets, beaten, a, $"'<side> {t[i].Text} <side>'", isExplicit: true);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The event mentioned in the most sentences (at least two), the first such on a tie.</summary>
    private static Mention? MainEvent(List<SentenceAnalysis> sentences, Func<Mention, bool>? which = null)
    {
        var counts = new Dictionary<EntityId, (int Count, Mention First)>();
        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (m.Kind == EntityKind.Event && m.EntityId is { } id && (which is null || which(m)))
                {
                    counts[id] = counts.TryGetValue(id, out var c) ? (c.Count + 1, c.First) : (1, m);
                }
            }
        }

        Mention? best = null;
        int bestCount = 1;
        foreach (var (count, first) in counts.Values)
        {
            if (count > bestCount)
            {
                (best, bestCount) = (first, count);
            }
        }

        return best;
    }

    /// <summary>The first event of the class the sentence names, else the main event when it is of that class (a method of its own: no closure per token).</summary>
    private static Mention? EventOfClass(RuleContext context, SentenceAnalysis a, Mention? main, string cls) =>
        a.Mentions.Find(m => m.Kind == EntityKind.Event && m.EventHead is { } h && context.Lexicon.EventClass(h) == cls)
        ?? (main?.EventHead is { } mh && context.Lexicon.EventClass(mh) == cls ? main : null);

    /// <summary>"Lula travelled to Johannesburg" when the summit is held in Johannesburg: Lula attends the summit.</summary>
    private static void Travel(RuleContext context, SentenceAnalysis a, Dictionary<EntityId, EntityId> heldIn)
    {
        var t = a.Tokens;
        for (int i = 0; i + 2 < t.Count; i++)
        {
            if (!context.Is("travel", t[i]) || context.IsNegated(t, i) || !(t[i + 1].Is("to") || t[i + 1].Is("in")))
            {
                continue;
            }

            var place = a.Mentions.FirstOrDefault(m => m.FirstToken == i + 2 && m.EntityId is not null && RuleContext.IsPlace(m));
            if (place is null || !heldIn.TryGetValue(place.EntityId!.Value, out var ev))
            {
                continue;
            }

            var subject = context.Subject(a, i, null);
            if (subject is not null && RuleContext.IsActor(subject))
            {
                context.Add(subject.EntityId!.Value, RelationType.Attends, ev, a, $"'{t[i].Text} {t[i + 1].Text} <place of the event>'", isExplicit: false);
                foreach (var other in context.CoordinatedBefore(a, subject))
                {
                    context.Add(other.EntityId!.Value, RelationType.Attends, ev, a, $"'{t[i].Text} {t[i + 1].Text} <place of the event>'", isExplicit: false);
                }
            }
        }
    }
}
