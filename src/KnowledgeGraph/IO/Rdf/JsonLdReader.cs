namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// Reads RDF JSON-LD (<c>.jsonld</c>), in the subset <see cref="JsonLdWriter"/> writes, into a graph, streaming: statements are parsed one at a time from a 64 Ki-character
/// window and mapped as <see cref="RdfMapping"/> documents under "Reading back", so the library's own exports read
/// back to the graph written and foreign RDF loads with kinds from <c>rdf:type</c> and relation types from
/// predicates. The subset: an inline <c>@context</c> of prefix and term IRIs and <c>@vocab</c>, then <c>@graph</c> (or
/// one node object, or an array of them); node objects with <c>@id</c> first (else blank), <c>@type</c>, and values
/// that are strings, numbers, booleans, <c>{"@id"}</c>, <c>{"@value", "@type"|"@language"}</c> or nested node objects.
/// Remote contexts, expanded term definitions, <c>@list</c>, <c>@reverse</c>, <c>@included</c> and named graphs raise
/// <see cref="GraphFormatException"/>; unmapped terms are dropped, as JSON-LD does.
/// </summary>
/// <remarks>
/// Malformed input raises <see cref="GraphFormatException"/> with the source, line and column; schema problems
/// follow <see cref="GraphBuilder"/>'s rules (<see cref="SchemaViolationException"/>). Read foreign RDF against
/// <see cref="Schema.Open"/>, whose relation types are free.
/// </remarks>
/// <example><code>
/// Graph g = JsonLdReader.Read("data.jsonld", new GraphReadOptions { Schema = Schema.Open });
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class JsonLdReader
{
    /// <summary>Reads a graph from a UTF-8 stream.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="options">Reader options (schema, leniency, source name, longest term); the defaults when null.</param>
    /// <param name="rdf">Class and predicate maps; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="GraphFormatException">The input is not valid JSON-LD.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Graph Read(Stream stream, GraphReadOptions? options = null, RdfReadOptions? rdf = null, CancellationToken cancellationToken = default) =>
        ReadCore(stream, options, rdf, cancellationToken);

    /// <summary>Reads a graph from a file; its name is used in messages.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Reader options; the defaults when null.</param>
    /// <param name="rdf">Class and predicate maps; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="GraphFormatException">The file is not valid JSON-LD.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Graph Read(string path, GraphReadOptions? options = null, RdfReadOptions? rdf = null, CancellationToken cancellationToken = default) =>
        ReadFile(path, options, rdf, cancellationToken);

    /// <summary>Reads a graph from JSON-LD text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">Reader options; the defaults when null.</param>
    /// <param name="rdf">Class and predicate maps; the defaults when null.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="GraphFormatException">The text is not valid JSON-LD.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Graph Parse(string text, GraphReadOptions? options = null, RdfReadOptions? rdf = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return ReadCore(stream, options, rdf, CancellationToken.None);
    }

    private static Graph ReadCore(Stream stream, GraphReadOptions? options, RdfReadOptions? rdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= GraphReadOptions.Default;
        return ReadProgress.Track(stream, options, s =>
        {
            using var parser = new JsonLdParser(s, options.SourceName ?? "<stream>", options, cancellationToken);
            return RdfGraphLoader.Load(parser, options, rdf, cancellationToken);
        });
    }

    private static Graph ReadFile(string path, GraphReadOptions? options, RdfReadOptions? rdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return ReadCore(stream, GraphReadOptions.WithSource(options, Path.GetFileName(path)), rdf, cancellationToken);
    }
}
