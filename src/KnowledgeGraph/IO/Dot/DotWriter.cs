using System.Text;

namespace KnowledgeGraph.IO.Dot;

/// <summary>
/// Writes a Graphviz DOT digraph (render with <c>dot -Tsvg graph.dot -o graph.svg</c>): one node per entity
/// labelled with its name, shaped and coloured by kind (Person ellipse, Organization box, Country hexagon,
/// Event octagon, Place house, other kinds grey), one edge per relation labelled with its type.
/// </summary>
/// <remarks>
/// Every id and label is a double-quoted DOT string with <c>"</c> and <c>\</c> escaped, so Graphviz's label
/// escapes (<c>\N</c>, <c>\G</c>, …) never fire, and <c>&amp;</c> as <c>&amp;amp;</c>, so Graphviz's entity
/// references (<c>&amp;lt;</c>, …) never fire either; line breaks in names become <c>\n</c>, other control
/// characters spaces. Nodes come in id order, edges in graph order, <c>\n</c> line ends, UTF-8 without BOM:
/// the same graph gives the same bytes.
/// </remarks>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class DotWriter
{
    /// <summary>Writes a graph as DOT to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static void Write(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Write(graph, stream, null, cancellationToken);

    internal static void Write(Graph graph, Stream stream, WriteProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        TextOutput.Write(stream, w =>
        {
            w.Write("digraph \"knowledge-graph\" {\n");
            w.Write("  graph [rankdir=\"LR\", charset=\"UTF-8\"];\n");
            w.Write("  node [style=\"filled\"];\n");
            w.Write("  edge [fontsize=\"10\"];\n");
            foreach (var e in graph.Entities)
            {
                progress?.Entity();
                var (shape, fill, stroke) = KindStyles.Of(e.Kind);
                w.Write("  ");
                w.Write(Quote(e.Id.Value));
                w.Write(" [label=");
                w.Write(Quote(e.Name.Length > 0 ? e.Name : e.Id.Value));
                w.Write(", shape=\"");
                w.Write(shape);
                w.Write("\", fillcolor=\"");
                w.Write(fill);
                w.Write("\", color=\"");
                w.Write(stroke);
                w.Write("\", tooltip=");
                w.Write(Quote(e.Kind.Name + " " + e.Id.Value));
                w.Write("];\n");
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var r in graph.Relations)
            {
                progress?.Relation();
                w.Write("  ");
                w.Write(Quote(r.Source.Value));
                w.Write(" -> ");
                w.Write(Quote(r.Target.Value));
                w.Write(" [label=");
                w.Write(Quote(r.Type.Name));
                w.Write("];\n");
            }

            w.Write("}\n");
        });
    }

    /// <summary>Writes a graph as DOT to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        GraphFormat.Dot.Write(graph, path, cancellationToken);

    /// <summary>The graph as DOT text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The DOT.</returns>
    public static string ToDot(Graph graph) => GraphFormat.Dot.WriteToString(graph);

    /// <summary>A double-quoted DOT string: <c>"</c>, <c>\</c> and <c>&amp;</c> escaped, line breaks as <c>\n</c>, other control characters as spaces.</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n' or '\u2028' or '\u2029': sb.Append("\\n"); break;
                default: sb.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return sb.Append('"').ToString();
    }
}
