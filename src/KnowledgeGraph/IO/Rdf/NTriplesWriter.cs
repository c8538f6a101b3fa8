using System.Text;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// Writes RDF 1.1 N-Triples (no RDF-star), one triple a line, sorted, each triple once, in the mapping that
/// <see cref="RdfMapping"/> documents. Literals are escaped as canonical N-Triples: <c>"</c>, <c>\</c>,
/// <c>\b \t \n \f \r</c>, other control characters as <c>\uXXXX</c>, the rest UTF-8. Load with
/// <c>rapper -i ntriples graph.nt</c>, Apache Jena <c>riot graph.nt</c>, or any RDF store's bulk loader.
/// </summary>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class NTriplesWriter
{
    /// <summary>Writes a graph as N-Triples to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static void Write(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Write(graph, stream, null, cancellationToken);

    internal static void Write(Graph graph, Stream stream, WriteProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var triples = RdfMapping.Triples(graph, cancellationToken, progress);
        TextOutput.Write(stream, w =>
        {
            var sb = new StringBuilder(256);
            foreach (var t in triples)
            {
                sb.Clear();
                RdfText.AppendStatement(sb, t);
                w.Write(sb);
            }
        });
    }

    /// <summary>Writes a graph as N-Triples to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        GraphFormat.NTriples.Write(graph, path, cancellationToken);

    /// <summary>The graph as N-Triples text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The N-Triples.</returns>
    public static string ToNTriples(Graph graph) => GraphFormat.NTriples.WriteToString(graph);
}
