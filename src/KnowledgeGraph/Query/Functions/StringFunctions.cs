namespace KnowledgeGraph.Query.Functions;

/// <summary>String functions: <c>toUpper</c>, <c>substring</c>, <c>split</c>, <c>replace</c>, <c>trim</c>, ….</summary>
internal static class StringFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("toUpper", 1, 1, c => Str(c, 0).ToUpperInvariant());
        r.Add("toLower", 1, 1, c => Str(c, 0).ToLowerInvariant());
        r.Add("trim", 1, 1, c => Str(c, 0).Trim());
        r.Add("ltrim", 1, 1, c => Str(c, 0).TrimStart());
        r.Add("rtrim", 1, 1, c => Str(c, 0).TrimEnd());
        r.Add("split", 2, 2, c => Str(c, 0).Split(Str(c, 1)).Select(x => (object?)x).ToList());
        r.Add("replace", 3, 3, c => Str(c, 0).Replace(Str(c, 1), Str(c, 2), StringComparison.Ordinal));
        r.Add("left", 2, 2, c => Str(c, 0)[..(int)Math.Min(Str(c, 0).Length, Length(c, 1))]);
        r.Add("right", 2, 2, c => Str(c, 0)[(int)Math.Max(0, Str(c, 0).Length - Length(c, 1))..]);
        r.Add("substring", 2, 3, Substring);
    }

    private static string Str(FunctionCall c, int i) => c[i] as string ?? throw QueryErrors.FunctionNeeds(c.Expr.Name, "a string", c[i]);

    private static long Length(FunctionCall c, int i)
    {
        if (c[i] is not long n)
        {
            throw QueryErrors.FunctionNeeds(c.Expr.Name, "an integer", c[i]);
        }

        return n >= 0 ? n : throw QueryErrors.NegativeLength(c.Expr.Name, n);
    }

    private static object? Substring(FunctionCall c)
    {
        string s = Str(c, 0);
        int start = (int)Math.Min(Length(c, 1), s.Length);
        int len = c.Count > 2 ? (int)Math.Min(Length(c, 2), s.Length - start) : s.Length - start;
        return s.Substring(start, len);
    }
}
