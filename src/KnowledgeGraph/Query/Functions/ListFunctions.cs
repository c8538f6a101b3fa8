namespace KnowledgeGraph.Query.Functions;

/// <summary>List functions: <c>size</c>, <c>head</c>, <c>last</c>, <c>tail</c>, <c>range</c>, <c>reverse</c>, <c>coalesce</c>, ….</summary>
internal static class ListFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("coalesce", 1, int.MaxValue, Coalesce, nullIn: false);
        r.Add("range", 2, 3, Range, nullIn: false);
        r.Add("size", 1, 1, c => c[0] switch
        {
            string s => (long)s.Length,
            List<object?> l => (long)l.Count,
            _ => throw c.ArgumentTypeError(c[0]),
        });
        r.Add("isEmpty", 1, 1, c => c[0] switch
        {
            string s => s.Length == 0,
            List<object?> l => l.Count == 0,
            Dictionary<string, object?> m => m.Count == 0,
            _ => throw c.ArgumentTypeError(c[0]),
        });
        r.Add("head", 1, 1, c => List(c) is { Count: > 0 } l ? l[0] : null);
        r.Add("last", 1, 1, c => List(c) is { Count: > 0 } l ? l[^1] : null);
        r.Add("tail", 1, 1, c => List(c).Skip(1).ToList());
        r.Add("reverse", 1, 1, c => c[0] switch
        {
            string s => new string(s.Reverse().ToArray()),
            List<object?> l => Enumerable.Reverse(l).ToList(),
            _ => throw c.ArgumentTypeError(c[0]),
        });
    }

    private static List<object?> List(FunctionCall c) => c[0] as List<object?> ?? throw c.ArgumentTypeError(c[0]);

    private static object? Coalesce(FunctionCall c)
    {
        for (int i = 0; i < c.Count; i++)
        {
            if (c[i] is not null)
            {
                return c[i];
            }
        }

        return null;
    }

    private static object? Range(FunctionCall c)
    {
        if (c[0] is not long from || c[1] is not long to)
        {
            throw QueryErrors.FunctionNeeds("range", "integer bounds");
        }

        long step = c.Count == 3 ? c[2] as long? ?? throw QueryErrors.FunctionNeeds("range", "an integer step") : 1;
        if (step == 0)
        {
            throw QueryErrors.ZeroStep();
        }

        var list = new List<object?>();
        int max = c.Context.Options.MaxRows;
        for (long i = from; step > 0 ? i <= to : i >= to; i += step)
        {
            if (list.Count >= max)
            {
                throw QueryErrors.RangeTooLarge(max);
            }

            list.Add(i);
            if ((step > 0 && i > long.MaxValue - step) || (step < 0 && i < long.MinValue - step))
            {
                break;
            }
        }

        return list;
    }
}
