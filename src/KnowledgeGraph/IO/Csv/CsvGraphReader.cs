using System.Text;

namespace KnowledgeGraph.IO.Csv;

/// <summary>
/// Reads a graph from a node file and an edge file, comma- or tab-separated, streaming: one
/// pooled buffer, fields parsed as spans, kinds, names and relation types interned, and the
/// compressed rows built straight from int arrays (no object per relation).
/// </summary>
/// <remarks>
/// <para>Two header styles are read, and may be mixed:</para>
/// <list type="bullet">
/// <item>plain: <c>id,kind,name,aliases,labels,…</c> for nodes and <c>source,type,target,…</c> for edges;</item>
/// <item>Neo4j admin-import: <c>id:ID</c> (or <c>:ID</c>), <c>:LABEL</c> (the kind, then extra labels), <c>name</c>,
/// <c>:START_ID</c>, <c>:TYPE</c>, <c>:END_ID</c>, <c>:IGNORE</c>.</item>
/// </list>
/// <para>Every other column is a property of the entity (node file) or a qualifier of the relation
/// (edge file). A column named <c>name:type</c> is typed: <c>int</c>/<c>long</c> read as integers,
/// <c>float</c>/<c>double</c> as numbers, <c>boolean</c> as true/false, <c>string</c> (and Neo4j's
/// temporal types) as text; <c>type[]</c> is a <c>;</c>-separated list. Aliases and labels are
/// <c>;</c>-separated too. An empty field means "no value". Only the id and kind (or <c>:LABEL</c>)
/// columns of nodes and the source, type and target columns of edges are required; without a name
/// column the id is the name.</para>
/// <para>Quoting follows RFC 4180 in both CSV and TSV: a field that starts with <c>"</c> may hold
/// the delimiter, line breaks and doubled quotes. Blank lines are skipped.</para>
/// <para>Errors: malformed input (bad header, wrong number of fields, bad typed value, bad quoting)
/// raises <see cref="GraphFormatException"/> with the file, line and column. Schema problems
/// follow <see cref="GraphBuilder"/>'s rules and raise <see cref="SchemaViolationException"/>
/// (each violation with file, line and column): a duplicate node id, a relation whose source or
/// target id is not in the node file (<see cref="SchemaViolationKind.UnknownEntity"/>; a lenient
/// read drops the relation), or one the schema rejects. A strict read stops after 1,000
/// violations. A failed read returns no graph.</para>
/// <para>What CSV does not carry: documents and evidence (use canonical JSON for those).</para>
/// </remarks>
/// <example><code>
/// Graph g = CsvGraphReader.Read("nodes.tsv", "edges.tsv", new GraphReadOptions { Schema = Schema.Open });
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class CsvGraphReader
{
    /// <summary>The delimiter a file name implies: a tab for <c>.tsv</c> and <c>.tab</c> (also before <c>.gz</c>-less suffixes), else a comma.</summary>
    /// <param name="path">The file's path or name.</param>
    /// <returns><c>'\t'</c> or <c>','</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static char DelimiterFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = Path.GetExtension(path);
        return ext.Equals(".tsv", StringComparison.OrdinalIgnoreCase) || ext.Equals(".tab", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
    }

    /// <summary>Reads a graph from a node file and an edge file; the delimiter of each comes from its extension (see <see cref="DelimiterFor"/>).</summary>
    /// <param name="nodesPath">The node file.</param>
    /// <param name="edgesPath">The edge file.</param>
    /// <param name="options">Options; the defaults when null (the file names are used in messages).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="GraphFormatException">A file is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Graph Read(string nodesPath, string edgesPath, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodesPath);
        ArgumentNullException.ThrowIfNull(edgesPath);
        using var nodes = OpenRead(nodesPath);
        using var edges = OpenRead(edgesPath);
        return ReadCore(
            nodes,
            edges,
            DelimiterFor(nodesPath),
            DelimiterFor(edgesPath),
            Path.GetFileName(nodesPath),
            Path.GetFileName(edgesPath),
            options ?? GraphReadOptions.Default,
            cancellationToken);
    }

    /// <summary>Reads a graph from a node stream and an edge stream (UTF-8).</summary>
    /// <param name="nodes">The node stream; left open.</param>
    /// <param name="edges">The edge stream; left open.</param>
    /// <param name="delimiter">The field delimiter of both: <c>','</c> or <c>'\t'</c> (any character but a quote or line break).</param>
    /// <param name="options">Options; the defaults when null. <see cref="GraphReadOptions.SourceName"/> prefixes the names in messages.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A stream is null.</exception>
    /// <exception cref="ArgumentException">The delimiter is a quote or a line break.</exception>
    /// <exception cref="GraphFormatException">The input is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Graph Read(Stream nodes, Stream edges, char delimiter = ',', GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        if (delimiter is '"' or '\n' or '\r')
        {
            throw new ArgumentException($"The delimiter must not be a quote or a line break; found '{delimiter}'.", nameof(delimiter));
        }

        options ??= GraphReadOptions.Default;
        string prefix = options.SourceName ?? "<stream>";
        return ReadCore(nodes, edges, delimiter, delimiter, prefix + " nodes", prefix + " edges", options, cancellationToken);
    }

    /// <summary>Reads a graph from two files on a worker thread, as <see cref="Read(string, string, GraphReadOptions?, CancellationToken)"/>.</summary>
    /// <param name="nodesPath">The node file.</param>
    /// <param name="edgesPath">The edge file.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="GraphFormatException">A file is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Task<Graph> ReadAsync(string nodesPath, string edgesPath, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodesPath);
        ArgumentNullException.ThrowIfNull(edgesPath);
        return Task.Run(() => Read(nodesPath, edgesPath, options, cancellationToken), cancellationToken);
    }

    /// <summary>Reads a graph from two streams on a worker thread, as <see cref="Read(Stream, Stream, char, GraphReadOptions?, CancellationToken)"/>.</summary>
    /// <param name="nodes">The node stream; left open.</param>
    /// <param name="edges">The edge stream; left open.</param>
    /// <param name="delimiter">The field delimiter of both.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A stream is null.</exception>
    /// <exception cref="GraphFormatException">The input is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Task<Graph> ReadAsync(Stream nodes, Stream edges, char delimiter = ',', GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        return Task.Run(() => Read(nodes, edges, delimiter, options, cancellationToken), cancellationToken);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);

    private static Graph ReadCore(
        Stream nodes,
        Stream edges,
        char nodeDelimiter,
        char edgeDelimiter,
        string nodeSource,
        string edgeSource,
        GraphReadOptions options,
        CancellationToken cancellationToken)
    {
        var schema = options.Schema ?? Schema.Default;
        var progress = ReadProgress.For(options, nodes, edges);
        var violations = new CsvViolations(options.Lenient);
        var nodePass = new CsvNodePass(violations, cancellationToken);

        // Seekable input: count the lines first (a fast pass over bytes), so that the node index
        // and the edge arrays are allocated once at their final size and nothing is regrown.
        int nodeLines = CountLines(nodes);
        if (nodeLines > 0)
        {
            nodePass.Expect(nodeLines - 1);
        }

        using (var text = new StreamReader(progress?.Wrap(nodes) ?? nodes, Encoding.UTF8, true, 64 * 1024, leaveOpen: true))
        using (var reader = new CsvRecordReader(text, nodeDelimiter, nodeSource))
        {
            nodePass.Read(reader);
        }

        var edgePass = new CsvEdgePass(schema, nodePass, violations, cancellationToken);
        int edgeLines = CountLines(edges);
        using (var text = new StreamReader(progress?.Wrap(edges) ?? edges, Encoding.UTF8, true, 64 * 1024, leaveOpen: true))
        using (var reader = new CsvRecordReader(text, edgeDelimiter, edgeSource))
        {
            edgePass.Read(reader, Math.Max(0, edgeLines - 1));
        }

        var graph = Build(schema, nodePass, edgePass, violations);
        return progress?.Finish(graph) ?? graph;
    }

    /// <summary>The graph of the two passes; none when a strict read found violations.</summary>
    private static Graph Build(Schema schema, CsvNodePass nodes, CsvEdgePass edges, CsvViolations violations)
    {
        violations.ThrowIfStrict();
        return CsrGraphBuilder.Build(
            schema,
            nodes.Entities,
            nodes.IdIndex,
            edges.Sources,
            edges.Types,
            edges.Targets,
            edges.Count,
            edges.TypeNames,
            edges.Qualifiers,
            violations.ToImmutable());
    }

    /// <summary>The number of lines of a seekable stream from its position (read, then seeked back); 0 when it cannot seek.</summary>
    private static int CountLines(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return 0;
        }

        long start = stream.Position;
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long lines = 0;
            int read;
            byte last = (byte)'\n';
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
            }

            if (last != (byte)'\n')
            {
                lines++;
            }

            return (int)Math.Min(lines, Array.MaxLength);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }
}
