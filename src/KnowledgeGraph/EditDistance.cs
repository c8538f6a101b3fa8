namespace KnowledgeGraph;

/// <summary>
/// The one edit-distance helper behind every "Did you mean" of the library and of <c>kg</c>: entity
/// names (<see cref="Graph.Suggest"/>), labels, types and property keys in query notifications, and
/// command and option names on the command line.
/// </summary>
internal static class EditDistance
{
    /// <summary>The Levenshtein distance of <paramref name="a"/> and <paramref name="b"/>, or <paramref name="limit"/> + 1 once it exceeds <paramref name="limit"/>.</summary>
    public static int Compute(string a, string b, int limit)
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

    /// <summary>The distance allowed between a text and a suggestion for it: a third of its length, at least 2.</summary>
    public static int LimitFor(string text) => Math.Max(2, text.Length / 3);

    /// <summary>
    /// The candidates close to <paramref name="text"/>, closest first then in ordinal order: compared
    /// case-insensitively (invariant), within <see cref="LimitFor"/> edits. Exact matches are not suggestions.
    /// </summary>
    public static IReadOnlyList<string> Closest(string text, IEnumerable<string> candidates, int max = 3)
    {
        string key = text.ToUpperInvariant();
        int limit = LimitFor(key);
        var scored = new List<(int Distance, string Candidate)>();
        foreach (string candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (string.Equals(candidate, text, StringComparison.Ordinal))
            {
                continue;
            }

            int d = Compute(candidate.ToUpperInvariant(), key, limit);
            if (d <= limit)
            {
                scored.Add((d, candidate));
            }
        }

        return [.. scored.OrderBy(s => s.Distance).ThenBy(s => s.Candidate, StringComparer.Ordinal).Take(max).Select(s => s.Candidate)];
    }

    /// <summary>" Did you mean 'a'?" or " Did you mean 'a' or 'b'?" for the suggestions, or empty when there are none.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, char quote = '\'') => suggestions.Count switch
    {
        0 => string.Empty,
        1 => $" Did you mean {quote}{suggestions[0]}{quote}?",
        _ => " Did you mean " + string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => quote + s + quote))
            + " or " + quote + suggestions[^1] + quote + "?",
    };
}
