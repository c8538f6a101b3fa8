using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.IO.GraphML;

/// <summary>
/// Reads GraphML: the files <see cref="GraphMLWriter"/> writes (losslessly) and GraphML that other programs
/// wrote, such as NetworkX's <c>write_graphml</c>. The graph is built through <see cref="GraphBuilder"/>.
/// </summary>
/// <remarks>
/// <para>Files without this library's <c>format</c> marker are "foreign": each node becomes an entity with the
/// node id as its id, its kind from a <c>kind</c> attribute, else from a <c>label</c> attribute that is a valid
/// kind name (no spaces), else <see cref="DefaultKind"/>; its name from a <c>name</c> attribute, else the
/// <c>label</c> attribute when not used as the kind, else the id; every other attribute becomes a typed property
/// (GraphML <c>int</c>/<c>long</c> as integers, <c>float</c>/<c>double</c> as floats, <c>boolean</c>, <c>string</c>).
/// Each edge becomes a relation typed by its <c>type</c> attribute, else a <c>label</c> attribute that is a valid
/// type name, else <see cref="DefaultRelationType"/>, its other attributes qualifiers. Undirected edges are read
/// in the direction written. Foreign files are built against <see cref="Schema.Open"/> unless
/// <see cref="GraphReadOptions.Schema"/> is set; this library's files against <see cref="Schema.Default"/> unless set.</para>
/// <para>Security: DTDs are prohibited and no external resource is ever resolved, so entity-expansion
/// ("billion laughs") and external-entity (XXE) documents are refused with <see cref="GraphFormatException"/>.
/// yEd's graphics data (keys with <c>yfiles.type</c>) is skipped. Nested graphs, hyperedges and ports are not
/// supported and are reported.</para>
/// </remarks>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class GraphMLReader
{
    /// <summary>The kind given to a foreign node that names none: <c>Thing</c>.</summary>
    public const string DefaultKind = "Thing";

    /// <summary>The type given to a foreign edge that names none: <c>RELATED_TO</c>.</summary>
    public const string DefaultRelationType = "RELATED_TO";

    /// <summary>Reads a GraphML graph from a stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The input is not well-formed XML, has a DTD, or is not GraphML this reader understands; the message gives the line and column.</exception>
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
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1024,
            CloseInput = false,
        };
        string source = options.SourceName ?? "<stream>";
        long start = stream.CanSeek ? stream.Position : -1;
        using var reader = XmlReader.Create(stream, settings);
        var parser = new Parser(reader, source, options, cancellationToken);
        try
        {
            parser.ReadDocument();
        }
        catch (XmlException ex)
        {
            string what = ex.Message.Contains("DTD", StringComparison.Ordinal) ? "DTD not allowed" : "Malformed XML";
            var at = ex.LineNumber > 0 ? new SourceLocation(source, ex.LineNumber, ex.LinePosition)
                : FindDoctype(stream, start, source) ?? parser.Here();
            // XmlReader says "Root element is missing." for an empty file (or one of whitespace and comments only).
            string found = ex.Message.StartsWith("Root element is missing", StringComparison.Ordinal)
                ? "no root element (the file is empty)"
                : ex.Message;
            throw new GraphFormatException(what, at, found, "well-formed GraphML without a DTD", ex);
        }

        return parser.Build();
    }

    /// <summary>Reads a GraphML graph from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Options; the file name is used in messages unless they name a source.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The file is not GraphML this reader understands.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Graph Read(string path, GraphReadOptions? options = null, CancellationToken cancellationToken = default) =>
        GraphFormat.GraphML.Read(path, options, cancellationToken);

    /// <summary>Parses a GraphML graph from text.</summary>
    /// <param name="graphml">The GraphML text.</param>
    /// <param name="options">Options.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="GraphFormatException">The text is not GraphML this reader understands.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
    public static Graph Parse(string graphml, GraphReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graphml);
        options = GraphReadOptions.WithSource(options, "<string>");
        byte[] bytes;
        try
        {
            bytes = TextOutput.Utf8.GetBytes(graphml);
        }
        catch (System.Text.EncoderFallbackException ex)
        {
            // A lone surrogate: the text is not Unicode, so it is not XML either.
            int at = Math.Clamp(ex.Index, 0, graphml.Length);
            int line = 1 + graphml.AsSpan(0, at).Count('\n');
            int column = at - (graphml.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
            throw new GraphFormatException("Invalid text", new SourceLocation(options.SourceName!, line, column), "a lone UTF-16 surrogate", "Unicode text");
        }

        using var stream = new MemoryStream(bytes);
        return Read(stream, options);
    }

    /// <summary>
    /// The XML reader reports a prohibited DTD without a position; when the stream can seek, find the
    /// <c>&lt;!DOCTYPE</c> in the first megabyte to say where it is.
    /// </summary>
    private static SourceLocation? FindDoctype(Stream stream, long start, string source)
    {
        if (start < 0 || !stream.CanSeek)
        {
            return null;
        }

        stream.Position = start;
        using var text = new StreamReader(stream, TextOutput.Utf8, detectEncodingFromByteOrderMarks: true, 4096, leaveOpen: true);
        var buffer = new char[1024 * 1024];
        int length = text.ReadBlock(buffer, 0, buffer.Length);
        int index = buffer.AsSpan(0, length).IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        int line = 1, column = 1;
        for (int i = 0; i < index; i++)
        {
            if (buffer[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourceLocation(source, line, column);
    }

    private sealed record Key(string Id, string For, string Name, string Type, string? Default, bool IsMarkup);

    private sealed class Item(SourceLocation origin)
    {
        public SourceLocation Origin { get; } = origin;

        public string? Id { get; init; }

        public string? Source { get; init; }

        public string? Target { get; init; }

        public Dictionary<string, (Key Key, string Value, SourceLocation At)> Data { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Parser(XmlReader reader, string source, GraphReadOptions options, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, Key> _keys = new(StringComparer.Ordinal);
        private readonly List<Item> _nodes = [];
        private readonly List<Item> _edges = [];
        private Item? _graph;

        public void ReadDocument()
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "graphml")
            {
                throw Error("Not a GraphML document", "<" + reader.LocalName + ">", "a <graphml> root element");
            }

            if (reader.IsEmptyElement)
            {
                throw Error("Empty GraphML document", "<graphml/>", "a <graph> element");
            }

            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                ExpectElement("<key>, <graph> or <desc>");
                switch (reader.LocalName)
                {
                    case "key": ReadKey(); break;
                    case "graph" when _graph is null: ReadGraph(); break;
                    case "graph": throw Error("More than one graph", "a second <graph>", "a single <graph> element");
                    default: reader.Skip(); break;
                }
            }

            if (_graph is null)
            {
                throw Error("Missing graph", "</graphml>", "a <graph> element");
            }
        }

        public Graph Build()
        {
            bool ours = _graph!.Data.TryGetValue("format", out var marker) && marker.Value == GraphMLWriter.FormatMarker;
            var builder = new GraphBuilder(options.Schema ?? (ours ? Schema.Default : Schema.Open));
            if (ours && _graph.Data.TryGetValue("documents", out var docs))
            {
                var documents = JsonFragments.ParseDocuments(docs.Value, out string? error) ?? throw Bad(docs, error!);
                foreach (var d in documents)
                {
                    builder.AddDocument(d, docs.At);
                }
            }

            foreach (var node in _nodes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                builder.AddEntity(ours ? OwnEntity(node) : ForeignEntity(node), node.Origin);
            }

            foreach (var edge in _edges)
            {
                cancellationToken.ThrowIfCancellationRequested();
                builder.AddRelation(ours ? OwnRelation(edge) : ForeignRelation(edge), edge.Origin);
            }

            return builder.Build(new GraphBuildOptions { Lenient = options.Lenient });
        }

        private Entity OwnEntity(Item node)
        {
            var d = node.Data;
            string kind = d.TryGetValue("kind", out var k) ? Label(k, "an entity kind such as Person (no spaces)") : DefaultKind;
            string name = d.TryGetValue("name", out var n) ? n.Value : node.Id!;
            var aliases = d.TryGetValue("aliases", out var a) ? JsonFragments.ParseStrings(a.Value, out string? e1) ?? throw Bad(a, e1!) : [];
            var labels = d.TryGetValue("labels", out var l) ? JsonFragments.ParseStrings(l.Value, out string? e2) ?? throw Bad(l, e2!) : [];
            var properties = d.TryGetValue("properties", out var p) ? JsonFragments.ParseProperties(p.Value, out string? e3) ?? throw Bad(p, e3!) : PropertyMap.Empty;
            foreach (var alias in aliases)
            {
                if (string.IsNullOrWhiteSpace(alias))
                {
                    throw Bad(a, "non-empty aliases");
                }
            }

            foreach (var label in labels)
            {
                if (!Names.IsValidLabel(label))
                {
                    throw Bad(l, "labels without spaces");
                }
            }

            return new Entity(node.Id!, kind, name, aliases, properties, labels);
        }

        private Relation OwnRelation(Item edge)
        {
            var d = edge.Data;
            string type = d.TryGetValue("type", out var t) ? Label(t, "a relation type such as ATTENDS (no spaces)") : DefaultRelationType;
            var qualifiers = d.TryGetValue("qualifiers", out var q) ? JsonFragments.ParseProperties(q.Value, out string? e1) ?? throw Bad(q, e1!) : PropertyMap.Empty;
            var evidence = d.TryGetValue("evidence", out var ev) ? JsonFragments.ParseEvidence(ev.Value, out string? e2) ?? throw Bad(ev, e2!) : [];
            return new Relation(edge.Source!, type, edge.Target!, qualifiers, evidence);
        }

        private Entity ForeignEntity(Item node)
        {
            var d = node.Data;
            string? kind = null;
            bool labelIsKind = false;
            if (d.TryGetValue("kind", out var k) && Names.IsValidLabel(k.Value))
            {
                kind = k.Value;
            }
            else if (d.TryGetValue("label", out var l) && Names.IsValidLabel(l.Value))
            {
                kind = l.Value;
                labelIsKind = true;
            }

            string name = d.TryGetValue("name", out var n) ? n.Value
                : !labelIsKind && d.TryGetValue("label", out var l2) ? l2.Value
                : node.Id!;
            var properties = Typed(d.Values.Where(v =>
                !(v.Key.Name == "kind" && kind is not null)
                && v.Key.Name != "name"
                && !(v.Key.Name == "label" && (labelIsKind || !d.ContainsKey("name")))));
            return new Entity(node.Id!, kind ?? DefaultKind, name, null, properties);
        }

        private Relation ForeignRelation(Item edge)
        {
            var d = edge.Data;
            string? type = null;
            string? used = null;
            foreach (string attr in (string[])["type", "label"])
            {
                if (d.TryGetValue(attr, out var t) && Names.IsValidLabel(t.Value))
                {
                    type = t.Value;
                    used = attr;
                    break;
                }
            }

            var qualifiers = Typed(d.Values.Where(v => v.Key.Name != used));
            return new Relation(edge.Source!, type ?? DefaultRelationType, edge.Target!, qualifiers);
        }

        private PropertyMap Typed(IEnumerable<(Key Key, string Value, SourceLocation At)> values)
        {
            var pairs = new List<KeyValuePair<string, PropertyValue>>();
            foreach (var v in values.OrderBy(v => v.Key.Name, StringComparer.Ordinal))
            {
                pairs.Add(KeyValuePair.Create(v.Key.Name, Convert(v)));
            }

            return PropertyMap.Create(pairs);
        }

        private static PropertyValue Convert((Key Key, string Value, SourceLocation At) v)
        {
            string text = v.Value.Trim();
            switch (v.Key.Type)
            {
                case "boolean":
                    return text.ToLowerInvariant() switch
                    {
                        "true" or "1" => PropertyValue.From(true),
                        "false" or "0" => PropertyValue.From(false),
                        _ => throw Bad(v, "true or false"),
                    };
                case "int" or "long":
                    return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)
                        ? PropertyValue.From(l)
                        : throw Bad(v, "an integer");
                case "float" or "double":
                    double? d = text.ToLowerInvariant() switch
                    {
                        "inf" or "+inf" or "infinity" => double.PositiveInfinity,
                        "-inf" or "-infinity" => double.NegativeInfinity,
                        "nan" => double.NaN,
                        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null,
                    };
                    return d is null ? throw Bad(v, "a number") : PropertyValue.From(d.Value);
                default:
                    return PropertyValue.From(v.Value);
            }
        }

        private static string Label((Key Key, string Value, SourceLocation At) v, string expected) =>
            Names.IsValidLabel(v.Value) ? v.Value : throw Bad(v, expected);

        private static GraphFormatException Bad((Key Key, string Value, SourceLocation At) v, string expected) =>
            new("Invalid value of GraphML key '" + v.Key.Id + "'", v.At, "'" + (v.Value.Length > 40 ? v.Value[..37] + "…" : v.Value) + "'", expected);

        private void ReadKey()
        {
            var at = Here();
            string id = Attribute("id", required: true)!;
            string target = Attribute("for") ?? "all";
            string name = Attribute("attr.name") ?? id;
            string type = Attribute("attr.type") ?? "string";
            bool isMarkup = Attribute("yfiles.type") is not null;
            if (type is not ("string" or "boolean" or "int" or "long" or "float" or "double"))
            {
                throw Error("Unknown GraphML attribute type", "'" + type + "'", "boolean, int, long, float, double or string");
            }

            string? defaultValue = null;
            if (reader.IsEmptyElement)
            {
                reader.Read();
            }
            else
            {
                reader.Read();
                while (reader.NodeType != XmlNodeType.EndElement)
                {
                    ExpectElement("<default> or <desc>");
                    if (reader.LocalName == "default")
                    {
                        defaultValue = reader.ReadElementContentAsString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                reader.Read();
            }

            if (!_keys.TryAdd(id, new Key(id, target, name, type, defaultValue, isMarkup)))
            {
                throw new GraphFormatException("Duplicate GraphML key", at, "'" + id + "'", "each key id once");
            }
        }

        private void ReadGraph()
        {
            _graph = new Item(Here());
            if (Attribute("edgedefault") is string edgeDefault && edgeDefault is not ("directed" or "undirected"))
            {
                throw Error("Invalid edgedefault", "'" + edgeDefault + "'", "directed or undirected");
            }

            bool empty = reader.IsEmptyElement;
            reader.Read();
            if (empty)
            {
                return;
            }

            int count = 0;
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                if ((++count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                ExpectElement("<node>, <edge> or <data>");
                switch (reader.LocalName)
                {
                    case "node":
                        _nodes.Add(ReadItem("node", new Item(Here()) { Id = Id("id") }));
                        break;
                    case "edge":
                        _edges.Add(ReadItem("edge", new Item(Here()) { Source = Id("source"), Target = Id("target") }));
                        break;
                    case "data":
                        ReadData(_graph, "graph");
                        break;
                    case "hyperedge":
                        throw Error("Hyperedges are not supported", "<hyperedge>", "<node> and <edge> elements");
                    default:
                        reader.Skip();
                        break;
                }
            }

            reader.Read();
        }

        private Item ReadItem(string element, Item item)
        {
            foreach (var key in _keys.Values)
            {
                if (key.Default is not null && !key.IsMarkup && (key.For == element || key.For == "all"))
                {
                    item.Data[key.Id] = (key, key.Default, item.Origin);
                }
            }

            bool empty = reader.IsEmptyElement;
            reader.Read();
            if (empty)
            {
                return item;
            }

            while (reader.NodeType != XmlNodeType.EndElement)
            {
                ExpectElement("<data>");
                switch (reader.LocalName)
                {
                    case "data":
                        ReadData(item, element);
                        break;
                    case "graph":
                        throw Error("Nested graphs are not supported", "<graph> inside <" + element + ">", "<data> elements");
                    case "port":
                        throw Error("Ports are not supported", "<port>", "<data> elements");
                    default:
                        reader.Skip();
                        break;
                }
            }

            reader.Read();
            return item;
        }

        private void ReadData(Item item, string element)
        {
            var at = Here();
            string keyId = Attribute("key", required: true)!;
            if (!_keys.TryGetValue(keyId, out var key))
            {
                throw Error("Undeclared GraphML key", "'" + keyId + "'", "a key declared with <key id=\"" + keyId + "\">");
            }

            if (key.IsMarkup || (key.For != element && key.For != "all"))
            {
                // yEd's graphics (markup, not values) or a key for another element: not ours to read.
                reader.Skip();
                return;
            }

            string value;
            try
            {
                value = reader.ReadElementContentAsString();
            }
            catch (XmlException ex) when (ex.Message.Contains("element", StringComparison.OrdinalIgnoreCase) && !ex.Message.Contains("DTD", StringComparison.Ordinal))
            {
                throw new GraphFormatException("Unsupported GraphML data", at, "markup inside <data key=\"" + keyId + "\">", "text", ex);
            }

            if (value.Length > options.MaxStringLength)
            {
                throw new GraphFormatException("Value too long", at, value.Length.ToString(CultureInfo.InvariantCulture) + " characters", "at most " + options.MaxStringLength.ToString(CultureInfo.InvariantCulture));
            }

            item.Data[key.Name] = (key, value, at);
        }

        private string Id(string attribute)
        {
            string id = Attribute(attribute, required: true)!;
            if (!EntityId.IsValid(id))
            {
                throw Error("Invalid entity id", "'" + id + "'", "non-empty text without control characters");
            }

            return id;
        }

        private string? Attribute(string name, bool required = false)
        {
            string? value = reader.GetAttribute(name);
            if (value is null && required)
            {
                throw Error("Missing attribute", "<" + reader.LocalName + "> without " + name, "a '" + name + "' attribute");
            }

            return value;
        }

        private void ExpectElement(string expected)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw Error("Unexpected content", reader.NodeType == XmlNodeType.None ? "the end of the input" : reader.NodeType + " '" + reader.Value.Trim() + "'", expected);
            }
        }

        public SourceLocation Here() =>
            reader is IXmlLineInfo info && info.HasLineInfo()
                ? new SourceLocation(source, info.LineNumber, info.LinePosition)
                : new SourceLocation(source);

        private GraphFormatException Error(string what, string found, string expected) => new(what, Here(), found, expected);
    }
}
