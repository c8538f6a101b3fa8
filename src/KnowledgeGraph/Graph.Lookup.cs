using System.Collections.Immutable;

namespace KnowledgeGraph;

public sealed partial class Graph
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "rep", "sen", "senator", "sir",
        "gen", "general", "secretary", "minister", "prime", "chancellor", "the", "defense", "defence", "state",
        "of", "us", "representative", "undersecretary", "deputy", "vice", "foreign", "madam", "lord", "lady",
    };

    /// <summary>
    /// The indexes, ascending, of the entities whose name or an alias normalizes to the same text as
    /// <paramref name="name"/>: every entity named exactly <paramref name="name"/> is among them. Null when the
    /// text normalizes to nothing (such names are not indexed).
    /// </summary>
    internal int[]? NameCandidates(string name)
    {
        string key = Names.Normalize(name);
        return key.Length == 0 ? null : _nameIndex.Value.TryGetValue(key, out var found) ? found : [];
    }

    /// <summary>
    /// The entities whose name or alias matches <paramref name="nameOrAlias"/>, ignoring case, accents and
    /// punctuation ("rutte", "Mr. Rutte" and "Mark Rutte" find the same person). When nothing matches
    /// exactly, titles ("Mr.", "President", "Secretary-General", …) are dropped and a single remaining word
    /// matches the last word of a name. Ordered by id.
    /// </summary>
    /// <param name="nameOrAlias">The text to look up.</param>
    /// <returns>The matches; empty when none.</returns>
    public ImmutableArray<Entity> FindByName(string nameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        var index = _nameIndex.Value;
        string key = Names.Normalize(nameOrAlias);
        if (key.Length == 0)
        {
            return [];
        }

        if (index.TryGetValue(key, out var exact))
        {
            return [.. exact.Select(i => _entities[i])];
        }

        var words = key.Split(' ');
        var rest = words.SkipWhile(Honorifics.Contains).ToArray();
        if (rest.Length == 0)
        {
            return [];
        }

        string restKey = string.Join(' ', rest);
        if (rest.Length < words.Length && index.TryGetValue(restKey, out var stripped))
        {
            return [.. stripped.Select(i => _entities[i])];
        }

        // A surname or the last words of a name: "Ocasio-Cortez" finds "Alexandria Ocasio-Cortez".
        var found = SuffixMatches(index, restKey);
        if (found.Count == 0 && restKey.EndsWith('s'))
        {
            // A plural: "9/11 attacks" finds "the 9/11 attack".
            string singular = restKey[..^1];
            found = index.TryGetValue(singular, out var exactSingular) ? [.. exactSingular] : SuffixMatches(index, singular);
        }

        if (found.Count > 0)
        {
            return [.. found.Select(i => _entities[i])];
        }

        return [];
    }

    private static SortedSet<int> SuffixMatches(Dictionary<string, int[]> index, string suffix)
    {
        var found = new SortedSet<int>();
        string spaced = " " + suffix;
        foreach (var (name, ids) in index)
        {
            if (name.EndsWith(spaced, StringComparison.Ordinal))
            {
                found.UnionWith(ids);
            }
        }

        return found;
    }

    /// <summary>
    /// The one entity that <paramref name="text"/> names: an exact id first, then a name or alias as
    /// <see cref="FindByName"/>; when several match, the one whose own name matches, else the first by id.
    /// </summary>
    /// <param name="text">An id, name or alias.</param>
    /// <returns>The entity, or null when nothing matches.</returns>
    public Entity? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_idIndex.TryGetValue(text, out int i))
        {
            return _entities[i];
        }

        var matches = FindByName(text);
        if (matches.IsEmpty)
        {
            return null;
        }

        string key = Names.Normalize(text);
        return matches.FirstOrDefault(e => Names.Normalize(e.Name) == key) ?? matches[0];
    }

    /// <summary>The entity that <paramref name="text"/> names, as <see cref="Find"/>, or an exception that suggests close names.</summary>
    /// <param name="text">An id, name or alias.</param>
    /// <returns>The entity.</returns>
    /// <exception cref="KeyNotFoundException">Nothing matches; the message lists close matches.</exception>
    public Entity Resolve(string text)
    {
        var found = Find(text);
        if (found is not null)
        {
            return found;
        }

        var suggestions = Suggest(text);
        string hint = suggestions.IsEmpty ? string.Empty : " Did you mean " + string.Join(", ", suggestions.Select(s => $"'{s}'")) + "?";
        throw new KeyNotFoundException($"No entity named '{text}' in the graph.{hint}");
    }

    /// <summary>Names and aliases close to <paramref name="text"/> (by edit distance or containment), closest first.</summary>
    /// <param name="text">The text.</param>
    /// <param name="max">The most suggestions to return.</param>
    /// <returns>The suggestions: display names of entities.</returns>
    public ImmutableArray<string> Suggest(string text, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = Names.Normalize(text);
        if (key.Length == 0)
        {
            return [];
        }

        int limit = Math.Max(2, key.Length / 3);
        var scored = new List<(int Score, string Name)>();
        foreach (var (name, ids) in _nameIndex.Value)
        {
            int distance = name.Contains(key, StringComparison.Ordinal) || key.Contains(name, StringComparison.Ordinal)
                ? Math.Abs(name.Length - key.Length) / 4
                : EditDistance(name, key, limit);
            if (distance <= limit)
            {
                foreach (int i in ids)
                {
                    scored.Add((distance, _entities[i].Name));
                }
            }
        }

        return [.. scored.OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Name).Distinct().Take(max)];
    }

    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int best = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                best = Math.Min(best, cur[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
