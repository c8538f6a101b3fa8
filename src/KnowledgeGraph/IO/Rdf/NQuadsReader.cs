namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// Reads RDF N-Quads 1.1 (<c>.nq</c>) into a graph, streaming: statements are parsed one at a time from a 64 Ki-character
/// window and mapped as <see cref="RdfMapping"/> documents under "Reading back", so the library's own exports read
/// back to the graph written and foreign RDF loads with kinds from <c>rdf:type</c> and relation types from
/// predicates. One statement a line with an optional graph label; every graph is read into the one graph (graph labels are checked, then ignored).
/// </summary>
/// <remarks>
/// Malformed input raises <see cref="GraphFormatException"/> with the source, line and column; schema problems
/// follow <see cref="GraphBuilder"/>'s rules (<see cref="SchemaViolationException"/>). Read foreign RDF against
/// <see cref="Schema.Open"/>, whose relation types are free.
/// </remarks>
/// <example><code>
/// Graph g = NQuadsReader.Read("dump.nq", new GraphReadOptions { Schema = Schema.Open });
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class NQuadsReader
{
    /// <summary>Reads a graph from a UTF-8 stream.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="options">Reader options (schema, leniency, source name, longest term); the defaults when null.</param>
    /// <param name="rdf">Class and predicate maps; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="GraphFormatException">The input is not valid N-Quads 1.1.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Graph Read(Stream stream, GraphReadOptions? options = null, RdfReadOptions? rdf = null, CancellationToken cancellationToken = default) =>
        RdfReading.Read(Syntax, stream, options, rdf, cancellationToken);

    /// <summary>Reads a graph from a file; its name is used in messages.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Reader options; the defaults when null.</param>
    /// <param name="rdf">Class and predicate maps; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="GraphFormatException">The file is not valid N-Quads 1.1.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Graph Read(string path, GraphReadOptions? options = null, RdfReadOptions? rdf = null, CancellationToken cancellationToken = default) =>
        RdfReading.ReadFile(Syntax, path, options, rdf, cancellationToken);

    /// <summary>Reads a graph from N-Quads 1.1 text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">Reader options; the defaults when null.</param>
    /// <param name="rdf">Class and predicate maps; the defaults when null.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="GraphFormatException">The text is not valid N-Quads 1.1.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Graph Parse(string text, GraphReadOptions? options = null, RdfReadOptions? rdf = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return RdfReading.Read(Syntax, reader, options, rdf, CancellationToken.None);
    }

    internal static RdfStatementReader Syntax(TextReader reader, string source, GraphReadOptions options, RdfReadOptions rdf) =>
        new NQuadsParser(reader, source, quads: true, options.MaxStringLength);
}
