using System.Globalization;

namespace KnowledgeGraph.Extraction;

/// <summary>The tokens and mentions of one sentence.</summary>
internal sealed class SentenceAnalysis(Sentence sentence, List<Token> tokens)
{
    public Sentence Sentence { get; } = sentence;

    public List<Token> Tokens { get; } = tokens;

    public List<Mention> Mentions { get; } = [];

    public string? Date { get; set; }

    /// <summary>The dash that ends the sentence's dateline ("RAMSTEIN AIR BASE, Germany, Sept. 6 —"), or -1 when it opens with none.</summary>
    public int DatelineEnd { get; set; } = -1;
}

/// <summary>
/// Finds the mentions of a text sentence by sentence: lexicon phrases (countries, their
/// adjectives and capitals, places, organisations, titles), capitalised spans typed by cue words
/// or by the title before them, acronyms defined in brackets, and event phrases headed by an event
/// noun ("July meeting", "press briefing", "Russia’s invasion").
/// </summary>
internal sealed partial class MentionFinder(Lexicon lexicon)
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "de", "des", "du", "da", "dos", "das", "del", "della", "di", "von", "van", "der", "den", "ter", "al", "bin", "ibn", "la", "le" };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "any", "each", "every", "some", "no",
    };

    private static readonly HashSet<string> PhraseEnders = new(StringComparer.OrdinalIgnoreCase)
    {
        "from", "to", "in", "on", "at", "with", "by", "against", "here", "there", "that", "which", "who", "this", "last", "and", "or", "as", "after", "before", "is", "was", "were", "are", "will", "has", "had", "have", "since", "when", "while", "but", "instead", "attending",
    };

    private static readonly HashSet<string> EventModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "press", "peace", "trade", "security", "defense", "defence", "leaders", "ministerial", "news", "budget", "cabinet", "joint", "emergency", "bilateral", "trilateral", "climate", "terror", "terrorist", "red-carpet", "state", "council", "ministers", "foreign", "naval", "military",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred", "thousand", "million", "billion", "ago",
    };

    private readonly Lexicon _lex = lexicon;

    /// <summary>The sentences between two calls of the <c>read</c> callback of <see cref="Find"/>.</summary>
    public const int ProgressStep = 256;

    /// <summary>The mentions of every sentence; <paramref name="read"/>, when given, hears the sentences read so far after every <see cref="ProgressStep"/> of them.</summary>
    public List<SentenceAnalysis> Find(string text, IReadOnlyList<Sentence> sentences, Action<int>? read = null)
    {
        var result = new List<SentenceAnalysis>(sentences.Count);
        foreach (var s in sentences)
        {
            var a = new SentenceAnalysis(s, Tokenizer.Tokenize(text, s.Start, s.End));
            FindInSentence(a);
            result.Add(a);
            if (read is not null && result.Count % ProgressStep == 0)
            {
                read(result.Count);
            }
        }

        OrganisersOfEvents(result);
        TypeOrganizationsByContext(result);
        TypePlacesByListMates(result);
        TypeSidesOfContest(result);
        return result;
    }

    private void FindInSentence(SentenceAnalysis a)
    {
        var t = a.Tokens;
        a.Date = FindDate(t);
        int i = 0;
        while (i < t.Count)
        {
            if (!StartsName(t, i))
            {
                i++;
                continue;
            }

            int j = i + 1;
            while (j < t.Count)
            {
                if (t[j].IsCapitalized || t[j].IsAcronym)
                {
                    j++;
                    continue;
                }

                bool titleOn = t[j].Text == "on" && (_lex.IsCue("event", t[j - 1].Text) || _lex.IsCue("org", t[j - 1].Text)) // "Conference on Climate Resilient Pakistan",
                    && j + 1 < t.Count && !_lex.IsCue("date", t[j + 1].Text) && !_lex.IsCue("stop", t[j + 1].Text); // not "Summit on Monday"
                if ((Connectors.Contains(t[j].Text) || titleOn) && j + 1 < t.Count && (t[j + 1].IsCapitalized || (Connectors.Contains(t[j + 1].Text) && j + 2 < t.Count && t[j + 2].IsCapitalized)))
                {
                    j++;
                    continue;
                }

                break;
            }

            j = KnownNameEnd(t, i, j);
            Segment(a, i, j);
            i = j;
        }

        FindDateline(a);
        FindEventPhrases(a);
        FindGroupNouns(a);
        FindTitleReferences(a);
        a.Mentions.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.Length.CompareTo(x.Length));
    }

    private static bool StartsName(List<Token> t, int i) => t[i].IsCapitalized || t[i].IsAcronym;

    private string? FindDate(List<Token> t)
    {
        for (int i = 0; i < t.Count; i++)
        {
            for (int n = 3; n >= 1; n--)
            {
                if (i + n > t.Count)
                {
                    continue;
                }

                if (_lex.IsCue("date", t, i, n) && !(n == 1 && t[i].Text == "May" && i == 0))
                {
                    return Join(t, i, i + n);
                }
            }
        }

        return null;
    }

    /// <summary>Splits a capitalised run into lexicon phrases and unknown chunks, and types each.</summary>
    private void Segment(SentenceAnalysis a, int from, int to)
    {
        var t = a.Tokens;
        int s0 = from;
        while (s0 < to && (_lex.IsCue("stop", t[s0].Text) || _lex.IsCue("date", t[s0].Text)))
        {
            s0++;
        }

        if (to - s0 >= 2 && IsWholeName(t, s0, to))
        {
            FlushWhole(a, s0, to);
            return;
        }

        int k = from;
        int chunk = -1;
        Mention? title = null;
        Mention? roleOf = null;
        while (k < to)
        {
            var match = LongestMatch(t, k, to);
            if (match is not null)
            {
                if (OneOrganisationName(a, chunk, k, match.Value, to) is int named)
                {
                    chunk = -1;
                    k = named;
                    continue;
                }

                if (chunk >= 0)
                {
                    FlushChunk(a, chunk, k, ref title, ref roleOf);
                    chunk = -1;
                }

                k = AddLexiconMatch(a, match.Value, k, to, ref title, ref roleOf);
                continue;
            }

            if (chunk < 0 && (_lex.IsCue("stop", t[k].Text) || _lex.IsCue("date", t[k].Text) || Connectors.Contains(t[k].Text)))
            {
                k++;
                continue;
            }

            if (chunk >= 0 && t[k].Is("of") && IsPersonLike(t, chunk, k))
            {
                FlushChunk(a, chunk, k++, ref title, ref roleOf); // "Lee Jae-myung of the Unity Party": a person, then the body
                chunk = -1;
                continue;
            }

            if (chunk < 0)
            {
                chunk = k;
            }

            k++;
        }

        if (chunk >= 0)
        {
            FlushChunk(a, chunk, to, ref title, ref roleOf); // a bare title with no name after it is not an entity
        }
    }

    /// <summary>A lexicon phrase in a capitalised run: a title waits for its name, a country or body may own the next title; returns the token after it.</summary>
    private int AddLexiconMatch(SentenceAnalysis a, (PhraseEntry Entry, int End) match, int k, int to, ref Mention? title, ref Mention? roleOf)
    {
        var t = a.Tokens;
        var (entry, end) = match;
        var m = FromLexicon(a, entry, k, end);
        if (entry.Kind == PhraseKind.Title)
        {
            title = m;
            return end;
        }

        roleOf = m.Kind == EntityKind.Country || m.Kind == EntityKind.Organization ? m : null;
        AddUnlessDuplicate(a, m);
        if (m.Kind == EntityKind.Organization && end == to && end < t.Count && _lex.IsCue("geo", t[end].Text))
        {
            // "NATO headquarters"
            a.Mentions.Add(new Mention(a.Sentence.Index, m.Start, Span(a, k, end + 1), EntityKind.Place, $"organisation name before '{t[end].Text}'", k, end) { Name = Span(a, k, end + 1) });
        }

        return end;
    }

    private void FlushWhole(SentenceAnalysis a, int from, int to)
    {
        Mention? none = null;
        Mention? noRole = null;
        FlushChunk(a, from, to, ref none, ref noRole);
    }

    private bool IsWholeName(List<Token> t, int from, int to)
    {
        for (int j = from + 2; j < to; j++)
        {
            if (t[j].Is("of") && IsPersonLike(t, from, j))
            {
                return false; // "Lee Jae-myung of the Unity Party"
            }
        }

        if (LongestMatch(t, from, to) is { } whole && whole.End == to)
        {
            return false;
        }

        string last = t[to - 1].Text;
        if (_lex.IsCue("event", last) || _lex.IsCue("place", last) || _lex.IsCue("org", last) || _lex.IsCue("placefirst", t[from].Text))
        {
            return LongestMatch(t, from, to) is not { Entry.Kind: PhraseKind.Title };
        }

        for (int i = from; i < to - 1; i++)
        {
            if (_lex.IsCue("org", t[i].Text) && t[i + 1].Text is "of" or "for")
            {
                return LongestMatch(t, from, to) is not { Entry.Kind: PhraseKind.Title };
            }
        }

        return false;
    }

    private (PhraseEntry Entry, int End)? LongestMatch(List<Token> t, int k, int to)
    {
        int max = Math.Min(_lex.MaxPhraseTokens, to - k);
        for (int n = max; n >= 1; n--)
        {
            var entries = _lex.Lookup(t, k, n);
            if (entries.Count == 0)
            {
                continue;
            }

            // Prefer a title, then an organisation, then a country or place.
            var best = entries[0];
            for (int e = 1; e < entries.Count; e++)
            {
                if (Preference(entries[e].Kind) < Preference(best.Kind))
                {
                    best = entries[e];
                }
            }

            if (best.Kind == PhraseKind.Title && t[k].IsCapitalized is false)
            {
                continue;
            }

            return (best, k + n);
        }

        return null;
    }

    private Mention FromLexicon(SentenceAnalysis a, PhraseEntry e, int from, int to)
    {
        var t = a.Tokens;
        string text = Span(a, from, to);
        int idx = a.Sentence.Index;
        switch (e)
        {
            case { Kind: PhraseKind.Title }:
                return new Mention(idx, t[from].Start, text, "Title", $"title '{text}'", from, to - 1) { RoleClass = e.TitleClass };
            case { Kind: PhraseKind.CountryName, Country: { } country }:
                return new Mention(idx, t[from].Start, text, EntityKind.Country, $"country name in the ISO 3166 table ({country.Iso})", from, to - 1)
                { Name = country.Name, CountryIso = country.Iso };
            case { Kind: PhraseKind.CountryAdjective, Country: { } country }:
                return new Mention(idx, t[from].Start, text, EntityKind.Country, $"adjective or demonym of {country.Name} ({country.Iso})", from, to - 1)
                { Name = country.Name, CountryIso = country.Iso };
            case { Kind: PhraseKind.Capital, Country: { } country }:
                bool locative = from > 0 && (t[from - 1].Is("in") || t[from - 1].Is("at") || t[from - 1].Is("near") || t[from - 1].Is("outside"));
                if (locative || to < t.Count && (t[to].IsCapitalized && !t[to].IsAcronym || _lex.IsCue("eventnoun", t[to].Text))) // "in Jakarta", "the Jakarta summit"
                {
                    return new Mention(idx, t[from].Start, text, EntityKind.Place, $"capital city of {country.Name} used as a place ('{t[Math.Max(0, from - 1)].Text} {text}')", from, to - 1) { CountryIso = country.Iso };
                }

                return new Mention(idx, t[from].Start, text, EntityKind.Country, $"capital city standing for its country, {country.Name}", from, to - 1)
                { Name = country.Name, CountryIso = country.Iso, Origin = MentionOrigin.CapitalForCountry };
            case { Kind: PhraseKind.Place, Place: { } place }:
                return new Mention(idx, t[from].Start, text, EntityKind.Place, $"known place ({place.Kind})", from, to - 1) { Name = place.Name, CountryIso = place.CountryIso };
            default:
                var organization = e.Organization!;
                return new Mention(idx, t[from].Start, text, EntityKind.Organization, $"known organisation ({organization.Kind})", from, to - 1)
                { Name = text, LexiconName = organization.Name };
        }
    }

    private void FlushChunk(SentenceAnalysis a, int from, int to, ref Mention? title, ref Mention? roleOf)
    {
        var t = a.Tokens;
        while (to > from && Connectors.Contains(t[to - 1].Text))
        {
            to--;
        }

        if (to <= from)
        {
            return;
        }

        if (title is not null && to - from >= 3 && from == title.LastToken + 2 && Connectors.Contains(t[title.LastToken + 1].Text))
        {
            // "Minister for Overseas Territories Julien Marchand": the title goes on up to the last two words.
            title = new Mention(a.Sentence.Index, title.Start, Span(a, title.FirstToken, to - 2), "Title", $"title '{Span(a, title.FirstToken, to - 2)}'", title.FirstToken, to - 3) { RoleClass = title.RoleClass };
            from = to - 2;
        }

        title ??= LowerCaseTitleBefore(a, from, to);
        if (title is not null && title.RoleClass != "honorific-skip" && NameWords(t, from, to) <= 4 && !t[from].IsAcronym)
        {
            var person = TitledPerson(a, from, to, title, roleOf);
            title = null;
            roleOf = null;
            AddUnlessDuplicate(a, person, replaceInside: true);
            return;
        }

        title = null;
        if (NameOf(a, from, to) is { } m)
        {
            AddUnlessDuplicate(a, m);
        }
    }

    /// <summary>What a capitalised chunk without a title names, by its cue words and what follows it; null when it names nothing.</summary>
    private Mention? NameOf(SentenceAnalysis a, int from, int to)
    {
        var t = a.Tokens;
        int idx = a.Sentence.Index;
        string text = Span(a, from, to);
        int n = to - from;
        int edition = EditionStart(t, from, to); // "the 2018 World Cup": the year names one edition of the event
        (from, text, n) = edition < from ? (edition, Span(a, edition, to), n + 1) : (from, text, n);

        if (EventOrPlaceByCueWord(a, from, to, text) is { } byCue)
        {
            return byCue;
        }

        if (n >= 2 && FirstCue(t, from, to, "org") is string cue)
        {
            string? defined = AcronymAfter(t, to);
            return new Mention(idx, t[from].Start, text, EntityKind.Organization, $"organisation cue word '{cue}'", from, to - 1)
            {
                Acronym = defined is not null && Initials(t, from, to).StartsWith(defined[0]) ? defined : null,
            };
        }

        if (AcronymAfter(t, to) is string acronym && Initials(t, from, to).StartsWith(acronym[0]))
        {
            return new Mention(idx, t[from].Start, text, EntityKind.Organization, $"name defined with the acronym '{acronym}'", from, to - 1) { Acronym = acronym };
        }

        if (to < t.Count && (t[to].Text is "administration" or "government" or "campaign" or "cabinet"))
        {
            return new Mention(idx, t[from].Start, Span(a, from, to + 1), EntityKind.Organization, $"name before '{t[to].Text}'", from, to) { Name = text + " " + t[to].Text };
        }

        if (to < t.Count && _lex.IsCue("geo", t[to].Text))
        {
            return new Mention(idx, t[from].Start, Span(a, from, to + 1), EntityKind.Place, $"name before the place word '{t[to].Text}'", from, to) { Name = text + " " + t[to].Text };
        }

        if (TypedByContext(a, from, to, text) is { } byContext)
        {
            return byContext;
        }

        if (t[from].IsAcronym && n == 1 && to < t.Count && _lex.IsCue("acronymgroup", t[to].Text) && t[from].Text.Length >= 3 && !t[from].Text.Contains('.', StringComparison.Ordinal))
        {
            // "the BRICS group", "the AUKUS pact": an acronym named as a body by the noun after it.
            return new Mention(idx, t[from].Start, text, EntityKind.Organization, $"acronym before '{t[to].Text}'", from, to - 1) { Acronym = text, OtherNames = [text + " " + t[to].Text] };
        }

        if (t[from].IsAcronym && n == 1)
        {
            // An unknown acronym ("GDP") names nothing unless the text defines it.
            return new Mention(idx, t[from].Start, text, "Unknown", "acronym", from, to - 1);
        }

        if (NameWords(t, from, to) is >= 2 and <= 4 && PersonNameWords(t, from, to) && FirstCue(t, from, to, "notname") is null)
        {
            return new Mention(idx, t[from].Start, text, EntityKind.Person, $"capitalised name of {NameWords(t, from, to)} words", from, to - 1) { Origin = MentionOrigin.CapitalisedName };
        }

        if (n == 1)
        {
            return new Mention(idx, t[from].Start, text, "Unknown", "single capitalised word", from, to - 1) { Origin = MentionOrigin.SingleCapitalisedWord };
        }

        return null;
    }

    /// <summary>The capitalised words of a name, not counting the particles inside it ("Ursula von der Leyen": 2).</summary>
    private static int NameWords(List<Token> t, int from, int to)
    {
        int n = 0;
        for (int i = from; i < to; i++)
        {
            if (t[i].IsCapitalized)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Capitalised words, with name particles ("da", "von der") only between them: a person's name.</summary>
    private static bool PersonNameWords(List<Token> t, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            bool particle = i > from && i < to - 1 && Connectors.Contains(t[i].Text) && t[i].Text is not ("of" or "for" or "the");
            if (!particle && (!t[i].IsCapitalized || t[i].IsAcronym || t[i].IsNumber))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllNameWords(List<Token> t, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!t[i].IsCapitalized || t[i].IsAcronym || t[i].IsNumber)
            {
                return false;
            }
        }

        return true;
    }

    private string? FirstCue(List<Token> t, int from, int to, string category)
    {
        for (int i = to - 1; i >= from; i--)
        {
            if (_lex.IsCue(category, t[i].Text))
            {
                return t[i].Text;
            }
        }

        return null;
    }

    private static string? AcronymAfter(List<Token> t, int to) =>
        to + 2 < t.Count && t[to].Text == "(" && t[to + 1].IsAcronym && t[to + 2].Text == ")" ? t[to + 1].Text : null;

    private static string Initials(List<Token> t, int from, int to)
    {
        var chars = new List<char>();
        for (int i = from; i < to; i++)
        {
            if (char.IsUpper(t[i].Text[0]))
            {
                chars.Add(t[i].Text[0]);
            }
        }

        return new string([.. chars]);
    }

    private static void AddUnlessDuplicate(SentenceAnalysis a, Mention m, bool replaceInside = false)
    {
        if (replaceInside)
        {
            a.Mentions.RemoveAll(x => x.FirstToken >= m.FirstToken && x.LastToken <= m.LastToken && x.Kind != EntityKind.Country && x.Kind != EntityKind.Organization);
        }

        a.Mentions.Add(m);
    }

    /// <summary>Removes the unknown-kind mentions within tokens [first, last] (a loop: a lambda here would capture per token).</summary>
    private static void RemoveUnknownInside(List<Mention> mentions, int first, int last)
    {
        for (int i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.FirstToken >= first && m.LastToken <= last && m.Kind.Name == "Unknown")
            {
                mentions.RemoveAt(i);
            }
        }
    }

    private static int Preference(PhraseKind kind) => kind switch
    {
        PhraseKind.Title => 0,
        PhraseKind.Organization => 1,
        PhraseKind.CountryName => 2,
        PhraseKind.CountryAdjective => 3,
        PhraseKind.Place => 4,
        _ => 5,
    };

    internal static string Join(List<Token> t, int from, int to)
    {
        if (to - from == 1)
        {
            return t[from].Text;
        }

        var parts = new string[to - from];
        for (int i = from; i < to; i++)
        {
            parts[i - from] = t[i].Text;
        }

        return string.Join(' ', parts);
    }

    /// <summary>Where an event's name starts when a year stands right before it ("the 2018 World Cup"), else <paramref name="from"/>.</summary>
    private int EditionStart(List<Token> t, int from, int to) =>
        to - from >= 2 && (_lex.IsCue("eventfirst", t[from].Text) || _lex.IsCue("event", t[to - 1].Text)) && YearBefore(t, from) ? from - 1 : from;

    /// <summary>Whether a year stands right before the name at <paramref name="from"/>, itself after "the", a possessive or the start ("the 2018 World Cup").</summary>
    private static bool YearBefore(List<Token> t, int from) =>
        from >= 1 && t[from - 1].Text.Length == 4 && int.TryParse(t[from - 1].Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year) && year is >= 1900 and <= 2099
        && (from == 1 || t[from - 2].Is("the") || t[from - 2].IsPossessive);

    private static string Span(SentenceAnalysis a, int from, int to)
    {
        var t = a.Tokens;
        var s = a.Sentence;
        return s.Text.Substring(t[from].Start - s.Start, t[to - 1].End - t[from].Start);
    }

    internal static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
}
