namespace KnowledgeGraph.Extraction;

/// <summary>A country of the ISO 3166 table.</summary>
internal sealed record CountryEntry(string Iso, string Name);

/// <summary>A known place: a continent, region, sea, city or landmark.</summary>
internal sealed record PlaceEntry(string Name, string Kind, string? CountryIso);

/// <summary>A well-known organisation.</summary>
internal sealed record OrganizationEntry(string Name, string Kind);

/// <summary>What a lexicon phrase names, and how it was written.</summary>
internal enum PhraseKind
{
    CountryName,
    CountryAdjective,
    Capital,
    Place,
    Organization,
    Title,
}

/// <summary>One meaning of a phrase.</summary>
internal sealed record PhraseEntry(PhraseKind Kind, string Phrase, CountryEntry? Country = null, PlaceEntry? Place = null, OrganizationEntry? Organization = null, string? TitleClass = null);

/// <summary>
/// The word lists of the extractor, read once from the tab-separated files embedded in the
/// library (Extraction/Lexicons/*.tsv): countries (ISO 3166, other names, adjectives and
/// demonyms, capitals), places, organisations, titles and cue words by category.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> DefaultLexicon = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, List<PhraseEntry>> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _cues = new(StringComparer.Ordinal);

    // The verbs that make an event noun (cue categories "makes:NOUN"), by their first word, ignoring case: the noun and the verb's words.
    private readonly Dictionary<string, List<(string Noun, string[] Words)>> _makersByFirst = new(StringComparer.OrdinalIgnoreCase);

    // The same phrases indexed by their first token, so that token sequences are looked up without joining them.
    private readonly Dictionary<string, List<(string[] Tokens, List<PhraseEntry> Entries)>> _phrasesByFirst = new(StringComparer.Ordinal);

    // Every cue by its first word, ignoring case, then by category: one lookup of a token's word finds all the cues it starts.
    private readonly Dictionary<string, Dictionary<string, CueStart>> _cueStarts = new(StringComparer.OrdinalIgnoreCase);

    private Lexicon()
    {
    }

    public static Lexicon Default => DefaultLexicon.Value;

    public IReadOnlyDictionary<string, CountryEntry> CountriesByIso { get; private set; } = new Dictionary<string, CountryEntry>();

    public int MaxPhraseTokens { get; private set; }

    /// <summary>The meanings of the phrase made of these tokens (joined by single spaces), case-sensitively.</summary>
    public IReadOnlyList<PhraseEntry> Lookup(string phrase) =>
        _phrases.TryGetValue(phrase, out var list) ? list : [];

    /// <summary>Whether a word or phrase is in a cue category, ignoring case.</summary>
    public bool IsCue(string category, string phrase) =>
        _cues.TryGetValue(category, out var set) && set.Contains(phrase);

    /// <summary>
    /// The event nouns made by the verbs (cue categories <c>makes:NOUN</c>) that start with this word ("ruled": the ruling;
    /// "filed", of "filed suit": the lawsuit), each with all the verb's words; null when the word starts none.
    /// </summary>
    public List<(string Noun, string[] Words)>? MakersStartingWith(string word) =>
        _makersByFirst.TryGetValue(word, out var makers) ? makers : null;

    /// <summary>Whether the tokens from <paramref name="i"/> are these words, ignoring case.</summary>
    public static bool WordsAt(string[] words, List<Token> t, int i) =>
        i + words.Length <= t.Count && Matches(words, t, i, StringComparison.OrdinalIgnoreCase);

    /// <summary>The classes of event nouns that name one happening in turn ("summit", "gathering", "talks"), by their cue categories.</summary>
    private static readonly string[] EventClasses = ["class:meeting", "class:outcome", "class:contest", "class:disaster", "class:case", "class:vote", "class:ceremony"];

    /// <summary>The classes of organisation nouns that refer to one body in turn ("the bloc" for "the BRICS group").</summary>
    private static readonly string[] OrganizationClasses = ["orgclass:grouping", "orgclass:company", "orgclass:court"];

    /// <summary>The class of an organisation noun (the cue category <c>orgclass:…</c> it is in), or null.</summary>
    public string? OrganizationClass(string noun)
    {
        foreach (string c in OrganizationClasses)
        {
            if (IsCue(c, noun))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The class of an event head noun (the cue category <c>class:…</c> it is in), or null.</summary>
    public string? EventClass(string head)
    {
        foreach (string c in EventClasses)
        {
            if (IsCue(c, head))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>
    /// The end of the cue phrase of a category (up to three tokens, the longest first) that starts at token <paramref name="i"/>,
    /// or -1: one lookup of the token's word, and none of the category's phrases are tried unless they start with it.
    /// </summary>
    public int CueEnd(List<Token> t, int i, string category)
    {
        if (i >= t.Count || !_cueStarts.TryGetValue(t[i].Text, out var byCategory) || !byCategory.TryGetValue(category, out var start))
        {
            return -1;
        }

        if (start.Phrases is { } phrases)
        {
            for (int n = 3; n >= 2; n--)
            {
                if (i + n > t.Count)
                {
                    continue;
                }

                foreach (var words in phrases)
                {
                    if (words.Length == n && Matches(words, t, i, StringComparison.OrdinalIgnoreCase))
                    {
                        return i + n;
                    }
                }
            }
        }

        if (start.Single)
        {
            return i + 1;
        }

        return -1;
    }

    /// <summary>The classes of person titles, each a cue category of capitalised titles (<c>title:…</c>) and of lower-case ones (<c>lowertitle:…</c>).</summary>
    private static readonly string[] TitleClasses = ["head", "leader", "role", "member", "envoy"];

    private static readonly string[] TitleCategories = [.. TitleClasses.Select(c => "title:" + c)];

    private static readonly string[] LowerTitleCategories = [.. TitleClasses.Select(c => "lowertitle:" + c)];

    /// <summary>
    /// The title (of one to three words) that starts at token <paramref name="i"/>, from the titles table in any case
    /// or, in lower case, from the cue table's lower-case titles, and its class (leader, head, role or member); null when none does.
    /// </summary>
    public (int End, string Class)? TitleAt(List<Token> t, int i)
    {
        for (int n = 3; n >= 1; n--)
        {
            if (i + n > t.Count)
            {
                continue;
            }

            bool lower = !t[i].IsCapitalized;
            for (int c = 0; c < TitleClasses.Length; c++)
            {
                if (IsCue(TitleCategories[c], t, i, n) || lower && IsCue(LowerTitleCategories[c], t, i, n))
                {
                    return (i + n, TitleClasses[c]);
                }
            }
        }

        return null;
    }

    /// <summary>The meanings of the phrase made of the tokens <c>t[from..from+count)</c>, case-sensitively; no string is built.</summary>
    public IReadOnlyList<PhraseEntry> Lookup(List<Token> t, int from, int count)
    {
        if (count == 1)
        {
            return Lookup(t[from].Text);
        }

        if (_phrasesByFirst.TryGetValue(t[from].Text, out var candidates))
        {
            foreach (var (tokens, entries) in candidates)
            {
                if (tokens.Length == count && Matches(tokens, t, from, StringComparison.Ordinal))
                {
                    return entries;
                }
            }
        }

        return [];
    }

    /// <summary>Whether the tokens <c>t[from..from+count)</c> make a phrase of a cue category, ignoring case; no string is built.</summary>
    public bool IsCue(string category, List<Token> t, int from, int count)
    {
        if (count == 1)
        {
            return IsCue(category, t[from].Text);
        }

        if (!_cueStarts.TryGetValue(t[from].Text, out var byCategory) || !byCategory.TryGetValue(category, out var start) || start.Phrases is not { } candidates)
        {
            return false;
        }

        foreach (var tokens in candidates)
        {
            if (tokens.Length == count && Matches(tokens, t, from, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string[] tokens, List<Token> t, int from, StringComparison comparison)
    {
        for (int k = 0; k < tokens.Length; k++)
        {
            if (!string.Equals(tokens[k], t[from + k].Text, comparison))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Key(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase, 0, phrase.Length);
        return string.Join(' ', tokens.Select(t => t.Text));
    }

    private static Lexicon Load()
    {
        var lex = new Lexicon();
        var countries = new Dictionary<string, CountryEntry>(StringComparer.Ordinal);
        foreach (var f in Rows("countries.tsv"))
        {
            var country = new CountryEntry(f[0], f[1]);
            countries[f[0]] = country;
            lex.Add(f[1], new PhraseEntry(PhraseKind.CountryName, f[1], country));
            foreach (var alias in Split(f, 2))
            {
                lex.Add(alias, new PhraseEntry(PhraseKind.CountryName, alias, country));
            }

            foreach (var adjective in Split(f, 3))
            {
                lex.Add(adjective, new PhraseEntry(PhraseKind.CountryAdjective, adjective, country));
            }

            foreach (var capital in Split(f, 4))
            {
                lex.Add(capital, new PhraseEntry(PhraseKind.Capital, capital, country));
            }
        }

        lex.CountriesByIso = countries;
        foreach (var f in Rows("places.tsv"))
        {
            var place = new PlaceEntry(f[0], f.Length > 1 ? f[1] : "place", f.Length > 2 && f[2].Length > 0 ? f[2] : null);
            lex.Add(f[0], new PhraseEntry(PhraseKind.Place, f[0], Place: place));
        }

        foreach (var f in Rows("organizations.tsv"))
        {
            var org = new OrganizationEntry(f[0], f.Length > 2 ? f[2] : "organization");
            lex.Add(f[0], new PhraseEntry(PhraseKind.Organization, f[0], Organization: org));
            foreach (var alias in Split(f, 1))
            {
                lex.Add(alias, new PhraseEntry(PhraseKind.Organization, alias, Organization: org));
            }
        }

        foreach (var f in Rows("titles.tsv"))
        {
            string titleClass = f.Length > 1 ? f[1] : "role";
            lex.Add(f[0], new PhraseEntry(PhraseKind.Title, f[0], TitleClass: titleClass));
            if (titleClass != "honorific")
            {
                lex.AddCue("title:" + titleClass, f[0]);
            }
        }

        foreach (var f in Rows("cues.tsv"))
        {
            if (f.Length >= 2)
            {
                lex.AddCue(f[0], f[1]);
            }
        }

        return lex;
    }

    /// <summary>Adds a cue phrase of a category (a row of <c>cues.tsv</c>), indexed by its first word when it has more than one.</summary>
    private void AddCue(string category, string phrase)
    {
        if (!_cues.TryGetValue(category, out var set))
        {
            set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _cues.Add(category, set);
        }

        string cue = Key(phrase);
        set.Add(cue);
        var words = cue.Split(' ');
        if (!_cueStarts.TryGetValue(words[0], out var byCategory))
        {
            byCategory = new Dictionary<string, CueStart>(StringComparer.Ordinal);
            _cueStarts.Add(words[0], byCategory);
        }

        if (!byCategory.TryGetValue(category, out var start))
        {
            start = new CueStart();
            byCategory.Add(category, start);
        }

        if (words.Length == 1)
        {
            start.Single = true;
        }
        else
        {
            (start.Phrases ??= []).Add(words);
        }

        if (category.StartsWith("makes:", StringComparison.Ordinal))
        {
            if (!_makersByFirst.TryGetValue(words[0], out var makers))
            {
                makers = [];
                _makersByFirst.Add(words[0], makers);
            }

            makers.Add((category["makes:".Length..], words));
        }

        MaxPhraseTokens = Math.Max(MaxPhraseTokens, words.Length);
    }

    private void Add(string phrase, PhraseEntry entry)
    {
        string key = Key(phrase);
        if (!_phrases.TryGetValue(key, out var list))
        {
            list = [];
            _phrases.Add(key, list);
            var words = key.Split(' ');
            if (words.Length > 1)
            {
                if (!_phrasesByFirst.TryGetValue(words[0], out var candidates))
                {
                    candidates = [];
                    _phrasesByFirst.Add(words[0], candidates);
                }

                candidates.Add((words, list));
            }
        }

        list.Add(entry);
        MaxPhraseTokens = Math.Max(MaxPhraseTokens, key.Count(c => c == ' ') + 1);
    }

    private static IEnumerable<string> Split(string[] fields, int index) =>
        fields.Length > index
            ? fields[index].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static IEnumerable<string[]> Rows(string file)
    {
        var assembly = typeof(Lexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream("KnowledgeGraph.Extraction.Lexicons." + file)
            ?? throw new InvalidOperationException($"The lexicon '{file}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }

    /// <summary>The cues of one category that start with one word: the word alone, and the longer phrases.</summary>
    private sealed class CueStart
    {
        /// <summary>Whether the word alone is a cue of the category.</summary>
        public bool Single { get; set; }

        /// <summary>The cue phrases of more than one word that start with it, each as its words; null when none.</summary>
        public List<string[]>? Phrases { get; set; }
    }
}
