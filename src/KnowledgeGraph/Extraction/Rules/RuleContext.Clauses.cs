namespace KnowledgeGraph.Extraction.Rules;

/// <summary>Clause structure: the subject of a cue, its objects, and the prepositional phrases a mention sits in.</summary>
internal sealed partial class RuleContext
{
    /// <summary>
    /// The subject of the verb cue at <paramref name="cue"/>: the previous subject over "and", the antecedent
    /// of "who", the noun before a participle, a pronoun's referent, else the nearest actor before it
    /// that is not inside a prepositional phrase (a person preferred).
    /// </summary>
    public Mention? Subject(SentenceAnalysis a, int cue, Mention? previousSubject)
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

        var relative = RelativeAntecedent(a, cue);
        if (relative is not null)
        {
            return relative;
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

        return NearestSubject(a, cue);
    }

    /// <summary>"X, who met …", "the Justice Department, which sued …": the relative pronoun's antecedent.</summary>
    private static Mention? RelativeAntecedent(SentenceAnalysis a, int cue)
    {
        var t = a.Tokens;
        int rel = cue - 1;
        if (rel >= 0 && t[rel].Is("also"))
        {
            rel--;
        }

        if (rel >= 1 && (t[rel].Is("who") || t[rel].Is("which")))
        {
            int k = t[rel - 1].Text == "," ? rel - 2 : rel - 1;
            return a.Mentions.LastOrDefault(x => x.LastToken == k && IsActor(x));
        }

        return null;
    }

    private Mention? NearestSubject(SentenceAnalysis a, int cue)
    {
        var t = a.Tokens;
        Mention? nearest = null;
        int opening = a.DatelineEnd;
        for (int k = cue - 1; k > opening; k--)
        {
            string w = t[k].Text;
            if (w is ";" or "“" or "”" or "\"")
            {
                break;
            }

            if (nearest is not null && (w is "that" || Is("say", w)))
            {
                return nearest; // "announced that Australia will contribute", "Healey said Britain would send"
            }

            if (Is("pronoun", w) && (k == 0 || t[k - 1].Text is "," or ";" or ":" or "and" or "“" || RightBefore(t, k, cue)))
            {
                return PronounReferent(a, k); // "After the match he praised …": the pronoun right before its verb
            }

            var m = ActorEndingAt(a, k);
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

    /// <summary>Whether only "also", "later" or auxiliaries stand between the word at <paramref name="k"/> and the verb at <paramref name="cue"/>.</summary>
    private bool RightBefore(List<Token> t, int k, int cue)
    {
        for (int j = k + 1; j < cue; j++)
        {
            if (!(t[j].Is("also") || t[j].Is("later") || Is("auxiliary", t[j])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The subject at the start of the clause: a leading pronoun's referent, or null.</summary>
    public Mention? MainSubject(SentenceAnalysis a, int before)
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

        if (start < t.Count && Is("pronoun", t[start]))
        {
            return PronounReferent(a, start);
        }

        return null;
    }

    /// <summary>Whether a mention lies inside an event's phrase ("the invasion of Ukraine").</summary>
    public static bool InsideEvent(SentenceAnalysis a, Mention m) =>
        m.SentenceIndex == a.Sentence.Index && a.Mentions.Any(e => e.Kind == EntityKind.Event && e.FirstToken <= m.FirstToken && e.LastToken >= m.LastToken && e != m);

    /// <summary>
    /// Whether a subject stands before the token at <paramref name="i"/>: it ends before it in the sentence, or it is a
    /// pronoun's referent from an earlier sentence (token numbers of two sentences are not compared).
    /// </summary>
    public static bool IsBefore(SentenceAnalysis a, Mention m, int i) => m.SentenceIndex != a.Sentence.Index || m.LastToken < i;

    /// <summary>Whether a word is a preposition or an auxiliary verb.</summary>
    public bool IsPrepositionOrAuxiliary(string w) => Is("preposition", w) || Is("auxiliary", w);

    /// <summary>Whether a mention is governed by a preposition (a partitive "two-thirds of NATO’s members" is not).</summary>
    public bool InsidePrepositionalPhrase(SentenceAnalysis a, Mention m)
    {
        string? p = PrepositionBefore(a, m);
        if (p is null)
        {
            return false;
        }

        // A partitive ("two-thirds of NATO’s members") keeps its owner as the subject.
        int k = m.FirstToken - 1;
        while (k >= 0 && !Is("preposition", a.Tokens[k]))
        {
            k--;
        }

        return !(p == "of" && k > 0 && Is("quantity", a.Tokens[k - 1]) && m.LastToken + 1 < a.Tokens.Count && a.Tokens[m.LastToken + 1].IsPossessive);
    }

    /// <summary>The preposition that governs a mention, over articles, names and coordination: "between Ms. Dahl and Mr. Haddad".</summary>
    public string? PrepositionBefore(SentenceAnalysis a, Mention m)
    {
        var t = a.Tokens;
        int k = m.FirstToken - 1;
        while (k >= 0 && (t[k].Text is "the" or "a" or "an" or "and" or "," || (t[k].IsCapitalized || t[k].IsAcronym) && !Is("preposition", t[k])))
        {
            k--;
        }

        return k >= 0 && Is("preposition", t[k]) ? t[k].Text.ToLowerInvariant() : null;
    }

    /// <summary>Plural nouns for the people of an owner ("England’s players", "Japan’s rescuers"): as an object, the owner stands for them.</summary>
    private static readonly HashSet<string> PeopleOfOwner = new(StringComparer.OrdinalIgnoreCase)
    {
        "players", "team", "squad", "staff", "workers", "volunteers", "people", "citizens", "rescuers", "soldiers", "troops", "athletes", "negotiators", "diplomats",
    };

    /// <summary>The objects of a cue: the actors and events from <paramref name="from"/> up to the end of the phrase, over "and".</summary>
    public static List<Mention> Objects(SentenceAnalysis a, int from)
    {
        var t = a.Tokens;
        var result = new List<Mention>();
        for (int k = from; k < t.Count; k++)
        {
            string w = t[k].Text;
            if (w is "." or ";" or "“" or "”" or "\"" or "–" or "—" or ":" || (w == "," && result.Count > 0 && !ListGoesOn(a, k)) || (k - from > 10 && result.Count == 0))
            {
                break;
            }

            var m = ActorOrEventStartingAt(a, k);
            if (m is null)
            {
                if (result.Count > 0 && !t[k].Is("and") && w != ",")
                {
                    break;
                }

                continue;
            }

            // "the alliance’s newest fund": the owner is not the object; "England’s players" stand for England.
            if (m.LastToken + 1 < t.Count && t[m.LastToken + 1].IsPossessive && m.Kind != EntityKind.Event && !(m.LastToken + 2 < t.Count && a.Mentions.Any(x => x.FirstToken == m.LastToken + 2)))
            {
                if (m.LastToken + 2 < t.Count && PeopleOfOwner.Contains(t[m.LastToken + 2].Text))
                {
                    result.Add(m);
                    k = m.LastToken + 2;
                    continue;
                }

                break;
            }

            result.Add(m);
            k = m.LastToken;
        }

        return result;
    }

    /// <summary>Whether the comma at <paramref name="k"/> goes on with a list: an actor after it, then a comma or "and" ("thanked Austin, Pistorius and Healey").</summary>
    private static bool ListGoesOn(SentenceAnalysis a, int k)
    {
        var next = k + 1 < a.Tokens.Count ? ActorOrEventStartingAt(a, k + 1) : null;
        int after = next is null ? -1 : next.LastToken + 1;
        return next is not null && IsActor(next) && after < a.Tokens.Count && (a.Tokens[after].Text == "," || a.Tokens[after].Is("and"));
    }

    /// <summary>
    /// The actors coordinated before a subject ("Brazil, India and China agreed": for China, Brazil and India; an item
    /// may carry its owner, "Germany's Boris Pistorius, Britain's John Healey and …"), when the list opens the clause (at the start of the sentence, or after punctuation or a clause word).
    /// </summary>
    public List<Mention> CoordinatedBefore(SentenceAnalysis a, Mention last)
    {
        if (last.SentenceIndex != a.Sentence.Index)
        {
            return []; // a pronoun's referent from an earlier sentence has no list before it here
        }

        var t = a.Tokens;
        var items = new List<Mention>();
        int k = OwnerStart(a, last) - 1;
        for (int n = 0; n < 12 && k >= 1; n++)
        {
            if (!(t[k].Is("and") || t[k].Text == ","))
            {
                break;
            }

            int end = t[k].Is("and") && t[k - 1].Text == "," ? k - 2 : k - 1;
            var item = end >= 0 ? a.Mentions.LastOrDefault(m => m.LastToken == end && IsActor(m)) : null;
            if (item is null)
            {
                break;
            }

            items.Add(item);
            k = OwnerStart(a, item) - 1;
        }

        bool opensClause = k < 0 || t[k].Text is "," or ";" or ":" or "“" or "\"" or "(" || Is("clauseopener", t[k]);
        return items.Count > 0 && opensClause ? items : [];
    }

    /// <summary>Where a mention starts with its owner: "Germany's Boris Pistorius" starts at "Germany".</summary>
    private static int OwnerStart(SentenceAnalysis a, Mention m)
    {
        int p = m.FirstToken - 1;
        return p >= 1 && a.Tokens[p].IsPossessive && ActorEndingAt(a, p - 1) is { } owner ? owner.FirstToken : m.FirstToken;
    }

    /// <summary>The last actor mention that ends at token <paramref name="k"/>, or null (a loop, not a query: it runs per token).</summary>
    public static Mention? ActorEndingAt(SentenceAnalysis a, int k) => EndingAt(a, k, IsActor);

    /// <summary>The last mention that ends at token <paramref name="k"/> and that <paramref name="accepts"/> takes, or null.</summary>
    public static Mention? EndingAt(SentenceAnalysis a, int k, Predicate<Mention> accepts)
    {
        var mentions = a.Mentions;
        for (int i = mentions.Count - 1; i >= 0; i--)
        {
            if (mentions[i].LastToken == k && accepts(mentions[i]))
            {
                return mentions[i];
            }
        }

        return null;
    }

    /// <summary>The last actor or event mention that ends at token <paramref name="k"/>, or null.</summary>
    public static Mention? ActorOrEventEndingAt(SentenceAnalysis a, int k) => EndingAt(a, k, IsActorOrEvent);

    /// <summary>The first actor or event mention that starts at token <paramref name="k"/>, or null.</summary>
    public static Mention? ActorOrEventStartingAt(SentenceAnalysis a, int k) => StartingAt(a, k, IsActorOrEvent);

    /// <summary>The first mention that starts at token <paramref name="k"/> and that <paramref name="accepts"/> takes, or null.</summary>
    public static Mention? StartingAt(SentenceAnalysis a, int k, Predicate<Mention> accepts)
    {
        foreach (var m in a.Mentions)
        {
            if (m.FirstToken == k && accepts(m))
            {
                return m;
            }
        }

        return null;
    }

    private static bool IsActorOrEvent(Mention m) => IsActor(m) || m.Kind == EntityKind.Event;

    /// <summary>"the Russian city of Kazan": the place named after a country and a place noun with "of", or null.</summary>
    public Mention? PlaceNamedAfter(SentenceAnalysis a, Mention country)
    {
        var t = a.Tokens;
        int k = country.LastToken + 1;
        return k + 2 < t.Count && Is("placenoun", t[k]) && t[k + 1].Is("of") ? StartingAt(a, k + 2, IsPlace) : null;
    }

    /// <summary>The countries or organisations listed from token <paramref name="from"/> on ("Brazil, Russia, India and China"), allowing a word such as "such as" or "including" first.</summary>
    public static List<Mention> ListAfter(SentenceAnalysis a, int from) => ListAfter(a, from, static x => x.Kind == EntityKind.Country || x.Kind == EntityKind.Organization);

    /// <summary>The mentions of a kind listed from token <paramref name="from"/> on ("Greece, Bulgaria and Turkey"), as <see cref="ListAfter(SentenceAnalysis, int)"/> reads them.</summary>
    public static List<Mention> ListAfter(SentenceAnalysis a, int from, Predicate<Mention> kind)
    {
        var t = a.Tokens;
        var result = new List<Mention>();
        int k = from;
        if (k < t.Count && (t[k].Is(",") || t[k].Is("including")))
        {
            k++;
        }

        if (k + 1 < t.Count && t[k].Is("such") && t[k + 1].Is("as"))
        {
            k += 2;
        }

        while (k < t.Count)
        {
            var m = StartingAt(a, k, kind) ?? (result.Count > 0 && t[k].Is("the") && k + 1 < t.Count ? StartingAt(a, k + 1, kind) : null); // "…, Myanmar, the Philippines, Singapore"
            if (m is null)
            {
                break;
            }

            result.Add(m);
            k = m.LastToken + 1;
            if (k < t.Count && (t[k].Is(",") || t[k].Is("and")))
            {
                k++;
                if (k < t.Count && t[k].Is("and"))
                {
                    k++;
                }

                continue;
            }

            break;
        }

        return result;
    }
}
