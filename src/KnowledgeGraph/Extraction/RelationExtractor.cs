namespace KnowledgeGraph.Extraction;

/// <summary>A relation found by a rule, before it is checked against the schema.</summary>
internal sealed record RelationCandidate(EntityId Source, RelationType Type, EntityId Target, int Sentence, string Rule, bool Explicit);

/// <summary>
/// Relation rules over the resolved mentions of each sentence. Each rule looks for lexical cues
/// (a verb of praise, a title before a name, "X’s invasion", "professor at", …) and proposes
/// relations between the mentions around them; the schema's domain and range are checked after.
/// </summary>
internal sealed class RelationExtractor(Lexicon lexicon)
{
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "from", "to", "for", "with", "in", "on", "at", "by", "about", "against", "into", "over", "under", "between", "among", "than", "like",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "his", "her", "him" };

    private readonly Lexicon _lex = lexicon;
    private readonly List<RelationCandidate> _found = [];
    private Mention? _lastPerson;

    private Mention? _dominantCountry;
    private Mention? _dominantOrganization;

    public List<RelationCandidate> Extract(List<SentenceAnalysis> sentences)
    {
        // The country the text mentions most often: the home of titles written without a country.
        _dominantCountry = sentences.SelectMany(x => x.Mentions).Where(m => m.Kind == EntityKind.Country && m.EntityId is not null)
            .GroupBy(m => m.EntityId!.Value.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First()).FirstOrDefault();
        var orgs = sentences.SelectMany(x => x.Mentions).Where(m => m.Kind == EntityKind.Organization && m.EntityId is not null)
            .GroupBy(m => m.EntityId!.Value.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (orgs.Count > 0 && (orgs.Count == 1 || orgs[0].Count() >= 2 * orgs[1].Count()))
        {
            _dominantOrganization = orgs[0].First();
        }

        foreach (var m in sentences.SelectMany(x => x.Mentions))
        {
            if (m.Kind == EntityKind.Person && m.RoleOf is not null && m.EntityId is { } pid)
            {
                _hasRoleOf.Add(pid);
            }
        }

        foreach (var a in sentences)
        {
            if (a.Sentence.IsHeading)
            {
                NotePeople(a);
                continue;
            }

            Roles(a);
            Affiliations(a);
            EventRules(a);
            Verbs(a);
            Membership(a);
            Located(a);
            Groups(a);
            Speech(a);
            Threats(a);
            KnownAs(a);
            Opponents(a);
            NotePeople(a);
        }

        return _found;
    }

    private void Add(Mention s, RelationType type, Mention t, SentenceAnalysis a, string rule, bool isExplicit = true)
    {
        if (s.EntityId is not { } sid || t.EntityId is not { } tid || sid == tid)
        {
            return;
        }

        _found.Add(new RelationCandidate(sid, type, tid, a.Sentence.Index, rule, isExplicit));
    }

    private static bool IsActor(Mention m) => m.Kind == EntityKind.Person || m.Kind == EntityKind.Organization || m.Kind == EntityKind.Country;

    private void NotePeople(SentenceAnalysis a)
    {
        var speaker = Speaker(a);
        if (speaker is not null)
        {
            _lastPerson = speaker;
            return;
        }

        var first = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Person && !InsidePrepositionalPhrase(a, m));
        if (first is not null)
        {
            _lastPerson = first;
        }
    }

    /// <summary>The person a pronoun at this token means: the last person before it in the sentence, else the last subject before the sentence.</summary>
    private Mention? PronounReferent(SentenceAnalysis a, int token)
    {
        if (token > 0)
        {
            var before = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Person && m.LastToken < token);
            if (before is not null)
            {
                return before;
            }
        }

        return _lastPerson;
    }

    // ---- roles: "Swedish Prime Minister Eva Dahl", "Omar Haddad, undersecretary of trade" ----
    private void Roles(SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var m in a.Mentions)
        {
            if (m.Kind != EntityKind.Person)
            {
                continue;
            }

            if (m.RoleOf is { } of && m.RoleClass != "honorific")
            {
                var roleOf = a.Mentions.FirstOrDefault(x => x.FirstToken == of.FirstToken && x.Kind == of.Kind) ?? of;
                Add(m, RelationType.HoldsRoleIn, roleOf, a, "title after a country or organisation");
                if (roleOf.Kind == EntityKind.Country)
                {
                    Add(m, RelationType.CitizenOf, roleOf, a, "title after a country", isExplicit: false);
                }

                if (m.RoleClass is "leader")
                {
                    _leaderCountry.TryAdd(m.EntityId!.Value, roleOf);
                    Add(m, RelationType.Leads, roleOf, a, "leader's title after a country or organisation", isExplicit: false);
                }

                continue;
            }

            bool titled = m.RoleClass is "role" or "leader";
            bool appositive = m.LastToken + 2 < t.Count && t[m.LastToken + 1].Text == "," && IsLowerTitle(t[m.LastToken + 2].Text);
            if (((titled && !SeenBefore(a, m)) || appositive) && !_hasRoleOf.Contains(m.EntityId!.Value))
            {
                // The country of a title written without one: the nearest country before it in the sentence.
                var country = a.Mentions.LastOrDefault(x => x.Kind == EntityKind.Country && x.LastToken < m.FirstToken && m.FirstToken - x.LastToken <= 25);
                if (country is not null)
                {
                    Add(m, RelationType.HoldsRoleIn, country, a, "title and the country of the sentence", isExplicit: false);
                    Add(m, RelationType.CitizenOf, country, a, "title and the country of the sentence", isExplicit: false);
                }
                else if (m.RoleClass is "leader" && _dominantCountry is not null)
                {
                    Add(m, RelationType.HoldsRoleIn, _dominantCountry, a, "leader's title in a text mostly about one country", isExplicit: false);
                    Add(m, RelationType.CitizenOf, _dominantCountry, a, "leader's title in a text mostly about one country", isExplicit: false);
                    Add(m, RelationType.Leads, _dominantCountry, a, "leader's title in a text mostly about one country", isExplicit: false);
                    _leaderCountry[m.EntityId!.Value] = _dominantCountry;
                }
            }
        }
    }

    private readonly HashSet<EntityId> _titledSeen = [];
    private readonly HashSet<EntityId> _hasRoleOf = [];
    private readonly Dictionary<EntityId, Mention> _leaderCountry = [];

    private bool SeenBefore(SentenceAnalysis a, Mention m) => m.EntityId is { } id && !_titledSeen.Add(id);

    private bool IsLowerTitle(string word) =>
        char.IsLower(word[0]) && _lex.Lookup(MentionFinder.Capitalize(word)).Any(e => e.Kind == PhraseKind.Title);

    // ---- affiliation: "a professor at X’s Y in Z", "served as adviser to …" ----
    private void Affiliations(SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            int cueEnd = CueAt(t, i, "affiliation");
            if (cueEnd < 0)
            {
                continue;
            }

            var person = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Person && m.LastToken < i);
            if (person is null)
            {
                continue;
            }

            var orgs = new List<Mention>();
            for (int k = cueEnd; k < t.Count; k++)
            {
                if (t[k].Text is "," or ";" or "." or "–" or "—" or ":" || (t[k].Is("in") && orgs.Count > 0))
                {
                    break;
                }

                var org = a.Mentions.FirstOrDefault(m => m.FirstToken == k && m.Kind == EntityKind.Organization);
                if (org is not null)
                {
                    orgs.Add(org);
                    k = org.LastToken;
                }
            }

            foreach (var org in orgs)
            {
                Add(person, RelationType.AffiliatedWith, org, a, "affiliation cue '" + t[i].Text + "'");
            }

            if (orgs.Count > 0)
            {
                Add(person, RelationType.HoldsRoleIn, orgs[^1], a, "role at an organisation");
            }

            for (int k = 1; k < orgs.Count; k++)
            {
                if (orgs[k].FirstToken == orgs[k - 1].LastToken + 2 && t[orgs[k - 1].LastToken + 1].IsPossessive)
                {
                    Add(orgs[k], RelationType.PartOf, orgs[k - 1], a, "organisation’s organisation");
                }
            }
        }
    }

    // ---- events ----
    private void EventRules(SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var e in a.Mentions.Where(m => m.Kind == EntityKind.Event).ToList())
        {
            // A place named inside the event, or "in <place>" right after it.
            foreach (var p in a.Mentions)
            {
                if ((p.Kind == EntityKind.Place || p.Kind == EntityKind.Country) && p.FirstToken >= e.FirstToken && p.LastToken <= e.LastToken && !e.HasOwner && !IsComplement(a, e, p)
                    && !a.Mentions.Any(o => o.Kind == EntityKind.Organization && o.FirstToken <= p.FirstToken && o.LastToken >= p.LastToken))
                {
                    Add(e, RelationType.HeldIn, p, a, "place in the event's name");
                }
            }

            string name = e.Name;
            int inAt = name.LastIndexOf(" in ", StringComparison.Ordinal);
            if (inAt > 0)
            {
                var place = a.Mentions.FirstOrDefault(p => (p.Kind == EntityKind.Place || p.Kind == EntityKind.Country) && p.Name == name[(inAt + 4)..]);
                if (place is not null)
                {
                    Add(e, RelationType.HeldIn, place, a, "'<event> in <place>'");
                }
            }

            for (int k = e.LastToken + 1; k < Math.Min(t.Count - 1, e.LastToken + 3); k++)
            {
                if (t[k].Is("in") || t[k].Is("at"))
                {
                    int first = k + 1 < t.Count && t[k + 1].Is("the") ? k + 2 : k + 1;
                    var place = a.Mentions.FirstOrDefault(p => p.FirstToken == first && (p.Kind == EntityKind.Place || p.Kind == EntityKind.Country));
                    if (place is not null)
                    {
                        Add(e, RelationType.HeldIn, place, a, $"event followed by '{t[k].Text} <place>'");
                    }

                    break;
                }
            }

            // An organisation named in a non-violent event organises it: "NATO meeting of defense ministers".
            foreach (var org in a.Mentions.Where(o => o.Kind == EntityKind.Organization && o.FirstToken >= e.FirstToken && o.LastToken <= e.LastToken))
            {
                if (e.EventHead is not ("invasion" or "attack" or "attacks" or "war" or "protest" or "protests" or "strike" or "strikes"))
                {
                    Add(org, RelationType.Organizes, e, a, "organisation named in the event", isExplicit: false);
                }
            }

            // Participants: "a meeting between A and B", "A’s reception of B".
            var owner = e.HasOwner ? a.Mentions.LastOrDefault(m => IsActor(m) && m.LastToken == e.CoreToken - 2) : null;
            if (owner is null && e.FirstToken > 0 && t[e.FirstToken - 1].Is("his") || e.FirstToken > 0 && t[e.FirstToken - 1].Is("her"))
            {
                owner = PronounReferent(a, e.FirstToken - 1);
            }

            var complement = a.Mentions.FirstOrDefault(m => IsActor(m) && m.FirstToken > (e.CoreToken < 0 ? e.FirstToken : e.CoreToken) && m.LastToken <= e.LastToken);
            var participants = new List<Mention>();
            if (e.LastToken + 1 < t.Count && t[e.LastToken + 1].Is("between"))
            {
                participants.AddRange(a.Mentions.Where(m => IsActor(m) && m.FirstToken > e.LastToken && m.FirstToken <= e.LastToken + 8));
            }

            bool violent = e.EventHead is "invasion" or "attack" or "attacks" or "assault" or "bombing" or "raid" or "strike" or "strikes" or "offensive" or "war" or "coup";
            if (violent)
            {
                Mention? target = complement;
                if (target is null && e.LastToken + 2 < t.Count && (t[e.LastToken + 1].Is("on") || t[e.LastToken + 1].Is("against")))
                {
                    target = a.Mentions.FirstOrDefault(m => m.FirstToken > e.LastToken + 1 && m.FirstToken <= e.LastToken + 3 && (IsActor(m) || m.Kind == EntityKind.Place));
                }

                if (target is null && owner is not null)
                {
                    target = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Country && m.LastToken < e.FirstToken && m.EntityId != owner.EntityId);
                    if (target is not null)
                    {
                        Add(e, RelationType.HeldIn, target, a, "attacked country");
                    }
                }

                if (target is not null)
                {
                    Add(e, RelationType.Attacks, target, a, "violent event and its target");
                    if (owner is not null)
                    {
                        Add(owner, RelationType.Attacks, target, a, "owner of a violent event");
                        Add(owner, RelationType.Organizes, e, a, "owner of a violent event");
                    }
                }

                continue;
            }

            if (owner is not null && owner.Kind == EntityKind.Person)
            {
                participants.Insert(0, owner);
                if (e.EventHead is "reception" or "visit")
                {
                    Add(owner, RelationType.Organizes, e, a, "host of a reception", isExplicit: false);
                }
            }

            if (complement is not null && complement.Kind == EntityKind.Person)
            {
                participants.Add(complement);
            }

            foreach (var p in participants)
            {
                Add(p, RelationType.Attends, e, a, "participant named with the event");
            }

            for (int i = 0; i + 1 < participants.Count; i++)
            {
                Add(participants[0], RelationType.Meets, participants[i + 1], a, "participants of one meeting");
            }
        }
    }

    private static bool IsComplement(SentenceAnalysis a, Mention e, Mention p)
    {
        for (int k = e.FirstToken; k < p.FirstToken; k++)
        {
            if (a.Tokens[k].Text is "of" or "for" or "on")
            {
                return true;
            }
        }

        return false;
    }

    // ---- verbs ----
    private void Verbs(SentenceAnalysis a)
    {
        var t = a.Tokens;
        Mention? previousSubject = null;
        for (int i = 0; i < t.Count; i++)
        {
            foreach (var (category, type) in VerbTypes)
            {
                int end = CueAt(t, i, category);
                if (end < 0)
                {
                    continue;
                }

                if (category == "support" && t[i].Is("for") && !(i + 1 < t.Count && a.Mentions.Any(m => m.FirstToken == i + 1 && m.Kind == EntityKind.Country)))
                {
                    continue;
                }

                if (category == "attend" && IsNegated(t, i))
                {
                    continue;
                }

                var subject = Subject(a, i, previousSubject);
                if (type == RelationType.Attacks)
                {
                    var ev = a.Mentions.LastOrDefault(x => x.Kind == EntityKind.Event && x.LastToken < i && i - x.LastToken <= 3);
                    subject = ev ?? subject;
                }

                if (subject is null)
                {
                    continue;
                }

                previousSubject = subject;
                var objects = Objects(a, a.Mentions.Any(m => m.FirstToken == i && m.Kind == EntityKind.Event) ? i : end);
                if (type == RelationType.Attends && objects.FirstOrDefault(o => o.Kind == EntityKind.Event) is { } attended)
                {
                    // "arrived in Oslo on Monday for the summit": the event is held where they arrived.
                    for (int k = end; k + 1 < attended.FirstToken; k++)
                    {
                        var where = t[k].Is("in") ? a.Mentions.FirstOrDefault(p => p.FirstToken == k + 1 && (p.Kind == EntityKind.Place || p.Kind == EntityKind.Country)) : null;
                        if (where is not null)
                        {
                            Add(attended, RelationType.HeldIn, where, a, "'<attend> in <place> … <event>'", isExplicit: false);
                            break;
                        }
                    }
                }

                if (type == RelationType.Attends && objects.Count == 0)
                {
                    var before = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Event && m.LastToken < i);
                    if (before is not null)
                    {
                        objects.Add(before);
                    }
                }

                if (type == RelationType.ContributesTo && objects.Count == 0 && subject.Kind == EntityKind.Country && _dominantOrganization is not null && !IsNegated(t, i))
                {
                    // "Norway will spend $9 billion on defense": in a text about one organisation, a country's spending goes to it.
                    Add(subject, type, _dominantOrganization, a, $"{category} cue '{t[i].Text}' without an object, in a text mostly about one organisation", isExplicit: false);
                }

                foreach (var o in objects)
                {
                    if (type == RelationType.ContributesTo && o.Kind == EntityKind.Country)
                    {
                        continue; // giving to a country is support, and too loose to state
                    }

                    if (type == RelationType.ContributesTo && o.RoleOf is { } ofCountry && a.Mentions.Any(x => x.FirstToken == ofCountry.FirstToken && x.EntityId == subject.EntityId))
                    {
                        continue; // a country sending its own delegation
                    }

                    if (type == RelationType.Meets && (o.Kind == EntityKind.Country || o.Kind == EntityKind.Event))
                    {
                        continue; // "welcomed Chinese investment"
                    }

                    if (type == RelationType.AbsentFrom && o.Kind != EntityKind.Event)
                    {
                        // "in place of Prime Minister X": X is absent from the event of the clause.
                        var ev = a.Mentions.LastOrDefault(x => x.Kind == EntityKind.Event && x.LastToken < i) ?? objects.FirstOrDefault(x => x.Kind == EntityKind.Event);
                        if (ev is not null && o.Kind == EntityKind.Person && t[i].Is("in") || ev is not null && t[i].Is("instead"))
                        {
                            Add(o, type, ev!, a, $"{category} cue '{t[i].Text}'");
                        }

                        continue;
                    }

                    Add(subject, type, o, a, $"{category} cue '{t[i].Text}'");
                }
            }

            // "said at a press briefing", "at the summit": attending.
            if (t[i].Is("at"))
            {
                var e = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Event && m.FirstToken > i && m.FirstToken <= i + 3);
                var subject = e is null ? null : Subject(a, i, previousSubject);
                if (e is not null && subject is not null && subject.Kind == EntityKind.Person)
                {
                    Add(subject, RelationType.Attends, e, a, "'at <event>'");
                }
            }

            // "officials to Friday’s conference": attending.
            if (t[i].Is("to"))
            {
                var e = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Event && m.FirstToken > i && m.FirstToken <= i + 3 && !m.IsAnaphor);
                if (e is not null && !(i + 1 < t.Count && t[i + 1].Text is "the" or "a") || e is not null && e.FirstToken == i + 2)
                {
                    for (int k = i - 1; k >= 0 && k >= i - 5; k--)
                    {
                        var m = a.Mentions.FirstOrDefault(x => x.LastToken == k && IsActor(x));
                        if (m is not null)
                        {
                            Add(m, RelationType.Attends, e!, a, "'<actor> … to <event>'", isExplicit: false);
                            break;
                        }

                        if (!t[k].IsWord || PrepositionsOrVerbs(t[k].Text))
                        {
                            break;
                        }
                    }
                }
            }

            // "<event> – where <actors> …": the actors attend.
            if (t[i].Is("where") && i > 0)
            {
                var e = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Event && m.LastToken < i && i - m.LastToken <= 2);
                if (e is not null)
                {
                    for (int k = i + 1; k < t.Count && t[k].Text is not ("," or ";" or "–" or "—" or "."); k++)
                    {
                        var m = a.Mentions.FirstOrDefault(x => x.FirstToken == k && IsActor(x));
                        if (m is not null)
                        {
                            Add(m, RelationType.Attends, e, a, "'<event> where <actor>'", isExplicit: false);
                            k = m.LastToken;
                            continue;
                        }

                        if (!t[k].IsCapitalized && !t[k].IsAcronym && t[k].Text is not ("top" or "like" or "and" or "such" or "as" or "including" or "many" or "other" or "some" or "senior" or "several"))
                        {
                            break;
                        }
                    }
                }
            }

            // "<Org> like <Person>": membership.
            if ((t[i].Is("like") || t[i].Is("including")) && i > 0)
            {
                var group = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Organization && m.LastToken == i - 1);
                var member = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Person && m.FirstToken > i && m.FirstToken <= i + 3);
                if (group is not null && member is not null)
                {
                    Add(member, RelationType.MemberOf, group, a, "'<group> like <person>'");
                }
            }

            // "a delegation led by X", "a fund managed by X": passive leadership.
            if (i + 1 < t.Count && t[i + 1].Is("by") && t[i].Text is "led" or "headed" or "managed" or "chaired" or "run" or "commanded")
            {
                var agent = a.Mentions.FirstOrDefault(m => IsActor(m) && m.FirstToken > i + 1 && m.FirstToken <= i + 5);
                var led = a.Mentions.LastOrDefault(m => (m.Kind == EntityKind.Organization || m.Kind == EntityKind.Event) && m.LastToken < i && i - m.LastToken <= 6);
                if (agent is not null && led is not null)
                {
                    Add(agent, RelationType.Leads, led, a, $"'{t[i].Text} by <actor>'");
                }
            }

            // "… under a single <Org> command": the organisation leads what comes before.
            if (t[i].Is("under"))
            {
                var leader = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Organization && m.FirstToken > i && m.FirstToken <= i + 4);
                var led = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Event && m.LastToken < i);
                if (leader is not null && led is not null && leader.LastToken + 1 < t.Count && t[leader.LastToken + 1].Text is "command" or "leadership" or "control")
                {
                    Add(leader, RelationType.Leads, led, a, "'under <org> command'");
                }
            }
        }
    }

    private static readonly (string Category, RelationType Type)[] VerbTypes =
    [
        ("praise", RelationType.Praises),
        ("criticize", RelationType.Criticizes),
        ("contribute", RelationType.ContributesTo),
        ("attend", RelationType.Attends),
        ("absent", RelationType.AbsentFrom),
        ("support", RelationType.Supports),
        ("lead", RelationType.Leads),
        ("meet", RelationType.Meets),
        ("attack", RelationType.Attacks),
    ];

    private static bool IsNegated(List<Token> t, int i) =>
        (i > 0 && (t[i - 1].Is("not") || t[i - 1].Is("never"))) || (i > 1 && t[i - 2].Is("not"));

    private Mention? Subject(SentenceAnalysis a, int cue, Mention? previousSubject)
    {
        var t = a.Tokens;
        if (cue > 0 && t[cue - 1].Is("and") && previousSubject is not null)
        {
            return previousSubject;
        }

        if (cue > 1 && t[cue - 1].Is("also") && t[cue - 2].Is("and") && previousSubject is not null)
        {
            return previousSubject;
        }

        // "X, who met …": the relative pronoun's antecedent.
        int rel = cue - 1;
        if (rel >= 0 && t[rel].Is("also"))
        {
            rel--;
        }

        if (rel >= 1 && t[rel].Is("who"))
        {
            int k = t[rel - 1].Text == "," ? rel - 2 : rel - 1;
            var antecedent = a.Mentions.LastOrDefault(x => x.LastToken == k && IsActor(x));
            if (antecedent is not null)
            {
                return antecedent;
            }
        }

        // A participle right after its noun: "NATO allies fighting in …".
        if (t[cue].Text.EndsWith("ing", StringComparison.Ordinal))
        {
            for (int k = cue - 1; k >= 0 && k >= cue - 2; k--)
            {
                var m = a.Mentions.LastOrDefault(x => x.LastToken == k && IsActor(x));
                if (m is not null)
                {
                    return m;
                }

                if (!t[k].IsWord || t[k].IsCapitalized)
                {
                    break;
                }
            }
        }

        Mention? nearest = null;
        for (int k = cue - 1; k >= 0; k--)
        {
            string w = t[k].Text;
            if (w is ";" or "“" or "”" or "\"")
            {
                break;
            }

            if (w is "that" && nearest is not null)
            {
                return nearest; // "announced that Australia will contribute"
            }

            if (Pronouns.Contains(w) && (k == 0 || t[k - 1].Text is "," or ";" or ":" or "and" or "“"))
            {
                return PronounReferent(a, k);
            }

            var m = a.Mentions.LastOrDefault(x => x.LastToken == k && IsActor(x));
            bool participle = t[cue].Text.EndsWith("ing", StringComparison.Ordinal);
            if (m is not null && (!InsidePrepositionalPhrase(a, m) || participle && PrepositionBefore(a, m) == "with") && !InsideEvent(a, m))
            {
                if (m.Kind == EntityKind.Person)
                {
                    return m;
                }

                nearest ??= m;
            }
        }

        return nearest;
    }

    /// <summary>The subject at the start of the clause: a leading pronoun's referent, or the first actor not in a prepositional phrase.</summary>
    private Mention? MainSubject(SentenceAnalysis a, int before)
    {
        var t = a.Tokens;
        int start = 0;
        for (int k = before - 1; k >= 0; k--)
        {
            if (t[k].Text is ":" or ";")
            {
                start = k + 1;
                break;
            }
        }

        if (start < t.Count && Pronouns.Contains(t[start].Text))
        {
            return PronounReferent(a, start);
        }

        return null;
    }

    private static bool InsideEvent(SentenceAnalysis a, Mention m) =>
        a.Mentions.Any(e => e.Kind == EntityKind.Event && e.FirstToken <= m.FirstToken && e.LastToken >= m.LastToken && e != m);

    private static bool PrepositionsOrVerbs(string w) => Prepositions.Contains(w) || w is "is" or "are" or "was" or "were" or "be" or "been" or "has" or "have" or "had";

    private static readonly HashSet<string> Quantities = new(StringComparer.OrdinalIgnoreCase)
    {
        "some", "most", "many", "all", "half", "none", "one", "two", "three", "several", "majority", "two-thirds", "one-third", "three-quarters", "each", "any",
    };

    private static bool InsidePrepositionalPhrase(SentenceAnalysis a, Mention m)
    {
        string? p = PrepositionBefore(a, m);
        if (p is null)
        {
            return false;
        }

        // A partitive ("two-thirds of NATO’s members") keeps its owner as the subject.
        int k = m.FirstToken - 1;
        while (k >= 0 && !Prepositions.Contains(a.Tokens[k].Text))
        {
            k--;
        }

        return !(p == "of" && k > 0 && Quantities.Contains(a.Tokens[k - 1].Text) && m.LastToken + 1 < a.Tokens.Count && a.Tokens[m.LastToken + 1].IsPossessive);
    }

    /// <summary>The preposition that governs a mention, over articles, names and coordination: "between Ms. Dahl and Mr. Haddad".</summary>
    private static string? PrepositionBefore(SentenceAnalysis a, Mention m)
    {
        var t = a.Tokens;
        int k = m.FirstToken - 1;
        while (k >= 0 && (t[k].Text is "the" or "a" or "an" or "and" or "," || (t[k].IsCapitalized || t[k].IsAcronym) && !Prepositions.Contains(t[k].Text)))
        {
            k--;
        }

        return k >= 0 && Prepositions.Contains(t[k].Text) ? t[k].Text.ToLowerInvariant() : null;
    }

    private static List<Mention> Objects(SentenceAnalysis a, int from)
    {
        var t = a.Tokens;
        var result = new List<Mention>();
        for (int k = from; k < t.Count; k++)
        {
            string w = t[k].Text;
            if (w is "." or ";" or "“" or "”" or "\"" or "–" or "—" or ":" || (w == "," && result.Count > 0) || (k - from > 10 && result.Count == 0))
            {
                break;
            }

            var m = a.Mentions.FirstOrDefault(x => x.FirstToken == k && (IsActor(x) || x.Kind == EntityKind.Event));
            if (m is null)
            {
                if (result.Count > 0 && !t[k].Is("and"))
                {
                    break;
                }

                continue;
            }

            // "the alliance’s newest fund": the owner is not the object.
            if (m.LastToken + 1 < t.Count && t[m.LastToken + 1].IsPossessive && m.Kind != EntityKind.Event && !(m.LastToken + 2 < t.Count && a.Mentions.Any(x => x.FirstToken == m.LastToken + 2)))
            {
                break;
            }

            result.Add(m);
            k = m.LastToken;
        }

        return result;
    }

    private int CueAt(List<Token> t, int i, string category)
    {
        for (int n = 3; n >= 1; n--)
        {
            if (i + n <= t.Count && _lex.IsCue(category, MentionFinder.Join(t, i, i + n)))
            {
                return i + n;
            }
        }

        return -1;
    }

    // ---- membership: "America’s NATO allies", "a stalwart NATO ally" ----
    private void Membership(SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var org in a.Mentions.Where(m => m.Kind == EntityKind.Organization))
        {
            int k = org.LastToken + 1;
            if (k >= t.Count || !_lex.IsCue("member", t[k].Text))
            {
                continue;
            }

            var country = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Country && m.LastToken < org.FirstToken && org.FirstToken - m.LastToken <= 5);
            if (country is not null)
            {
                Add(country, RelationType.MemberOf, org, a, "'<country>’s <org> allies'");
            }
        }
    }

    // ---- "the School … in Europe" ----
    private void Located(SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var m in a.Mentions)
        {
            if (!(m.Kind == EntityKind.Organization || m.Kind == EntityKind.Place))
            {
                continue;
            }

            int k = m.LastToken + 1;
            if (k + 1 < t.Count && t[k].Is("in"))
            {
                var place = a.Mentions.FirstOrDefault(p => p.FirstToken == k + 1 && (p.Kind == EntityKind.Place || p.Kind == EntityKind.Country));
                if (place is not null)
                {
                    Add(m, RelationType.LocatedIn, place, a, "'<organisation> in <place>'");
                }
            }
        }
    }

    // ---- "a large delegation" of a country; "<Name> administration" ----
    private void Groups(SentenceAnalysis a)
    {
        var t = a.Tokens;
        foreach (var g in a.Mentions.Where(m => m.Kind == EntityKind.Organization))
        {
            if (g.RoleOf is { Kind.Name: "Country" } country)
            {
                var c = a.Mentions.FirstOrDefault(x => x.FirstToken == country.FirstToken && x.Kind == EntityKind.Country && x.EntityId is not null) ?? country;
                Add(g, RelationType.Represents, c, a, "a country's delegation", isExplicit: false);
                foreach (var r in _found.Where(r => r.Sentence == a.Sentence.Index && r.Type == RelationType.Leads && r.Target == g.EntityId).ToList())
                {
                    _found.Add(new RelationCandidate(r.Source, RelationType.Represents, c.EntityId!.Value, a.Sentence.Index, "leader of a country's delegation", false));
                }
            }

            if (g.Name.EndsWith(" administration", StringComparison.Ordinal) && !g.IsAnaphor && g.LastToken > g.FirstToken)
            {
                var person = a.Mentions.FirstOrDefault(p => p.Kind == EntityKind.Person && p.FirstToken >= g.FirstToken && p.LastToken < g.LastToken);
                string surname = t[g.LastToken - 1].Text;
                var leader = person?.EntityId ?? _leaderCountry.Keys.FirstOrDefault(k => k.Value.EndsWith("-" + EntityResolver.Key(surname).Replace(' ', '-'), StringComparison.Ordinal));
                if (leader is { } id && id.Value.Length > 0 && g.EntityId is { } gid)
                {
                    _found.Add(new RelationCandidate(id, RelationType.Leads, gid, a.Sentence.Index, "'<name> administration'", false));
                    if (_leaderCountry.TryGetValue(id, out var home) && home.EntityId is { } hid)
                    {
                        _found.Add(new RelationCandidate(gid, RelationType.Leads, hid, a.Sentence.Index, "administration of a country's leader", false));
                    }
                }
            }
            else if (g.IsAnaphor && g.EntityId is { } aid && g.FirstToken > 0 && (t[g.FirstToken - 1].Is("his") || t[g.FirstToken - 1].Is("her")))
            {
                var member = PronounReferent(a, g.FirstToken - 1);
                if (member is not null && member.EntityId is { } mid && !_leaderCountry.ContainsKey(mid))
                {
                    _found.Add(new RelationCandidate(mid, RelationType.MemberOf, aid, a.Sentence.Index, "'his administration'", false));
                }
            }
        }
    }

    // ---- attributed speech that speaks well of someone: the speaker praises them ----
    private void Speech(SentenceAnalysis a)
    {
        var t = a.Tokens;
        var speaker = Speaker(a);
        if (speaker is null || !a.Sentence.Text.Contains('“', StringComparison.Ordinal) && !a.Sentence.Text.Contains('"', StringComparison.Ordinal))
        {
            return;
        }

        bool positive = false;
        for (int i = 0; i < t.Count && !positive; i++)
        {
            positive = CueAt(t, i, "positive") >= 0;
        }

        if (!positive)
        {
            return;
        }

        var about = a.Mentions.FirstOrDefault(m => IsActor(m) && m.EntityId != speaker.EntityId && !InsidePrepositionalPhrase(a, m) && !(m.FirstToken >= speaker.FirstToken && m.LastToken <= speaker.LastToken));
        if (about is not null)
        {
            Add(speaker, RelationType.Praises, about, a, "attributed speech with a word of praise", isExplicit: false);
        }
    }

    // ---- "the threat from X", "X as a … threat": the subject criticizes X ----
    private void Threats(SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            if (!t[i].Is("threat") && !t[i].Is("threats"))
            {
                continue;
            }

            Mention? target = null;
            if (i + 2 < t.Count && t[i + 1].Is("from"))
            {
                target = a.Mentions.FirstOrDefault(m => m.FirstToken == i + 2 && IsActor(m));
            }
            else
            {
                for (int k = i - 1; k >= 0 && k >= i - 8; k--)
                {
                    if (t[k].Is("as") && k > 0)
                    {
                        target = a.Mentions.LastOrDefault(m => m.LastToken == k - 1 && IsActor(m));
                        break;
                    }
                }
            }

            if (target is null || IsNegated(t, target.FirstToken - 1) || (target.FirstToken > 2 && IsNegated(t, target.FirstToken - 2)))
            {
                continue;
            }

            var critic = MainSubject(a, target.FirstToken) ?? Subject(a, target.FirstToken, null);
            if (critic is not null && critic.EntityId != target.EntityId)
            {
                Add(critic, RelationType.Criticizes, target, a, "'threat from <X>' / '<X> as a threat'", isExplicit: false);
            }
        }
    }

    // ---- "the islands of A, B, and C (known as the D gap)": A, B and C are part of D ----
    private void KnownAs(SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i + 3 < t.Count; i++)
        {
            if (!(t[i].Text == "(" && t[i + 1].Is("known") && t[i + 2].Is("as")))
            {
                continue;
            }

            var whole = a.Mentions.FirstOrDefault(m => m.FirstToken > i + 2 && m.FirstToken <= i + 4 && m.Kind != EntityKind.Person);
            if (whole is null)
            {
                continue;
            }

            for (int k = i - 1; k >= 0; k--)
            {
                var part = a.Mentions.LastOrDefault(m => m.LastToken == k && (m.Kind == EntityKind.Place || m.Kind == EntityKind.Country));
                if (part is not null)
                {
                    Add(part, RelationType.PartOf, whole, a, "'A, B and C (known as D)'", isExplicit: false);
                    k = part.FirstToken;
                    continue;
                }

                if (t[k].Text is not ("," or "and"))
                {
                    break;
                }
            }
        }
    }

    // ---- "X’s opponents": the subject of the clause criticizes X ----
    private void Opponents(SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 2; i < t.Count; i++)
        {
            if (!_lex.IsCue("opponent", t[i].Text) || !t[i - 1].IsPossessive)
            {
                continue;
            }

            var target = a.Mentions.LastOrDefault(m => m.LastToken == i - 2 && IsActor(m));
            if (target is null)
            {
                continue;
            }

            int clause = target.FirstToken;
            while (clause > 0 && t[clause - 1].Text is not (";" or "–" or "—"))
            {
                clause--;
            }

            foreach (var critic in a.Mentions.Where(m => m.FirstToken >= clause && m.LastToken < target.FirstToken && IsActor(m) && m.Kind != EntityKind.Country && m.EntityId != target.EntityId))
            {
                Add(critic, RelationType.Criticizes, target, a, "'<X>’s opponents'", isExplicit: false);
            }
        }
    }

    private Mention? Speaker(SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            if (CueAt(t, i, "say") < 0)
            {
                continue;
            }

            var after = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Person && m.FirstToken == i + 1);
            if (after is not null)
            {
                return after;
            }

            if (i > 0 && Pronouns.Contains(t[i - 1].Text) && t[i - 1].Text is "he" or "she" or "He" or "She")
            {
                return PronounReferent(a, i - 1);
            }

            var before = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Person && m.LastToken < i && i - m.LastToken <= 2);
            if (before is not null)
            {
                return before;
            }
        }

        return null;
    }
}
