using System.Globalization;

namespace KnowledgeGraph.Extraction;

/// <summary>An entity being collected from its mentions.</summary>
internal sealed class EntityDraft(EntityId id, EntityKind kind, string name)
{
    public EntityId Id { get; } = id;

    public EntityKind Kind { get; } = kind;

    public string Name { get; set; } = name;

    public SortedSet<string> Aliases { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public Entity? Known { get; init; }

    public string? EventHead { get; set; }

    /// <summary>For an event: named by a common noun phrase ("the summit", "Johannesburg summit"), not by a proper name.</summary>
    public bool CommonEvent { get; set; }

    /// <summary>For an event: named only by the head noun of a reference back ("summit"), to be renamed by a fuller phrase.</summary>
    public bool NamedByHead { get; set; }

    /// <summary>For an event: the body its names name ("Group of 20" for "the Group of 20 summit"), or null.</summary>
    public string? Organizer { get; set; }

    public int LastSentence { get; set; }

    public bool Mentioned { get; set; }

    public Entity ToEntity()
    {
        if (Known is not null)
        {
            var known = Known;
            foreach (var alias in Aliases)
            {
                if (alias != known.Name && !known.Aliases.Contains(alias))
                {
                    known = known.WithAlias(alias);
                }
            }

            return known;
        }

        var map = PropertyMap.Empty;
        foreach (var (k, v) in Properties)
        {
            map = map.With(k, v);
        }

        return new Entity(Id, Kind, Name, Aliases.Where(a => a != Name), map);
    }
}

/// <summary>
/// Resolves mentions to entities: people by full name and then by surname ("Ms. Holm",
/// "Secretary-General Holm" and "Holm" join "Lena Holm"), countries by ISO code, organisations
/// by name, lexicon name or defined acronym, places and events by normalised name, and definite
/// event nouns ("the mission") to the latest event with the same head noun. Entities of a
/// gazetteer graph take precedence.
/// </summary>
internal sealed class EntityResolver(Lexicon lexicon, Graph? gazetteer)
{
    private readonly Lexicon _lex = lexicon;
    private readonly Dictionary<(string Kind, string Key), EntityDraft> _byKey = [];
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityDraft> _bySurname = new(StringComparer.Ordinal);

    /// <summary>The person a name's first word names, or null when two people share it ("Xi" for "Xi Jinping": family name first).</summary>
    private readonly Dictionary<string, EntityDraft?> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityDraft> _byAcronym = new(StringComparer.Ordinal);
    private readonly List<EntityDraft> _drafts = [];

    public IReadOnlyList<EntityDraft> Drafts => _drafts;

    public void Resolve(List<SentenceAnalysis> sentences)
    {
        // Full names first, so that a surname seen before its full name still resolves.
        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (m.Kind == EntityKind.Person && !m.IsAnaphor && m.Name.Contains(' ', StringComparison.Ordinal))
                {
                    PersonByFullName(m);
                }
                else if (m.Kind == EntityKind.Organization && !m.IsAnaphor && m.Name.EndsWith(" administration", StringComparison.Ordinal))
                {
                    Draft(EntityKind.Organization, m.Name, m.LexiconName);
                }
                else if (m.Kind == EntityKind.Organization && m.Acronym is null && m.OtherNames.Count > 0 && !m.IsAnaphor)
                {
                    // "Manchester City" is also "City": the short name finds the organisation wherever it stands alone.
                    var d = Draft(EntityKind.Organization, m.Name, m.LexiconName);
                    foreach (var other in m.OtherNames)
                    {
                        _byKey.TryAdd((EntityKind.Organization.Name, KeyOf(other)), d);
                    }
                }
                else if (m.Acronym is not null && m.Kind == EntityKind.Organization)
                {
                    var d = Draft(EntityKind.Organization, m.Name, m.LexiconName);
                    _byAcronym.TryAdd(m.Acronym, d);
                    d.Aliases.Add(m.Acronym);
                }
            }
        }

        foreach (var a in sentences)
        {
            for (int i = 0; i < a.Mentions.Count; i++)
            {
                var m = a.Mentions[i];
                var d = ResolveOne(m, a.Sentence.Index);
                if (d is null)
                {
                    a.Mentions.RemoveAt(i);
                    i--;
                    continue;
                }

                d.LastSentence = a.Sentence.Index;
                d.Mentioned = true;
                if (m.Text != d.Name && d.Known is null)
                {
                    d.Aliases.Add(m.Text); // "the summit" gives the alias "summit": the guide's surface form without its article
                }

                if (m.Name != d.Name && !m.IsAnaphor)
                {
                    d.Aliases.Add(m.Name);
                }

                foreach (var other in m.OtherNames)
                {
                    d.Aliases.Add(other);
                }

                AddProperties(d, m, a);
                var kind = d.Kind;
                a.Mentions[i] = Retype(m, d, kind);
            }
        }
    }

    private static Mention Retype(Mention m, EntityDraft d, EntityKind kind)
    {
        if (m.Kind == kind)
        {
            return m.WithEntity(d.Id);
        }

        string reason = !Explaining.IsOn ? string.Empty : m.Kind.Name == "Unknown" ? $"surname or name of {d.Name}, named in full elsewhere" : m.Reason + $"; known as a {kind}";
        return m.Retyped(d.Id, kind, reason);
    }

    private void AddProperties(EntityDraft d, Mention m, SentenceAnalysis a)
    {
        if (m.Role is not null && !d.Properties.ContainsKey("role"))
        {
            d.Properties["role"] = m.RoleOf is { Kind.Name: "Organization" } ? m.RoleOf.Text + " " + m.Role : m.Role;
        }

        if (m.CountryIso is not null && d.Kind == EntityKind.Country)
        {
            d.Properties["iso"] = m.CountryIso;
        }

        if (m.RoleOf is { CountryIso: not null } && d.Kind == EntityKind.Person)
        {
            d.Properties.TryAdd("country", m.RoleOf.CountryIso);
        }

        if (d.Kind == EntityKind.Event && !m.IsAnaphor)
        {
            if (m.EventDate is not null)
            {
                d.Properties.TryAdd("date", m.EventDate);
            }
            else if (a.Date is not null)
            {
                d.Properties.TryAdd("date", a.Date);
            }
        }
    }

    private EntityDraft? ResolveOne(Mention m, int sentence)
    {
        if (gazetteer is not null && !m.IsAnaphor && m.Kind.Name != "Title")
        {
            var known = gazetteer.Find(m.Name) ?? gazetteer.Find(m.Text);
            if (known is not null && (known.Kind == m.Kind || m.Kind.Name == "Unknown"))
            {
                return FromGazetteer(known);
            }
        }

        string kind = m.Kind.Name;
        switch (kind)
        {
            case "Person" when m.IsAnaphor:
                return LatestWithTitle(m.Name);
            case "Person":
                if (m.Name.Contains(' ', StringComparison.Ordinal))
                {
                    return PersonByFullName(m);
                }

                return KnownPerson(m.Name) ?? Draft(EntityKind.Person, m.Name);
            case "Unknown":
                if (KnownPerson(m.Name) is { } person)
                {
                    return person;
                }

                if (_byAcronym.TryGetValue(m.Text, out var ac))
                {
                    return ac;
                }

                if (ByInitials(m.Text) is { } byInitials)
                {
                    _byAcronym.Add(m.Text, byInitials); // "ECB" spelled by "European Central Bank": known by it from now on
                    return byInitials;
                }

                // "Bergen" after the dateline "BERGEN": a word that names a place or body found already.
                string key = KeyOf(m.Name);
                return _byKey.TryGetValue(("Place", key), out var known) || _byKey.TryGetValue(("Organization", key), out known) ? known : null;
            case "Country":
                var country = _lex.CountriesByIso.TryGetValue(m.CountryIso ?? string.Empty, out var c) ? c.Name : m.Name;
                return Draft(EntityKind.Country, country);
            case "Organization" when m.IsAnaphor:
                string lastWord = " " + m.EventHead;
                return _drafts.LastOrDefault(d => d.Kind == EntityKind.Organization && (d.Name.EndsWith(lastWord, StringComparison.Ordinal) || d.Aliases.Any(x => x.EndsWith(lastWord, StringComparison.Ordinal))))
                    ?? OfSameClass(m.EventHead, sentence);
            case "Organization":
                if (_byAcronym.TryGetValue(m.Text, out var byAcronym))
                {
                    return byAcronym;
                }

                return Draft(EntityKind.Organization, m.Name, m.LexiconName);
            case "Place":
                return Draft(EntityKind.Place, m.Name);
            case "Event":
                return ResolveEvent(m, sentence);
            default:
                return null;
        }
    }

    /// <summary>"ECB" after "the European Central Bank": the organisation named so far whose capitalised initials spell the acronym, or null.</summary>
    private EntityDraft? ByInitials(string acronym)
    {
        if (acronym.Length is < 2 or > 6 || !acronym.All(char.IsUpper))
        {
            return null;
        }

        foreach (var d in _drafts)
        {
            if (d.Kind == EntityKind.Organization && d.Mentioned && Spells(d.Name, acronym))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>Whether the capitalised words of a name begin with the letters of an acronym, in order and no others.</summary>
    private static bool Spells(string name, string acronym)
    {
        int k = 0;
        foreach (string word in name.Split(' '))
        {
            if (word.Length == 0 || !char.IsUpper(word[0]))
            {
                continue;
            }

            if (k >= acronym.Length || word[0] != acronym[k])
            {
                return false;
            }

            k++;
        }

        return k == acronym.Length;
    }

    /// <summary>"the prime minister": the person last named whose title ends with these words, or null.</summary>
    private EntityDraft? LatestWithTitle(string title)
    {
        EntityDraft? best = null;
        foreach (var d in _drafts)
        {
            if (d.Kind == EntityKind.Person && d.Mentioned && d.Properties.TryGetValue("role", out var role)
                && role.EndsWith(title, StringComparison.OrdinalIgnoreCase) && (role.Length == title.Length || role[^(title.Length + 1)] == ' ')
                && (best is null || d.LastSentence > best.LastSentence))
            {
                best = d;
            }
        }

        return best;
    }

    private EntityDraft? ResolveEvent(Mention m, int sentence)
    {
        if (m.IsAnaphor)
        {
            return LatestEvent(m.EventHead, sentence, sameClass: false)
                ?? LatestEvent(m.EventHead, sentence, sameClass: true)
                ?? _drafts.LastOrDefault(d => d.Kind == EntityKind.Event && d.EventHead == "launch" && sentence - d.LastSentence <= 1) // "the launch of X … The mission will …"
                ?? NewEventNamedByHead(m);
        }

        // "the Baltic mission" after "Baltic Shield": the same place word starts both names.
        int space = m.Name.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && m.EventHead is not null && m.Name.EndsWith(" " + m.EventHead, StringComparison.Ordinal) && m.Name.Count(ch => ch == ' ') == 1)
        {
            string first = m.Name[..(space + 1)];
            var earlier = _drafts.FirstOrDefault(d => d.Kind == EntityKind.Event && d.Name.StartsWith(first, StringComparison.Ordinal) && char.IsUpper(first[0]));
            if (earlier is not null)
            {
                earlier.EventHead ??= m.EventHead;
                return earlier;
            }
        }

        if (m.EventHead is not null && !m.IsOtherOccurrence && m.Origin == MentionOrigin.EventNoun)
        {
            // "a three-day summit in South Africa" after "Johannesburg summit": one happening named twice.
            var same = _drafts.LastOrDefault(d => d.Kind == EntityKind.Event && d.CommonEvent && d.EventHead == m.EventHead && sentence - d.LastSentence <= 20
                && !(m.EventDate is not null && d.Properties.TryGetValue("date", out var date) && date != m.EventDate)
                && !(m.Organizer is not null && d.Organizer is not null && m.Organizer != d.Organizer)); // not "the BRICS summit" after "the Group of Seven summit"
            if (same is not null)
            {
                same.Organizer ??= m.Organizer;
                if (same.NamedByHead)
                {
                    same.Aliases.Add(same.Name);
                    same.Name = m.Name;
                    same.NamedByHead = false;
                }

                return same;
            }
        }

        var draft = Draft(EntityKind.Event, m.Name);
        draft.EventHead ??= m.EventHead;
        draft.Organizer ??= m.Organizer;
        draft.CommonEvent |= m.Origin == MentionOrigin.EventNoun;
        return draft;
    }

    /// <summary>The latest event within 20 sentences with the same head noun, or with a head of the same class ("the gathering" for a summit).</summary>
    private EntityDraft? LatestEvent(string? head, int sentence, bool sameClass)
    {
        if (head is null)
        {
            return null;
        }

        string? cls = sameClass ? _lex.EventClass(head) : null;
        if (sameClass && cls is null)
        {
            return null;
        }

        for (int i = _drafts.Count - 1; i >= 0; i--)
        {
            var d = _drafts[i];
            if (d.Kind == EntityKind.Event && sentence - d.LastSentence <= 20 && d.EventHead is not null
                && (sameClass ? _lex.EventClass(d.EventHead) == cls : d.EventHead == head))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>"the bloc" after "the BRICS group": the latest organisation within five sentences named with a noun of the same class.</summary>
    private EntityDraft? OfSameClass(string? noun, int sentence)
    {
        string? cls = noun is null ? null : _lex.OrganizationClass(noun);
        if (cls is null)
        {
            return null;
        }

        for (int i = _drafts.Count - 1; i >= 0; i--)
        {
            var d = _drafts[i];
            if (d.Kind == EntityKind.Organization && sentence - d.LastSentence <= 5 && (LastWordClass(d.Name) == cls || d.Aliases.Any(n => LastWordClass(n) == cls) || KnownKindClass(d.Name) == cls))
            {
                return d;
            }
        }

        return null;
    }

    private string? LastWordClass(string name) => _lex.OrganizationClass(name[(name.LastIndexOf(' ') + 1)..]);

    /// <summary>The class of a known body by the kind the lexicon gives it: "the bloc" for a union named "Association of …".</summary>
    private string? KnownKindClass(string name) =>
        _lex.Lookup(name).FirstOrDefault(e => e.Kind == PhraseKind.Organization)?.Organization is { } known ? _lex.OrganizationClass(known.Kind) : null;

    /// <summary>"the decision" with nothing before it to refer to: the text introduces the happening by its head noun.</summary>
    private EntityDraft? NewEventNamedByHead(Mention m)
    {
        if (m.EventHead is null || m.HasOwner || m.Origin == MentionOrigin.OwnedEventNoun || _lex.IsCue("orgnoun", m.EventHead))
        {
            return null; // "NATO's mission" with no mission before it names nothing yet
        }

        var draft = Draft(EntityKind.Event, m.EventHead);
        draft.EventHead ??= m.EventHead;
        draft.CommonEvent = true;
        draft.NamedByHead = draft.Name == m.EventHead;
        return draft;
    }

    private EntityDraft PersonByFullName(Mention m)
    {
        if (_bySurname.TryGetValue(KeyOf(m.Name), out var known) && known.Name.Length > m.Name.Length)
        {
            return known; // "López Obrador" after "Andrés Manuel López Obrador"
        }

        var d = Draft(EntityKind.Person, m.Name);
        string[] parts = m.Name.Split(' ');
        if (parts.Length >= 3 && IsGenerational(parts[^1]))
        {
            parts = parts[..^1]; // "Ferdinand Marcos Jr." is "Marcos", "Robert F. Kennedy Jr." is "Kennedy"
        }

        _bySurname.TryAdd(KeyOf(parts[^1]), d);
        string first = KeyOf(parts[0]);
        if (!_byFirstWord.TryAdd(first, d) && _byFirstWord[first] != d)
        {
            _byFirstWord[first] = null;
        }

        if (parts.Length >= 3)
        {
            _bySurname.TryAdd(KeyOf(parts[^2] + " " + parts[^1]), d);
        }

        for (int i = parts.Length - 2; i >= 1; i--)
        {
            // "Luiz Inacio Lula da Silva" is also "Lula", "Ursula von der Leyen" also "von der Leyen".
            if (char.IsLower(parts[i][0]))
            {
                _bySurname.TryAdd(KeyOf(string.Join(' ', parts[i..])), d);
            }
            else if (parts.Length >= 4 || char.IsLower(parts[i + 1][0]))
            {
                _bySurname.TryAdd(KeyOf(parts[i]), d);
            }
        }

        return d;
    }

    /// <summary>The person named in full whose surname this is, else whose name starts with it (<see cref="ByFirstWord"/>), or null.</summary>
    private EntityDraft? KnownPerson(string name) => _bySurname.TryGetValue(KeyOf(name), out var d) ? d : ByFirstWord(name);

    /// <summary>
    /// The one person named in full, with a title, whose name starts with this word and no other's does ("Xi" after
    /// "President Xi Jinping": a family name written first), or null. (The title keeps out bodies taken for people.)
    /// </summary>
    private EntityDraft? ByFirstWord(string name) =>
        _byFirstWord.TryGetValue(KeyOf(name), out var d) && d is not null && d.Properties.ContainsKey("role") ? d : null;

    /// <summary>"Jr.", "Sr.", "II", "III", "IV": a suffix after a surname, not the surname.</summary>
    private static bool IsGenerational(string word) => word is "Jr." or "Jr" or "Sr." or "Sr" or "II" or "III" or "IV";

    private EntityDraft FromGazetteer(Entity known)
    {
        var key = ("id", known.Id.Value);
        if (!_byKey.TryGetValue(key, out var d))
        {
            d = new EntityDraft(known.Id, known.Kind, known.Name) { Known = known };
            _byKey.Add(key, d);
            _drafts.Add(d);
            if (known.Kind == EntityKind.Person)
            {
                _bySurname.TryAdd(KeyOf(known.Name.Split(' ')[^1]), d);
            }
        }

        return d;
    }

    private EntityDraft Draft(EntityKind kind, string name, string? lexiconName = null)
    {
        string canonical = lexiconName ?? name;
        string normalized = KeyOf(canonical);
        var key = (kind.Name, normalized);
        if (_byKey.TryGetValue(key, out var d))
        {
            return d;
        }

        string slug = normalized.Replace(' ', '-');
        if (slug.Length == 0)
        {
            slug = "x" + _drafts.Count.ToString(CultureInfo.InvariantCulture);
        }

        var id = new EntityId(kind.Name.ToLowerInvariant() + ":" + slug);
        d = new EntityDraft(id, kind, canonical);
        if (lexiconName is not null && lexiconName != name)
        {
            d.Aliases.Add(name);
        }

        _byKey.Add(key, d);
        _drafts.Add(d);
        return d;
    }

    internal static string Key(string text) => Names.Normalize(text);

    /// <summary><see cref="Key"/>, normalised once per distinct text of the pass (names repeat through a text).</summary>
    private string KeyOf(string text)
    {
        if (!_keys.TryGetValue(text, out var key))
        {
            key = Key(text);
            _keys.Add(text, key);
        }

        return key;
    }
}
