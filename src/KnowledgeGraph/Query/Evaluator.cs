using System.Globalization;
using System.Text;
using KnowledgeGraph.Query.Functions;
using KnowledgeGraph.Query.Temporal;

namespace KnowledgeGraph.Query;

internal sealed class ExecContext(Graph graph, Dictionary<string, object?> parameters, QueryOptions options, CancellationToken ct)
{
    public Graph Graph { get; } = graph;

    public Dictionary<string, object?> Parameters { get; } = parameters;

    public QueryOptions Options { get; } = options;

    public CancellationToken Cancellation { get; } = ct;

    public Matcher? Matcher { get; set; }

    /// <summary>Runs an EXISTS subquery from a row (set by the executor).</summary>
    public Func<ExistsExpr, object?[], bool>? Subqueries { get; set; }

    /// <summary>
    /// When running a script: whether a node or relationship value was deleted earlier in the statement, so that
    /// reading its properties or labels fails; null otherwise.
    /// </summary>
    public Func<object, bool>? IsDeleted { get; init; }

    /// <summary>The statement clock: the instant the temporal functions without arguments give, the same for the whole query.</summary>
    public DateTime Now => _now ??= DateTime.UtcNow;

    /// <summary>A context for a subquery: the same graph, parameters, options, cancellation and clock, its own matcher.</summary>
    public ExecContext ForSubquery() => new(Graph, Parameters, Options, Cancellation) { _now = Now, IsDeleted = IsDeleted };

    private DateTime? _now;
}

/// <summary>Evaluates expressions over a row (an array of slots) by walking the tree; nothing is compiled.</summary>
internal static class Evaluator
{
    public static bool? Truth(object? v, string what) => v switch
    {
        null => null,
        bool b => b,
        _ => throw QueryErrors.NotABoolean(what, v),
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
                    throw QueryErrors.ParameterMissing(p.Name);
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

                return FunctionTable.Call(f, row, ctx);
            case PatternExpr pe:
                return ctx.Matcher!.MatchPatternExpression(pe.Pattern, row);
            case ExistsExpr ex:
                return ctx.Subqueries!(ex, row);
            default:
                throw QueryErrors.UnsupportedExpression();
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
                long x => x == long.MinValue ? throw QueryErrors.Overflow("negating " + x.ToString(CultureInfo.InvariantCulture)) : -x,
                double d => -d,
                _ => throw QueryErrors.CannotNegate(operand),
            },
            _ => operand is null or long or double ? operand : throw QueryErrors.UnaryPlus(operand),
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

        CheckNotDeleted(target, ctx);
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

        throw QueryErrors.LabelOfNonNode(target);
    }

    /// <summary>Throws when a script deleted the node or relationship earlier in the statement: its properties and labels are gone.</summary>
    public static void CheckNotDeleted(object target, ExecContext ctx)
    {
        if (ctx.IsDeleted is { } deleted && deleted(target))
        {
            throw QueryErrors.DeletedEntityAccess(Values.TypeName(target), "its properties and labels can no longer be read");
        }
    }

    public static object? Property(object? target, string key, ExecContext ctx)
    {
        switch (target)
        {
            case null:
                return null;
            case NodeRef n:
                CheckNotDeleted(n, ctx);
                return Values.TryGetProperty(ctx.Graph.EntityAt(n.Index), key, out var pv) ? Values.FromProperty(pv) : null;
            case EdgeRef r:
                CheckNotDeleted(r, ctx);
                return ctx.Graph.QualifiersAt(r.Edge).TryGetValue(key, out var q) ? Values.FromProperty(q) : null;
            case Dictionary<string, object?> map:
                return map.TryGetValue(key, out var mv) ? mv : null;
            case IScriptElement written:
                CheckNotDeleted(written, ctx);
                return written.GetProperty(key);
            case TemporalValue t:
                return TemporalMath.Component(t, key);
            default:
                throw QueryErrors.PropertyOf(key, target);
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
                throw QueryErrors.ListIndex(index);
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

        if (target is Dictionary<string, object?>)
        {
            throw QueryErrors.MapIndex(index);
        }

        throw QueryErrors.CannotIndex(target, index);
    }

    private static object? Slice(object? target, object? from, object? to)
    {
        if (target is null || from is null || to is null)
        {
            return null;
        }

        if (target is not List<object?> list || from is not long f || to is not long t)
        {
            throw QueryErrors.BadSlice();
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
            throw QueryErrors.InNeedsList(source);
        }

        var saved = row[c.Slot];
        try
        {
            var result = new List<object?>();
            int trues = 0, falses = 0;
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
                else
                {
                    falses++;
                }
            }

            bool sawFalse = falses > 0;
            return c.Kind switch
            {
                "list" => result,
                "all" => sawFalse ? false : sawNull ? null : true,
                "any" => trues > 0 ? true : sawNull ? null : false,
                "none" => trues > 0 ? false : sawNull ? null : true,
                _ => trues > 1 ? false : sawNull ? null : trues == 1,
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
                    throw QueryErrors.InNeedsList(c, right: true);
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
                        throw QueryErrors.BadRegex(ex.Message);
                    }
                    catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                    {
                        throw QueryErrors.RegexTimeout();
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

        if (a is TemporalValue || c is TemporalValue)
        {
            return TemporalMath.Arithmetic(op, a, c)
                ?? throw QueryErrors.CannotApply(op, a, c);
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
                    return sa + FunctionTable.ToStringValue(c);
                case long or double or bool when c is string sc:
                    return FunctionTable.ToStringValue(a) + sc;
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
                    "/" => y == 0 ? throw QueryErrors.DivisionByZero() : x / y,
                    "%" => y == 0 ? throw QueryErrors.DivisionByZero() : x % y,
                    _ => Math.Pow(x, y),
                };
            }
            catch (OverflowException)
            {
                throw QueryErrors.Overflow(string.Create(CultureInfo.InvariantCulture, $"computing {x} {op} {y}"));
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

        throw QueryErrors.CannotApply(op, a, c);
    }
}
