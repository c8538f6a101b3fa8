using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace KnowledgeGraph.IO.Csv;

/// <summary>
/// Reads a graph from a node file and an edge file, comma- or tab-separated, streaming: one
/// pooled buffer, fields parsed as spans, kinds, names and relation types interned, and the
/// compressed rows built straight from int arrays (no object per relation).
/// </summary>
/// <remarks>
/// <para>Two header styles are read, and may be mixed:</para>
/// <list type="bullet">
/// <item>plain: <c>id,kind,name,aliases,labels,…</c> for nodes and <c>source,type,target,…</c> for edges;</item>
/// <item>Neo4j admin-import: <c>id:ID</c> (or <c>:ID</c>), <c>:LABEL</c> (the kind, then extra labels), <c>name</c>,
/// <c>:START_ID</c>, <c>:TYPE</c>, <c>:END_ID</c>, <c>:IGNORE</c>.</item>
/// </list>
/// <para>Every other column is a property of the entity (node file) or a qualifier of the relation
/// (edge file). A column named <c>name:type</c> is typed: <c>int</c>/<c>long</c> read as integers,
/// <c>float</c>/<c>double</c> as numbers, <c>boolean</c> as true/false, <c>string</c> (and Neo4j's
/// temporal types) as text; <c>type[]</c> is a <c>;</c>-separated list. Aliases and labels are
/// <c>;</c>-separated too. An empty field means "no value". Only the id and kind (or <c>:LABEL</c>)
/// columns of nodes and the source, type and target columns of edges are required; without a name
/// column the id is the name.</para>
/// <para>Quoting follows RFC 4180 in both CSV and TSV: a field that starts with <c>"</c> may hold
/// the delimiter, line breaks and doubled quotes. Blank lines are skipped.</para>
/// <para>Errors: malformed input (bad header, wrong number of fields, bad typed value, bad quoting)
/// raises <see cref="GraphFormatException"/> with the file, line and column. Schema problems
/// follow <see cref="GraphBuilder"/>'s rules and raise <see cref="SchemaViolationException"/>
/// (each violation with file, line and column): a duplicate node id, a relation whose source or
/// target id is not in the node file (<see cref="SchemaViolationKind.UnknownEntity"/>; a lenient
/// read drops the relation), or one the schema rejects. A strict read stops after 1,000
/// violations. A failed read returns no graph.</para>
/// <para>What CSV does not carry: documents and evidence (use canonical JSON for those).</para>
/// </remarks>
/// <example><code>
/// Graph g = CsvGraphReader.Read("nodes.tsv", "edges.tsv", new GraphReadOptions { Schema = Schema.Open });
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class CsvGraphReader
{
    private const int MaxStrictViolations = 1000;

    /// <summary>The delimiter a file name implies: a tab for <c>.tsv</c> and <c>.tab</c> (also before <c>.gz</c>-less suffixes), else a comma.</summary>
    /// <param name="path">The file's path or name.</param>
    /// <returns><c>'\t'</c> or <c>','</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static char DelimiterFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = Path.GetExtension(path);
        return ext.Equals(".tsv", StringComparison.OrdinalIgnoreCase) || ext.Equals(".tab", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
    }

    /// <summary>Reads a graph from a node file and an edge file; the delimiter of each comes from its extension (see <see cref="DelimiterFor"/>).</summary>
    /// <param name="nodesPath">The node file.</param>
    /// <param name="edgesPath">The edge file.</param>
    /// <param name="options">Options; the defaults when null (the file names are used in messages).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="GraphFormatException">A file is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Graph Read(string nodesPath, string edgesPath, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodesPath);
        ArgumentNullException.ThrowIfNull(edgesPath);
        using var nodes = OpenRead(nodesPath);
        using var edges = OpenRead(edgesPath);
        return ReadCore(
            nodes,
            edges,
            DelimiterFor(nodesPath),
            DelimiterFor(edgesPath),
            Path.GetFileName(nodesPath),
            Path.GetFileName(edgesPath),
            options ?? GraphReadOptions.Default,
            cancellationToken);
    }

    /// <summary>Reads a graph from a node stream and an edge stream (UTF-8).</summary>
    /// <param name="nodes">The node stream; left open.</param>
    /// <param name="edges">The edge stream; left open.</param>
    /// <param name="delimiter">The field delimiter of both: <c>','</c> or <c>'\t'</c> (any character but a quote or line break).</param>
    /// <param name="options">Options; the defaults when null. <see cref="GraphReadOptions.SourceName"/> prefixes the names in messages.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A stream is null.</exception>
    /// <exception cref="ArgumentException">The delimiter is a quote or a line break.</exception>
    /// <exception cref="GraphFormatException">The input is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Graph Read(Stream nodes, Stream edges, char delimiter = ',', GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        if (delimiter is '"' or '\n' or '\r')
        {
            throw new ArgumentException($"The delimiter must not be a quote or a line break; found '{delimiter}'.", nameof(delimiter));
        }

        options ??= GraphReadOptions.Default;
        string prefix = options.SourceName ?? "<stream>";
        return ReadCore(nodes, edges, delimiter, delimiter, prefix + " nodes", prefix + " edges", options, cancellationToken);
    }

    /// <summary>Reads a graph from two files on a worker thread, as <see cref="Read(string, string, GraphReadOptions?, CancellationToken)"/>.</summary>
    /// <param name="nodesPath">The node file.</param>
    /// <param name="edgesPath">The edge file.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="GraphFormatException">A file is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Task<Graph> ReadAsync(string nodesPath, string edgesPath, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodesPath);
        ArgumentNullException.ThrowIfNull(edgesPath);
        return Task.Run(() => Read(nodesPath, edgesPath, options, cancellationToken), cancellationToken);
    }

    /// <summary>Reads a graph from two streams on a worker thread, as <see cref="Read(Stream, Stream, char, GraphReadOptions?, CancellationToken)"/>.</summary>
    /// <param name="nodes">The node stream; left open.</param>
    /// <param name="edges">The edge stream; left open.</param>
    /// <param name="delimiter">The field delimiter of both.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException">A stream is null.</exception>
    /// <exception cref="GraphFormatException">The input is malformed.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the read is not lenient.</exception>
    public static Task<Graph> ReadAsync(Stream nodes, Stream edges, char delimiter = ',', GraphReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        return Task.Run(() => Read(nodes, edges, delimiter, options, cancellationToken), cancellationToken);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);

    private static Graph ReadCore(
        Stream nodes,
        Stream edges,
        char nodeDelimiter,
        char edgeDelimiter,
        string nodeSource,
        string edgeSource,
        GraphReadOptions options,
        CancellationToken cancellationToken)
    {
        var loader = new Loader(options.Schema ?? Schema.Default, options.Lenient, cancellationToken);

        // Seekable input: count the lines first (a fast pass over bytes), so that the node index
        // and the edge arrays are allocated once at their final size and nothing is regrown.
        int nodeLines = CountLines(nodes);
        if (nodeLines > 0)
        {
            loader.ExpectNodes(nodeLines - 1);
        }

        using (var text = new StreamReader(nodes, Encoding.UTF8, true, 64 * 1024, leaveOpen: true))
        using (var reader = new CsvRecordReader(text, nodeDelimiter, nodeSource))
        {
            loader.ReadNodes(reader);
        }

        int edgeLines = CountLines(edges);
        using (var text = new StreamReader(edges, Encoding.UTF8, true, 64 * 1024, leaveOpen: true))
        using (var reader = new CsvRecordReader(text, edgeDelimiter, edgeSource))
        {
            loader.ReadEdges(reader, Math.Max(0, edgeLines - 1));
        }

        return loader.Build();

    }

    /// <summary>The number of lines of a seekable stream from its position (read, then seeked back); 0 when it cannot seek.</summary>
    private static int CountLines(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return 0;
        }

        long start = stream.Position;
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long lines = 0;
            int read;
            byte last = (byte)'\n';
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
            }

            if (last != (byte)'\n')
            {
                lines++;
            }

            return (int)Math.Min(lines, Array.MaxLength);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }

    private sealed class Loader(Schema schema, bool lenient, CancellationToken cancellationToken)
    {
        private readonly List<SchemaViolation> _violations = [];
        private Entity[] _entities = new Entity[16];
        private byte[] _entityKind = new byte[16];
        private int _entityCount;
        private readonly Dictionary<string, int> _idIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _kindCodes = new(StringComparer.Ordinal);
        private readonly List<EntityKind> _kinds = [];
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _typeCodes = new(StringComparer.Ordinal);
        private readonly List<TypeCheck> _typeChecks = [];
        private readonly List<string> _typeNames = [];
        private int[] _source = [];
        private int[] _type = [];
        private int[] _target = [];
        private PropertyMap?[]? _qualifiers;
        private int _edgeCount;

        public void ExpectNodes(int count)
        {
            _idIndex.EnsureCapacity(count);
            _entities = new Entity[Math.Max(count, 1)];
            _entityKind = new byte[Math.Max(count, 1)];
        }

        public void ReadNodes(CsvRecordReader reader)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!reader.Read())
            {
                throw new GraphFormatException("Missing header", new SourceLocation(reader.Source, 1, 1), "an empty file", "a header such as id,kind,name or id:ID,:LABEL,name");
            }

            var columns = CsvColumns.ParseHeader(reader, edges: false);
            int idColumn = CsvColumns.Find(columns, CsvColumnRole.Id);
            int kindColumn = CsvColumns.Find(columns, CsvColumnRole.Kind);
            int labelColumn = CsvColumns.Find(columns, CsvColumnRole.Labels);
            int nameColumn = CsvColumns.Find(columns, CsvColumnRole.Name);
            if (idColumn < 0 || (kindColumn < 0 && labelColumn < 0))
            {
                throw new GraphFormatException(
                    idColumn < 0 ? "Missing id column" : "Missing kind column",
                    new SourceLocation(reader.Source, reader.RecordLine, 1),
                    "'" + HeaderText(reader) + "'",
                    idColumn < 0 ? "a column named id or ending in :ID" : "a column named kind or :LABEL");
            }

            bool simple = columns.All(c => c.Role is CsvColumnRole.Id or CsvColumnRole.Kind or CsvColumnRole.Name or CsvColumnRole.Ignore);
#if NET9_0_OR_GREATER
            var kindLookup = _kindCodes.GetAlternateLookup<ReadOnlySpan<char>>();
#else
            var kindLookup = new SpanLookup<int>(_kindCodes);
#endif
#if NET9_0_OR_GREATER
            var nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
#else
            var nameLookup = new SpanLookup<string>(_names);
#endif
            int count = 0;
            while (reader.Read())
            {
                if ((++count & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                CheckFieldCount(reader, columns.Length);
                var idText = reader[idColumn];
                if (!EntityId.IsValid(idText.ToString()))
                {
                    throw new GraphFormatException("Invalid entity id", reader.Location(idColumn), "'" + idText.ToString() + "'", "non-empty text without control characters");
                }

                string id = new(idText);
                List<string>? extraLabels = null;
                ReadOnlySpan<char> kindText;
                int kindField;
                if (kindColumn >= 0)
                {
                    kindText = reader[kindColumn];
                    kindField = kindColumn;
                }
                else
                {
                    var all = CsvColumns.SplitList(reader[labelColumn]);
                    kindText = all.Count > 0 ? all[0] : [];
                    kindField = labelColumn;
                    if (all.Count > 1)
                    {
                        extraLabels = all.GetRange(1, all.Count - 1);
                    }
                }

                if (kindText.IsWhiteSpace())
                {
                    throw new GraphFormatException("Missing kind", reader.Location(kindField), "an empty field", "a kind such as Person");
                }

                if (!kindLookup.TryGetValue(kindText, out int kindCode))
                {
                    if (_kinds.Count == byte.MaxValue)
                    {
                        throw new GraphFormatException("Too many kinds", reader.Location(kindField), "'" + kindText.ToString() + "'", "at most 255 distinct kinds");
                    }

                    string kindName = new(kindText);
                    kindCode = _kinds.Count;
                    _kinds.Add(Create(reader, kindField, () => new EntityKind(kindName)));
                    _kindCodes.Add(kindName, kindCode);
                }

                string name;
                if (nameColumn < 0)
                {
                    name = id;
                }
                else if (!nameLookup.TryGetValue(reader[nameColumn], out name!))
                {
                    name = new string(reader[nameColumn]);
                    _names.Add(name, name);
                }

                Entity entity;
                var kind = _kinds[kindCode];
                if (simple)
                {
                    entity = Create(reader, idColumn, () => new Entity(new EntityId(id), kind, name));
                }
                else
                {
                    entity = ReadFullEntity(reader, columns, id, kind, name, extraLabels);
                }

                if (!_idIndex.TryAdd(id, _entityCount))
                {
                    _violations.Add(new SchemaViolation(SchemaViolationKind.DuplicateEntity, "an entity with this id was added before", reader.Location(idColumn), id));
                    CheckViolationLimit();
                    continue;
                }

                if (_entityCount == _entities.Length)
                {
                    Array.Resize(ref _entities, _entityCount * 2);
                    Array.Resize(ref _entityKind, _entityCount * 2);
                }

                _entities[_entityCount] = entity;
                _entityKind[_entityCount] = (byte)kindCode;
                _entityCount++;
            }

            _names.Clear();
            _names.TrimExcess();
        }

        public void ReadEdges(CsvRecordReader reader, int capacity)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!reader.Read())
            {
                throw new GraphFormatException("Missing header", new SourceLocation(reader.Source, 1, 1), "an empty file", "a header such as source,type,target or :START_ID,:TYPE,:END_ID");
            }

            var columns = CsvColumns.ParseHeader(reader, edges: true);
            int sourceColumn = CsvColumns.Find(columns, CsvColumnRole.Source);
            int typeColumn = CsvColumns.Find(columns, CsvColumnRole.Type);
            int targetColumn = CsvColumns.Find(columns, CsvColumnRole.Target);
            if (sourceColumn < 0 || typeColumn < 0 || targetColumn < 0)
            {
                string missing = sourceColumn < 0 ? "source" : typeColumn < 0 ? "type" : "target";
                string neo = sourceColumn < 0 ? ":START_ID" : typeColumn < 0 ? ":TYPE" : ":END_ID";
                throw new GraphFormatException(
                    $"Missing {missing} column",
                    new SourceLocation(reader.Source, reader.RecordLine, 1),
                    "'" + HeaderText(reader) + "'",
                    $"a column named {missing} or {neo}");
            }

            bool hasQualifiers = columns.Any(c => c.Role == CsvColumnRole.Property);
            capacity = Math.Max(capacity, 16);
            _source = new int[capacity];
            _type = new int[capacity];
            _target = new int[capacity];
#if NET9_0_OR_GREATER
            var idLookup = _idIndex.GetAlternateLookup<ReadOnlySpan<char>>();
#else
            var idLookup = new SpanLookup<int>(_idIndex);
#endif
#if NET9_0_OR_GREATER
            var typeLookup = _typeCodes.GetAlternateLookup<ReadOnlySpan<char>>();
#else
            var typeLookup = new SpanLookup<int>(_typeCodes);
#endif
            var kinds = _entityKind;
            int count = 0;
            while (reader.Read())
            {
                if ((++count & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                CheckFieldCount(reader, columns.Length);
                bool knownSource = idLookup.TryGetValue(reader[sourceColumn], out int s);
                bool knownTarget = idLookup.TryGetValue(reader[targetColumn], out int t);
                if (!typeLookup.TryGetValue(reader[typeColumn], out int code))
                {
                    code = AddType(reader, typeColumn);
                }

                var check = _typeChecks[code];
                if (!knownSource || !knownTarget || !check.Allows(kinds[s], kinds[t]))
                {
                    if (!Violations(reader, sourceColumn, typeColumn, targetColumn, knownSource, knownTarget, s, t, code))
                    {
                        continue;
                    }
                }

                if (_edgeCount == _source.Length)
                {
                    int size = (int)Math.Min(Array.MaxLength, _source.Length * 2L);
                    Array.Resize(ref _source, size);
                    Array.Resize(ref _type, size);
                    Array.Resize(ref _target, size);
                    if (_qualifiers is not null)
                    {
                        Array.Resize(ref _qualifiers, size);
                    }
                }

                if (hasQualifiers)
                {
                    var q = ReadProperties(reader, columns);
                    if (!q.IsEmpty)
                    {
                        _qualifiers ??= new PropertyMap?[_source.Length];
                        _qualifiers[_edgeCount] = q;
                    }
                }

                _source[_edgeCount] = s;
                _type[_edgeCount] = code;
                _target[_edgeCount] = t;
                _edgeCount++;
            }
        }

        public Graph Build()
        {
            if (_violations.Count > 0 && !lenient)
            {
                throw new SchemaViolationException(_violations);
            }

            return CsrGraphBuilder.Build(
                schema,
                _entities.Length == _entityCount ? _entities : _entities[.._entityCount],
                _idIndex,
                _source,
                _type,
                _target,
                _edgeCount,
                _typeNames,
                _qualifiers,
                [.. _violations]);
        }

        private static T Create<T>(CsvRecordReader reader, int field, Func<T> create)
        {
            try
            {
                return create();
            }
            catch (ArgumentException ex)
            {
                throw new GraphFormatException("Invalid value", reader.Location(field), "'" + reader.FieldString(field) + "'", ex.Message.TrimEnd('.') + " (" + ex.ParamName + ")", ex);
            }
        }

        private static void CheckFieldCount(CsvRecordReader reader, int expected)
        {
            if (reader.FieldCount == expected)
            {
                return;
            }

            var where = reader.FieldCount > expected ? reader.Location(expected) : reader.LocationAfterLastField();
            throw new GraphFormatException(
                "Wrong number of fields",
                where,
                reader.FieldCount.ToString(CultureInfo.InvariantCulture) + (reader.FieldCount == 1 ? " field" : " fields"),
                expected.ToString(CultureInfo.InvariantCulture) + " fields, as in the header");
        }

        private static string HeaderText(CsvRecordReader reader)
        {
            var parts = new string[reader.FieldCount];
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = reader.FieldString(i);
            }

            return string.Join(",", parts);
        }

        private static PropertyMap ReadProperties(CsvRecordReader reader, CsvColumn[] columns)
        {
            List<KeyValuePair<string, PropertyValue>>? pairs = null;
            for (int i = 0; i < columns.Length; i++)
            {
                if (columns[i].Role != CsvColumnRole.Property || reader[i].IsEmpty)
                {
                    continue;
                }

                pairs ??= [];
                pairs.Add(new(columns[i].Name, CsvColumns.ParseValue(reader, i, columns[i])));
            }

            return pairs is null ? PropertyMap.Empty : PropertyMap.Create(pairs);
        }

        private static Entity ReadFullEntity(CsvRecordReader reader, CsvColumn[] columns, string id, EntityKind kind, string name, List<string>? labels)
        {
            List<string>? aliases = null;
            for (int i = 0; i < columns.Length; i++)
            {
                if (columns[i].Role == CsvColumnRole.Aliases)
                {
                    aliases = CsvColumns.SplitList(reader[i]);
                }
                else if (columns[i].Role == CsvColumnRole.ExtraLabels)
                {
                    labels = [.. labels ?? [], .. CsvColumns.SplitList(reader[i])];
                }
            }

            var properties = ReadProperties(reader, columns);
            int field = CsvColumns.Find(columns, CsvColumnRole.Id);
            return Create(reader, field, () => new Entity(new EntityId(id), kind, name, aliases, properties, labels));
        }

        private int AddType(CsvRecordReader reader, int typeColumn)
        {
            var text = reader[typeColumn];
            if (text.IsWhiteSpace())
            {
                throw new GraphFormatException("Missing relation type", reader.Location(typeColumn), "an empty field", "a relation type such as ATTENDS");
            }

            string name = new(text);
            var type = Create(reader, typeColumn, () => new RelationType(name));
            int code = _typeNames.Count;
            _typeNames.Add(name);
            _typeCodes.Add(name, code);
            _typeChecks.Add(new TypeCheck(schema, type, _kinds));
            return code;
        }

        /// <summary>Records the violations of one relation.</summary>
        /// <returns>Whether the relation is kept (a lenient read keeps it unless an endpoint is unknown).</returns>
        private bool Violations(CsvRecordReader reader, int sourceColumn, int typeColumn, int targetColumn, bool knownSource, bool knownTarget, int s, int t, int code)
        {
            string sourceId = reader.FieldString(sourceColumn);
            string targetId = reader.FieldString(targetColumn);
            string typeName = _typeNames[code];
            string subject = $"({sourceId})-[{typeName}]->({targetId})";
            if (!knownSource)
            {
                _violations.Add(new SchemaViolation(SchemaViolationKind.UnknownEntity, $"unknown source entity '{sourceId}', expected the id of an entity in the graph", reader.Location(sourceColumn), subject));
            }

            if (!knownTarget)
            {
                _violations.Add(new SchemaViolation(SchemaViolationKind.UnknownEntity, $"unknown target entity '{targetId}', expected the id of an entity in the graph", reader.Location(targetColumn), subject));
            }

            var check = _typeChecks[code];
            if (check.Rule is null)
            {
                if (schema.IsClosed)
                {
                    string known = string.Join(", ", schema.Rules.Select(x => x.Type.Name));
                    _violations.Add(new SchemaViolation(SchemaViolationKind.UnknownRelationType, $"unknown relation type '{typeName}', expected one of {known}", reader.Location(typeColumn), subject));
                }
            }
            else
            {
                if (knownSource && !check.Rule.AllowsSource(_kinds[_entityKind[s]]))
                {
                    _violations.Add(new SchemaViolation(SchemaViolationKind.DomainMismatch, $"source '{sourceId}' is a {_kinds[_entityKind[s]]}, expected {RelationRule.Describe(check.Rule.Domain)}", reader.Location(sourceColumn), subject));
                }

                if (knownTarget && !check.Rule.AllowsTarget(_kinds[_entityKind[t]]))
                {
                    _violations.Add(new SchemaViolation(SchemaViolationKind.RangeMismatch, $"target '{targetId}' is a {_kinds[_entityKind[t]]}, expected {RelationRule.Describe(check.Rule.Range)}", reader.Location(targetColumn), subject));
                }
            }

            CheckViolationLimit();
            return knownSource && knownTarget;
        }

        private void CheckViolationLimit()
        {
            if (!lenient && _violations.Count >= MaxStrictViolations)
            {
                throw new SchemaViolationException(_violations);
            }
        }
    }

    /// <summary>The schema's verdict on a relation type for every (source kind, target kind) pair, computed once per type.</summary>
    private sealed class TypeCheck
    {
        private readonly bool[] _source;
        private readonly bool[] _target;

        public TypeCheck(Schema schema, RelationType type, List<EntityKind> kinds)
        {
            Rule = schema.GetRule(type);
            _source = new bool[kinds.Count];
            _target = new bool[kinds.Count];
            bool unknownInClosed = Rule is null && schema.IsClosed;
            for (int k = 0; k < kinds.Count; k++)
            {
                _source[k] = !unknownInClosed && (Rule is null || Rule.AllowsSource(kinds[k]));
                _target[k] = !unknownInClosed && (Rule is null || Rule.AllowsTarget(kinds[k]));
            }
        }

        public RelationRule? Rule { get; }

        public bool Allows(byte sourceKind, byte targetKind) => _source[sourceKind] && _target[targetKind];
    }
}
