namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// The state one extraction pass shares between its rules: the lexicon, the candidates found so
/// far, and what the text has established (the last person named, the country and organisation it
/// is mostly about, who holds a title of a named country, which leader leads which country).
/// </summary>
internal sealed partial class RuleContext(Lexicon lexicon)
{
    public Lexicon Lexicon { get; } = lexicon;

    public List<RelationCandidate> Found { get; } = [];

    /// <summary>The whole text the sentences come from.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The quotations found so far, in text order.</summary>
    public List<Quote> Quotes { get; } = [];

    /// <summary>A quotation opened in an earlier sentence and not yet closed: where its words start, and the sentence it opened in.</summary>
    public (int Start, SentenceAnalysis Sentence)? OpenQuote { get; set; }

    /// <summary>The person the last sentence was about: the referent of a pronoun that opens a sentence.</summary>
    public Mention? LastPerson { get; private set; }

    /// <summary>The last event named before the current sentence: what "it" means after a verb of praise or criticism.</summary>
    public Mention? LastEvent { get; private set; }

    /// <summary>The country the text mentions most often: the home of titles written without a country.</summary>
    public Mention? DominantCountry { get; private set; }

    /// <summary>The organisation the text is mostly about (named at least twice as often as any other), or null.</summary>
    public Mention? DominantOrganization { get; private set; }

    /// <summary>People whose title names the country or organisation it belongs to somewhere in the text.</summary>
    public HashSet<EntityId> HasRoleOf { get; } = [];

    /// <summary>Organisations the text calls a party ("the ruling Morena party") though no word of their name says so.</summary>
    public HashSet<EntityId> Parties { get; } = [];

    /// <summary>People whose title has been seen once already.</summary>
    public HashSet<EntityId> TitledSeen { get; } = [];

    /// <summary>Who takes part with no event named in the sentence ("X also took part"), the sentence and the verb: the main event's, once it is known.</summary>
    public List<(Mention Actor, SentenceAnalysis Sentence, string Verb)> Unplaced { get; } = [];

    /// <summary>Who reacted against something not named in the sentence ("Beijing reacted angrily"): the main event's critics.</summary>
    public List<(Mention Actor, SentenceAnalysis Sentence, string Verb)> Reactions { get; } = [];

    /// <summary>The person last praised, criticised or supported, with the relation type and the sentence: what a later "also congratulated her" refers to.</summary>
    public (RelationType Type, Mention Person, int Sentence)? LastJudged { get; set; }

    /// <summary>A leader's country, by the leader.</summary>
    public Dictionary<EntityId, Mention> LeaderCountry { get; } = [];

    /// <summary>Reads what the whole text establishes before the rules run sentence by sentence.</summary>
    public void Prepare(List<SentenceAnalysis> sentences)
    {
        DominantCountry = sentences.SelectMany(x => x.Mentions).Where(m => m.Kind == EntityKind.Country && m.EntityId is not null)
            .GroupBy(m => m.EntityId!.Value.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First()).FirstOrDefault();
        var orgs = sentences.SelectMany(x => x.Mentions).Where(m => m.Kind == EntityKind.Organization && m.EntityId is not null)
            .GroupBy(m => m.EntityId!.Value.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (orgs.Count > 0 && (orgs.Count == 1 || orgs[0].Count() >= 2 * orgs[1].Count()))
        {
            DominantOrganization = orgs[0].First();
        }

        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (m.Kind == EntityKind.Person && m.RoleOf is not null && m.EntityId is { } pid)
                {
                    HasRoleOf.Add(pid);
                }

                if (m.Kind == EntityKind.Organization && m.EntityId is { } oid && m.LastToken + 1 < a.Tokens.Count && a.Tokens[m.LastToken + 1].Is("party"))
                {
                    Parties.Add(oid); // "the ruling Morena party"
                }
            }
        }
    }

    /// <summary>Proposes a relation between two resolved mentions; the rule's words are formatted only when reasons are written.</summary>
    public void Add(Mention s, RelationType type, Mention t, SentenceAnalysis a, ReasonText rule, bool isExplicit = true) =>
        Add(s, type, t, a, rule.ToStringAndClear(), isExplicit);

    /// <summary>Proposes a relation between two resolved mentions (nothing when either is unresolved or both are one entity).</summary>
    public void Add(Mention s, RelationType type, Mention t, SentenceAnalysis a, string rule, bool isExplicit = true)
    {
        if (s.EntityId is not { } sid || t.EntityId is not { } tid || sid == tid)
        {
            return;
        }

        Found.Add(new RelationCandidate(sid, type, tid, a.Sentence.Index, rule, isExplicit));
    }

    /// <summary>
    /// The relations a title of a class gives a person in a body: a member ("midfielder") is a member of an
    /// organisation; any other title holds a role, an envoy (spokesman, ambassador, negotiator) also represents
    /// the body, a head or leader also leads, a title in a country makes a citizen, and a title in a party makes
    /// a member of it.
    /// </summary>
    public void AddRole(Mention person, Mention body, string titleClass, SentenceAnalysis a, ReasonText rule) =>
        AddRole(person, body, titleClass, a, rule.ToStringAndClear());

    /// <summary>The relations a title of a class gives a person in a body (see the overload with a formatted rule).</summary>
    public void AddRole(Mention person, Mention body, string titleClass, SentenceAnalysis a, string rule)
    {
        if (body.Kind == EntityKind.Event)
        {
            if (titleClass is "head" or "leader")
            {
                Add(person, RelationType.Leads, body, a, rule, isExplicit: false); // "the summit's president", "the chair of the talks"
            }

            return;
        }

        bool isParty = IsParty(a, body);
        if (titleClass == "member")
        {
            if (body.Kind == EntityKind.Organization)
            {
                Add(person, RelationType.MemberOf, body, a, rule, isExplicit: false);
            }
            else if (body.Kind == EntityKind.Country)
            {
                Add(person, RelationType.CitizenOf, body, a, rule, isExplicit: false); // "the Norwegian striker"
            }

            return;
        }

        Add(person, RelationType.HoldsRoleIn, body, a, rule);
        if (titleClass == "envoy")
        {
            Add(person, RelationType.Represents, body, a, rule, isExplicit: false); // a spokesman, envoy or negotiator speaks for the body
        }

        if (titleClass is "head" or "leader")
        {
            Add(person, RelationType.Leads, body, a, rule, isExplicit: false);
        }

        if (body.Kind == EntityKind.Country)
        {
            Add(person, RelationType.CitizenOf, body, a, rule, isExplicit: false);
        }
        else if (isParty)
        {
            Add(person, RelationType.MemberOf, body, a, rule, isExplicit: false);
        }

        if (person.EntityId is { } pid)
        {
            HasRoleOf.Add(pid);
        }
    }

    /// <summary>Whether an organisation mention names a political party (a word of its name is a party word: "Party", "Democrats", "Labour").</summary>
    public bool IsParty(SentenceAnalysis a, Mention body)
    {
        if (body.Kind != EntityKind.Organization)
        {
            return false;
        }

        if (body.EntityId is { } id && Parties.Contains(id))
        {
            return true;
        }

        for (int i = body.FirstToken; i <= body.LastToken; i++)
        {
            if (Is("partyword", a.Tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Proposes a relation between two entities; the rule's words are formatted only when reasons are written.</summary>
    public void Add(EntityId source, RelationType type, EntityId target, SentenceAnalysis a, ReasonText rule, bool isExplicit) =>
        Add(source, type, target, a, rule.ToStringAndClear(), isExplicit);

    /// <summary>Proposes a relation between two entities.</summary>
    public void Add(EntityId source, RelationType type, EntityId target, SentenceAnalysis a, string rule, bool isExplicit)
    {
        Found.Add(new RelationCandidate(source, type, target, a.Sentence.Index, rule, isExplicit));
    }

    /// <summary>Whether a word or phrase is in a cue category of the lexicon.</summary>
    public bool Is(string category, string word) => Lexicon.IsCue(category, word);

    /// <summary>Whether the token is in a cue category of the lexicon.</summary>
    public bool Is(string category, Token token) => Lexicon.IsCue(category, token.Text);

    /// <summary>Whether an event head names a happening people are at: a summit, a final, a trial, or a vote.</summary>
    public bool IsAttendable(string head) => Is("attendable", head) || Lexicon.EventClass(head) == "class:vote";

    /// <summary>The first resolved event in the sentence that people are at (<see cref="IsAttendable"/>), or null.</summary>
    public Mention? AttendedEventIn(SentenceAnalysis a) =>
        a.Mentions.Find(m => m.Kind == EntityKind.Event && m.EntityId is not null && m.EventHead is { } h && IsAttendable(h));

    /// <summary>Remembers the person a sentence is about, for the pronouns of the next one.</summary>
    public void NotePeople(SentenceAnalysis a)
    {
        if (a.Mentions.FindLast(m => m.Kind == EntityKind.Event && m.EntityId is not null) is { } ev)
        {
            LastEvent = ev;
        }

        var speaker = Speaker(a);
        if (speaker is not null)
        {
            LastPerson = speaker;
            return;
        }

        var first = a.Mentions.FirstOrDefault(m => m.Kind == EntityKind.Person && !InsidePrepositionalPhrase(a, m));
        if (first is not null)
        {
            LastPerson = first;
        }
    }

    /// <summary>The person a pronoun at this token means: the last person before it in the sentence, else the last subject before the sentence.</summary>
    public Mention? PronounReferent(SentenceAnalysis a, int token)
    {
        if (token > 0)
        {
            var before = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Person && m.LastToken < token);
            if (before is not null)
            {
                return before;
            }
        }

        return LastPerson;
    }

    /// <summary>The end of the cue phrase of a category (up to three tokens) that starts at token <paramref name="i"/>, or -1.</summary>
    public int CueAt(List<Token> t, int i, string category) => Lexicon.CueEnd(t, i, category);

    /// <summary>The person a speech verb ("said", "told") attributes the sentence to; with <paramref name="anyActor"/>, the person, body or country by the first speech verb.</summary>
    public Mention? Speaker(SentenceAnalysis a, bool anyActor = false)
    {
        var t = a.Tokens;
        Predicate<Mention> speaks = anyActor ? IsActor : static m => m.Kind == EntityKind.Person;
        for (int i = 0; i < t.Count; i++)
        {
            if (CueAt(t, i, "say") < 0)
            {
                continue;
            }

            var after = a.Mentions.Find(m => speaks(m) && m.FirstToken == i + 1);
            if (after is not null)
            {
                return after;
            }

            if (i > 0 && Is("subjectpronoun", t[i - 1]))
            {
                return PronounReferent(a, i - 1);
            }

            var before = a.Mentions.FindLast(m => speaks(m) && m.LastToken < i && i - m.LastToken <= 2);
            if (before is not null || anyActor)
            {
                return before; // any actor: only by the first speech verb, later verbs report others' words
            }
        }

        return null;
    }

    /// <summary>Whether the word at <paramref name="i"/> is negated ("not attend", "never attended", "did not attend").</summary>
    public bool IsNegated(List<Token> t, int i) =>
        (i > 0 && Is("negation", t[i - 1])) || (i > 1 && t[i - 2].Is("not"));

    /// <summary>Whether a lower-case word is a title of the lexicon ("undersecretary").</summary>
    public bool IsLowerTitle(string word) =>
        char.IsLower(word[0]) && Lexicon.Lookup(MentionFinder.Capitalize(word)).Any(e => e.Kind == PhraseKind.Title);

    /// <summary>Whether a relation type states a stance: praise, criticism or support.</summary>
    public static bool IsStance(RelationType type) => type == RelationType.Praises || type == RelationType.Criticizes || type == RelationType.Supports;

    /// <summary>Whether a mention names a person, an organisation or a country.</summary>
    public static bool IsActor(Mention m) => m.Kind == EntityKind.Person || m.Kind == EntityKind.Organization || m.Kind == EntityKind.Country;

    /// <summary>Whether a place is a venue (its last word a venue word: "Stadium", "Centre", "Hospital", "Square").</summary>
    public bool IsVenue(SentenceAnalysis a, Mention m) => m.Kind == EntityKind.Place && Is("venue", a.Tokens[m.LastToken]);

    /// <summary>Whether a mention names a place or a country.</summary>
    public static bool IsPlace(Mention m) => m.Kind == EntityKind.Place || m.Kind == EntityKind.Country;
}
