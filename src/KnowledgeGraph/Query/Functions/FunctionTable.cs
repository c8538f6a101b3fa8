namespace KnowledgeGraph.Query.Functions;

/// <summary>The body of a scalar function: gets the evaluated arguments, returns the value.</summary>
internal delegate object? FunctionBody(FunctionCall call);

/// <summary>One call of a scalar function: its expression, evaluated arguments and the query context.</summary>
internal readonly struct FunctionCall(FunctionExpr expr, object?[] args, ExecContext context)
{
    public FunctionExpr Expr => expr;

    public ExecContext Context => context;

    public Graph Graph => context.Graph;

    public int Count => args.Length;

    public object? this[int i] => args[i];

    public QueryTypeException TypeError(object? x) => QueryErrors.FunctionCannotTake(expr.Name, x);

    public QueryTypeException ArgumentTypeError(object? x) => QueryErrors.FunctionCannotTake(expr.Name, x, wrongType: true);
}

/// <summary>A scalar function: its name, how many arguments it takes and whether a null argument makes the result null.</summary>
internal sealed record FunctionDef(string Name, int MinArgs, int MaxArgs, bool NullIn, FunctionBody Body);

/// <summary>Collects the functions of each family (one file per family registers its own).</summary>
internal sealed class FunctionRegistry
{
    public Dictionary<string, FunctionDef> Defs { get; } = new(StringComparer.Ordinal);

    /// <summary>Registers a function; <paramref name="nullIn"/>: any null argument gives null without calling the body.</summary>
    public void Add(string name, int minArgs, int maxArgs, FunctionBody body, bool nullIn = true) =>
        Defs.Add(name.ToLowerInvariant(), new FunctionDef(name, minArgs, maxArgs, nullIn, body));
}

/// <summary>Finds and calls the built-in scalar functions by name; aggregates are known here but run in the aggregation.</summary>
internal static class FunctionTable
{
    private static readonly HashSet<string> Aggregates = new(StringComparer.Ordinal)
    {
        "count", "collect", "sum", "avg", "min", "max", "stdev", "stdevp", "percentilecont", "percentiledisc",
    };

    private static readonly Dictionary<string, FunctionDef> Defs = Build();

    private static Dictionary<string, FunctionDef> Build()
    {
        var r = new FunctionRegistry();
        StringFunctions.Register(r);
        ListFunctions.Register(r);
        MathFunctions.Register(r);
        GraphFunctions.Register(r);
        ConversionFunctions.Register(r);
        TemporalFunctions.Register(r);
        return r.Defs;
    }

    /// <summary>Whether a function of this (lower-case) name exists, scalar or aggregate.</summary>
    public static bool IsKnown(string lower) => Defs.ContainsKey(lower) || Aggregates.Contains(lower);

    /// <summary>Checks, while the query is analysed, that the function exists and gets as many arguments as it takes.</summary>
    public static void CheckKnown(FunctionExpr f)
    {
        if (!IsKnown(f.Lower))
        {
            throw QueryErrors.UnknownFunction(f.Name);
        }

        CheckArity(f);
    }

    /// <summary>Checks the number of arguments of a scalar function call while the query is analysed.</summary>
    public static void CheckArity(FunctionExpr f)
    {
        if (Defs.TryGetValue(f.Lower, out var def) && (f.Args.Count < def.MinArgs || f.Args.Count > def.MaxArgs))
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            string takes = def.MinArgs == def.MaxArgs ? def.MinArgs.ToString(inv)
                : def.MaxArgs == int.MaxValue ? "at least " + def.MinArgs.ToString(inv)
                : def.MinArgs.ToString(inv) + " to " + def.MaxArgs.ToString(inv);
            throw QueryErrors.ArgumentCount(f.Name, takes, f.Args.Count);
        }
    }

    /// <summary>Evaluates the arguments and calls the function.</summary>
    public static object? Call(FunctionExpr f, object?[] row, ExecContext ctx)
    {
        if (!Defs.TryGetValue(f.Lower, out var def))
        {
            throw QueryErrors.UnknownFunction(f.Name);
        }

        CheckArity(f);
        var args = new object?[f.Args.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Evaluator.Eval(f.Args[i], row, ctx);
            if (def.NullIn && args[i] is null)
            {
                return null;
            }
        }

        return def.Body(new FunctionCall(f, args, ctx));
    }

    /// <summary>The text of a string, number, boolean or temporal value, as <c>toString</c> and string concatenation give it.</summary>
    public static string ToStringValue(object? v) => v switch
    {
        string s => s,
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => Values.FormatFloat(d),
        bool b => b ? "true" : "false",
        TemporalValue t => t.ToString(),
        _ => throw QueryErrors.CannotConvertToString(v),
    };
}
