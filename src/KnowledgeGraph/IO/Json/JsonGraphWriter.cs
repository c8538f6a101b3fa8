using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KnowledgeGraph.IO.Json;

/// <summary>
/// Writes the canonical JSON format (version 1): entities by id, relations by (source, type, target),
/// keys in a fixed order, two-space indent, <c>\n</c> line ends, UTF-8 without BOM. The same graph
/// always gives the same bytes.
/// </summary>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class JsonGraphWriter
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
#if NET9_0_OR_GREATER
        IndentSize = 2,
        IndentCharacter = ' ',
        NewLine = "\n",
#endif
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Writes a graph to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="NotSupportedException">A property holds NaN or an infinity, which JSON cannot represent.</exception>
    public static void Write(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Write(graph, stream, null, cancellationToken);

    internal static void Write(Graph graph, Stream stream, WriteProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
#if !NET9_0_OR_GREATER
        // Before .NET 9 the writer ends lines with Environment.NewLine; the canonical form wants '\n'.
        // A raw '\r' never occurs in the output otherwise (strings escape it), so dropping it is exact.
        if (Environment.NewLine != "\n")
        {
            stream = new CarriageReturnDroppingStream(stream);
        }
#endif
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", JsonGraphReader.FormatName);
            w.WriteNumber("version", JsonGraphReader.Version);
            WriteDocuments(w, "documents", graph.Documents);
            w.WriteStartArray("entities");
            foreach (var e in graph.Entities)
            {
                progress?.Entity();
                w.WriteStartObject();
                w.WriteString("id", e.Id.Value);
                w.WriteString("kind", e.Kind.Name);
                w.WriteString("name", e.Name);
                if (!e.Labels.IsEmpty)
                {
                    WriteStrings(w, "labels", e.Labels);
                }

                WriteStrings(w, "aliases", e.Aliases);
                WriteProperties(w, "properties", e.Properties);
                w.WriteEndObject();
                if (w.BytesPending > 64 * 1024)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    w.Flush();
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("relations");
            foreach (var r in graph.Relations)
            {
                progress?.Relation();
                w.WriteStartObject();
                w.WriteString("source", r.Source.Value);
                w.WriteString("type", r.Type.Name);
                w.WriteString("target", r.Target.Value);
                WriteProperties(w, "qualifiers", r.Qualifiers);
                WriteEvidence(w, "evidence", r.Evidence);
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

    /// <summary>Writes a graph to a file atomically: a temporary file beside it, then a rename, so a failure leaves any previous file intact.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        AtomicFile.Write(path, s => Write(graph, s, cancellationToken));
    }

    /// <summary>Writes a graph to a stream on a worker thread.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteAsync(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Task.Run(() => Write(graph, stream, cancellationToken), cancellationToken);

    /// <summary>Writes a graph to a file atomically on a worker thread.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteAsync(Graph graph, string path, CancellationToken cancellationToken = default) =>
        Task.Run(() => Write(graph, path, cancellationToken), cancellationToken);

    /// <summary>The graph as canonical JSON text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(Graph graph)
    {
        using var ms = new MemoryStream();
        Write(graph, ms);
        return System.Text.Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }

    internal static void WriteStrings(Utf8JsonWriter w, string? name, IEnumerable<string> items)
    {
        StartArray(w, name);

        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    private static void StartArray(Utf8JsonWriter w, string? name)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }
    }

    /// <summary>An array of documents as <c>{"id", "title", "text"}</c> objects, named or as a value.</summary>
    internal static void WriteDocuments(Utf8JsonWriter w, string? name, IEnumerable<Document> documents)
    {
        StartArray(w, name);

        foreach (var d in documents)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("title", d.Title);
            w.WriteString("text", d.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>An array of evidence as <c>{"document", "start", "length", "text"}</c> objects, named or as a value.</summary>
    internal static void WriteEvidence(Utf8JsonWriter w, string? name, IEnumerable<Evidence> evidence)
    {
        StartArray(w, name);

        foreach (var ev in evidence)
        {
            w.WriteStartObject();
            w.WriteString("document", ev.Document);
            w.WriteNumber("start", ev.Start);
            w.WriteNumber("length", ev.Length);
            w.WriteString("text", ev.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static void WriteProperties(Utf8JsonWriter w, string? name, PropertyMap properties)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        foreach (var (key, value) in properties)
        {
            w.WritePropertyName(key);
            WriteValue(w, value);
        }

        w.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter w, PropertyValue value)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Null: w.WriteNullValue(); break;
            case PropertyValueKind.Boolean: w.WriteBooleanValue(value.AsBoolean); break;
            case PropertyValueKind.Integer: w.WriteNumberValue(value.AsInteger); break;
            case PropertyValueKind.String: w.WriteStringValue(value.AsString); break;
            case PropertyValueKind.Float:
                double d = value.AsFloat;
                if (!double.IsFinite(d))
                {
                    throw new NotSupportedException($"JSON cannot represent the property value {d.ToString(CultureInfo.InvariantCulture)}.");
                }

                string text = d.ToString("R", CultureInfo.InvariantCulture);
                if (text.AsSpan().IndexOfAny(".eE") < 0)
                {
                    text += ".0";
                }

                w.WriteRawValue(text, skipInputValidation: true);
                break;
            case PropertyValueKind.Temporal:
                // A temporal value is an object of one key, the kind's Cypher name: {"date": "2026-02-12"}.
                w.WriteStartObject();
                w.WriteString(TemporalFormat.KindName(value.AsTemporal.Kind), value.AsTemporal.ToString());
                w.WriteEndObject();
                break;
            default:
                w.WriteStartArray();
                foreach (var item in value.AsList)
                {
                    WriteValue(w, item);
                }

                w.WriteEndArray();
                break;
        }
    }

#if !NET9_0_OR_GREATER
    private sealed class CarriageReturnDroppingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                int cr = buffer.IndexOf((byte)'\r');
                if (cr < 0)
                {
                    inner.Write(buffer);
                    return;
                }

                inner.Write(buffer[..cr]);
                buffer = buffer[(cr + 1)..];
            }
        }

        public override void WriteByte(byte value)
        {
            if (value != (byte)'\r')
            {
                inner.WriteByte(value);
            }
        }
    }
#endif
}
