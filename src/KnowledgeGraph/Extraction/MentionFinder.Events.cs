namespace KnowledgeGraph.Extraction;

/// <summary>Mentions found after the names: group nouns ("the delegation", "the alliance") and event phrases ("the summit in Brussels").</summary>
internal sealed partial class MentionFinder
{
    /// <summary>
    /// "a large delegation" (named after the country of the sentence: "U.S. delegation") and
    /// "the administration" / "his administration" (a reference back to a named administration).
    /// </summary>
    private void FindGroupNouns(SentenceAnalysis a)
    {
        var t = a.Tokens;
        int idx = a.Sentence.Index;
        for (int h = 0; h < t.Count; h++)
        {
            if (t[h].Text is "delegation" or "delegations")
            {
                var country = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Country && m.LastToken < h);
                if (country is null)
                {
                    continue;
                }

                int s = h;
                while (s > 0 && !Determiners.Contains(t[s - 1].Text) && t[s - 1].IsWord && h - s < 2 && !PhraseEnders.Contains(t[s - 1].Text))
                {
                    s--;
                }

                string name = (country.Text.Length <= 5 ? country.Text : country.Name) + " delegation";
                a.Mentions.Add(new Mention(idx, t[s].Start, Span(a, s, h + 1), EntityKind.Organization, $"group noun '{t[h].Text}' of {country.Name}", s, h)
                {
                    Name = name,
                    RoleOf = country,
                });
            }
            else if (_lex.IsCue("orgnoun", t[h].Text) && h > 0 && (t[h - 1].Is("the") || t[h - 1].Is("its") || t[h - 1].Is("this")) && !(h + 1 < t.Count && (t[h + 1].IsCapitalized || t[h + 1].Text is "of")))
            {
                a.Mentions.Add(new Mention(idx, t[h].Start, Span(a, h, h + 1), EntityKind.Organization, $"'{t[h].Text}' referring back", h, h) { EventHead = MentionFinder.Capitalize(t[h].Text), IsAnaphor = true });
            }
            else if (t[h].Text == "administration" && h > 0 && (t[h - 1].Is("the") || t[h - 1].Is("his") || t[h - 1].Is("her") || !t[h - 1].IsCapitalized && !Determiners.Contains(t[h - 1].Text)))
            {
                a.Mentions.Add(new Mention(idx, t[h].Start, Span(a, h, h + 1), EntityKind.Organization, "'administration' referring back", h, h) { EventHead = "administration", IsAnaphor = true });
            }
        }
    }

    /// <summary>Event phrases headed by a lower-case event noun, with their modifiers and "of …" complement.</summary>
    private void FindEventPhrases(SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int h = 0; h < t.Count; h++)
        {
            string head = t[h].Text;
            if (!_lex.IsCue("eventnoun", head) || char.IsUpper(head[0]))
            {
                continue;
            }

            if (h > 0 && (t[h - 1].Is("to") || t[h - 1].Is("will") || t[h - 1].Is("would")))
            {
                continue; // a verb: "to attack"
            }

            if (_lex.IsCue("adjectivehead", head) && h + 1 < t.Count && t[h + 1].IsWord && !t[h + 1].IsCapitalized && !_lex.IsCue("preposition", t[h + 1].Text)
                && !_lex.IsCue("auxiliary", t[h + 1].Text) && !t[h + 1].Text.EndsWith("ed", StringComparison.Ordinal))
            {
                continue; // an adjective: "the final text", "the final stages"
            }

            if (head == "launch")
            {
                AddLaunchedEvent(a, h);
                continue;
            }

            FindEventPhrase(a, h, head);
        }
    }

    /// <summary>"the launch of Baltic Shield": the thing launched is the event.</summary>
    private void AddLaunchedEvent(SentenceAnalysis a, int h)
    {
        var t = a.Tokens;
        if (!(h + 2 < t.Count && t[h + 1].Is("of") && t[h + 2].IsCapitalized))
        {
            return;
        }

        int e = h + 2;
        while (e < t.Count && (t[e].IsCapitalized || t[e].IsAcronym))
        {
            e++;
        }

        var launched = new Mention(a.Sentence.Index, t[h + 2].Start, Span(a, h + 2, e), EntityKind.Event, "named as launched ('launch of …')", h + 2, e - 1)
        { EventDate = DateBefore(t, h) ?? a.Date, EventHead = "launch" };
        AddPlacesInside(a, h + 2, e);
        a.Mentions.RemoveAll(m => m.FirstToken >= h + 2 && m.LastToken <= e - 1);
        a.Mentions.Add(launched);
    }

    /// <summary>Where an event phrase around the head at <c>Head</c> starts and ends, and what it holds besides the head.</summary>
    private readonly record struct EventPhrase(int Head, int Start, int CoreStart, int End, bool Possessive, bool Complement);

    /// <summary>The event phrase headed by the event noun at <paramref name="h"/>: a named event, a reference back, or nothing.</summary>
    private void FindEventPhrase(SentenceAnalysis a, int h, string head)
    {
        var t = a.Tokens;
        var (s, coreStart, possessive) = EventModifiersBefore(t, h);
        if (a.Mentions.Find(m => m.Kind == EntityKind.Organization && m.FirstToken < s && m.LastToken >= s - 1 && m.LastToken < h) is { } body)
        {
            (s, coreStart) = (body.FirstToken, Math.Min(coreStart, body.FirstToken)); // "the Group of 20 summit", "a Group of Seven summit": the body's whole name
        }

        var (e2, complement) = EventComplement(t, h + 1, named: s < h);
        var phrase = new EventPhrase(h, s, coreStart, e2, possessive, complement);
        if (possessive && coreStart == h && !complement && head is not ("invasion" or "attack" or "attacks" or "visit" or "war" or "offensive"))
        {
            // "NATO’s mission": a reference to a mission named before.
            AddEventAnaphor(a, h, head, $"owned event noun '{head}' referring back", MentionOrigin.OwnedEventNoun);
            return;
        }

        string? place = null;
        if (s == h && !complement)
        {
            // "protests last month in Denmark": a bare event noun named by its place.
            place = PlaceAfterEventNoun(a, h);
            if (place is null)
            {
                if (OtherOccurrenceBefore(t, h) is int other)
                {
                    // "the next summit": an occurrence of its own, not a reference back.
                    AddEventMention(a, phrase with { Start = other, CoreStart = other }, head, null, otherOccurrence: true);
                }
                else if (IsDefiniteEventNoun(t, h))
                {
                    AddEventAnaphor(a, h, head, $"definite event noun '{head}' referring back", MentionOrigin.Other);
                }

                return;
            }

            if (head is "fighting")
            {
                head = "war";
            }
        }

        AddEventMention(a, phrase, head, place);
    }

    /// <summary>The modifiers left of an event noun: capitalised words, acronyms, dates, an owner with its possessive ("Russia’s invasion").</summary>
    private (int Start, int CoreStart, bool Possessive) EventModifiersBefore(List<Token> t, int h)
    {
        int s = h;
        int coreStart = h;
        while (s > 0)
        {
            var p = t[s - 1];
            if (p.IsPossessive && s - 2 >= 0 && (t[s - 2].IsCapitalized || t[s - 2].IsAcronym))
            {
                // "Russia’s invasion": take the owner too.
                int o = s - 2;
                while (o > 0 && (t[o - 1].IsCapitalized || t[o - 1].IsAcronym) && !_lex.IsCue("stop", t[o - 1].Text))
                {
                    o--;
                }

                return h - o > 4 ? (s, coreStart, false) : (o, s, true);
            }

            bool compound = !p.IsCapitalized && p.Text.Length > 3 && p.Text.IndexOf('-', 1) > 0 && char.IsLetter(p.Text[^1]); // "full-scale", "long-awaited"
            if (p.IsCapitalized && !_lex.IsCue("stop", p.Text) || p.IsAcronym || (p.IsNumber && p.Text.Contains('/', StringComparison.Ordinal)) || EventModifiers.Contains(p.Text) || (_lex.IsCue("date", p.Text) && char.IsUpper(p.Text[0]))
                || (compound || _lex.IsCue("generic", p.Text)) && OwnedWithin(t, s - 1, 2))
            {
                s--;
                coreStart = s;
                continue;
            }

            break;
        }

        return (s, coreStart, false);
    }

    /// <summary>An "of …" or "for …" complement after an event noun ending before <paramref name="e2"/> (a name in it, or <paramref name="named"/> when one is before the noun); generic adjectives are not part of the name.</summary>
    private (int End, bool Complement) EventComplement(List<Token> t, int e2, bool named)
    {
        bool theName = e2 + 2 < t.Count && t[e2 + 1].Is("the") && (t[e2 + 2].IsCapitalized || t[e2 + 2].IsAcronym); // "a meeting of the Ukraine Defense Contact Group"
        if (!(e2 + 1 < t.Count && (t[e2].Text is "of" or "for") && !t[e2 + 1].IsPossessive && (theName || !Determiners.Contains(t[e2 + 1].Text))))
        {
            return (e2, false);
        }

        int c = theName ? e2 + 2 : e2 + 1;
        bool sawName = false;
        int lowerAfterName = 0;
        while (c < t.Count && t[c].IsWord && !PhraseEnders.Contains(t[c].Text) && c - e2 <= 7 && !_lex.IsCue("date", t[c].Text))
        {
            if (sawName && !t[c].IsCapitalized && !t[c].IsAcronym)
            {
                if (NumberWords.Contains(t[c].Text) || t[c].IsNumber || t[c].Text.EndsWith("ed", StringComparison.Ordinal) || IsVerbCue(t[c].Text) || ++lowerAfterName > 2)
                {
                    break; // "the invasion of Ukraine sent prices soaring": a verb ends the complement
                }
            }

            sawName |= t[c].IsCapitalized || t[c].IsAcronym;
            c++;
        }

        return c > e2 + 1 && (sawName || named) ? (c, true) : (e2, false); // "a quake of magnitude 7.5 hit …": no name before or after, no complement
    }

    /// <summary>Whether a possessive stands within <paramref name="n"/> words before the modifier at <paramref name="m"/> ("Norway's presidential", "Russia's full-scale").</summary>
    private static bool OwnedWithin(List<Token> t, int m, int n)
    {
        for (int k = m - 1; k >= 0 && k >= m - n; k--)
        {
            if (t[k].IsPossessive)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word is a verb of one of the lexicon's verb classes ("sent", "said", "met"): it ends a noun phrase.</summary>
    private bool IsVerbCue(string word)
    {
        foreach (string category in VerbCategories)
        {
            if (_lex.IsCue(category, word))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] VerbCategories = ["say", "contribute", "attend", "praise", "criticize", "support", "meet", "organize", "travel", "auxiliary"];

    /// <summary>The country or place of "in X" within a few words after a bare event noun, if it is a mention already.</summary>
    private static string? PlaceAfterEventNoun(SentenceAnalysis a, int h)
    {
        var t = a.Tokens;
        for (int k = h + 1; k < Math.Min(t.Count - 1, h + 5); k++)
        {
            if (t[k].Is("in") && (t[k + 1].IsCapitalized))
            {
                var pm = a.Mentions.FirstOrDefault(m => m.FirstToken == k + 1 && (m.Kind == EntityKind.Country || m.Kind == EntityKind.Place));
                return pm?.Name;
            }

            if (!t[k].IsWord)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>"the summit", "the three-day summit", "this new summit", "its ruling": a definite reference to an event.</summary>
    private bool IsDefiniteEventNoun(List<Token> t, int h)
    {
        int d = h - 1;
        while (d >= 0 && (_lex.IsCue("generic", t[d].Text) || IsDurationAdjective(t[d].Text)))
        {
            d--;
        }

        return d >= 0 && (t[d].Is("the") || t[d].Is("this") || t[d].Is("its") || t[d].Is("their"));
    }

    private void AddEventAnaphor(SentenceAnalysis a, int h, string head, string reason, MentionOrigin origin)
    {
        var t = a.Tokens;
        a.Mentions.Add(new Mention(a.Sentence.Index, t[h].Start, Span(a, h, h + 1), EntityKind.Event, reason, h, h) { EventHead = head, IsAnaphor = true, Origin = origin });
    }

    /// <summary>Adds the event mention of <paramref name="phrase"/>, named by its text or by its place, in place of the unknown words inside it.</summary>
    private void AddEventMention(SentenceAnalysis a, EventPhrase phrase, string head, string? place, bool otherOccurrence = false)
    {
        var t = a.Tokens;
        var (h, s, coreStart, e2, possessive, complement) = (phrase.Head, phrase.Start, phrase.CoreStart, phrase.End, phrase.Possessive, phrase.Complement);
        string text = Span(a, s, e2);
        string name = place is not null
            ? char.ToUpperInvariant(head[0]) + head[1..] + " in " + place
            : text;
        var others = new List<string>();
        if (coreStart < h || possessive)
        {
            others.Add(Span(a, coreStart, h + 1));
        }

        if (complement)
        {
            others.Add(Span(a, s, h + 1));
        }

        var mention = new Mention(a.Sentence.Index, t[s].Start, text, EntityKind.Event, $"event noun '{head}'" + (possessive ? " with its owner" : string.Empty) + (complement ? " with its complement" : string.Empty), s, e2 - 1)
        {
            Name = name,
            EventHead = head,
            EventDate = DateIn(t, s, h) ?? a.Date,
            OtherNames = others,
            CoreToken = coreStart,
            HasOwner = possessive,
            IsOtherOccurrence = otherOccurrence || OtherOccurrenceBefore(t, s) is not null,
            Origin = MentionOrigin.EventNoun,
            Organizer = OrganizerIn(a, s, h, e2),
        };

        RemoveUnknownInside(a.Mentions, possessive ? coreStart : s, e2 - 1); // the owner before "’s" stays a name of its own
        a.Mentions.Add(mention);
    }

    /// <summary>The body an event phrase names: an organisation inside it, else an acronym before its head that names no country ("the BRICS summit").</summary>
    private static string? OrganizerIn(SentenceAnalysis a, int s, int h, int e2)
    {
        if (a.Mentions.Find(o => o.Kind == EntityKind.Organization && !o.IsAnaphor && o.FirstToken >= s && o.LastToken < e2) is { } body)
        {
            return body.LexiconName ?? body.Name;
        }

        for (int k = s; k < h; k++)
        {
            if (a.Tokens[k].IsAcronym && !a.Mentions.Any(m => m.FirstToken <= k && m.LastToken >= k && (m.Kind == EntityKind.Country || m.Kind == EntityKind.Place || m.Kind == EntityKind.Person)))
            {
                return a.Tokens[k].Text;
            }
        }

        return null;
    }

    /// <summary>Known places inside a name ("Geneva" in "Geneva Peace Conference") are mentions too.</summary>
    private void AddPlacesInside(SentenceAnalysis a, int from, int to)
    {
        var t = a.Tokens;
        for (int k = from; k < to; k++)
        {
            if (LongestMatch(t, k, to) is { } m && m.Entry.Kind == PhraseKind.Place && !a.Mentions.Any(x => x.FirstToken == k && x.Kind == EntityKind.Place))
            {
                a.Mentions.Add(FromLexicon(a, m.Entry, k, m.End));
                k = m.End - 1;
            }
        }
    }

    /// <summary>The token of "next", "previous", "another", … right before an event phrase (a duration may stand between), or null.</summary>
    private int? OtherOccurrenceBefore(List<Token> t, int h)
    {
        int d = h - 1;
        while (d >= 0 && IsDurationAdjective(t[d].Text))
        {
            d--;
        }

        return d >= 0 && _lex.IsCue("otheroccurrence", t[d].Text) ? d : null;
    }

    /// <summary>"three-day", "48-hour", "two-week": a length of time before an event noun.</summary>
    private static bool IsDurationAdjective(string word)
    {
        int hyphen = word.IndexOf('-', StringComparison.Ordinal);
        if (hyphen <= 0)
        {
            return false;
        }

        string unit = word[(hyphen + 1)..];
        return (unit is "day" or "hour" or "week" or "month" or "year" or "minute") && (char.IsDigit(word[0]) || NumberWords.Contains(word[..hyphen]));
    }

    private string? DateBefore(List<Token> t, int h) => h >= 1 && _lex.IsCue("date", t[h - 1].Text) ? t[h - 1].Text : null;

    private string? DateIn(List<Token> t, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (_lex.IsCue("date", t[i].Text) && char.IsUpper(t[i].Text[0]))
            {
                return t[i].Text;
            }
        }

        return null;
    }
}
