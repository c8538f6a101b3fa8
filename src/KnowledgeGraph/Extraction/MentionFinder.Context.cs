namespace KnowledgeGraph.Extraction;

/// <summary>Unknown names typed by the words around them (a place after "in" or before "province", a body after "the") or by their own cue words.</summary>
internal sealed partial class MentionFinder
{
    /// <summary>The place or organisation an unknown capitalised name is from its context, or null.</summary>
    private Mention? TypedByContext(SentenceAnalysis a, int from, int to, string text)
    {
        var t = a.Tokens;
        int idx = a.Sentence.Index;
        if (PlaceByContext(t, from, to) is string why)
        {
            return new Mention(idx, t[from].Start, text, EntityKind.Place, why, from, to - 1);
        }

        if (from > 0 && t[from - 1].Is("the") && !t[from].IsAcronym && AllNameWords(t, from, to) && FirstCue(t, from, to, "notname") is null
            && !(to < t.Count && t[to].IsPossessive) && !(from > 1 && t[from - 2].IsPossessive))
        {
            // "the Bundestag", "the Conservatives": a name with an article is a body, not a person.
            return new Mention(idx, t[from].Start, text, EntityKind.Organization, "'the' before an unknown name", from, to - 1);
        }

        return null;
    }

    /// <summary>
    /// Why an unknown name is a place from the words around it: a locative before it ("in Essex", "near Perth"),
    /// "the city of X" / "the Brazilian city of X", or a place noun after it ("Al Haouz province"); else null.
    /// </summary>
    private string? PlaceByContext(List<Token> t, int from, int to)
    {
        if (t[from].IsAcronym || !AllNameWords(t, from, to))
        {
            return null;
        }

        if (to < t.Count && _lex.IsCue("placenoun", t[to].Text) && !t[to].IsCapitalized)
        {
            return $"name before the place noun '{t[to].Text}'";
        }

        if (from >= 2 && t[from - 1].Is("of") && _lex.IsCue("placenoun", t[from - 2].Text))
        {
            return $"'{t[from - 2].Text} of' before a name";
        }

        return from >= 1 && _lex.IsCue("locative", t[from - 1].Text) && !(to < t.Count && (t[to].IsPossessive || _lex.IsCue("org", t[to].Text)))
            ? $"locative '{t[from - 1].Text}' before a name"
            : null;
    }

    /// <summary>
    /// A name typed by a cue word: an event word first ("Hurricane Milton") or last ("World Cup"), a place word last
    /// ("Jakarta Convention Center") or, in a longer name, first ("Stade de France", "Palais des Nations"); else null.
    /// </summary>
    private Mention? EventOrPlaceByCueWord(SentenceAnalysis a, int from, int to, string text)
    {
        var t = a.Tokens;
        int idx = a.Sentence.Index;
        string last = t[to - 1].Text;
        int n = to - from;
        if (n >= 3 && IsRomanNumeral(last) && _lex.IsCue("event", t[to - 2].Text))
        {
            last = t[to - 2].Text; // "Super Bowl LVIII", "Vatican II": the numeral names an edition
        }

        if (n >= 2 && _lex.IsCue("eventfirst", t[from].Text))
        {
            return new Mention(idx, t[from].Start, text, EntityKind.Event, $"event word '{t[from].Text}' starting a name", from, to - 1) { EventDate = a.Date, EventHead = t[from].Text.ToLowerInvariant() };
        }

        if (_lex.IsCue("event", last) && n >= 2)
        {
            AddPlacesInside(a, from, to - 1);
            return new Mention(idx, t[from].Start, text, EntityKind.Event, $"event cue word '{last}'", from, to - 1) { EventDate = a.Date, EventHead = last.ToLowerInvariant(), Origin = MentionOrigin.EventCueWord };
        }

        if (_lex.IsCue("place", last) && n >= 2)
        {
            return new Mention(idx, t[from].Start, text, EntityKind.Place, $"place cue word '{last}'", from, to - 1);
        }

        if (n >= 3 && _lex.IsCue("placefirst", t[from].Text))
        {
            return new Mention(idx, t[from].Start, text, EntityKind.Place, $"place word '{t[from].Text}' starting a name", from, to - 1);
        }

        return null;
    }
    /// <summary>
    /// Names guessed to be people only because they are capitalised, listed with places ("in Johannesburg, Cape Town and
    /// Durban"), are places: the items of one list are of one kind. Every mention of such a name is retyped.
    /// </summary>
    private static void TypePlacesByListMates(List<SentenceAnalysis> sentences)
    {
        var people = PeopleNames(sentences);
        HashSet<string>? places = null;
        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (m.Kind == EntityKind.Person && IsUntypedName(m) && !people.Contains(m.Name) && ListedWithPlaces(a, m))
                {
                    (places ??= new HashSet<string>(StringComparer.Ordinal)).Add(m.Name);
                }
            }
        }

        if (places is null)
        {
            return;
        }

        foreach (var a in sentences)
        {
            for (int i = 0; i < a.Mentions.Count; i++)
            {
                var m = a.Mentions[i];
                if (m.Kind == EntityKind.Person && IsUntypedName(m) && places.Contains(m.Name))
                {
                    a.Mentions[i] = new Mention(m.SentenceIndex, m.Start, m.Text, EntityKind.Place, "a name listed with places", m.FirstToken, m.LastToken) { Name = m.Name };
                }
            }
        }
    }

    /// <summary>
    /// Whether a mention is an item inside a list ("A, B and C", "A, B, C") whose typed items beside it are all places, at
    /// least one of them (an unknown single word beside it says nothing).
    /// </summary>
    private static bool ListedWithPlaces(SentenceAnalysis a, Mention m)
    {
        var t = a.Tokens;
        int places = 0;
        bool before = false, after = false;
        foreach (var o in a.Mentions)
        {
            bool mate = o.LastToken < m.FirstToken ? IsListGap(t, o.LastToken + 1, m.FirstToken) : o.FirstToken > m.LastToken && IsListGap(t, m.LastToken + 1, o.FirstToken);
            if (!mate)
            {
                continue;
            }

            if (o.LastToken < m.FirstToken && a.Mentions.Exists(x => x.LastToken == o.FirstToken - 1))
            {
                return false; // "Duke Energy Florida and Tampa Electric": the place is the end of a longer name
            }

            before |= o.LastToken < m.FirstToken;
            after |= o.FirstToken > m.LastToken;
            if (o.Kind == EntityKind.Place)
            {
                places++;
            }
            else if (o.Kind.Name != "Unknown")
            {
                return false;
            }
        }

        // An item inside the list, with items on both sides: "in Bergen, and Omar Haddad lost" may join two clauses.
        return places > 0 && before && after;
    }

    /// <summary>Whether the tokens from <paramref name="from"/> up to <paramref name="to"/> join two list items: ",", "and", "or", ", and".</summary>
    private static bool IsListGap(List<Token> t, int from, int to) => (to - from) switch
    {
        1 => t[from].Text == "," || t[from].Is("and") || t[from].Is("or"),
        2 => t[from].Text == "," && (t[from + 1].Is("and") || t[from + 1].Is("or")),
        _ => false,
    };

    /// <summary>Whether a word is a Roman numeral of two or more letters ("II", "LVIII"; not "I", a pronoun, nor "MD").</summary>
    private static bool IsRomanNumeral(string word) =>
        word.Length is >= 2 and <= 7 && word.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C') && !word.Contains("IIII", StringComparison.Ordinal);
}
