using System.Text;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>The plumbing shared by the RDF readers: open the text, run the syntax layer, map into a graph.</summary>
internal static class RdfReading
{
    public delegate RdfStatementReader Syntax(TextReader reader, string source, GraphReadOptions options, RdfReadOptions rdf);

    public static Graph Read(Syntax syntax, Stream stream, GraphReadOptions? options, RdfReadOptions? rdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadProgress.Track(stream, options, s =>
        {
            using var text = new StreamReader(s, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true);
            return Read(syntax, text, options, rdf, cancellationToken);
        });
    }

    public static Graph Read(Syntax syntax, TextReader text, GraphReadOptions? options, RdfReadOptions? rdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= GraphReadOptions.Default;
        rdf ??= RdfReadOptions.Default;
        using var reader = syntax(text, options.SourceName ?? "<stream>", options, rdf);
        return RdfGraphLoader.Load(reader, options, rdf, cancellationToken);
    }

    public static Graph ReadFile(Syntax syntax, string path, GraphReadOptions? options, RdfReadOptions? rdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Read(syntax, stream, GraphReadOptions.WithSource(options, Path.GetFileName(path)), rdf, cancellationToken);
    }

    /// <summary>Every statement of a text, in order (for tests and tools; a document's whole statement list).</summary>
    public static List<RdfQuad> Statements(Syntax syntax, TextReader text, string source, GraphReadOptions? options = null, RdfReadOptions? rdf = null)
    {
        using var reader = syntax(text, source, options ?? GraphReadOptions.Default, rdf ?? RdfReadOptions.Default);
        var list = new List<RdfQuad>();
        while (reader.TryRead(out var q))
        {
            list.Add(q);
        }

        return list;
    }
}
