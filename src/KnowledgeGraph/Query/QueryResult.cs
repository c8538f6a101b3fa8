using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Query;

/// <summary>
/// The result of a query: ordered column names and rows of typed values. A value is one of
/// <see langword="null"/>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="Entity"/> (a node), <see cref="Relation"/> (a relationship), <see cref="GraphPath"/> (a path),
/// <see cref="ImmutableArray{T}"/> of <see cref="object"/> (a list) or
/// <see cref="ImmutableSortedDictionary{TKey, TValue}"/> of string to object (a map).
/// </summary>
/// <example><code>
/// QueryResult r = graph.Query("MATCH (p:Person)-[:PRAISES]->(t) RETURN p.name, t.name ORDER BY p.name");
/// Console.WriteLine(r.ToTable());
/// foreach (QueryRow row in r) Console.WriteLine(row["p.name"]);
/// </code></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class QueryResult : IReadOnlyList<QueryRow>
{
    internal QueryResult(ImmutableArray<string> columns, ImmutableArray<QueryRow> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The column names, in order.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>The rows, in order.</summary>
    public ImmutableArray<QueryRow> Rows { get; }

    /// <summary>
    /// Warnings about the query, in the order of their place in it: labels, relationship types and
    /// property keys that the graph has none of, each with a "Did you mean" from the graph's own names.
    /// Empty when there is nothing to say.
    /// </summary>
    public ImmutableArray<QueryNotification> Notifications { get; internal set; } = [];

    /// <summary>The number of rows.</summary>
    public int Count => Rows.Length;

    /// <summary>A row by position.</summary>
    /// <param name="index">The 0-based row index.</param>
    /// <returns>The row.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public QueryRow this[int index] => Rows[index];

    /// <summary>Enumerates the rows.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<QueryRow> GetEnumerator() => ((IEnumerable<QueryRow>)Rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static QueryResult Create(Graph graph, List<string> columns, List<object?[]> rows)
    {
        var cols = columns.ToImmutableArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < cols.Length; i++)
        {
            index[cols[i]] = i;
        }

        var built = ImmutableArray.CreateBuilder<QueryRow>(rows.Count);
        foreach (var r in rows)
        {
            built.Add(new QueryRow(index, r.Select(v => ToPublic(v, graph)).ToImmutableArray()));
        }

        return new QueryResult(cols, built.MoveToImmutable());
    }

    internal static object? ToPublic(object? v, Graph graph) => v switch
    {
        NodeRef n => graph.EntityAt(n.Index),
        EdgeRef e => graph.GetRelation(e.Edge),
        PathValue p => new GraphPath(
            [.. p.Nodes.Select(graph.EntityAt)],
            [.. p.Edges.Select((e, i) => new PathStep(graph.GetRelation(e), graph.Topology.SourceOf(e) == p.Nodes[i]))]),
        List<object?> list => list.Select(x => ToPublic(x, graph)).ToImmutableArray(),
        Dictionary<string, object?> map => map.ToImmutableSortedDictionary(p => p.Key, p => ToPublic(p.Value, graph), StringComparer.Ordinal),
        _ => v,
    };

    /// <summary>The result as an aligned text table: a header, a rule, one line per row, and a row count.</summary>
    /// <returns>The table, with <c>\n</c> line ends.</returns>
    public string ToTable()
    {
        var cells = Rows.Select(r => r.Values.Select(v => Format(v, nested: false)).ToArray()).ToList();
        var widths = Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> values)
        {
            for (int i = 0; i < values.Count; i++)
            {
                sb.Append(i == 0 ? string.Empty : " | ").Append(i == values.Count - 1 ? values[i] : values[i].PadRight(widths[i]));
            }

            sb.Append('\n');
        }

        Line(Columns);
        sb.Append(string.Join("-+-", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var r in cells)
        {
            Line(r);
        }

        sb.Append(CultureInfo.InvariantCulture, $"({Rows.Length} {(Rows.Length == 1 ? "row" : "rows")})\n");
        return sb.ToString();
    }

    /// <summary>The result as an aligned text table (see <see cref="ToTable"/>).</summary>
    /// <returns>The table.</returns>
    public override string ToString() => ToTable();

    /// <summary>Writes the result as JSON: <c>{"columns": [...], "rows": [[...], ...]}</c>; nodes, relationships and paths become objects.</summary>
    /// <param name="output">The stream to write UTF-8 JSON to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public void WriteJson(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
#if NET9_0_OR_GREATER
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
#else
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
#endif
        w.WriteStartObject();
        w.WriteStartArray("columns");
        foreach (var c in Columns)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var r in Rows)
        {
            w.WriteStartArray();
            foreach (var v in r.Values)
            {
                WriteJsonValue(w, v);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The result as JSON (see <see cref="WriteJson"/>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        WriteJson(ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Writes the result as CSV (RFC 4180 quoting, <c>\n</c> line ends): a header line, then one line per row.</summary>
    /// <param name="output">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public void WriteCsv(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(",", Columns.Select(Quote)));
        output.Write('\n');
        foreach (var r in Rows)
        {
            output.Write(string.Join(",", r.Values.Select(v => v is null ? string.Empty : Quote(Format(v, nested: false)))));
            output.Write('\n');
        }
    }

    /// <summary>The result as CSV (see <see cref="WriteCsv"/>).</summary>
    /// <returns>The CSV text.</returns>
    public string ToCsv()
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(sw);
        return sw.ToString();
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    internal static string Format(object? v, bool nested) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Values.FormatFloat(d),
        string s => nested ? "'" + s.Replace("'", "\\'", StringComparison.Ordinal) + "'" : s,
        Entity e => e.Name.Length > 0 ? e.ToString() : "(" + e.Id.Value + ")",
        Relation r => r.ToString(),
        GraphPath p => string.Join(" ", p.Entities.Select(e => e.Id.Value)),
        ImmutableArray<object?> list => "[" + string.Join(", ", list.Select(x => Format(x, nested: true))) + "]",
        ImmutableSortedDictionary<string, object?> map => "{" + string.Join(", ", map.Select(p => p.Key + ": " + Format(p.Value, nested: true))) + "}",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static void WriteJsonValue(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double d: w.WriteStringValue(Values.FormatFloat(d)); break;
            case string s: w.WriteStringValue(s); break;
            case Entity e: WriteEntity(w, e); break;
            case Relation r: WriteRelation(w, r); break;
            case GraphPath path: WritePath(w, path); break;
            case ImmutableArray<object?> list:
                w.WriteStartArray();
                foreach (var x in list)
                {
                    WriteJsonValue(w, x);
                }

                w.WriteEndArray();
                break;
            case ImmutableSortedDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var p in map)
                {
                    w.WritePropertyName(p.Key);
                    WriteJsonValue(w, p.Value);
                }

                w.WriteEndObject();
                break;
            default:
                w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id.Value);
        w.WriteStartArray("labels");
        foreach (var l in Values.LabelsOf(e))
        {
            w.WriteStringValue(l);
        }

        w.WriteEndArray();
        WriteProperties(w, Values.PropertiesOf(e));
        w.WriteEndObject();
    }

    private static void WriteRelation(Utf8JsonWriter w, Relation r)
    {
        w.WriteStartObject();
        w.WriteString("source", r.Source.Value);
        w.WriteString("type", r.Type.Name);
        w.WriteString("target", r.Target.Value);
        WriteProperties(w, r.Qualifiers);
        w.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter w, GraphPath path)
    {
        w.WriteStartObject();
        w.WriteStartArray("nodes");
        foreach (var e in path.Entities)
        {
            w.WriteStringValue(e.Id.Value);
        }

        w.WriteEndArray();
        w.WriteStartArray("relationships");
        foreach (var s in path.Steps)
        {
            WriteRelation(w, s.Relation);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes a <c>"properties"</c> object, keys in ordinal order.</summary>
    private static void WriteProperties(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, PropertyValue>> properties)
    {
        w.WriteStartObject("properties");
        foreach (var p in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(p.Key);
            WriteJsonValue(w, ToPublicProperty(p.Value));
        }

        w.WriteEndObject();
    }

    private static object? ToPublicProperty(PropertyValue p) => p.Kind == PropertyValueKind.List
        ? p.AsList.Select(ToPublicProperty).ToImmutableArray()
        : p.ToObject();
}

/// <summary>One row of a <see cref="QueryResult"/>: values by position or by column name.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class QueryRow : IReadOnlyList<object?>
{
    private readonly Dictionary<string, int> _columns;

    internal QueryRow(Dictionary<string, int> columns, ImmutableArray<object?> values)
    {
        _columns = columns;
        Values = values;
    }

    /// <summary>The values, in column order.</summary>
    public ImmutableArray<object?> Values { get; }

    /// <summary>The number of values.</summary>
    public int Count => Values.Length;

    /// <summary>A value by position.</summary>
    /// <param name="index">The 0-based column index.</param>
    /// <returns>The value.</returns>
    public object? this[int index] => Values[index];

    /// <summary>A value by column name.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public object? this[string column] =>
        _columns.TryGetValue(column, out int i) ? Values[i] : throw new KeyNotFoundException($"No column named '{column}' in the result; columns: {string.Join(", ", _columns.Keys)}.");

    /// <summary>Enumerates the values.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)Values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The values separated by <c>|</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(" | ", Values.Select(v => QueryResult.Format(v, nested: false)));
}
