using System.Text;
using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.IO.Sparql;

/// <summary>SPARQL text the endpoint writes: graph IRIs and <c>INSERT DATA</c> batches, with the N-Triples writer's term escaping.</summary>
internal static class SparqlText
{
    /// <summary><c>&lt;iri&gt;</c> for an absolute IRI with none of the characters SPARQL forbids in one; else an <see cref="ArgumentException"/>.</summary>
    public static string GraphIri(string? iri, string parameter)
    {
        ArgumentNullException.ThrowIfNull(iri, parameter);
        int colon = iri.IndexOf(':', StringComparison.Ordinal);
        bool scheme = colon > 0 && char.IsAsciiLetter(iri[0]) && iri.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") < 0;
        int bad = iri.AsSpan().IndexOfAny("<>\"{}|^`\\ \t\r\n");
        if (!scheme || colon == iri.Length - 1 || bad >= 0 || iri.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0)
        {
            string why = !scheme || colon == iri.Length - 1 ? "an absolute IRI such as https://example.org/graph" : $"no '{iri[bad]}' (SPARQL forbids it in an IRI)";
            throw new ArgumentException($"A named graph needs {why}; found '{iri}'.", parameter);
        }

        return "<" + iri + ">";
    }

    /// <summary>
    /// The Graph Store HTTP Protocol address of a named graph: <paramref name="endpoint"/> with <c>graph=</c> and the
    /// IRI, percent-encoded, added to its query (indirect graph identification, SPARQL 1.1 Graph Store §4.2).
    /// </summary>
    public static Uri GraphStoreTarget(Uri endpoint, string graphIri)
    {
        var builder = new UriBuilder(endpoint);
        string query = builder.Query.TrimStart('?');
        builder.Query = (query.Length == 0 ? string.Empty : query + "&") + "graph=" + Uri.EscapeDataString(graphIri);
        return builder.Uri;
    }

    /// <summary>Writes the triples in [start, end) as N-Triples lines into <paramref name="sb"/> (cleared first).</summary>
    public static void NTriples(StringBuilder sb, List<Triple> triples, int start, int end)
    {
        sb.Clear();
        for (int i = start; i < end; i++)
        {
            RdfText.AppendStatement(sb, triples[i]);
        }
    }

    /// <summary>Writes <c>INSERT DATA { GRAPH &lt;g&gt; { … } }</c> for the triples in [start, end) into <paramref name="sb"/> (cleared first).</summary>
    public static void InsertData(StringBuilder sb, string graph, List<Triple> triples, int start, int end)
    {
        sb.Clear();
        sb.Append("INSERT DATA {\n  GRAPH ").Append(graph).Append(" {\n");
        for (int i = start; i < end; i++)
        {
            var t = triples[i];
            sb.Append("    ");
            RdfText.AppendStatement(sb, t);
        }

        sb.Append("  }\n}\n");
    }
}
