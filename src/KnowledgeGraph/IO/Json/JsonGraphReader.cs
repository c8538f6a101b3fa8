using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.IO.Json;

/// <summary>
/// Reads the canonical JSON format (version 1) streaming, through <see cref="GraphBuilder"/>.
/// Malformed input raises <see cref="GraphFormatException"/> with the line, column and path;
/// schema problems (duplicate ids, unknown entities, kinds outside a relation's domain or range,
/// evidence that does not match its document) raise <see cref="SchemaViolationException"/>
/// listing each with where it was read. A failed read returns no graph.
/// </summary>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class JsonGraphReader
{
    /// <summary>The value of the <c>format</c> property.</summary>
    public const string FormatName = "knowledge-graph";

    /// <summary>The version this reader reads and the writer writes.</summary>
    public const int Version = 1;

    /// <summary>Reads a graph from a stream.</summary>
    /// <param name="stream">The stream, positioned at the start of the JSON.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The input is not a valid canonical JSON graph.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Graph Read(Stream stream, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= GraphReadOptions.Default;
        return ReadProgress.Track(stream, options, s => ReadCore(s, options, cancellationToken));
    }

    private static Graph ReadCore(Stream stream, GraphReadOptions options, CancellationToken cancellationToken)
    {
        using var tokens = new JsonTokenStream(stream, options.SourceName ?? "<stream>", options.MaxDepth, cancellationToken)
        {
            MaxStringLength = options.MaxStringLength,
        };
        var builder = new GraphBuilder(options.Schema);
        new Parser(tokens, builder, cancellationToken).ReadRoot();
        return builder.Build(new GraphBuildOptions { Lenient = options.Lenient });
    }

    /// <summary>Reads a graph from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Options; the defaults when null (the file name is used in messages).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The file is not a valid canonical JSON graph.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Graph Read(string path, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Read(stream, GraphReadOptions.WithSource(options, Path.GetFileName(path)), cancellationToken);
    }

    /// <summary>Reads a graph from a stream on a worker thread.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="options">Options.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The input is not a valid canonical JSON graph.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    public static Task<Graph> ReadAsync(Stream stream, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Task.Run(() => Read(stream, options, cancellationToken), cancellationToken);
    }

    /// <summary>Reads a graph from a file on a worker thread.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Options.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The file is not a valid canonical JSON graph.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    public static Task<Graph> ReadAsync(string path, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Task.Run(() => Read(path, options, cancellationToken), cancellationToken);
    }

    /// <summary>Parses a graph from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Options.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The text is not a valid canonical JSON graph.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    public static Graph Parse(string json, GraphReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Read(stream, GraphReadOptions.WithSource(options, "<string>"));
    }

    private sealed class Parser(JsonTokenStream tokens, GraphBuilder builder, CancellationToken cancellationToken)
    {
        /// <summary>The error for valid JSON that is not a graph: a root that is no object, or an object with other keys.</summary>
        private const string NotAGraph = "Not a knowledge-graph document";

        private static readonly string[] RootKeys = ["format", "version", "documents", "entities", "relations"];
        private static readonly string[] DocumentKeys = ["id", "title", "text"];
        private static readonly string[] EntityKeys = ["id", "kind", "name", "labels", "aliases", "properties"];
        private static readonly string[] RelationKeys = ["source", "type", "target", "qualifiers", "evidence"];
        private static readonly string[] EvidenceKeys = ["document", "start", "length", "text"];

        public void ReadRoot()
        {
            Next("$");
            if (tokens.TokenType != JsonTokenType.StartObject)
            {
                throw Error(NotAGraph, "$", Found(), "a JSON object with \"format\": \"knowledge-graph\"");
            }

            var rootLocation = tokens.Location("$");
            bool sawFormat = false, sawVersion = false;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty("$", RootKeys, seen, out string key, sawFormat ? "Unknown property" : NotAGraph))
            {
                string path = "$." + key;
                switch (key)
                {
                    case "format":
                        string format = ReadString(path);
                        if (format != FormatName)
                        {
                            throw Error("Unknown format", path, Quote(format), $"\"{FormatName}\"");
                        }

                        sawFormat = true;
                        break;
                    case "version":
                        Next(path);
                        if (tokens.TokenType != JsonTokenType.Number || tokens.Text != "1")
                        {
                            throw Error("Unsupported format version", path, Found(), Version.ToString(CultureInfo.InvariantCulture));
                        }

                        sawVersion = true;
                        break;
                    case "documents":
                        ReadArray(path, ReadDocument);
                        break;
                    case "entities":
                        ReadArray(path, ReadEntity);
                        break;
                    default:
                        ReadArray(path, ReadRelation);
                        break;
                }
            }

            if (!sawFormat || !sawVersion)
            {
                throw new GraphFormatException(sawFormat ? "Missing property" : NotAGraph, rootLocation, "an object without " + (sawFormat ? "\"version\"" : "\"format\""), "\"format\": \"knowledge-graph\" and \"version\": 1");
            }

            if (tokens.Read())
            {
                throw Error("Unexpected content after the graph", "$", Found(), "the end of the input");
            }
        }

        private void ReadDocument(string path)
        {
            Expect(JsonTokenType.StartObject, path, "a document object");
            var origin = tokens.Location(path);
            string? id = null, title = null, text = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(path, DocumentKeys, seen, out string key))
            {
                string value = ReadString(path + "." + key);
                switch (key)
                {
                    case "id": id = value; break;
                    case "title": title = value; break;
                    default: text = value; break;
                }
            }

            Require(id is { Length: > 0 }, origin, "\"id\" (a non-empty string)");
            Require(text is not null, origin, "\"text\"");
            builder.AddDocument(new Document(id!, title ?? string.Empty, text!), origin);
        }

        private void ReadEntity(string path)
        {
            Expect(JsonTokenType.StartObject, path, "an entity object");
            var origin = tokens.Location(path);
            string? id = null, kind = null, name = null;
            ImmutableArray<string> labels = [], aliases = [];
            PropertyMap properties = PropertyMap.Empty;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(path, EntityKeys, seen, out string key))
            {
                string p = path + "." + key;
                switch (key)
                {
                    case "id": id = ReadString(p); CheckId(id, p); break;
                    case "kind": kind = ReadString(p); CheckLabel(kind, p, "an entity kind such as Person (no spaces)"); break;
                    case "name": name = ReadString(p); break;
                    case "labels": labels = ReadStrings(p, label => CheckLabel(label, p, "a label (no spaces)")); break;
                    case "aliases": aliases = ReadStrings(p, null); break;
                    default: properties = ReadProperties(p); break;
                }
            }

            Require(id is not null, origin, "\"id\"");
            Require(kind is not null, origin, "\"kind\"");
            Require(name is not null, origin, "\"name\"");
            foreach (var alias in aliases)
            {
                if (string.IsNullOrWhiteSpace(alias))
                {
                    throw new GraphFormatException("Empty alias", origin, "an empty alias", "non-empty aliases");
                }
            }

            builder.AddEntity(new Entity(id!, kind!, name!, aliases, properties, labels), origin);
        }

        private void ReadRelation(string path)
        {
            Expect(JsonTokenType.StartObject, path, "a relation object");
            var origin = tokens.Location(path);
            string? source = null, type = null, target = null;
            PropertyMap qualifiers = PropertyMap.Empty;
            var evidence = new List<Evidence>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(path, RelationKeys, seen, out string key))
            {
                string p = path + "." + key;
                switch (key)
                {
                    case "source": source = ReadString(p); CheckId(source, p); break;
                    case "target": target = ReadString(p); CheckId(target, p); break;
                    case "type": type = ReadString(p); CheckLabel(type, p, "a relation type such as ATTENDS (no spaces)"); break;
                    case "qualifiers": qualifiers = ReadProperties(p); break;
                    default: ReadArray(p, ep => evidence.Add(ReadEvidence(ep))); break;
                }
            }

            Require(source is not null, origin, "\"source\"");
            Require(type is not null, origin, "\"type\"");
            Require(target is not null, origin, "\"target\"");
            builder.AddRelation(new Relation(source!, type!, target!, qualifiers, evidence), origin);
        }

        private Evidence ReadEvidence(string path)
        {
            Expect(JsonTokenType.StartObject, path, "an evidence object");
            var origin = tokens.Location(path);
            string? document = null, text = null;
            int? start = null, length = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(path, EvidenceKeys, seen, out string key))
            {
                string p = path + "." + key;
                switch (key)
                {
                    case "document": document = ReadString(p); break;
                    case "text": text = ReadString(p); break;
                    case "start": start = ReadNonNegativeInt(p); break;
                    default: length = ReadNonNegativeInt(p); break;
                }
            }

            Require(document is not null, origin, "\"document\"");
            Require(start is not null, origin, "\"start\"");
            Require(length is not null, origin, "\"length\"");
            Require(text is not null, origin, "\"text\"");
            return new Evidence(document!, start!.Value, length!.Value, text!);
        }

        private PropertyMap ReadProperties(string path)
        {
            Next(path);
            Expect(JsonTokenType.StartObject, path, "an object of properties");
            var pairs = new List<KeyValuePair<string, PropertyValue>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(path, null, seen, out string key))
            {
                if (key.Length == 0)
                {
                    throw Error("Empty property name", path, "\"\"", "a non-empty name");
                }

                pairs.Add(KeyValuePair.Create(key, ReadValue(path + "." + key, allowList: true)));
            }

            return PropertyMap.Create(pairs);
        }

        private PropertyValue ReadValue(string path, bool allowList)
        {
            Next(path);
            switch (tokens.TokenType)
            {
                case JsonTokenType.String: return PropertyValue.From(tokens.Text);
                case JsonTokenType.True: return PropertyValue.From(true);
                case JsonTokenType.False: return PropertyValue.From(false);
                case JsonTokenType.Null: return PropertyValue.Null;
                case JsonTokenType.Number: return ParseNumber(path);
                case JsonTokenType.StartObject: return ReadTemporal(path);
                case JsonTokenType.StartArray when allowList:
                    var items = ImmutableArray.CreateBuilder<PropertyValue>();
                    int i = 0;
                    while (true)
                    {
                        string p = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                        Next(p);
                        if (tokens.TokenType == JsonTokenType.EndArray)
                        {
                            return PropertyValue.From(items.ToImmutable());
                        }

                        items.Add(CurrentScalar(p));
                        i++;
                    }

                default:
                    throw Error("Invalid property value", path, Found(), allowList ? "a string, number, boolean, null, temporal object or array of these" : "a string, number, boolean, null or temporal object");
            }
        }

        /// <summary>A temporal value, after its <c>{</c>: one key naming the kind, its ISO 8601 text, <c>}</c> (<c>{"date": "2026-02-12"}</c>).</summary>
        private PropertyValue ReadTemporal(string path)
        {
            const string Expected = "one key date, localtime, time, localdatetime, datetime or duration with its ISO 8601 text, such as {\"date\": \"2026-02-12\"}";
            var start = tokens.Location(path);
            Next(path);
            var kind = tokens.TokenType == JsonTokenType.PropertyName ? TemporalFormat.KindOf(tokens.Text!) : null;
            if (kind is null)
            {
                // The model holds no general objects: say so, naming the JSON kind and its first key.
                string found = tokens.TokenType == JsonTokenType.PropertyName
                    ? "an object with the key " + Quote(tokens.Text!)
                    : "an object with no keys";
                throw new GraphFormatException("Invalid property value", start, found, "a string, number, boolean, null, list, or a temporal value: an object of " + Expected);
            }

            string p = path + "." + tokens.Text;
            Next(p);
            if (tokens.TokenType != JsonTokenType.String)
            {
                throw Error("Invalid temporal value", p, Found(), "the ISO 8601 text of a " + tokens.Text);
            }

            string text = tokens.Text!;
            var value = KnowledgeGraph.Query.Temporal.TemporalText.TryParse(kind.Value, text)
                ?? throw Error("Invalid temporal value", p, Quote(text), "the ISO 8601 text of a " + TemporalFormat.KindName(kind.Value));
            Next(path);
            if (tokens.TokenType != JsonTokenType.EndObject)
            {
                throw Error("Invalid property value", path, Found(), Expected);
            }

            return PropertyValue.From(value);
        }

        private PropertyValue CurrentScalar(string path) => tokens.TokenType switch
        {
            JsonTokenType.String => PropertyValue.From(tokens.Text),
            JsonTokenType.True => PropertyValue.From(true),
            JsonTokenType.False => PropertyValue.From(false),
            JsonTokenType.Null => PropertyValue.Null,
            JsonTokenType.Number => ParseNumber(path),
            JsonTokenType.StartObject => ReadTemporal(path),
            _ => throw Error("Invalid list item", path, Found(), "a string, number, boolean, null or temporal object"),
        };

        private PropertyValue ParseNumber(string path)
        {
            string text = tokens.Text!;
            if (text.AsSpan().IndexOfAny(".eE") < 0)
            {
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                {
                    return PropertyValue.From(l);
                }

                throw Error("Integer out of range", path, text, "an integer between -9223372036854775808 and 9223372036854775807");
            }

            double d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d))
            {
                throw Error("Number out of range", path, text, "a finite 64-bit floating-point number");
            }

            return PropertyValue.From(d);
        }

        private int ReadNonNegativeInt(string path)
        {
            Next(path);
            if (tokens.TokenType == JsonTokenType.Number
                && int.TryParse(tokens.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            throw Error("Invalid number", path, Found(), "a non-negative integer");
        }

        private ImmutableArray<string> ReadStrings(string path, Action<string>? check)
        {
            var list = ImmutableArray.CreateBuilder<string>();
            ReadArray(path, p =>
            {
                Expect(JsonTokenType.String, p, "a string");
                check?.Invoke(tokens.Text!);
                list.Add(tokens.Text!);
            });
            return list.ToImmutable();
        }

        private void ReadArray(string path, Action<string> item)
        {
            Next(path);
            Expect(JsonTokenType.StartArray, path, "an array");
            for (int i = 0; ; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string p = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                Next(p);
                if (tokens.TokenType == JsonTokenType.EndArray)
                {
                    return;
                }

                item(p);
            }
        }

        private bool NextProperty(string path, string[]? allowed, HashSet<string> seen, out string key, string unknown = "Unknown property")
        {
            Next(path);
            if (tokens.TokenType == JsonTokenType.EndObject)
            {
                key = string.Empty;
                return false;
            }

            key = tokens.Text!;
            string p = path + "." + key;
            if (allowed is not null && Array.IndexOf(allowed, key) < 0)
            {
                throw Error(unknown, p, Quote(key), "one of " + string.Join(", ", allowed.Select(Quote)));
            }

            if (!seen.Add(key))
            {
                throw Error("Duplicate property", p, Quote(key), "each property once");
            }

            return true;
        }

        private string ReadString(string path)
        {
            Next(path);
            Expect(JsonTokenType.String, path, "a string");
            return tokens.Text!;
        }

        private void Next(string path)
        {
            if (!tokens.Read())
            {
                throw new GraphFormatException("Unexpected end of input", new SourceLocation(tokens.Source, tokens.TokenLine, tokens.TokenColumn, path), "the end of the input", "more JSON");
            }
        }

        private void Expect(JsonTokenType type, string path, string expected)
        {
            if (tokens.TokenType != type)
            {
                throw Error("Unexpected value", path, Found(), expected);
            }
        }

        private void CheckId(string id, string path)
        {
            if (!EntityId.IsValid(id))
            {
                throw Error("Invalid entity id", path, Quote(id), "non-empty text without control characters");
            }
        }

        private void CheckLabel(string label, string path, string expected)
        {
            if (!Names.IsValidLabel(label))
            {
                throw Error("Invalid name", path, Quote(label), expected);
            }
        }

        private static void Require(bool condition, SourceLocation origin, string expected)
        {
            if (!condition)
            {
                throw new GraphFormatException("Missing property", origin, null, expected);
            }
        }

        private GraphFormatException Error(string what, string path, string found, string expected) =>
            new(what, tokens.Location(path), found, expected);

        private string Found() => tokens.TokenType switch
        {
            JsonTokenType.String => "the string " + Quote(tokens.Text!),
            JsonTokenType.Number => "the number " + tokens.Text,
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.EndObject => "the end of an object",
            JsonTokenType.EndArray => "the end of an array",
            JsonTokenType.PropertyName => "the property " + Quote(tokens.Text!),
            _ => tokens.TokenType.ToString(),
        };

        private static string Quote(string text) => "'" + (text.Length > 40 ? text[..37] + "…" : text) + "'";
    }
}
