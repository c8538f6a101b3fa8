using System.Text.Json;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// Writes JSON-LD 1.1 with an inline schema.org context: a <c>@graph</c> of node objects, one per subject of the
/// triples <see cref="NTriplesWriter"/> writes (see <see cref="RdfMapping"/>), so a JSON-LD processor expands it
/// to exactly those triples. The context maps <c>schema</c> to <c>http://schema.org/</c> (the IRIs of the
/// schema.org context document), <c>kg</c> to the library vocabulary, and <c>rdf</c>, <c>xsd</c>; it is inline so
/// no processor has to fetch anything. Strings are plain JSON strings; typed literals are
/// <c>{"@value": "…", "@type": "xsd:…"}</c> with the same lexical form as in N-Triples.
/// </summary>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class JsonLdWriter
{
    /// <summary>Writes a graph as JSON-LD to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static void Write(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Write(graph, stream, null, cancellationToken);

    internal static void Write(Graph graph, Stream stream, WriteProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        var triples = RdfMapping.Triples(graph, cancellationToken, progress);
        using (var w = new Utf8JsonWriter(stream, JsonGraphWriter.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            foreach (var (prefix, ns) in RdfMapping.Prefixes)
            {
                w.WriteString(prefix, ns);
            }

            w.WriteEndObject();
            w.WriteStartArray("@graph");
            int i = 0;
            while (i < triples.Count)
            {
                string subject = triples[i].Subject;
                w.WriteStartObject();
                w.WriteString("@id", subject);
                while (i < triples.Count && triples[i].Subject == subject)
                {
                    string predicate = triples[i].Predicate;
                    bool isType = predicate == RdfMapping.RdfType;
                    w.WriteStartArray(isType ? "@type" : Name(predicate));
                    for (; i < triples.Count && triples[i].Subject == subject && triples[i].Predicate == predicate; i++)
                    {
                        WriteObject(w, triples[i], isType);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
                if (w.BytesPending > 64 * 1024)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    w.Flush();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes a graph as JSON-LD to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        GraphFormat.JsonLd.Write(graph, path, cancellationToken);

    /// <summary>The graph as JSON-LD text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The JSON-LD.</returns>
    public static string ToJsonLd(Graph graph) => GraphFormat.JsonLd.WriteToString(graph);

    private static string Name(string iri) => RdfText.Compact(iri) ?? iri;

    private static void WriteObject(Utf8JsonWriter w, Triple t, bool isType)
    {
        if (isType)
        {
            w.WriteStringValue(Name(t.Object));
        }
        else if (!t.IsLiteral)
        {
            w.WriteStartObject();
            w.WriteString("@id", t.Object);
            w.WriteEndObject();
        }
        else if (t.Datatype is null)
        {
            w.WriteStringValue(t.Object);
        }
        else
        {
            w.WriteStartObject();
            w.WriteString("@value", t.Object);
            w.WriteString("@type", Name(t.Datatype));
            w.WriteEndObject();
        }
    }
}
