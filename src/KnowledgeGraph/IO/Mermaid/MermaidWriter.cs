using System.Globalization;
using System.Text;

namespace KnowledgeGraph.IO.Mermaid;

/// <summary>
/// Writes a Mermaid flowchart (for notebooks, GitHub and docs): one node per entity labelled with its name and
/// styled by kind, one arrow per relation labelled with its type.
/// </summary>
/// <remarks>
/// <para>Node ids: Mermaid ids must be plain words, so each entity id is mapped by <see cref="NodeId"/> to
/// <c>n_</c> followed by the id with ASCII letters and digits kept, <c>_</c> doubled, <c>:</c> as <c>_c</c>,
/// <c>-</c> as <c>_h</c>, <c>.</c> as <c>_d</c> and any other character as <c>_u</c> plus six hex digits of
/// its code point: stable (it depends on the id alone), collision-free (it can be decoded), and never a
/// Mermaid keyword such as <c>end</c>.</para>
/// <para>Labels are double-quoted, with <c>"</c>, <c>#</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, backtick,
/// <c>|</c>, <c>\</c>, <c>%</c>, braces and brackets written as Mermaid entity codes (<c>#quot;</c>, <c>#35;</c>, …) and line
/// breaks as <c>&lt;br&gt;</c>, so any name is valid Mermaid and shows as written.</para>
/// </remarks>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class MermaidWriter
{
    /// <summary>Writes a graph as a Mermaid flowchart to a stream.</summary>
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
            w.Write("flowchart LR\n");
            foreach (var e in graph.Entities)
            {
                progress?.Entity();
                w.Write("  ");
                w.Write(NodeId(e.Id));
                w.Write("[\"");
                w.Write(Label(e.Name.Length > 0 ? e.Name : e.Id.Value));
                w.Write("\"]:::");
                w.Write(ClassName(e.Kind));
                w.Write('\n');
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var r in graph.Relations)
            {
                progress?.Relation();
                w.Write("  ");
                w.Write(NodeId(r.Source));
                w.Write(" -->|\"");
                w.Write(Label(r.Type.Name));
                w.Write("\"| ");
                w.Write(NodeId(r.Target));
                w.Write('\n');
            }

            foreach (var kind in graph.Kinds)
            {
                var (_, fill, stroke) = KindStyles.Of(kind);
                w.Write("  classDef ");
                w.Write(ClassName(kind));
                w.Write(" fill:");
                w.Write(fill);
                w.Write(",stroke:");
                w.Write(stroke);
                w.Write(",color:#111827\n");
            }
        });
    }

    /// <summary>Writes a graph as a Mermaid flowchart to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        GraphFormat.Mermaid.Write(graph, path, cancellationToken);

    /// <summary>The graph as Mermaid flowchart text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The Mermaid text.</returns>
    public static string ToMermaid(Graph graph) => GraphFormat.Mermaid.WriteToString(graph);

    /// <summary>The Mermaid node id of an entity: <c>person:mark-rutte</c> → <c>n_person_cmark_hrutte</c>.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>An id of ASCII letters, digits and underscores, different for every entity id.</returns>
    public static string NodeId(EntityId id) => "n_" + Encode(id.Value);

    private static string ClassName(EntityKind kind) => "k_" + Encode(kind.Name);

    private static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '_': sb.Append("__"); break;
                case ':': sb.Append("_c"); break;
                case '-': sb.Append("_h"); break;
                case '.': sb.Append("_d"); break;
                default:
                    int codePoint = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                        ? char.ConvertToUtf32(c, text[++i])
                        : c;
                    sb.Append("_u").Append(codePoint.ToString("X6", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Label(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"': sb.Append("#quot;"); break;
                case '#': sb.Append("#35;"); break;
                case '&': sb.Append("#amp;"); break;
                case '<': sb.Append("#lt;"); break;
                case '>': sb.Append("#gt;"); break;
                case '`': sb.Append("#96;"); break;
                case '|': sb.Append("#124;"); break;
                case '{': sb.Append("#123;"); break;
                case '}': sb.Append("#125;"); break;
                case '[': sb.Append("#91;"); break;
                case ']': sb.Append("#93;"); break;
                case '\\': sb.Append("#92;"); break;
                case '%': sb.Append("#37;"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n' or '\u2028' or '\u2029': sb.Append("<br>"); break;
                default: sb.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return sb.ToString();
    }
}
