using System.Collections.Immutable;
using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.IO.Dot;
using KnowledgeGraph.IO.GraphML;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.IO.Mermaid;
using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.IO;

/// <summary>
/// A file format the library reads or writes, with its name and file extensions: the one entry point
/// that <c>Graph.Load(path)</c> and <c>graph.Save(path)</c> use.
/// The well-known instances are the only ones; pick one by name (<see cref="FromName"/>) or by a file's
/// extension (<see cref="FromPath"/>).
/// </summary>
/// <example><code>
/// Graph g = Graph.LoadSeed();
/// g.Save("seed.graphml");                                  // format from the extension
/// g.Save(Console.OpenStandardOutput(), GraphFormat.Turtle);
/// Graph back = Graph.Load("seed.graphml");
/// </code></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class GraphFormat
{
    private readonly Func<Stream, GraphReadOptions?, CancellationToken, Graph>? _read;
    private readonly Action<Graph, Stream, WriteProgress?, CancellationToken>? _write;
    private readonly Func<string, GraphReadOptions?, CancellationToken, Graph>? _readFile;
    private readonly Action<Graph, string, WriteProgress?, CancellationToken>? _writeFile;

    private GraphFormat(
        string name,
        string description,
        string[] extensions,
        Func<Stream, GraphReadOptions?, CancellationToken, Graph>? read,
        Action<Graph, Stream, WriteProgress?, CancellationToken>? write,
        Func<string, GraphReadOptions?, CancellationToken, Graph>? readFile = null,
        Action<Graph, string, WriteProgress?, CancellationToken>? writeFile = null)
    {
        Name = name;
        Description = description;
        Extensions = [.. extensions];
        _read = read;
        _write = write;
        _readFile = readFile;
        _writeFile = writeFile;
    }

    /// <summary>Canonical JSON (<c>.json</c>, <c>.kg.json</c>): lossless; read and written.</summary>
    public static GraphFormat Json { get; } = new(
        "json", "canonical JSON", [".json"], JsonGraphReader.Read, JsonGraphWriter.Write);

    /// <summary>GraphML (<c>.graphml</c>): for NetworkX, Gephi, yEd; lossless; read and written.</summary>
    public static GraphFormat GraphML { get; } = new(
        "graphml", "GraphML", [".graphml"], GraphMLReader.Read, GraphMLWriter.Write);

    /// <summary>Graphviz DOT (<c>.dot</c>, <c>.gv</c>): written only.</summary>
    public static GraphFormat Dot { get; } = new(
        "dot", "Graphviz DOT", [".dot", ".gv"], null, DotWriter.Write);

    /// <summary>Mermaid flowchart (<c>.mmd</c>, <c>.mermaid</c>): written only.</summary>
    public static GraphFormat Mermaid { get; } = new(
        "mermaid", "Mermaid flowchart", [".mmd", ".mermaid"], null, MermaidWriter.Write);

    /// <summary>RDF N-Triples (<c>.nt</c>): read (<see cref="NTriplesReader"/>) and written; see <see cref="RdfMapping"/> for the mapping both ways.</summary>
    public static GraphFormat NTriples { get; } = new(
        "ntriples", "RDF N-Triples", [".nt"], (s, o, ct) => NTriplesReader.Read(s, o, null, ct), NTriplesWriter.Write);

    /// <summary>RDF N-Quads (<c>.nq</c>): read only (<see cref="NQuadsReader"/>), every graph into one.</summary>
    public static GraphFormat NQuads { get; } = new(
        "nquads", "RDF N-Quads", [".nq"], (s, o, ct) => NQuadsReader.Read(s, o, null, ct), null);

    /// <summary>RDF Turtle (<c>.ttl</c>): read (<see cref="TurtleReader"/>) and written; see <see cref="RdfMapping"/> for the mapping both ways.</summary>
    public static GraphFormat Turtle { get; } = new(
        "turtle", "RDF Turtle", [".ttl"], (s, o, ct) => TurtleReader.Read(s, o, null, ct), TurtleWriter.Write,
        readFile: (path, o, ct) => TurtleReader.Read(path, o, null, ct));

    /// <summary>JSON-LD with a schema.org context (<c>.jsonld</c>): written, and read in the subset the writer uses (<see cref="JsonLdReader"/>).</summary>
    public static GraphFormat JsonLd { get; } = new(
        "jsonld", "JSON-LD (schema.org)", [".jsonld"], (s, o, ct) => JsonLdReader.Read(s, o, null, ct), JsonLdWriter.Write);

    /// <summary>
    /// A Cypher script of MERGE statements for Neo4j or Memgraph (<c>.cypher</c>, <c>.cql</c>): written, and read back
    /// by running it (<see cref="CypherScript"/> gives the mapping); a bad script raises
    /// <see cref="GraphFormatException"/> with the query exception inside.
    /// </summary>
    public static GraphFormat Cypher { get; } = new(
        "cypher", "Cypher script", [".cypher", ".cql"], CypherScript.Read, CypherWriter.Write);

    // ---- CSV ----------------------------------------------------------------------------
    // A CSV graph is two files (nodes and edges), so it is read and written by path, not through one
    // stream. One path names the pair: "graph.csv" (or "graph.nodes.csv", "graph.edges.csv") means
    // graph.nodes.csv + graph.edges.csv; "nodes.tsv" or "edges.tsv" means nodes.tsv + edges.tsv in
    // that folder. Tab-separated for .tsv, comma-separated otherwise.

    /// <summary>
    /// CSV/TSV node and edge files (<c>.csv</c>, <c>.tsv</c>), plain or Neo4j admin-import headers: one path names
    /// the pair (<c>graph.csv</c> → <c>graph.nodes.csv</c> and <c>graph.edges.csv</c>; <c>nodes.tsv</c> → <c>nodes.tsv</c> and
    /// <c>edges.tsv</c> beside it). Read and written by path only.
    /// </summary>
    public static GraphFormat Csv { get; } = new(
        "csv",
        "CSV/TSV node and edge files",
        [".csv", ".tsv"],
        read: null,
        write: null,
        readFile: (path, options, ct) => global::KnowledgeGraph.IO.Csv.CsvGraphReader.Read(CsvPair(path).Nodes, CsvPair(path).Edges, options, ct),
        writeFile: (graph, path, progress, ct) => global::KnowledgeGraph.IO.Csv.CsvGraphWriter.Write(graph, CsvPair(path).Nodes, CsvPair(path).Edges, null, progress));

    /// <summary>The node and edge files a CSV path names.</summary>
    /// <param name="path">A path such as <c>graph.csv</c>, <c>graph.nodes.tsv</c> or <c>data/nodes.tsv</c>.</param>
    /// <returns>The nodes file and the edges file.</returns>
    public static (string Nodes, string Edges) CsvPair(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string ext = Path.GetExtension(path);
        string dir = Path.GetDirectoryName(path) ?? string.Empty;
        string stem = Path.GetFileNameWithoutExtension(path);
        if (stem is "nodes" or "edges")
        {
            return (Path.Combine(dir, "nodes" + ext), Path.Combine(dir, "edges" + ext));
        }

        foreach (string suffix in new[] { ".nodes", ".edges" })
        {
            if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                stem = stem[..^suffix.Length];
                break;
            }
        }

        return (Path.Combine(dir, stem + ".nodes" + ext), Path.Combine(dir, stem + ".edges" + ext));
    }

    // ---- end of CSV ---------------------------------------------------------------------

    /// <summary>All formats, in a fixed order.</summary>
    public static ImmutableArray<GraphFormat> All { get; } = [Json, GraphML, Dot, Mermaid, NTriples, NQuads, Turtle, JsonLd, Cypher, Csv];

    /// <summary>The format's name as used on the command line: <c>json</c>, <c>graphml</c>, <c>dot</c>, …</summary>
    public string Name { get; }

    /// <summary>A short human description.</summary>
    public string Description { get; }

    /// <summary>The file extensions, lower case with the dot; the first is the one to use when writing.</summary>
    public ImmutableArray<string> Extensions { get; }

    /// <summary>Whether the library reads this format (from files, and from streams unless the format spans several files).</summary>
    public bool CanRead => _read is not null || _readFile is not null;

    /// <summary>Whether the library writes this format (to files, and to streams unless the format spans several files).</summary>
    public bool CanWrite => _write is not null || _writeFile is not null;

    /// <summary>The format with a name (case-insensitive; a leading dot or an extension is accepted too: <c>nt</c>, <c>ttl</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No format has that name.</exception>
    public static GraphFormat FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryFromName(name, out var format)
            ? format
            : throw new ArgumentException($"Unknown graph format '{name}'; expected one of {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));
    }

    /// <summary>Finds the format with a name (case-insensitive) or extension.</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format, when found.</param>
    /// <returns>Whether a format was found.</returns>
    public static bool TryFromName(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphFormat? format)
    {
        format = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        string key = name.Trim().ToLowerInvariant();
        string alias = key switch
        {
            "json-ld" => "jsonld",
            "n-triples" or "nt" => "ntriples",
            "n-quads" or "nq" => "nquads",
            "ttl" => "turtle",
            "gv" or "graphviz" => "dot",
            "tsv" => "csv",
            _ => key,
        };
        format = All.FirstOrDefault(f => f.Name == alias) ?? All.FirstOrDefault(f => f.Extensions.Contains(key.StartsWith('.') ? key : "." + key));
        return format is not null;
    }

    /// <summary>The format of a file, from its extension (case-insensitive).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension belongs to no format.</exception>
    public static GraphFormat FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryFromPath(path, out var format)
            ? format
            : throw new ArgumentException(
                $"Cannot tell the graph format of '{path}' from its extension; expected one of {string.Join(", ", All.SelectMany(f => f.Extensions))}, or name the format (such as GraphFormat.Json).",
                nameof(path));
    }

    /// <summary>Finds the format of a file from its extension (case-insensitive).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="format">The format, when found.</param>
    /// <returns>Whether a format was found.</returns>
    public static bool TryFromPath(string? path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphFormat? format)
    {
        format = null;
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        format = extension.Length == 0 ? null : All.FirstOrDefault(f => f.Extensions.Contains(extension));
        return format is not null;
    }

    /// <summary>Reads a graph in this format from a stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="options">Reader options; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="NotSupportedException">The library does not read this format (<see cref="CanRead"/> is false).</exception>
    /// <exception cref="GraphFormatException">The input is not valid in this format.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    public Graph Read(Stream stream, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return (_read ?? throw (_readFile is null ? NotReadable() : FilesOnly()))(stream, options, cancellationToken);
    }

    /// <summary>Reads a graph in this format from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Reader options; the file name is used in messages unless they name a source.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="NotSupportedException">The library does not read this format.</exception>
    /// <exception cref="GraphFormatException">The file is not valid in this format.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public Graph Read(string path, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_readFile is not null)
        {
            return _readFile(path, options, cancellationToken);
        }

        var read = _read ?? throw NotReadable();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return read(stream, GraphReadOptions.WithSource(options, Path.GetFileName(path)), cancellationToken);
    }

    /// <summary>Writes a graph in this format to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="NotSupportedException">The library does not write this format, or the graph holds a value the format cannot represent.</exception>
    public void Write(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Write(graph, stream, null, cancellationToken);

    /// <summary>Writes a graph to a stream, telling <paramref name="progress"/> how far it has come (see <see cref="GraphWriteProgress"/>).</summary>
    internal void Write(Graph graph, Stream stream, IProgress<GraphWriteProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        var write = _write ?? throw (_writeFile is null ? NotWritable() : FilesOnly());
        var counter = WriteProgress.For(progress, graph);
        write(graph, stream, counter, cancellationToken);
        counter?.Done();
    }

    /// <summary>Writes a graph in this format to a file atomically: a temporary file beside it, then a rename.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="NotSupportedException">The library does not write this format, or the graph holds a value the format cannot represent.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        Write(graph, path, null, cancellationToken);

    /// <summary>Writes a graph to a file atomically, telling <paramref name="progress"/> how far it has come; the last report comes when the file is in place.</summary>
    internal void Write(Graph graph, string path, IProgress<GraphWriteProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var counter = WriteProgress.For(progress, graph);
        if (_writeFile is not null)
        {
            _writeFile(graph, path, counter, cancellationToken);
        }
        else
        {
            var write = _write ?? throw NotWritable();
            AtomicFile.Write(path, s => write(graph, s, counter, cancellationToken));
        }

        counter?.Done();
    }

    /// <summary>The graph in this format as text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The text.</returns>
    /// <exception cref="NotSupportedException">The library does not write this format.</exception>
    public string WriteToString(Graph graph) => WriteToString(graph, null);

    /// <summary>The graph in this format as text, telling <paramref name="progress"/> how far the writing has come.</summary>
    internal string WriteToString(Graph graph, IProgress<GraphWriteProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _ = _write ?? throw (_writeFile is null ? NotWritable() : FilesOnly());
        return TextOutput.ToText(s => Write(graph, s, progress, CancellationToken.None));
    }

    /// <summary>The format's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private NotSupportedException NotReadable() => new(
        $"The {Description} format cannot be read; readable formats: {string.Join(", ", All.Where(f => f.CanRead).Select(f => f.Name))}.");

    private NotSupportedException FilesOnly() => new(
        $"The {Description} format spans several files; read and write it by path.");

    private NotSupportedException NotWritable() => new(
        $"The {Description} format cannot be written; writable formats: {string.Join(", ", All.Where(f => f.CanWrite).Select(f => f.Name))}.");
}
