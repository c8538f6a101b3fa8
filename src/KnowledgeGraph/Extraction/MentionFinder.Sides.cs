namespace KnowledgeGraph.Extraction;

/// <summary>
/// Countries that play in a report on a contest: "Spain beat England in the final" names the two national sides, not the
/// two states. The mentions that stand for a side (beating or beaten, "Spain's captain", "England midfielder Declan Rice")
/// become organisations named like the country; the others ("Spain's prime minister") stay the country. An unknown word
/// that beats or is beaten ("Velora beat Dunmore") is a side too, an organisation, wherever it is named.
/// </summary>
internal sealed partial class MentionFinder
{
    /// <summary>Words after a side's possessive that belong to the side ("Spain's captain", "England's players").</summary>
    private static readonly HashSet<string> SideNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "side", "team", "squad", "players", "player", "captain", "coach", "manager", "goalkeeper", "bench", "defence", "defense", "attack", "lineup", "line-up",
    };

    /// <summary>Retypes the mentions of countries that stand for their sides, when the text names a contest.</summary>
    private void TypeSidesOfContest(List<SentenceAnalysis> sentences)
    {
        if (!sentences.Exists(a => a.Mentions.Exists(m => m.Kind == EntityKind.Event && m.EventHead is { } h && _lex.EventClass(h) == "class:contest")))
        {
            return;
        }

        // Countries that play, by code; unknown single words that beat or are beaten ("Velora beat Dunmore"), by name
        // (not the surname of someone named: "Alcaraz beat Djokovic").
        var sides = new HashSet<string>(StringComparer.Ordinal);
        var clubs = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = PeopleNames(sentences);
        foreach (var a in sentences)
        {
            foreach (var m in a.Mentions)
            {
                if (PlaysAt(a.Tokens, m) is not { } verb)
                {
                    continue;
                }

                if (m.Kind == EntityKind.Country && m.CountryIso is { } iso)
                {
                    sides.Add(iso);
                }
                else if (m.Kind.Name == "Unknown" && m.Origin == MentionOrigin.SingleCapitalisedWord && !people.Contains(m.Name) && (verb.Contains(' ') || _lex.IsCue("defeat", verb)))
                {
                    clubs.TryAdd(m.Name, verb);
                }
            }
        }

        if (sides.Count == 0 && clubs.Count == 0)
        {
            return;
        }

        foreach (var a in sentences)
        {
            for (int i = 0; i < a.Mentions.Count; i++)
            {
                var m = a.Mentions[i];
                if (m.Kind.Name == "Unknown" && m.Origin == MentionOrigin.SingleCapitalisedWord && clubs.TryGetValue(m.Name, out var verb))
                {
                    a.Mentions[i] = new Mention(m.SentenceIndex, m.Start, m.Text, EntityKind.Organization, $"a side in a report on a contest ('{verb}')", m.FirstToken, m.LastToken) { Name = m.Name };
                }
                else if (m.Kind == EntityKind.Country && m.CountryIso is { } iso && sides.Contains(iso) && SideWord(a, m) is { } why)
                {
                    var side = m.AsOrganization($"a country's side in a report on a contest ({why})");
                    a.Mentions[i] = side;
                    for (int j = 0; j < a.Mentions.Count; j++)
                    {
                        if (ReferenceEquals(a.Mentions[j].RoleOf, m))
                        {
                            a.Mentions[j] = a.Mentions[j].WithRoleOf(side);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The words that make a country a player in a contest: a verb of winning or playing after it (over an auxiliary: "Spain
    /// had lost"), a verb of beating before it (not "beat Jordan Pickford", a longer name), "lost (2-1) to" or "drew with".
    /// </summary>
    private string? PlaysAt(List<Token> t, Mention m)
    {
        int after = m.LastToken + 1;
        if (after + 1 < t.Count && _lex.IsCue("auxiliary", t[after].Text))
        {
            after++;
        }

        if (after < t.Count && (_lex.IsCue("defeat", t[after].Text) || _lex.IsCue("role:contest", t[after].Text) || t[after].Is("drew")))
        {
            return t[after].Text;
        }

        if (m.LastToken + 1 < t.Count && t[m.LastToken + 1].IsCapitalized)
        {
            return null;
        }

        int before = m.FirstToken - 1;
        if (before >= 0 && _lex.IsCue("defeat", t[before].Text))
        {
            return t[before].Text;
        }

        if (before >= 1 && (t[before].Is("to") || t[before].Is("with")))
        {
            int verb = before - 1 >= 1 && char.IsDigit(t[before - 1].Text[0]) ? before - 2 : before - 1; // "lost 2-1 to Spain"
            if (t[verb].Is("lost") && t[before].Is("to") || t[verb].Is("drew") && t[before].Is("with"))
            {
                return $"{t[verb].Text} {t[before].Text}";
            }
        }

        return null;
    }

    /// <summary>Why a mention of a playing country stands for its side, or null when it stands for the country.</summary>
    private string? SideWord(SentenceAnalysis a, Mention m)
    {
        var t = a.Tokens;
        if (PlaysAt(t, m) is { } verb)
        {
            return $"'{verb}'";
        }

        int after = m.LastToken + 1;
        if (after < t.Count && t[m.LastToken].IsPossessive && SideNouns.Contains(t[after].Text))
        {
            return $"'{t[after].Text}'";
        }

        if (after + 1 < t.Count && t[after].IsPossessive && SideNouns.Contains(t[after + 1].Text))
        {
            return $"'{t[after + 1].Text}'";
        }

        // "England midfielder Declan Rice", "Spain coach Luis de la Fuente": a player's or a coach's title after the country.
        var player = a.Mentions.Find(p => p.Kind == EntityKind.Person && ReferenceEquals(p.RoleOf, m));
        return player?.Role is { } role && (player.RoleClass == "member" || SideNouns.Contains(role.Split(' ')[^1])) ? $"'{role}'" : null;
    }
}
