using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Query.Temporal;

namespace KnowledgeGraph.Query;

internal sealed class NodeRef(int index) : IEquatable<NodeRef>
{
    public int Index { get; } = index;

    public bool Equals(NodeRef? other) => other is not null && other.Index == Index;

    public override bool Equals(object? obj) => Equals(obj as NodeRef);

    public override int GetHashCode() => Index;
}

internal sealed class EdgeRef(int edge) : IEquatable<EdgeRef>
{
    public int Edge { get; } = edge;

    public bool Equals(EdgeRef? other) => other is not null && other.Edge == Edge;

    public override bool Equals(object? obj) => Equals(obj as EdgeRef);

    public override int GetHashCode() => Edge;
}

internal sealed class PathValue(int[] nodes, int[] edges) : IEquatable<PathValue>
{
    public int[] Nodes { get; } = nodes;

    public int[] Edges { get; } = edges;

    public bool Equals(PathValue? other) => other is not null && Nodes.AsSpan().SequenceEqual(other.Nodes) && Edges.AsSpan().SequenceEqual(other.Edges);

    public override bool Equals(object? obj) => Equals(obj as PathValue);

    public override int GetHashCode() => HashCode.Combine(Nodes.Length, Nodes[0], Nodes[^1]);
}

/// <summary>Cypher value semantics over the internal representation: null, bool, long, double, string,
/// List&lt;object?&gt;, Dictionary&lt;string, object?&gt;, NodeRef, EdgeRef, PathValue.</summary>
internal static class Values
{
    /// <summary>The kind name used when a node is created without any label; never shown by labels(n).</summary>
    public const string UnlabeledKind = "(unlabeled)";

    /// <summary>The id prefix of nodes created by CREATE; such ids are not shown as an <c>id</c> property.</summary>
    public const string GeneratedIdPrefix = "_:";

    public static string TypeName(object? v) => v switch
    {
        null => "Null",
        bool => "Boolean",
        long => "Integer",
        double => "Float",
        string => "String",
        List<object?> => "List",
        Dictionary<string, object?> => "Map",
        NodeRef => "Node",
        EdgeRef => "Relationship",
        PathValue => "Path",
        TemporalValue t => t.Kind.ToString(),
        IScriptElement written => written.ValueTypeName,
        _ => v.GetType().Name,
    };

    public static IEnumerable<string> LabelsOf(Entity e)
    {
        if (e.Kind.Name != UnlabeledKind)
        {
            yield return e.Kind.Name;
        }

        foreach (var l in e.Labels)
        {
            yield return l;
        }
    }

    public static bool HasLabel(Entity e, string label) => label != UnlabeledKind && e.HasLabel(label);

    /// <summary>The properties of a node as a query sees them: its properties plus id, name and aliases (unless generated or empty).</summary>
    public static IEnumerable<KeyValuePair<string, PropertyValue>> PropertiesOf(Entity e)
    {
        if (!e.Id.Value.StartsWith(GeneratedIdPrefix, StringComparison.Ordinal) && !e.Properties.ContainsKey("id"))
        {
            yield return new("id", e.Id.Value);
        }

        if (e.Name.Length > 0 && !e.Properties.ContainsKey("name"))
        {
            yield return new("name", e.Name);
        }

        if (e.Aliases.Length > 0 && !e.Properties.ContainsKey("aliases"))
        {
            yield return new("aliases", PropertyValue.From(e.Aliases));
        }

        foreach (var p in e.Properties)
        {
            yield return p;
        }
    }

    public static bool TryGetProperty(Entity e, string key, out PropertyValue value)
    {
        if (e.Properties.TryGetValue(key, out value))
        {
            return true;
        }

        switch (key)
        {
            case "id" when !e.Id.Value.StartsWith(GeneratedIdPrefix, StringComparison.Ordinal):
                value = e.Id.Value;
                return true;
            case "name" when e.Name.Length > 0:
                value = e.Name;
                return true;
            case "aliases" when e.Aliases.Length > 0:
                value = PropertyValue.From(e.Aliases);
                return true;
            default:
                value = default;
                return false;
        }
    }

    public static object? FromProperty(PropertyValue p) => p.Kind switch
    {
        PropertyValueKind.Null => null,
        PropertyValueKind.Boolean => p.AsBoolean,
        PropertyValueKind.Integer => p.AsInteger,
        PropertyValueKind.Float => p.AsFloat,
        PropertyValueKind.String => p.AsString,
        PropertyValueKind.List => p.AsList.Select(FromProperty).ToList(),
        _ => p.AsTemporal,
    };

    public static bool TryToProperty(object? v, out PropertyValue p)
    {
        switch (v)
        {
            case null: p = PropertyValue.Null; return true;
            case bool b: p = b; return true;
            case long l: p = l; return true;
            case double d: p = d; return true;
            case string s: p = s; return true;
            case TemporalValue t: p = PropertyValue.From(t); return true;
            case List<object?> list:
                var items = ImmutableArray.CreateBuilder<PropertyValue>(list.Count);
                foreach (var item in list)
                {
                    if (item is List<object?> || !TryToProperty(item, out var ip))
                    {
                        p = default;
                        return false;
                    }

                    items.Add(ip);
                }

                p = PropertyValue.From(items.MoveToImmutable());
                return true;
            default:
                p = default;
                return false;
        }
    }

    /// <summary>Converts a parameter value from .NET to the internal representation.</summary>
    public static object? FromClr(object? v, Graph? graph) => v switch
    {
        null => null,
        bool or long or double or string => v,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        EntityId id => id.Value,
        TemporalValue t => t,
        DateOnly or TimeOnly or DateTime or DateTimeOffset or TimeSpan => TemporalConvert.FromClr(v),
        PropertyValue pv => FromProperty(pv),
        Entity e when graph is not null && graph.TryIndexOf(e.Id, out int ix) => new NodeRef(ix),
        System.Collections.IDictionary dict => ToMap(dict, graph),
        System.Collections.IEnumerable seq => seq.Cast<object?>().Select(x => FromClr(x, graph)).ToList(),
        _ => throw QueryErrors.UnsupportedParameter(v.GetType()),
    };

    private static Dictionary<string, object?> ToMap(System.Collections.IDictionary dict, Graph? graph)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry kv in dict)
        {
            map[Convert.ToString(kv.Key, CultureInfo.InvariantCulture) ?? string.Empty] = FromClr(kv.Value, graph);
        }

        return map;
    }

    /// <summary>Cypher equality: true, false or null (unknown).</summary>
    public static bool? Equal(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        switch (a)
        {
            case long x when b is long y: return x == y;
            case long x when b is double y: return x == y;
            case double x when b is long y: return x == y;
            case double x when b is double y: return x == y;
            case string x when b is string y: return string.Equals(x, y, StringComparison.Ordinal);
            case bool x when b is bool y: return x == y;
            case List<object?> x when b is List<object?> y:
                if (x.Count != y.Count)
                {
                    return false;
                }

                bool? all = true;
                for (int i = 0; i < x.Count; i++)
                {
                    var r = Equal(x[i], y[i]);
                    if (r == false)
                    {
                        return false;
                    }

                    if (r is null)
                    {
                        all = null;
                    }
                }

                return all;
            case Dictionary<string, object?> x when b is Dictionary<string, object?> y:
                if (x.Count != y.Count)
                {
                    return false;
                }

                bool? allm = true;
                foreach (var kv in x)
                {
                    if (!y.TryGetValue(kv.Key, out var other))
                    {
                        return false;
                    }

                    var r = Equal(kv.Value, other);
                    if (r == false)
                    {
                        return false;
                    }

                    if (r is null)
                    {
                        allm = null;
                    }
                }

                return allm;
            case NodeRef x when b is NodeRef y: return x.Index == y.Index;
            case EdgeRef x when b is EdgeRef y: return x.Edge == y.Edge;
            case PathValue x when b is PathValue y: return x.Equals(y);
            case TemporalValue x when b is TemporalValue y: return TemporalMath.Equal(x, y);
            default: return a.GetType() == b.GetType() && a.Equals(b);
        }
    }

    /// <summary>Cypher comparison for &lt; and friends: null when the values are not comparable.</summary>
    public static int? Compare(object? a, object? b)
    {
        switch (a)
        {
            case long x when b is long y: return x.CompareTo(y);
            case long x when b is double y: return double.IsNaN(y) ? null : ((double)x).CompareTo(y);
            case double x when b is long y: return double.IsNaN(x) ? null : x.CompareTo((double)y);
            case double x when b is double y: return double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);
            case string x when b is string y: return Math.Sign(string.CompareOrdinal(x, y));
            case bool x when b is bool y: return x.CompareTo(y);
            case List<object?> x when b is List<object?> y:
                for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
                {
                    if (x[i] is null || y[i] is null)
                    {
                        return null;
                    }

                    var c = Compare(x[i], y[i]);
                    if (c is null)
                    {
                        return null;
                    }

                    if (c != 0)
                    {
                        return c;
                    }
                }

                return x.Count.CompareTo(y.Count);
            case TemporalValue x when b is TemporalValue y: return TemporalMath.Compare(x, y);
            default: return null;
        }
    }

    private static int OrderRank(object? v) => v switch
    {
        Dictionary<string, object?> => 0,
        NodeRef => 1,
        EdgeRef => 2,
        List<object?> => 3,
        PathValue => 4,
        TemporalValue => 5,
        string => 6,
        bool => 7,
        long => 8,
        double d => double.IsNaN(d) ? 9 : 8,
        null => 11,
        _ => 10,
    };

    /// <summary>The total order ORDER BY uses across all types (maps, nodes, relationships, lists, paths, strings, booleans, numbers, NaN, null).</summary>
    public static int OrderCompare(object? a, object? b)
    {
        int ra = OrderRank(a), rb = OrderRank(b);
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }

        switch (a)
        {
            case null: return 0;
            case long x when b is long y: return x.CompareTo(y);
            case long x when b is double y: return ((double)x).CompareTo(y);
            case double x when b is long y: return x.CompareTo((double)y);
            case double x when b is double y: return x.CompareTo(y);
            case string x when b is string y: return Math.Sign(string.CompareOrdinal(x, y));
            case bool x when b is bool y: return x.CompareTo(y);
            case NodeRef x when b is NodeRef y: return x.Index.CompareTo(y.Index);
            case EdgeRef x when b is EdgeRef y: return x.Edge.CompareTo(y.Edge);
            case List<object?> x when b is List<object?> y:
                for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
                {
                    int c = OrderCompare(x[i], y[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return x.Count.CompareTo(y.Count);
            case PathValue x when b is PathValue y:
                int n = x.Nodes.AsSpan().SequenceCompareTo(y.Nodes);
                return n != 0 ? n : x.Edges.AsSpan().SequenceCompareTo(y.Edges);
            case TemporalValue x when b is TemporalValue y:
                return TemporalMath.OrderCompare(x, y);
            case Dictionary<string, object?> x when b is Dictionary<string, object?> y:
                var kx = x.Keys.Order(StringComparer.Ordinal).ToList();
                var ky = y.Keys.Order(StringComparer.Ordinal).ToList();
                for (int i = 0; i < Math.Min(kx.Count, ky.Count); i++)
                {
                    int c = string.CompareOrdinal(kx[i], ky[i]);
                    if (c != 0)
                    {
                        return c;
                    }

                    c = OrderCompare(x[kx[i]], y[ky[i]]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return kx.Count.CompareTo(ky.Count);
            default: return 0;
        }
    }

    public static string ToDisplay(object? v, Graph graph)
    {
        var sb = new StringBuilder();
        Append(sb, v, graph);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? v, Graph graph)
    {
        switch (v)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(FormatFloat(d)); break;
            case string s: sb.Append(s); break;
            case List<object?> list:
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Append(sb, list[i], graph);
                }

                sb.Append(']');
                break;
            case Dictionary<string, object?> map:
                sb.Append('{');
                bool first = true;
                foreach (var kv in map)
                {
                    sb.Append(first ? string.Empty : ", ").Append(kv.Key).Append(": ");
                    Append(sb, kv.Value, graph);
                    first = false;
                }

                sb.Append('}');
                break;
            case NodeRef n:
                var e = graph.EntityAt(n.Index);
                sb.Append('(').Append(e.Id.Value);
                foreach (var l in LabelsOf(e))
                {
                    sb.Append(':').Append(l);
                }

                sb.Append(')');
                break;
            case EdgeRef r:
                sb.Append("[:").Append(graph.TypeAt(graph.Topology.EdgeType[r.Edge]).Name).Append(']');
                break;
            case PathValue p:
                sb.Append('<');
                Append(sb, new NodeRef(p.Nodes[0]), graph);
                for (int i = 0; i < p.Edges.Length; i++)
                {
                    bool forward = graph.Topology.SourceOf(p.Edges[i]) == p.Nodes[i];
                    sb.Append(forward ? "-" : "<-");
                    Append(sb, new EdgeRef(p.Edges[i]), graph);
                    sb.Append(forward ? "->" : "-");
                    Append(sb, new NodeRef(p.Nodes[i + 1]), graph);
                }

                sb.Append('>');
                break;
            default: sb.Append(v); break;
        }
    }

    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        string s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }

    /// <summary>Equivalence for DISTINCT and grouping: null equals null, numbers by value.</summary>
    public sealed class KeyComparer : IEqualityComparer<object?>, IEqualityComparer<object?[]>
    {
        public static KeyComparer Instance { get; } = new();

        public new bool Equals(object? a, object? b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a is null || b is null)
            {
                return a is null && b is null;
            }

            if (a is double da && double.IsNaN(da))
            {
                return b is double db && double.IsNaN(db);
            }

            switch (a)
            {
                case List<object?> x when b is List<object?> y:
                    if (x.Count != y.Count)
                    {
                        return false;
                    }

                    for (int i = 0; i < x.Count; i++)
                    {
                        if (!Equals(x[i], y[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                case Dictionary<string, object?> x when b is Dictionary<string, object?> y:
                    if (x.Count != y.Count)
                    {
                        return false;
                    }

                    foreach (var kv in x)
                    {
                        if (!y.TryGetValue(kv.Key, out var o) || !Equals(kv.Value, o))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return Equal(a, b) == true;
            }
        }

        public int GetHashCode(object? v) => v switch
        {
            null => 0,
            long l => ((double)l).GetHashCode(),
            double d => d.GetHashCode(),
            string s => StringComparer.Ordinal.GetHashCode(s),
            List<object?> list => list.Count == 0 ? 17 : HashCode.Combine(list.Count, GetHashCode(list[0])),
            Dictionary<string, object?> map => map.Count,
            _ => v.GetHashCode(),
        };

        public bool Equals(object?[]? x, object?[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return x is null && y is null;
            }

            for (int i = 0; i < x.Length; i++)
            {
                if (!Equals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(object?[] key)
        {
            var h = default(HashCode);
            foreach (var v in key)
            {
                h.Add(GetHashCode(v));
            }

            return h.ToHashCode();
        }
    }
}
