using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Query;

internal sealed class ExecContext(Graph graph, Dictionary<string, object?> parameters, QueryOptions options, CancellationToken ct)
{
    public Graph Graph { get; } = graph;

    public Dictionary<string, object?> Parameters { get; } = parameters;

    public QueryOptions Options { get; } = options;

    public CancellationToken Cancellation { get; } = ct;

    public Matcher? Matcher { get; set; }
}

/// <summary>Evaluates expressions over a row (an array of slots) by walking the tree; nothing is compiled.</summary>
internal static class Evaluator
{
    public static bool? Truth(object? v, string what) => v switch
    {
        null => null,
        bool b => b,
        _ => throw new QueryTypeException($"{what} must be a boolean; found {Values.TypeName(v)}.", "InvalidArgumentType"),
    };

    public static bool? Predicate(Expr e, object?[] row, ExecContext ctx)
    {
        var v = Eval(e, row, ctx);
        if (e is PatternExpr && v is List<object?> list)
        {
            return list.Count > 0;
        }

        return Truth(v, "A predicate");
    }

    public static object? Eval(Expr e, object?[] row, ExecContext ctx)
    {
        switch (e)
        {
            case LiteralExpr l:
                return l.Value is List<object?> ? l.Value : l.Value;
            case VariableExpr v:
                return row[v.Slot];
            case ParameterExpr p:
                if (!ctx.Parameters.TryGetValue(p.Name, out var pv))
                {
                    throw new QuerySemanticException($"The parameter ${p.Name} was not given.", "ParameterMissing", "ParameterError");
                }

                return pv;
            case PropertyExpr p:
                return Property(Eval(p.Target, row, ctx), p.Key, ctx);
            case BinaryExpr b:
                return Binary(b, row, ctx);
            case UnaryExpr u:
                return Unary(u, row, ctx);
            case IsNullExpr n:
                return (Eval(n.Operand, row, ctx) is null) != n.Negated;
            case ListExpr list:
                return List(list, row, ctx);
            case MapExpr map:
                return Map(map, row, ctx);
            case LabelCheckExpr lc:
                return LabelCheck(lc, row, ctx);
            case IndexExpr ix:
                return Index(Eval(ix.Target, row, ctx), Eval(ix.Index, row, ctx), ctx);
            case SliceExpr sl:
                return Slice(Eval(sl.Target, row, ctx), sl.From is null ? 0L : Eval(sl.From, row, ctx), sl.To is null ? long.MaxValue : Eval(sl.To, row, ctx));
            case CaseExpr c:
                return Case(c, row, ctx);
            case ComprehensionExpr c:
                return Comprehension(c, row, ctx);
            case FunctionExpr f:
                if (f.AggregateSlot >= 0)
                {
                    return row[f.AggregateSlot];
                }

                return Functions.Call(f, row, ctx);
            case PatternExpr pe:
                return ctx.Matcher!.MatchPatternExpression(pe.Pattern, row);
            default:
                throw new QuerySemanticException("Unsupported expression.", "UnsupportedExpression");
        }
    }

    // The cases below are kept out of Eval, and the operators out of Binary, so that the frames taken once per
    // level of an expression tree stay small (the parser bounds the tree's height, the frames set what that costs).
    private static object? Unary(UnaryExpr u, object?[] row, ExecContext ctx)
    {
        var operand = u.Op == "NOT" ? Predicate(u.Operand, row, ctx) : Eval(u.Operand, row, ctx);
        return u.Op switch
        {
            "NOT" => operand is bool nb ? !nb : null,
            "-" => operand switch
            {
                null => null,
                long x => x == long.MinValue ? throw new QueryTypeException("Integer overflow negating " + x.ToString(CultureInfo.InvariantCulture) + ".", "IntegerOverflow", "ArithmeticError") : -x,
                double d => -d,
                _ => throw new QueryTypeException($"Cannot negate a {Values.TypeName(operand)}.", "InvalidArgumentType"),
            },
            _ => operand is null or long or double ? operand : throw new QueryTypeException($"Unary + needs a number; found {Values.TypeName(operand)}.", "InvalidArgumentType"),
        };
    }

    private static List<object?> List(ListExpr list, object?[] row, ExecContext ctx)
    {
        var items = new List<object?>(list.Items.Count);
        foreach (var item in list.Items)
        {
            items.Add(Eval(item, row, ctx));
        }

        return items;
    }

    private static Dictionary<string, object?> Map(MapExpr map, object?[] row, ExecContext ctx)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var kv in map.Entries)
        {
            dict[kv.Key] = Eval(kv.Value, row, ctx);
        }

        return dict;
    }

    private static object? LabelCheck(LabelCheckExpr lc, object?[] row, ExecContext ctx)
    {
        var target = Eval(lc.Target, row, ctx);
        if (target is null)
        {
            return null;
        }

        if (target is NodeRef node)
        {
            var entity = ctx.Graph.EntityAt(node.Index);
            return lc.Labels.All(l => Values.HasLabel(entity, l));
        }

        if (target is EdgeRef edge)
        {
            string type = ctx.Graph.TypeAt(ctx.Graph.Topology.EdgeType[edge.Edge]).Name;
            return lc.Labels.Count == 1 && lc.Labels[0] == type;
        }

        throw new QueryTypeException($"A label predicate needs a node; found {Values.TypeName(target)}.", "InvalidArgumentType");
    }

    public static object? Property(object? target, string key, ExecContext ctx)
    {
        switch (target)
        {
            case null:
                return null;
            case NodeRef n:
                return Values.TryGetProperty(ctx.Graph.EntityAt(n.Index), key, out var pv) ? Values.FromProperty(pv) : null;
            case EdgeRef r:
                return ctx.Graph.QualifiersAt(r.Edge).TryGetValue(key, out var q) ? Values.FromProperty(q) : null;
            case Dictionary<string, object?> map:
                return map.TryGetValue(key, out var mv) ? mv : null;
            case IScriptElement written:
                return written.GetProperty(key);
            default:
                throw new QueryTypeException($"Cannot read property '{key}' of a {Values.TypeName(target)}.", "PropertyAccessOnNonMap");
        }
    }

    private static object? Index(object? target, object? index, ExecContext ctx)
    {
        if (target is null || index is null)
        {
            return null;
        }

        if (target is List<object?> list)
        {
            if (index is not long i)
            {
                throw new QueryTypeException($"A list index must be an integer; found {Values.TypeName(index)}.", "InvalidArgumentType");
            }

            if (i < 0)
            {
                i += list.Count;
            }

            return i >= 0 && i < list.Count ? list[(int)i] : null;
        }

        if (index is string key && target is Dictionary<string, object?> or NodeRef or EdgeRef)
        {
            return Property(target, key, ctx);
        }

        throw new QueryTypeException($"Cannot index a {Values.TypeName(target)} with a {Values.TypeName(index)}.", "InvalidArgumentType");
    }

    private static object? Slice(object? target, object? from, object? to)
    {
        if (target is null || from is null || to is null)
        {
            return null;
        }

        if (target is not List<object?> list || from is not long f || to is not long t)
        {
            throw new QueryTypeException("A slice needs a list and integer bounds.", "InvalidArgumentType");
        }

        int n = list.Count;
        long a = f < 0 ? Math.Max(0, n + f) : Math.Min(f, n);
        long b = t < 0 ? Math.Max(0, n + t) : Math.Min(t, n);
        return b <= a ? [] : list.GetRange((int)a, (int)(b - a));
    }

    private static object? Case(CaseExpr c, object?[] row, ExecContext ctx)
    {
        if (c.Subject is null)
        {
            foreach (var (when, then) in c.Branches)
            {
                if (Predicate(when, row, ctx) == true)
                {
                    return Eval(then, row, ctx);
                }
            }
        }
        else
        {
            var subject = Eval(c.Subject, row, ctx);
            foreach (var (when, then) in c.Branches)
            {
                if (Values.Equal(subject, Eval(when, row, ctx)) == true)
                {
                    return Eval(then, row, ctx);
                }
            }
        }

        return c.Else is null ? null : Eval(c.Else, row, ctx);
    }

    private static object? Comprehension(ComprehensionExpr c, object?[] row, ExecContext ctx)
    {
        var source = Eval(c.Source, row, ctx);
        if (source is null)
        {
            return null;
        }

        if (source is not List<object?> list)
        {
            throw new QueryTypeException($"IN needs a list; found {Values.TypeName(source)}.", "InvalidArgumentType");
        }

        var saved = row[c.Slot];
        try
        {
            var result = new List<object?>();
            int trues = 0;
            bool sawNull = false;
            foreach (var item in list)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                row[c.Slot] = item;
                bool? keep = c.Where is null ? true : Predicate(c.Where, row, ctx);
                if (keep == true)
                {
                    trues++;
                    if (c.Kind == "list")
                    {
                        result.Add(c.Map is null ? item : Eval(c.Map, row, ctx));
                    }
                }
                else if (keep is null)
                {
                    sawNull = true;
                }
            }

            return c.Kind switch
            {
                "list" => result,
                "all" => trues == list.Count ? true : sawNull ? null : false,
                "any" => trues > 0 ? true : sawNull ? null : false,
                "none" => trues > 0 ? false : sawNull ? null : true,
                _ => sawNull ? null : trues == 1,
            };
        }
        finally
        {
            row[c.Slot] = saved;
        }
    }

    private static object? Binary(BinaryExpr b, object?[] row, ExecContext ctx)
    {
        switch (b.Op)
        {
            case "AND":
                {
                    var l = Predicate(b.Left, row, ctx);
                    if (l == false)
                    {
                        return false;
                    }

                    var r = Predicate(b.Right, row, ctx);
                    return r == false ? false : l is null || r is null ? null : true;
                }

            case "OR":
                {
                    var l = Predicate(b.Left, row, ctx);
                    if (l == true)
                    {
                        return true;
                    }

                    var r = Predicate(b.Right, row, ctx);
                    return r == true ? true : l is null || r is null ? null : false;
                }

            case "XOR":
                {
                    var l = Predicate(b.Left, row, ctx);
                    var r = Predicate(b.Right, row, ctx);
                    return l is null || r is null ? null : l != r;
                }
        }

        return Compare(b.Op, Eval(b.Left, row, ctx), Eval(b.Right, row, ctx));
    }

    private static object? Compare(string op, object? a, object? c)
    {
        switch (op)
        {
            case "=": return Values.Equal(a, c);
            case "<>": return Values.Equal(a, c) is bool eq ? !eq : null;
            case "<": return Values.Compare(a, c) is int c1 ? c1 < 0 : null;
            case "<=": return Values.Compare(a, c) is int c2 ? c2 <= 0 : null;
            case ">": return Values.Compare(a, c) is int c3 ? c3 > 0 : null;
            case ">=": return Values.Compare(a, c) is int c4 ? c4 >= 0 : null;
            case "IN":
                if (c is null)
                {
                    return null;
                }

                if (c is not List<object?> list)
                {
                    throw new QueryTypeException($"IN needs a list on its right; found {Values.TypeName(c)}.", "InvalidArgumentType");
                }

                bool unknown = false;
                foreach (var item in list)
                {
                    var same = Values.Equal(a, item);
                    if (same == true)
                    {
                        return true;
                    }

                    unknown |= same is null;
                }

                return unknown ? null : false;
            case "STARTS":
                return a is string s1 && c is string t1 ? s1.StartsWith(t1, StringComparison.Ordinal) : null;
            case "ENDS":
                return a is string s2 && c is string t2 ? s2.EndsWith(t2, StringComparison.Ordinal) : null;
            case "CONTAINS":
                return a is string s3 && c is string t3 ? s3.Contains(t3, StringComparison.Ordinal) : null;
            case "=~":
                if (a is string s4 && c is string t4)
                {
                    try
                    {
                        return System.Text.RegularExpressions.Regex.IsMatch(s4, "^(?:" + t4 + ")$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException ex)
                    {
                        throw new QueryTypeException("Invalid regular expression: " + ex.Message, "InvalidArgumentValue", "ArgumentError");
                    }
                    catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                    {
                        throw new QueryLimitException("The regular expression took longer than one second.");
                    }
                }

                return null;
            default:
                return Arithmetic(op, a, c);
        }
    }

    public static object? Arithmetic(string op, object? a, object? c)
    {
        if (a is null || c is null)
        {
            return null;
        }

        if (op == "+")
        {
            switch (a)
            {
                case List<object?> la when c is List<object?> lc:
                    return la.Concat(lc).ToList();
                case List<object?> la:
                    return la.Append(c).ToList();
                case var _ when c is List<object?> lc2:
                    return lc2.Prepend(a).ToList();
                case string sa when c is string or long or double or bool:
                    return sa + Functions.ToStringValue(c);
                case long or double or bool when c is string sc:
                    return Functions.ToStringValue(a) + sc;
            }
        }

        if (a is long x && c is long y)
        {
            try
            {
                return op switch
                {
                    "+" => (object)checked(x + y),
                    "-" => checked(x - y),
                    "*" => checked(x * y),
                    "/" => y == 0 ? throw new QueryTypeException("Division by zero.", "DivisionByZero", "ArithmeticError") : x / y,
                    "%" => y == 0 ? throw new QueryTypeException("Division by zero.", "DivisionByZero", "ArithmeticError") : x % y,
                    _ => Math.Pow(x, y),
                };
            }
            catch (OverflowException)
            {
                throw new QueryTypeException($"Integer overflow computing {x} {op} {y}.", "IntegerOverflow", "ArithmeticError");
            }
        }

        if (a is long or double && c is long or double)
        {
            double dx = Convert.ToDouble(a, CultureInfo.InvariantCulture), dy = Convert.ToDouble(c, CultureInfo.InvariantCulture);
            return op switch
            {
                "+" => dx + dy,
                "-" => dx - dy,
                "*" => dx * dy,
                "/" => dx / dy,
                "%" => dx % dy,
                _ => Math.Pow(dx, dy),
            };
        }

        throw new QueryTypeException($"Cannot apply {op} to {Values.TypeName(a)} and {Values.TypeName(c)}.", "InvalidArgumentType");
    }
}

/// <summary>The built-in scalar functions.</summary>
internal static class Functions
{
    public static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "id", "type", "labels", "properties", "keys", "nodes", "relationships", "length", "size", "coalesce",
        "toupper", "tolower", "tostring", "tointeger", "tofloat", "toboolean", "startnode", "endnode", "evidence", "exists",
        "head", "last", "tail", "range", "abs", "sign", "reverse", "substring", "trim", "ltrim", "rtrim", "split", "replace",
        "left", "right", "round", "floor", "ceil", "sqrt", "count", "collect", "sum", "avg", "min", "max", "elementid",
        "isempty", "tostringornull", "tointegerornull", "tofloatornull", "exp", "log", "log10", "sin", "cos", "tan", "pi", "e", "rand",
    };

    public static string ToStringValue(object? v) => v switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Values.FormatFloat(d),
        bool b => b ? "true" : "false",
        _ => throw new QueryTypeException($"Cannot convert a {Values.TypeName(v)} to a string.", "InvalidArgumentValue"),
    };

    public static object? Call(FunctionExpr f, object?[] row, ExecContext ctx)
    {
        var g = ctx.Graph;
        object? Arg(int i) => Evaluator.Eval(f.Args[i], row, ctx);
        void Arity(int n)
        {
            if (f.Args.Count != n)
            {
                throw new QuerySemanticException($"{f.Name}() takes {n} argument(s); found {f.Args.Count}.", "InvalidNumberOfArguments");
            }
        }

        switch (f.Lower)
        {
            case "coalesce":
                foreach (var a in f.Args)
                {
                    var v = Evaluator.Eval(a, row, ctx);
                    if (v is not null)
                    {
                        return v;
                    }
                }

                return null;
            case "exists":
                Arity(1);
                var ex = Arg(0);
                return f.Args[0] is PatternExpr ? ex is List<object?> { Count: > 0 } : ex is not null;
            case "range":
                {
                    if (f.Args.Count is < 2 or > 3)
                    {
                        throw new QuerySemanticException("range() takes 2 or 3 arguments.", "InvalidNumberOfArguments");
                    }

                    if (Arg(0) is not long from || Arg(1) is not long to)
                    {
                        throw new QueryTypeException("range() needs integer bounds.", "InvalidArgumentType");
                    }

                    long step = f.Args.Count == 3 ? Arg(2) as long? ?? throw new QueryTypeException("range() needs an integer step.", "InvalidArgumentType") : 1;
                    if (step == 0)
                    {
                        throw new QueryTypeException("range() needs a non-zero step.", "NumberOutOfRange", "ArgumentError");
                    }

                    var list = new List<object?>();
                    for (long i = from; step > 0 ? i <= to : i >= to; i += step)
                    {
                        if (list.Count >= ctx.Options.MaxRows)
                        {
                            throw new QueryLimitException($"range() would make more than {ctx.Options.MaxRows} values.");
                        }

                        list.Add(i);
                    }

                    return list;
                }

            case "rand":
                return Random.Shared.NextDouble();
            case "pi":
                return Math.PI;
            case "e":
                return Math.E;
        }

        if (f.Lower is "substring" or "split" or "replace" or "left" or "right")
        {
            var s = Arg(0);
            var args = f.Args.Skip(1).Select(a => Evaluator.Eval(a, row, ctx)).ToList();
            if (s is null || args.Any(a => a is null))
            {
                return null;
            }

            string str = s as string ?? throw new QueryTypeException($"{f.Name}() needs a string; found {Values.TypeName(s)}.", "InvalidArgumentType");
            switch (f.Lower)
            {
                case "split":
                    return str.Split((string)args[0]!).Select(x => (object?)x).ToList();
                case "replace":
                    return str.Replace((string)args[0]!, (string)args[1]!, StringComparison.Ordinal);
                case "left":
                    return str[..(int)Math.Min(str.Length, (long)args[0]!)];
                case "right":
                    return str[(int)Math.Max(0, str.Length - (long)args[0]!)..];
                default:
                    int start = (int)Math.Min((long)args[0]!, str.Length);
                    int len = args.Count > 1 ? (int)Math.Min((long)args[1]!, str.Length - start) : str.Length - start;
                    return str.Substring(start, len);
            }
        }

        Arity(1);
        var x = Arg(0);
        if (x is null)
        {
            return null;
        }

        switch (f.Lower)
        {
            case "id":
            case "elementid":
                return x switch
                {
                    NodeRef n => g.EntityAt(n.Index).Id.Value,
                    EdgeRef r => (long)r.Edge,
                    _ => throw TypeError(f, x),
                };
            case "type":
                return x is EdgeRef tr ? g.TypeAt(g.Topology.EdgeType[tr.Edge]).Name : throw TypeError(f, x);
            case "labels":
                return x is NodeRef ln ? Values.LabelsOf(g.EntityAt(ln.Index)).Select(l => (object?)l).ToList() : throw TypeError(f, x);
            case "properties":
                return x switch
                {
                    NodeRef n => Values.PropertiesOf(g.EntityAt(n.Index)).ToDictionary(p => p.Key, p => Values.FromProperty(p.Value), StringComparer.Ordinal),
                    EdgeRef r => g.QualifiersAt(r.Edge).ToDictionary(p => p.Key, p => Values.FromProperty(p.Value), StringComparer.Ordinal),
                    Dictionary<string, object?> m => m,
                    _ => throw TypeError(f, x),
                };
            case "keys":
                return x switch
                {
                    NodeRef n => Values.PropertiesOf(g.EntityAt(n.Index)).Select(p => (object?)p.Key).ToList(),
                    EdgeRef r => g.QualifiersAt(r.Edge).Select(p => (object?)p.Key).ToList(),
                    Dictionary<string, object?> m => m.Keys.Select(k => (object?)k).ToList(),
                    _ => throw TypeError(f, x),
                };
            case "nodes":
                return x is PathValue pn ? pn.Nodes.Select(i => (object?)new NodeRef(i)).ToList() : throw TypeError(f, x);
            case "relationships":
                return x is PathValue pr ? pr.Edges.Select(i => (object?)new EdgeRef(i)).ToList() : throw TypeError(f, x);
            case "length":
                return x switch
                {
                    PathValue p => (long)p.Edges.Length,
                    string s => (long)s.Length,
                    List<object?> l => (long)l.Count,
                    _ => throw TypeError(f, x),
                };
            case "size":
                return x switch
                {
                    string s => (long)s.Length,
                    List<object?> l => (long)l.Count,
                    _ => throw TypeError(f, x),
                };
            case "isempty":
                return x switch
                {
                    string s => s.Length == 0,
                    List<object?> l => l.Count == 0,
                    Dictionary<string, object?> m => m.Count == 0,
                    _ => throw TypeError(f, x),
                };
            case "toupper":
                return x is string su ? su.ToUpperInvariant() : throw TypeError(f, x);
            case "tolower":
                return x is string sl ? sl.ToLowerInvariant() : throw TypeError(f, x);
            case "trim":
                return x is string st ? st.Trim() : throw TypeError(f, x);
            case "ltrim":
                return x is string sL ? sL.TrimStart() : throw TypeError(f, x);
            case "rtrim":
                return x is string sR ? sR.TrimEnd() : throw TypeError(f, x);
            case "reverse":
                return x switch
                {
                    string s => new string(s.Reverse().ToArray()),
                    List<object?> l => Enumerable.Reverse(l).ToList(),
                    _ => throw TypeError(f, x),
                };
            case "tostring":
            case "tostringornull":
                return x is string or long or double or bool ? ToStringValue(x) : f.Lower == "tostringornull" ? null : throw TypeError(f, x);
            case "tointeger":
            case "tointegerornull":
                return x switch
                {
                    long l => l,
                    double d => double.IsNaN(d) || double.IsInfinity(d) ? null : (long)Math.Truncate(d),
                    bool b => b ? 1L : 0L,
                    string s => long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v
                        : double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double dv) && !double.IsInfinity(dv) && !double.IsNaN(dv) ? (long)Math.Truncate(dv) : null,
                    _ => f.Lower == "tointegerornull" ? null : throw TypeError(f, x),
                };
            case "tofloat":
            case "tofloatornull":
                return x switch
                {
                    long l => (double)l,
                    double d => d,
                    string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null,
                    _ => f.Lower == "tofloatornull" ? null : throw TypeError(f, x),
                };
            case "toboolean":
                return x switch
                {
                    bool b => b,
                    string s => s.Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null },
                    long l => l != 0,
                    _ => throw TypeError(f, x),
                };
            case "startnode":
                return x is EdgeRef rs ? new NodeRef(g.Topology.EdgeSource[rs.Edge]) : throw TypeError(f, x);
            case "endnode":
                return x is EdgeRef re ? new NodeRef(g.Topology.EdgeTarget[re.Edge]) : throw TypeError(f, x);
            case "evidence":
                return x is EdgeRef ev ? g.GetRelation(ev.Edge).Evidence.Select(v => (object?)v.Text).ToList() : throw TypeError(f, x);
            case "head":
                return x is List<object?> lh ? (lh.Count > 0 ? lh[0] : null) : throw TypeError(f, x);
            case "last":
                return x is List<object?> ll ? (ll.Count > 0 ? ll[^1] : null) : throw TypeError(f, x);
            case "tail":
                return x is List<object?> lt ? lt.Skip(1).ToList() : throw TypeError(f, x);
            case "abs":
                return x switch { long l => (object)Math.Abs(l), double d => Math.Abs(d), _ => throw TypeError(f, x) };
            case "sign":
                return x switch { long l => (long)Math.Sign(l), double d => (long)Math.Sign(d), _ => throw TypeError(f, x) };
            case "round":
                return x switch { long l => (double)l, double d => Math.Round(d, MidpointRounding.AwayFromZero), _ => throw TypeError(f, x) };
            case "floor":
                return x switch { long l => (double)l, double d => Math.Floor(d), _ => throw TypeError(f, x) };
            case "ceil":
                return x switch { long l => (double)l, double d => Math.Ceiling(d), _ => throw TypeError(f, x) };
            case "sqrt":
            case "exp":
            case "log":
            case "log10":
            case "sin":
            case "cos":
            case "tan":
                double dx = x switch { long l => l, double d => d, _ => throw TypeError(f, x) };
                return f.Lower switch
                {
                    "sqrt" => Math.Sqrt(dx),
                    "exp" => Math.Exp(dx),
                    "log" => Math.Log(dx),
                    "log10" => Math.Log10(dx),
                    "sin" => Math.Sin(dx),
                    "cos" => Math.Cos(dx),
                    _ => Math.Tan(dx),
                };
            default:
                throw new QuerySemanticException($"Unknown function '{f.Name}'.", "UnknownFunction");
        }
    }

    private static QueryTypeException TypeError(FunctionExpr f, object? x) =>
        new($"{f.Name}() cannot take a {Values.TypeName(x)}.", "InvalidArgumentValue");

    public static string Describe(object? v) => v switch
    {
        null => "null",
        _ => new StringBuilder().Append(Values.TypeName(v)).ToString(),
    };
}
