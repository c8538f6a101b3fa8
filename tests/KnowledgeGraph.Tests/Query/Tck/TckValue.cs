using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.Query.Tck;

/// <summary>Reads TCK value syntax and renders expected and actual values in one canonical text form.</summary>
public static class TckValue
{
    /// <summary>The canonical form of an expected value written in TCK syntax.</summary>
    public static string CanonicalExpected(string text, bool sortLists)
    {
        var p = new Reader(text);
        var v = p.Value();
        p.End();
        return Canonical(v, sortLists);
    }

    /// <summary>Parses a parameter value (no graph elements) into CLR values a query accepts.</summary>
    public static object? ParseParameter(string text)
    {
        var p = new Reader(text);
        var v = p.Value();
        p.End();
        return v;
    }

    /// <summary>The canonical form of a value a query returned.</summary>
    public static string CanonicalActual(object? v, bool sortLists) => Canonical(FromActual(v), sortLists);

    private sealed record TNode(List<string> Labels, SortedDictionary<string, object?> Props);

    private sealed record TRel(string Type, SortedDictionary<string, object?> Props);

    private sealed record TPath(List<object> Parts);

    private static object? FromActual(object? v) => v switch
    {
        Entity e => new TNode(Values.LabelsOf(e).ToList(), Props(Values.PropertiesOf(e))),
        Relation r => new TRel(r.Type.Name, Props(r.Qualifiers)),
        GraphPath path => PathOf(path),
        TemporalValue t => t.ToString(),
        ImmutableArray<object?> list => list.Select(FromActual).ToList(),
        ImmutableSortedDictionary<string, object?> map => new SortedDictionary<string, object?>(map.ToDictionary(p => p.Key, p => FromActual(p.Value)), StringComparer.Ordinal),
        _ => v,
    };

    private static TPath PathOf(GraphPath path)
    {
        var parts = new List<object> { FromActual(path.Entities[0])! };
        for (int i = 0; i < path.Steps.Length; i++)
        {
            parts.Add(path.Steps[i].Forward ? "->" : "<-");
            parts.Add(FromActual(path.Steps[i].Relation)!);
            parts.Add(FromActual(path.Entities[i + 1])!);
        }

        return new TPath(parts);
    }

    private static SortedDictionary<string, object?> Props(IEnumerable<KeyValuePair<string, PropertyValue>> props)
    {
        var d = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in props)
        {
            d[p.Key] = FromProperty(p.Value);
        }

        return d;
    }

    private static object? FromProperty(PropertyValue p) => p.Kind switch
    {
        PropertyValueKind.List => p.AsList.Select(FromProperty).ToList(),
        PropertyValueKind.Temporal => p.AsTemporal.ToString(),
        _ => p.ToObject(),
    };

    private static string Canonical(object? v, bool sortLists)
    {
        var sb = new StringBuilder();
        Write(sb, v, sortLists);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? v, bool sortLists)
    {
        switch (v)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Inf" : double.IsNegativeInfinity(d) ? "-Inf" : "f" + d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case string s: sb.Append('\'').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\''); break;
            case List<object?> list:
                var items = list.Select(x => Canonical(x, sortLists)).ToList();
                if (sortLists)
                {
                    items.Sort(StringComparer.Ordinal);
                }

                sb.Append('[').Append(string.Join(", ", items)).Append(']');
                break;
            case SortedDictionary<string, object?> map:
                sb.Append('{').Append(string.Join(", ", map.Select(p => p.Key + ": " + Canonical(p.Value, sortLists)))).Append('}');
                break;
            case TNode n:
                sb.Append('(');
                foreach (var l in n.Labels.Order(StringComparer.Ordinal))
                {
                    sb.Append(':').Append(l);
                }

                if (n.Props.Count > 0)
                {
                    sb.Append(' ');
                    Write(sb, n.Props, sortLists);
                }

                sb.Append(')');
                break;
            case TRel r:
                sb.Append("[:").Append(r.Type);
                if (r.Props.Count > 0)
                {
                    sb.Append(' ');
                    Write(sb, r.Props, sortLists);
                }

                sb.Append(']');
                break;
            case TPath p:
                sb.Append('<');
                for (int i = 0; i < p.Parts.Count; i++)
                {
                    if (p.Parts[i] is string dir)
                    {
                        var rel = Canonical(p.Parts[i + 1], sortLists);
                        sb.Append(dir == "->" ? "-" + rel + "->" : "<-" + rel + "-");
                        i++;
                    }
                    else
                    {
                        Write(sb, p.Parts[i], sortLists);
                    }
                }

                sb.Append('>');
                break;
            default: sb.Append(v); break;
        }
    }

    private sealed class Reader(string text)
    {
        private int _i;

        public void End()
        {
            Skip();
            if (_i != text.Length)
            {
                throw new FormatException($"Unexpected text at {_i} in TCK value: {text}");
            }
        }

        private void Skip()
        {
            while (_i < text.Length && char.IsWhiteSpace(text[_i]))
            {
                _i++;
            }
        }

        private bool Eat(string s)
        {
            Skip();
            if (string.CompareOrdinal(text, _i, s, 0, s.Length) == 0)
            {
                _i += s.Length;
                return true;
            }

            return false;
        }

        private void Expect(string s)
        {
            if (!Eat(s))
            {
                throw new FormatException($"Expected '{s}' at {_i} in TCK value: {text}");
            }
        }

        private string Name()
        {
            Skip();
            if (_i < text.Length && text[_i] == '`')
            {
                int close = text.IndexOf('`', _i + 1);
                string quoted = text[(_i + 1)..close];
                _i = close + 1;
                return quoted;
            }

            int start = _i;
            while (_i < text.Length && (char.IsLetterOrDigit(text[_i]) || text[_i] == '_'))
            {
                _i++;
            }

            return text[start.._i];
        }

        public object? Value()
        {
            Skip();
            if (_i >= text.Length)
            {
                throw new FormatException("Empty TCK value");
            }

            char c = text[_i];
            if (c == '\'')
            {
                return Str();
            }

            if (c == '[' && text.AsSpan(_i + 1).TrimStart().StartsWith(":"))
            {
                return Rel();
            }

            if (c == '[')
            {
                _i++;
                var list = new List<object?>();
                if (Eat("]"))
                {
                    return list;
                }

                do
                {
                    list.Add(Value());
                }
                while (Eat(","));
                Expect("]");
                return list;
            }

            if (c == '{')
            {
                return Map();
            }

            if (c == '(')
            {
                return Node();
            }

            if (c == '<')
            {
                _i++;
                var parts = new List<object> { Node() };
                while (!Eat(">"))
                {
                    if (Eat("<-"))
                    {
                        var r = Rel();
                        Expect("-");
                        parts.Add("<-");
                        parts.Add(r);
                    }
                    else
                    {
                        Expect("-");
                        var r = Rel();
                        Expect("->");
                        parts.Add("->");
                        parts.Add(r);
                    }

                    parts.Add(Node());
                }

                return new TPath(parts);
            }

            if (Eat("null"))
            {
                return null;
            }

            if (Eat("true"))
            {
                return true;
            }

            if (Eat("false"))
            {
                return false;
            }

            if (Eat("NaN"))
            {
                return double.NaN;
            }

            if (Eat("-Inf"))
            {
                return double.NegativeInfinity;
            }

            if (Eat("Inf"))
            {
                return double.PositiveInfinity;
            }

            int start = _i;
            if (text[_i] is '-' or '+')
            {
                _i++;
            }

            while (_i < text.Length && (char.IsAsciiDigit(text[_i]) || text[_i] is '.' or 'e' or 'E' || ((text[_i] is '-' or '+') && text[_i - 1] is 'e' or 'E')))
            {
                _i++;
            }

            string num = text[start.._i];
            if (num.Length > 0 && long.TryParse(num, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                return l;
            }

            if (num.Length > 0 && double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            {
                return d;
            }

            throw new FormatException($"Cannot read TCK value at {start}: {text}");
        }

        private string Str()
        {
            _i++;
            var sb = new StringBuilder();
            while (_i < text.Length && text[_i] != '\'')
            {
                if (text[_i] == '\\' && _i + 1 < text.Length)
                {
                    _i++;
                    sb.Append(text[_i] switch { 'n' => '\n', 't' => '\t', _ => text[_i] });
                    _i++;
                    continue;
                }

                sb.Append(text[_i++]);
            }

            _i++;
            return sb.ToString();
        }

        private SortedDictionary<string, object?> Map()
        {
            Expect("{");
            var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            if (Eat("}"))
            {
                return map;
            }

            do
            {
                string key = Name();
                Expect(":");
                map[key] = Value();
            }
            while (Eat(","));
            Expect("}");
            return map;
        }

        private TNode Node()
        {
            Expect("(");
            var labels = new List<string>();
            while (Eat(":"))
            {
                labels.Add(Name());
            }

            Skip();
            var props = _i < text.Length && text[_i] == '{' ? Map() : new SortedDictionary<string, object?>(StringComparer.Ordinal);
            Expect(")");
            return new TNode(labels, props);
        }

        private TRel Rel()
        {
            Expect("[");
            Expect(":");
            string type = Name();
            Skip();
            var props = _i < text.Length && text[_i] == '{' ? Map() : new SortedDictionary<string, object?>(StringComparer.Ordinal);
            Expect("]");
            return new TRel(type, props);
        }
    }

    /// <summary>Turns parsed parameter values into plain CLR values (maps as dictionaries).</summary>
    public static object? ToClr(object? v) => v switch
    {
        List<object?> list => list.Select(ToClr).ToList(),
        SortedDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => ToClr(p.Value), StringComparer.Ordinal),
        _ => v,
    };
}
