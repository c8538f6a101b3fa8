namespace KnowledgeGraph.Extraction;

/// <summary>
/// Names typed as organisations by what the text says of them anywhere: "Google's chief executive",
/// "Microsoft shares", "Microsoft Chief Executive Satya Nadella", "Tencent, the Chinese gaming giant".
/// Once one mention shows it, every mention of the name is the organisation.
/// </summary>
internal sealed partial class MentionFinder
{
    /// <summary>Retypes the names that some mention shows to be an organisation (unknown single words and names guessed to be people).</summary>
    private void TypeOrganizationsByContext(List<SentenceAnalysis> sentences)
    {
        var people = PeopleNames(sentences);
        Dictionary<string, string>? organisations = null;
        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (IsUntypedName(m) && !people.Contains(m.Name) && OrganisationEvidence(a.Tokens, m) is { } why)
                {
                    organisations ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    organisations.TryAdd(m.Name, $"{why} in sentence {a.Sentence.Index}");
                }
            }
        }

        if (organisations is null)
        {
            return;
        }

        foreach (var a in sentences)
        {
            for (int i = 0; i < a.Mentions.Count; i++)
            {
                var m = a.Mentions[i];
                if (IsUntypedName(m) && organisations.TryGetValue(m.Name, out var why))
                {
                    a.Mentions[i] = new Mention(m.SentenceIndex, m.Start, m.Text, EntityKind.Organization, $"a name shown to be an organisation ({why})", m.FirstToken, m.LastToken) { Name = m.Name };
                }
            }
        }
    }

    /// <summary>A single unknown capitalised word, or a name of two to four words taken for a person only because it is capitalised.</summary>
    private static bool IsUntypedName(Mention m) =>
        m.Kind.Name == "Unknown" && m.Origin == MentionOrigin.SingleCapitalisedWord
        || m.Kind == EntityKind.Person && m.Role is null && m.Origin == MentionOrigin.CapitalisedName;

    /// <summary>The names of titled people and the last word of every name taken for a person (a surname): none of them is an organisation.</summary>
    private static HashSet<string> PeopleNames(List<SentenceAnalysis> sentences)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (m.Kind != EntityKind.Person)
                {
                    continue;
                }

                if (m.Role is not null)
                {
                    names.Add(m.Name);
                }

                int space = m.Name.LastIndexOf(' ');
                if (space > 0)
                {
                    names.Add(m.Name[(space + 1)..]);
                }
            }
        }

        return names;
    }

    /// <summary>Why the words around a mention show it to be an organisation, or null.</summary>
    private string? OrganisationEvidence(List<Token> t, Mention m)
    {
        int next = m.LastToken + 1;
        if (next >= t.Count)
        {
            return null;
        }

        // "Google's chief executive", "Microsoft's offer", "Microsoft shares".
        int attr = t[next].IsPossessive ? next + 1 : next;
        if (attr < t.Count && !t[attr].IsCapitalized && _lex.CueEnd(t, attr, "orgattribute") > 0)
        {
            return $"'{Join(t, m.FirstToken, _lex.CueEnd(t, attr, "orgattribute"))}'";
        }

        // "the ruling Morena party", "the Kestrel group": a name before a lower-case organisation noun.
        if (!t[next].IsCapitalized && _lex.IsCue("orgnoun", t[next].Text) && (next + 1 >= t.Count || !t[next + 1].IsWord || !_lex.IsCue("eventnoun", t[next + 1].Text)))
        {
            return $"'{Join(t, m.FirstToken, next + 1)}'";
        }

        // "Microsoft Chief Executive Satya Nadella", "Labour leader Keir Starmer": a title of the body, then a name.
        if (_lex.TitleAt(t, next) is { } title && title.Class is not ("role" or "envoy") && title.End + 1 < t.Count && t[title.End].IsCapitalized && t[title.End + 1].IsCapitalized)
        {
            return $"'{Join(t, m.FirstToken, title.End)}' before a name";
        }

        // "chief executive of Brightline", "an analyst at Kestrel": the body a title is of.
        if (m.FirstToken >= 2 && (t[m.FirstToken - 1].Is("of") || t[m.FirstToken - 1].Is("at")))
        {
            for (int s = Math.Max(0, m.FirstToken - 4); s < m.FirstToken - 1; s++)
            {
                if (!t[s].IsCapitalized && _lex.TitleAt(t, s) is { End: var end } && end == m.FirstToken - 1)
                {
                    return $"'{Join(t, s, m.LastToken + 1)}'";
                }
            }
        }

        // "Japan's Sony", "China's Tencent": a single name owned by a country ("Germany's Boris Pistorius" is a person).
        if (m.FirstToken == m.LastToken && m.FirstToken >= 2 && t[m.FirstToken - 1].IsPossessive && _lex.Lookup(t, m.FirstToken - 2, 1) is [{ Kind: PhraseKind.CountryName }, ..])
        {
            return $"'{Join(t, m.FirstToken - 2, m.LastToken + 1)}'";
        }

        // "The centrist Liberal Democrats, led by Ed Davey": what is led, coached or chaired by someone.
        if (t[next].Text == "," && next + 2 < t.Count && _lex.IsCue("passivelead", t[next + 1].Text) && t[next + 2].Is("by"))
        {
            return $"'{t[next + 1].Text} by' after it";
        }

        // "Tencent, the Chinese gaming giant": an apposition whose head is an organisation noun.
        if (t[next].Text == "," && next + 1 < t.Count && (t[next + 1].Is("the") || t[next + 1].Is("a") || t[next + 1].Is("an")))
        {
            for (int k = next + 2; k < t.Count && k <= next + 6 && t[k].IsWord; k++)
            {
                if (!t[k].IsCapitalized && (_lex.IsCue("orgnoun", t[k].Text) || _lex.IsCue("orgdescriptor", t[k].Text)))
                {
                    bool headEnds = k + 1 >= t.Count || !t[k + 1].IsWord || t[k + 1].Is("of") || t[k + 1].Is("that") || t[k + 1].Is("which") || t[k + 1].Is("led") || t[k + 1].Is("based");
                    if (headEnds)
                    {
                        return $"apposition '{Join(t, next + 1, k + 1)}'";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A lexicon match and the unknown word next to it that make one organisation's name (a party, or a body named after a city); the token after it, or null.</summary>
    private int? OneOrganisationName(SentenceAnalysis a, int chunk, int k, (PhraseEntry Entry, int End) match, int runEnd) =>
        chunk >= 0 && PartyAfterName(a, chunk, k, match) ? match.End : NamedAfterCity(a, chunk, k, match, runEnd);

    /// <summary>"Social Democrats", "Liberal Democrats": a name right before a party's short name is another party; adds it and says so.</summary>
    private bool PartyAfterName(SentenceAnalysis a, int chunk, int k, (PhraseEntry Entry, int End) match)
    {
        var t = a.Tokens;
        if (match.Entry is not { Kind: PhraseKind.Organization, Organization.Kind: "party" } || !AllNameWords(t, chunk, k))
        {
            return false;
        }

        AddUnlessDuplicate(a, new Mention(a.Sentence.Index, t[chunk].Start, Span(a, chunk, match.End), EntityKind.Organization, $"name before the party word '{Span(a, k, match.End)}'", chunk, match.End - 1));
        return true;
    }

    /// <summary>
    /// A name typed as an event by its cue word ("Nordic Council Forum") that comes before an
    /// event noun ("… Forum summit") or "members" names the organisation behind the event, everywhere.
    /// </summary>
    private void OrganisersOfEvents(List<SentenceAnalysis> result)
    {
        var organisers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in result)
        {
            foreach (var m in a.Mentions)
            {
                int next = m.LastToken + 1;
                if (m.Kind == EntityKind.Event && m.Origin == MentionOrigin.EventCueWord && next < a.Tokens.Count
                    && (_lex.IsCue("eventnoun", a.Tokens[next].Text) || a.Tokens[next].Text is "members" or "member" or "leaders" or "secretariat" or "chair"))
                {
                    organisers.Add(m.Name);
                }
            }
        }

        foreach (var a in result)
        {
            for (int i = 0; i < a.Mentions.Count; i++)
            {
                var m = a.Mentions[i];
                if (m.Kind == EntityKind.Event && organisers.Contains(m.Name) && m.Origin == MentionOrigin.EventCueWord)
                {
                    a.Mentions[i] = new Mention(m.SentenceIndex, m.Start, m.Text, EntityKind.Organization, Explaining.IsOn ? m.Reason + ", and it organises events elsewhere in the text" : string.Empty, m.FirstToken, m.LastToken) { Name = m.Name, Origin = m.Origin };
                    a.Mentions.RemoveAll(x => x.Kind == EntityKind.Place && x.FirstToken >= m.FirstToken && x.LastToken <= m.LastToken);
                }
            }
        }
    }

    /// <summary>
    /// "the prime minister", "the new chancellor", "the judge": a title with the definite article and no name
    /// refers back to the person last named with that title (resolved later; nothing when there is none).
    /// </summary>
    private void FindTitleReferences(SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i + 1 < t.Count; i++)
        {
            if (!t[i].Is("the"))
            {
                continue;
            }

            int s = i + 1;
            if (t[s].Is("new") || t[s].Is("incoming") || t[s].Is("outgoing"))
            {
                s++;
            }

            if (s >= t.Count || t[s].IsCapitalized || t[s].Text is "general" or "chief" or "head" or "leader" or "deputy" or "director"
                || _lex.TitleAt(t, s) is not { } title || title.Class == "member")
            {
                continue;
            }

            int after = title.End;
            if (after < t.Count && (t[after].IsCapitalized || t[after].Is("of") || t[after].Is("for") || t[after].Is("general")))
            {
                continue; // "the prime minister of Spain", "the President Joe Biden": not a reference back
            }

            string role = Join(t, s, title.End);
            a.Mentions.Add(new Mention(a.Sentence.Index, t[s].Start, Span(a, s, title.End), EntityKind.Person, $"title '{role}' referring back", s, title.End - 1)
            {
                Name = role,
                IsAnaphor = true,
                EventHead = role,
            });
        }
    }

    /// <summary>
    /// "Manchester City", "Inter Milan", "Bayern Munich": a city of the lexicon and one unknown capitalised word right before
    /// or after it, in one name, are an organisation named after the city (its other word is a short name of it). Adds the
    /// organisation and returns the token after it, or null when the words are not such a name.
    /// </summary>
    private int? NamedAfterCity(SentenceAnalysis a, int chunk, int k, (PhraseEntry Entry, int End) match, int runEnd)
    {
        var t = a.Tokens;
        if (match.Entry is not ({ Kind: PhraseKind.Capital } or { Kind: PhraseKind.Place, Place.Kind: "city" }))
        {
            return null;
        }

        int from;
        int end;
        int shortFrom;
        if (chunk >= 0)
        {
            (from, end, shortFrom) = (chunk, match.End, chunk);
            if (k - chunk != 1 || !IsPlainNameWord(t, chunk))
            {
                return null;
            }
        }
        else
        {
            int next = match.End;
            if (next >= runEnd || !IsPlainNameWord(t, next) || LongestMatch(t, next, runEnd) is not null || (next + 1 < runEnd && t[next + 1].IsCapitalized))
            {
                return null;
            }

            (from, end, shortFrom) = (k, next + 1, next);
        }

        string name = Span(a, from, end);
        AddUnlessDuplicate(a, new Mention(a.Sentence.Index, t[from].Start, name, EntityKind.Organization, $"a city and the name '{t[shortFrom].Text}' in one name", from, end - 1)
        {
            OtherNames = [t[shortFrom].Text],
        });
        return end;
    }

    /// <summary>A capitalised word that is no stop word, date, connector or acronym: one word of a proper name.</summary>
    private bool IsPlainNameWord(List<Token> t, int i) =>
        t[i].IsCapitalized && !t[i].IsAcronym && !Connectors.Contains(t[i].Text) && !_lex.IsCue("stop", t[i].Text) && !_lex.IsCue("date", t[i].Text)
        && !_lex.IsCue("notname", t[i].Text) && !_lex.IsCue("org", t[i].Text) && !_lex.IsCue("event", t[i].Text) && !_lex.IsCue("place", t[i].Text);

    /// <summary>
    /// The end of a capitalised run, carried past a lower-case word or number when a known body or place that starts in
    /// the run goes on there ("the Group of 20 summit": "Group of 20", not "Group").
    /// </summary>
    private int KnownNameEnd(List<Token> t, int from, int to)
    {
        int end = to;
        for (int k = from; k < to; k++)
        {
            for (int n = Math.Min(_lex.MaxPhraseTokens, t.Count - k); k + n > end; n--)
            {
                if (_lex.Lookup(t, k, n).Any(e => e.Kind is PhraseKind.Organization or PhraseKind.Place))
                {
                    end = k + n;
                    break;
                }
            }
        }

        return end;
    }
}
