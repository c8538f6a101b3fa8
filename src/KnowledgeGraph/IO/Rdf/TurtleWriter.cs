using System.Text;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// Writes RDF 1.1 Turtle: the same triples as <see cref="NTriplesWriter"/> (see <see cref="RdfMapping"/>),
/// grouped by subject, with the prefixes <c>rdf:</c>, <c>xsd:</c>, <c>schema:</c> and <c>kg:</c> for plain-word
/// names and full <c>&lt;IRIs&gt;</c> otherwise. Literals are escaped as in N-Triples.
/// </summary>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class TurtleWriter
{
    /// <summary>Writes a graph as Turtle to a stream.</summary>
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
            foreach (var (prefix, ns) in RdfMapping.Prefixes)
            {
                w.Write("@prefix " + prefix + ": <" + ns + "> .\n");
            }

            var sb = new StringBuilder(256);
            for (int i = 0; i < triples.Count; i++)
            {
                var t = triples[i];
                sb.Clear();
                bool first = i == 0 || triples[i - 1].Subject != t.Subject;
                if (first)
                {
                    sb.Append('\n');
                    RdfText.AppendIri(sb, t.Subject);
                    sb.Append('\n');
                }

                sb.Append("    ");
                if (t.Predicate == RdfMapping.RdfType)
                {
                    sb.Append('a');
                }
                else
                {
                    RdfText.AppendTerm(sb, t.Predicate, RdfText.Compact);
                }

                sb.Append(' ');
                RdfText.AppendObject(sb, t, RdfText.Compact);
                bool last = i + 1 == triples.Count || triples[i + 1].Subject != t.Subject;
                sb.Append(last ? " .\n" : " ;\n");
                w.Write(sb);
            }
        });
    }

    /// <summary>Writes a graph as Turtle to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        GraphFormat.Turtle.Write(graph, path, cancellationToken);

    /// <summary>The graph as Turtle text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The Turtle.</returns>
    public static string ToTurtle(Graph graph) => GraphFormat.Turtle.WriteToString(graph);
}
