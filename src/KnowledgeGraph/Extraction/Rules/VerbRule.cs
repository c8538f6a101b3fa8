namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Verb cues by class (praise, criticize, contribute, attend, absent, support, lead, meet, attack):
/// the subject of the clause relates to each object after the cue (a clause placed "at &lt;event&gt;"
/// is <see cref="EventFrameRule"/>'s). The subject carries over coordinated verbs ("met X and praised Y").
/// </summary>
internal sealed class VerbRule : IRelationRule
{
    private static readonly (string Category, RelationType Type)[] VerbTypes =
    [
        ("praise", RelationType.Praises),
        ("criticize", RelationType.Criticizes),
        ("contribute", RelationType.ContributesTo),
        ("givemoney", RelationType.ContributesTo),
        ("attend", RelationType.Attends),
        ("absent", RelationType.AbsentFrom),
        ("support", RelationType.Supports),
        ("lead", RelationType.Leads),
        ("meet", RelationType.Meets),
        ("attack", RelationType.Attacks),
        ("organize", RelationType.Organizes),
    ];

    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        Mention? previousSubject = null;
        for (int i = 0; i < t.Count; i++)
        {
            foreach (var (category, type) in VerbTypes)
            {
                int end = context.CueAt(t, i, category);
                if (end >= 0)
                {
                    previousSubject = Cue(context, a, i, end, category, type, previousSubject) ?? previousSubject;
                }
            }

            if (context.CueAt(t, i, "address") is int said and >= 0)
            {
                Told(context, a, i, said, previousSubject);
            }
        }
    }

    /// <summary>Whether money or aid ("$3 billion", "rescue teams", "two field hospitals") is named between the verb and the receiving country.</summary>
    private static bool GivesSomething(RuleContext context, SentenceAnalysis a, int cue, Mention receiver) => NamesAid(context, a.Tokens, cue + 1, receiver.FirstToken, clauseOnly: false);

    /// <summary>Whether money or aid is named in tokens <c>[from, to)</c> (with <paramref name="clauseOnly"/>, not past a comma or the end of the sentence).</summary>
    private static bool NamesAid(RuleContext context, List<Token> t, int from, int to, bool clauseOnly)
    {
        for (int k = from; k < to && k < t.Count && !(clauseOnly && t[k].Text is "," or ";" or "."); k++)
        {
            if (context.Is("aidnoun", t[k]) || t[k].Text is "$" or "€" or "£")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "told the summit", "addressed a news conference": the speaker is there. "told delegates", "telling fellow leaders":
    /// the speaker is at the event the sentence names ("told lawmakers before the vote"), else at the text's main event.
    /// </summary>
    private static void Told(RuleContext context, SentenceAnalysis a, int i, int said, Mention? previousSubject)
    {
        var addressed = a.Mentions.Find(m => m.Kind == EntityKind.Event && m.FirstToken >= said && m.FirstToken <= said + 2
            && (m.FirstToken == said || a.Tokens[said].Text is "the" or "a" or "an" or "its" or "this")); // not "told reporters the deal …"
        bool audience = addressed is null && ToAudience(context, a.Tokens, said);
        if ((addressed is null && !audience) || context.IsNegated(a.Tokens, i) || context.Subject(a, i, previousSubject) is not { } teller || !RuleContext.IsActor(teller))
        {
            return;
        }

        if (audience)
        {
            addressed = context.AttendedEventIn(a);
            if (addressed is null)
            {
                context.Unplaced.Add((teller, a, a.Tokens[i].Text));
                return;
            }
        }

        context.Add(teller, RelationType.Attends, addressed!, a, $"'{a.Tokens[i].Text} <event>'", isExplicit: false);
    }

    /// <summary>Whether the words after a verb of speaking name the people at an event: "delegates", "the plenary's members", "fellow leaders".</summary>
    private static bool ToAudience(RuleContext context, List<Token> t, int k)
    {
        while (k < t.Count && (t[k].Is("the") || t[k].Is("fellow") || t[k].Is("other")))
        {
            k++;
        }

        return k < t.Count && (context.Is("participantnoun", t[k]) || context.Is("audience", t[k]));
    }

    /// <summary>One cue: its subject and objects, and the relations between them. Returns the subject, or null when none was found.</summary>
    private static Mention? Cue(RuleContext context, SentenceAnalysis a, int i, int end, string category, RelationType type, Mention? previousSubject)
    {
        var t = a.Tokens;
        if (category == "support" && t[i].Is("for") && !(i + 1 < t.Count && a.Mentions.Any(m => m.FirstToken == i + 1 && m.Kind == EntityKind.Country)))
        {
            return null;
        }

        if (category == "givemoney" && !MoneyAt(t, end))
        {
            return null; // "announced $3 million" gives; "announced plans" does not
        }

        if ((category == "attend" || RuleContext.IsStance(type)) && context.IsNegated(t, i))
        {
            return null; // "did not attend", "could not support", "declined to criticize" state no relation
        }

        if (end < t.Count && t[end].Is("by") && category != "lead")
        {
            Passive(context, a, i, end, category, type); // "the summit was hosted by Kishida", "a plan backed by France"
            return null;
        }

        var subject = context.Subject(a, i, previousSubject);
        if (type == RelationType.Attacks)
        {
            var ev = a.Mentions.LastOrDefault(x => x.Kind == EntityKind.Event && x.LastToken < i && i - x.LastToken <= 3)
                ?? a.Mentions.Find(x => x.Kind == EntityKind.Event && x.FirstToken == 0 && subject is null); // "Storm Daniel, which had caused …, struck"
            subject = ev ?? subject;
        }

        if (subject is null)
        {
            return null;
        }

        var objects = ObjectsOf(context, a, i, end, type, subject);
        if (type == RelationType.Attends || type == RelationType.Organizes)
        {
            Attended(context, a, i, end, type, subject, objects);
        }

        if (type == RelationType.Criticizes && objects.Count == 0 && context.CueAt(t, i, "reaction") >= 0)
        {
            context.Reactions.Add((subject, a, t[i].Text)); // "Beijing reacted angrily.": to the text's main event, once it is known
        }

        if (type == RelationType.ContributesTo && !context.IsNegated(t, i))
        {
            Given(context, a, i, end, category, subject, objects);
        }

        foreach (var o in objects)
        {
            Relate(context, a, i, category, type, subject, o, objects);
        }

        if (context.Is("coordinated", category))
        {
            foreach (var other in context.CoordinatedBefore(a, subject))
            {
                foreach (var o in objects)
                {
                    Relate(context, a, i, category, type, other, o, objects);
                }
            }
        }

        return subject;
    }

    /// <summary>The objects of a cue: the actors and events after it, else for a stance "it" (the event named last), "him" or "her", or the owner of a deed.</summary>
    private static List<Mention> ObjectsOf(RuleContext context, SentenceAnalysis a, int i, int end, RelationType type, Mention subject)
    {
        var t = a.Tokens;
        var objects = RuleContext.Objects(a, a.Mentions.Any(m => m.FirstToken == i && m.Kind == EntityKind.Event) ? i : end);
        if (type != RelationType.ContributesTo && type != RelationType.Attends && FirstPastAComma(a.Tokens, end, objects))
        {
            objects.Clear(); // "praised the plan, and France said …": what is praised is not past a comma (giving: see GiversAfter)
        }
        if (objects.Count > 0 || !RuleContext.IsStance(type))
        {
            return objects;
        }

        if (end < t.Count && t[end].Is("it") && context.LastEvent is { } it)
        {
            objects.Add(it); // "condemned it as a costly mistake": the event named last
        }
        else if (end < t.Count && (t[end].Is("him") || t[end].Is("her")) && ObjectPronounReferent(context, a, end, subject) is { } referent)
        {
            objects.Add(referent); // "Trudeau and Petro also congratulated her": the person she refers to
        }
        else if (OwnerOfWhatIsJudged(context, a, end) is { } owner)
        {
            objects.Add(owner); // "praised the group's commitment", "criticised Beijing's response": the owner is judged
        }

        return objects;
    }

    /// <summary>Attending or organising: the place an attended event is in, the event before the verb, the main event when none is named ("also took part"), and who does it with the subject.</summary>
    private static void Attended(RuleContext context, SentenceAnalysis a, int i, int end, RelationType type, Mention subject, List<Mention> objects)
    {
        var t = a.Tokens;
        if (type == RelationType.Attends)
        {
            AttendedPlace(context, a, end, objects);
            if (objects.Count == 0 && a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Event && m.LastToken < i) is { } before)
            {
                objects.Add(before);
            }

            if (objects.Count == 0 && !context.Is("join", t[i]))
            {
                // "The European Investment Bank also took part": the text's main event, once it is known.
                context.Unplaced.Add((subject, a, t[i].Text));
                context.Unplaced.AddRange(context.CoordinatedBefore(a, subject).Select(other => (other, a, t[i].Text)));
            }
        }

        if (objects.Find(o => o.Kind == EntityKind.Event) is { } attended)
        {
            CoAgents(context, a, end, attended);
        }
    }

    /// <summary>"opened the conference with Swedish Prime Minister X", "addressed the summit alongside Y": whoever does it with the subject is there too.</summary>
    private static void CoAgents(RuleContext context, SentenceAnalysis a, int end, Mention attended)
    {
        var t = a.Tokens;
        for (int k = end; k < t.Count && k <= end + 8 && t[k].Text is not ("." or ";" or "“" or "\""); k++)
        {
            if (!(t[k].Is("with") || t[k].Is("alongside")))
            {
                continue;
            }

            int from = k + 1 < t.Count && t[k + 1].Is("the") ? k + 2 : k + 1;
            foreach (var m in RuleContext.Objects(a, from))
            {
                if (RuleContext.IsActor(m))
                {
                    context.Add(m, RelationType.Attends, attended, a, $"'… {t[k].Text} <actor>' at an event", isExplicit: false);
                }
            }

            return;
        }
    }

    /// <summary>A passive cue ("was hosted by X and Y", "a conference attended by X", "was praised by X"): each agent after "by" relates to the patient before the verb.</summary>
    private static void Passive(RuleContext context, SentenceAnalysis a, int i, int by, string category, RelationType type)
    {
        var patient = PassivePatient(context, a, i);
        if (patient is null)
        {
            return;
        }

        var patients = new List<Mention> { patient };
        foreach (var agent in RuleContext.Objects(a, by + 1))
        {
            if (RuleContext.IsActor(agent))
            {
                Relate(context, a, i, category, type, agent, patient, patients);
            }
        }
    }

    /// <summary>What a passive verb is done to: the actor or event right before it (over "was", "has been", a comma), else the clause's subject.</summary>
    private static Mention? PassivePatient(RuleContext context, SentenceAnalysis a, int i)
    {
        var t = a.Tokens;
        int k = i - 1;
        bool auxiliary = false;
        while (k >= 0 && (context.Is("auxiliary", t[k]) || t[k].Is("been") || t[k].Is("being") || t[k].Is("also")))
        {
            auxiliary |= !t[k].Is("also");
            k--;
        }

        if (k >= 0 && t[k].Text == "," && !auxiliary)
        {
            k--;
        }

        var right = k >= 0 ? RuleContext.ActorOrEventEndingAt(a, k) : null;
        if (right is null && k >= 2 && a.Mentions.Find(p => p.LastToken == k && RuleContext.IsPlace(p)) is { } place && place.FirstToken >= 2
            && (t[place.FirstToken - 1].Is("in") || t[place.FirstToken - 1].Is("at")))
        {
            right = a.Mentions.Find(e => e.Kind == EntityKind.Event && e.LastToken == place.FirstToken - 2); // "a conference in Geneva co-hosted by …"
        }

        return right ?? (auxiliary ? context.Subject(a, i, null) : null);
    }

    /// <summary>
    /// A contribution with no receiver named: "Qatar sent a team of 87 rescuers" (money or aid named) in a text mostly
    /// about one country goes to that country (paying and investing are not giving: they buy something); else "Norway
    /// will spend $9 billion on defense" in a text mostly about one organisation goes to it. Coordinated givers give too.
    /// </summary>
    private static void Unaddressed(RuleContext context, SentenceAnalysis a, int i, Mention subject)
    {
        var t = a.Tokens;
        var givers = context.CoordinatedBefore(a, subject);
        givers.Add(subject);
        foreach (var giver in givers)
        {
            if (RuleContext.IsActor(giver) && giver.Kind != EntityKind.Person && giver.EntityId != context.DominantOrganization?.EntityId
                && context.DominantCountry is { } home && home.EntityId != giver.EntityId && !GivesHere(context, a, home)
                && !context.Is("buying", t[i]) && NamesAid(context, t, i + 1, i + 9, clauseOnly: true)) // "sent a team of 87 rescuers", "pledged $500 million"
            {
                // "Algeria, Tunisia and Qatar also sent aircraft with aid" in a report on Libya
                context.Add(giver, RelationType.ContributesTo, home, a, $"contribute cue '{t[i].Text}' with aid named and no receiver, in a text mostly about one country", isExplicit: false);
            }
            else if (giver.Kind == EntityKind.Country && context.DominantOrganization is not null)
            {
                context.Add(giver, RelationType.ContributesTo, context.DominantOrganization, a, $"contribute cue '{t[i].Text}' without an object, in a text mostly about one organisation", isExplicit: false);
            }
        }
    }

    /// <summary>A verb of giving: no receiver after another giver, the receiver the text implies when none is named, and the givers of a gapped list.</summary>
    private static void Given(RuleContext context, SentenceAnalysis a, int i, int end, string category, Mention subject, List<Mention> objects)
    {
        if (GiversAfter(a.Tokens, end, objects))
        {
            objects.Clear();
        }
        else if (objects.Count == 0)
        {
            Unaddressed(context, a, i, subject);
        }

        Gapped(context, a, i, end, category, objects);
    }

    /// <summary>
    /// The givers of a gapped list, who give what the verb's subject gives, to the same receiver: "China pledged about
    /// $100 million, Germany 84 million euros and Japan $77 million".
    /// </summary>
    private static void Gapped(RuleContext context, SentenceAnalysis a, int i, int end, string category, List<Mention> objects)
    {
        var t = a.Tokens;
        for (int k = end; k + 2 < t.Count && t[k].Text is not (";" or "." or ":"); k++)
        {
            if (!(t[k].Text == "," || t[k].Is("and")))
            {
                continue;
            }

            int first = t[k + 1].Is("the") ? k + 2 : k + 1;
            if (RuleContext.StartingAt(a, first, RuleContext.IsActor) is not { } giver || !MoneyAt(t, giver.LastToken + 1))
            {
                continue;
            }

            if (objects.Count == 0)
            {
                Unaddressed(context, a, i, giver);
            }

            foreach (var o in objects)
            {
                Relate(context, a, i, category, RelationType.ContributesTo, giver, o, objects);
            }

            k = giver.LastToken;
        }
    }

    /// <summary>
    /// Whether the first object after a verb of giving is another giver, not the receiver: past a comma ("offered about 100
    /// million euros, the United States promised …") or after "and" with its own amount ("promised $17 million and Japan
    /// $10 million", see <see cref="Gapped"/>; not "gave the fund $20 billion"). The receiver is then not in this clause.
    /// </summary>
    private static bool GiversAfter(List<Token> t, int end, List<Mention> objects) =>
        FirstPastAComma(t, end, objects)
        || objects.Count > 0 && objects[0].FirstToken > end && t.FindIndex(end, objects[0].FirstToken - end, x => x.Is("and")) >= 0 && MoneyAt(t, objects[0].LastToken + 1);

    /// <summary>Whether a comma stands between a verb cue ending at <paramref name="end"/> and its first object.</summary>
    private static bool FirstPastAComma(List<Token> t, int end, List<Mention> objects) =>
        objects.Count > 0 && objects[0].FirstToken > end && t.FindIndex(end, objects[0].FirstToken - end, x => x.Text == ",") >= 0;

    /// <summary>Whether the sentence has the country give ("the United States promised $17 million", "and Japan $10 million"): then it is not the receiver.</summary>
    private static bool GivesHere(RuleContext context, SentenceAnalysis a, Mention country)
    {
        var t = a.Tokens;
        foreach (var m in a.Mentions)
        {
            if (m.EntityId != country.EntityId)
            {
                continue;
            }

            int k = m.LastToken + 1;
            while (k < t.Count && (t[k].Is("also") || context.Is("auxiliary", t[k])))
            {
                k++;
            }

            if (MoneyAt(t, k) || k < t.Count && (context.CueAt(t, k, "contribute") >= 0 || context.CueAt(t, k, "givemoney") >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an amount of money starts at <paramref name="k"/>, after words like "an additional" or "about": "$3 million", "84 million euros".</summary>
    private static bool MoneyAt(List<Token> t, int k)
    {
        while (k < t.Count && t[k].Text is "a" or "an" or "additional" or "further" or "another" or "about" or "nearly" or "almost" or "around" or "roughly" or "some" or "more" or "than" or "over" or "up" or "to" or "at" or "least")
        {
            k++;
        }

        return k < t.Count && (QualifierReader.IsCurrencySymbol(t[k].Text)
            || t[k].IsNumber && k + 1 < t.Count && t[k + 1].Text is "million" or "billion" or "trillion" or "euros" or "dollars" or "pounds" or "yen");
    }

    /// <summary>Whom "him" or "her" after a verb of stance means: the person judged in the sentences just before, else the last person before it who is not among the verb's subjects, else the person the text was last about.</summary>
    private static Mention? ObjectPronounReferent(RuleContext context, SentenceAnalysis a, int pronoun, Mention subject)
    {
        var subjects = context.CoordinatedBefore(a, subject);
        subjects.Add(subject);
        if (context.LastJudged is { } judged && a.Sentence.Index - judged.Sentence <= 5 && !subjects.Exists(x => x.EntityId == judged.Person.EntityId))
        {
            return judged.Person; // "Biden called to congratulate Sheinbaum. Trudeau and Petro also congratulated her."
        }

        var before = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Person && m.LastToken < pronoun && !subjects.Exists(x => x.EntityId == m.EntityId));
        var referent = before ?? context.LastPerson;
        return referent is not null && !subjects.Exists(x => x.EntityId == referent.EntityId) ? referent : null;
    }

    /// <summary>The actor whose deed a stance verb judges: "the group's commitment", "Beijing’s swift response" (an actor, a possessive, a deed noun).</summary>
    private static Mention? OwnerOfWhatIsJudged(RuleContext context, SentenceAnalysis a, int end)
    {
        var t = a.Tokens;
        int k = end < t.Count && t[end].Is("the") ? end + 1 : end;
        var owner = RuleContext.ActorOrEventStartingAt(a, k);
        if (owner is null || !RuleContext.IsActor(owner) || owner.LastToken + 1 >= t.Count || !t[owner.LastToken + 1].IsPossessive)
        {
            return null;
        }

        for (int d = owner.LastToken + 2; d < t.Count && d <= owner.LastToken + 4 && t[d].IsWord; d++)
        {
            if (context.Is("deednoun", t[d]))
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>"arrived in Oslo on Monday for the summit": the event is held where they arrived.</summary>
    private static void AttendedPlace(RuleContext context, SentenceAnalysis a, int end, List<Mention> objects)
    {
        var t = a.Tokens;
        if (objects.FirstOrDefault(o => o.Kind == EntityKind.Event) is not { } attended)
        {
            return;
        }

        for (int k = end; k + 1 < attended.FirstToken; k++)
        {
            var where = t[k].Is("in") ? a.Mentions.FirstOrDefault(p => p.FirstToken == k + 1 && RuleContext.IsPlace(p)) : null;
            if (where is not null)
            {
                context.Add(attended, RelationType.HeldIn, where, a, "'<attend> in <place> … <event>'", isExplicit: false);
                break;
            }
        }
    }

    private static void Relate(RuleContext context, SentenceAnalysis a, int i, string category, RelationType type, Mention subject, Mention o, List<Mention> objects)
    {
        var t = a.Tokens;
        if (type == RelationType.ContributesTo && i > 0 && t[i - 1].Is("for") && t[i].Text.EndsWith("ing", StringComparison.Ordinal))
        {
            return; // "lauded the fund for providing weapons": the giver is the one praised, not the subject
        }

        if (type == RelationType.ContributesTo && o.Kind == EntityKind.Country && !GivesSomething(context, a, i, o))
        {
            return; // giving to a country with nothing named as given is support, and too loose to state
        }

        if (type == RelationType.ContributesTo && o.RoleOf is { } ofCountry && a.Mentions.Any(x => x.FirstToken == ofCountry.FirstToken && x.EntityId == subject.EntityId))
        {
            return; // a country sending its own delegation
        }

        if (type == RelationType.Meets && (o.Kind == EntityKind.Country || o.Kind == EntityKind.Event))
        {
            return; // "welcomed Chinese investment"
        }

        if (type == RelationType.AbsentFrom && o.Kind != EntityKind.Event)
        {
            // "in place of Prime Minister X": X is absent from the event of the clause.
            var ev = a.Mentions.LastOrDefault(x => x.Kind == EntityKind.Event && x.LastToken < i) ?? objects.FirstOrDefault(x => x.Kind == EntityKind.Event);
            if (ev is not null && o.Kind == EntityKind.Person && t[i].Is("in") || ev is not null && t[i].Is("instead"))
            {
                context.Add(o, type, ev!, a, $"{category} cue '{t[i].Text}'");
            }

            return;
        }

        if (type == RelationType.Attends && o.Kind == EntityKind.Organization && context.Is("join", t[i]))
        {
            context.Add(subject, RelationType.MemberOf, o, a, $"'{t[i].Text} <organisation>'"); // "Finland joined NATO"
            return;
        }

        context.Add(subject, type, o, a, $"{category} cue '{t[i].Text}'");
        if (type == RelationType.Attacks && subject.Kind == EntityKind.Event && RuleContext.IsPlace(o) && subject.EventHead is { } head
            && context.Lexicon.EventClass(head) == "class:disaster")
        {
            context.Add(subject, RelationType.HeldIn, o, a, $"a disaster and the place it '{t[i].Text}'", isExplicit: false); // "Storm Daniel hit Greece"
        }

        if (RuleContext.IsStance(type) && o.Kind == EntityKind.Person)
        {
            context.LastJudged = (type, o, a.Sentence.Index);
        }

        if (type == RelationType.Organizes && o.Kind == EntityKind.Event && context.CueAt(t, i, "hostattends") >= 0)
        {
            context.Add(subject, RelationType.Attends, o, a, $"a host or chair is there ('{t[i].Text}')", isExplicit: false);
        }
    }
}
