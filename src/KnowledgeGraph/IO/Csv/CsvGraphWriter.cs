using System.Globalization;
using System.Text;

namespace KnowledgeGraph.IO.Csv;

/// <summary>
/// Writes a graph as a node file and an edge file, comma- or tab-separated, in either header
/// style (<see cref="CsvHeaderStyle"/>), readable by <see cref="CsvGraphReader"/>, by Python's
/// <c>csv</c> module and by Neo4j's <c>neo4j-admin database import</c>. The output is
/// deterministic: entities in id order, relations in (source, type, target) order, property
/// columns in ordinal order, <c>\n</c> line ends, invariant culture, RFC 4180 quoting (a field is
/// quoted when it holds the delimiter, a quote or a line break).
/// </summary>
/// <remarks>
/// Property and qualifier columns are typed when not text (<c>age:long</c>, <c>score:double</c>,
/// <c>active:boolean</c>, <c>tags:string[]</c>). What CSV does not carry: documents and evidence;
/// a property whose values have different kinds across entities (written as text); lists of
/// lists or of mixed kinds (written as text); list items, aliases and labels holding <c>;</c> (the
/// list separator); properties named <c>id</c>, <c>kind</c>, <c>name</c>, <c>aliases</c> or
/// <c>labels</c> (and qualifiers named <c>source</c>, <c>type</c> or <c>target</c>), which collide
/// with the fixed columns.
/// </remarks>
/// <example><code>
/// CsvGraphWriter.Write(graph, "nodes.csv", "relationships.csv", new CsvWriteOptions { HeaderStyle = CsvHeaderStyle.Neo4j });
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class CsvGraphWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the two files, each atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="nodesPath">The node file.</param>
    /// <param name="edgesPath">The edge file.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static void Write(Graph graph, string nodesPath, string edgesPath, CsvWriteOptions? options = null) =>
        Write(graph, nodesPath, edgesPath, options, null);

    internal static void Write(Graph graph, string nodesPath, string edgesPath, CsvWriteOptions? options, WriteProgress? progress)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodesPath);
        ArgumentNullException.ThrowIfNull(edgesPath);
        options ??= CsvWriteOptions.Default;
        AtomicFile.Write(nodesPath, s => WriteNodes(graph, s, options.Delimiter ?? CsvGraphReader.DelimiterFor(nodesPath), options.HeaderStyle, progress));
        AtomicFile.Write(edgesPath, s => WriteEdges(graph, s, options.Delimiter ?? CsvGraphReader.DelimiterFor(edgesPath), options.HeaderStyle, progress));
    }

    /// <summary>Writes the nodes and the edges to two streams (UTF-8, no byte order mark).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="nodes">The node stream; left open.</param>
    /// <param name="edges">The edge stream; left open.</param>
    /// <param name="options">Options; the defaults when null (a comma unless <see cref="CsvWriteOptions.Delimiter"/> is set).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Graph graph, Stream nodes, Stream edges, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        options ??= CsvWriteOptions.Default;
        WriteNodes(graph, nodes, options.Delimiter ?? ',', options.HeaderStyle, null);
        WriteEdges(graph, edges, options.Delimiter ?? ',', options.HeaderStyle, null);
    }

    /// <summary>Writes the two files on a worker thread.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="nodesPath">The node file.</param>
    /// <param name="edgesPath">The edge file.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the write before it starts.</param>
    /// <returns>A task that completes when both files are written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task WriteAsync(Graph graph, string nodesPath, string edgesPath, CsvWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Task.Run(() => Write(graph, nodesPath, edgesPath, options), cancellationToken);
    }

    private static void WriteNodes(Graph graph, Stream stream, char delimiter, CsvHeaderStyle style, WriteProgress? progress)
    {
        CheckDelimiter(delimiter);
        var columns = PropertyColumns(graph.Entities.Select(e => e.Properties));
        bool labels = style == CsvHeaderStyle.Plain && graph.Entities.Any(e => !e.Labels.IsEmpty);
        using var w = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        var row = new List<string>();
        row.AddRange(style == CsvHeaderStyle.Neo4j
            ? ["id:ID", ":LABEL", "name", "aliases:string[]"]
            : ["id", "kind", "name", "aliases"]);
        if (labels)
        {
            row.Add("labels");
        }

        row.AddRange(columns.Select(c => c.Header));
        WriteRow(w, row, delimiter);
        foreach (var e in graph.Entities)
        {
            progress?.Entity();
            row.Clear();
            row.Add(e.Id.Value);
            row.Add(style == CsvHeaderStyle.Neo4j ? string.Join(CsvColumns.ListSeparator, e.AllLabels) : e.Kind.Name);
            row.Add(e.Name);
            row.Add(string.Join(CsvColumns.ListSeparator, e.Aliases));
            if (labels)
            {
                row.Add(string.Join(CsvColumns.ListSeparator, e.Labels));
            }

            AddValues(row, columns, e.Properties);
            WriteRow(w, row, delimiter);
        }
    }

    private static void WriteEdges(Graph graph, Stream stream, char delimiter, CsvHeaderStyle style, WriteProgress? progress)
    {
        CheckDelimiter(delimiter);
        var t = graph.Topology;
        var columns = PropertyColumns(Enumerable.Range(0, t.EdgeCount).Select(graph.QualifiersAt));
        using var w = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        var row = new List<string>();
        row.AddRange(style == CsvHeaderStyle.Neo4j ? [":START_ID", ":TYPE", ":END_ID"] : ["source", "type", "target"]);
        row.AddRange(columns.Select(c => c.Header));
        WriteRow(w, row, delimiter);
        for (int e = 0, s = 0; e < t.EdgeCount; e++)
        {
            progress?.Relation();
            row.Clear();
            row.Add(graph.EntityAt(t.NextSource(ref s, e)).Id.Value);
            row.Add(graph.TypeAt(t.EdgeType[e]).Name);
            row.Add(graph.EntityAt(t.EdgeTarget[e]).Id.Value);
            if (columns.Count > 0)
            {
                AddValues(row, columns, graph.QualifiersAt(e));
            }

            WriteRow(w, row, delimiter);
        }
    }

    private static void CheckDelimiter(char delimiter)
    {
        if (delimiter is '"' or '\n' or '\r')
        {
            throw new ArgumentException($"The delimiter must not be a quote or a line break; found '{delimiter}'.", nameof(delimiter));
        }
    }

    private sealed record Column(string Key, string Header, string? Type);

    /// <summary>One column per property key, in ordinal order, typed when every value has the same non-text kind.</summary>
    private static List<Column> PropertyColumns(IEnumerable<PropertyMap> maps)
    {
        var kinds = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            foreach (var (key, value) in map)
            {
                if (value.IsNull)
                {
                    continue;
                }

                string? type = TypeOf(value);
                if (!kinds.TryGetValue(key, out var existing))
                {
                    kinds[key] = type;
                }
                else if (existing != type)
                {
                    kinds[key] = "string";
                }
            }
        }

        return [.. kinds.Select(p => new Column(
            p.Key,
            p.Value is null or "string" && !p.Key.Contains(':') ? p.Key : p.Key + ":" + (p.Value ?? "string"),
            p.Value))];
    }

    private static string? TypeOf(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Integer => "long",
        PropertyValueKind.Float => "double",
        PropertyValueKind.Boolean => "boolean",
        PropertyValueKind.List => ListType(value),
        PropertyValueKind.Temporal => TemporalFormat.KindName(value.AsTemporal.Kind),
        _ => "string",
    };

    private static string ListType(PropertyValue value)
    {
        var items = value.AsList;
        if (items.IsEmpty)
        {
            return "string[]";
        }

        string? first = TypeOf(items[0]);
        return first is "long" or "double" or "boolean" or "string" or "date" or "localtime" or "time" or "localdatetime" or "datetime" or "duration"
            && items.All(i => TypeOf(i) == first) ? first + "[]" : "string";
    }

    private static void AddValues(List<string> row, List<Column> columns, PropertyMap map)
    {
        foreach (var c in columns)
        {
            row.Add(map.TryGetValue(c.Key, out var v) ? Format(v, c.Type) : string.Empty);
        }
    }

    private static string Format(PropertyValue value, string? type)
    {
        if (value.IsNull)
        {
            return string.Empty;
        }

        if (type is not null && type.EndsWith("[]", StringComparison.Ordinal) && value.Kind == PropertyValueKind.List)
        {
            return string.Join(CsvColumns.ListSeparator, value.AsList.Select(i => Scalar(i)));
        }

        return type == "string" && value.Kind != PropertyValueKind.String ? value.ToString() : Scalar(value);
    }

    private static string Scalar(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Integer => value.AsInteger.ToString(CultureInfo.InvariantCulture),
        PropertyValueKind.Float => value.AsFloat.ToString("R", CultureInfo.InvariantCulture),
        PropertyValueKind.Boolean => value.AsBoolean ? "true" : "false",
        PropertyValueKind.String => value.AsString,
        PropertyValueKind.Null => string.Empty,
        _ => value.ToString(),
    };

    private static void WriteRow(StreamWriter w, List<string> fields, char delimiter)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                w.Write(delimiter);
            }

            string f = fields[i];
            if (f.AsSpan().IndexOfAny(delimiter, '"', '\n') >= 0 || f.Contains('\r'))
            {
                w.Write('"');
                w.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                w.Write('"');
            }
            else
            {
                w.Write(f);
            }
        }

        w.Write('\n');
    }
}
