namespace KnowledgeGraph.IO.Csv;

/// <summary>
/// The edge file of a CSV read: resolves each relation's ends through the node pass's id index, interns
/// relation types, checks each relation against the schema, and keeps the relations as int arrays.
/// </summary>
internal sealed class CsvEdgePass(Schema schema, CsvNodePass nodes, CsvViolations violations, CancellationToken cancellationToken)
{
    private readonly Dictionary<string, int> _typeCodes = new(StringComparer.Ordinal);
    private readonly List<CsvTypeCheck> _typeChecks = [];
    private int[] _source = [];
    private int[] _type = [];
    private int[] _target = [];
    private PropertyMap?[]? _qualifiers;

    /// <summary>The relation type names, in the order of their codes.</summary>
    public List<string> TypeNames { get; } = [];

    /// <summary>The source entity of each relation (the array may be longer than <see cref="Count"/>).</summary>
    public int[] Sources => _source;

    /// <summary>The type code of each relation.</summary>
    public int[] Types => _type;

    /// <summary>The target entity of each relation.</summary>
    public int[] Targets => _target;

    /// <summary>The qualifiers of each relation; null when no relation has any.</summary>
    public PropertyMap?[]? Qualifiers => _qualifiers;

    /// <summary>The number of relations kept.</summary>
    public int Count { get; private set; }

    public void Read(CsvRecordReader reader, int capacity)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var columns = CsvRecords.ReadHeader(reader, edges: true, "a header such as source,type,target or :START_ID,:TYPE,:END_ID");
        int sourceColumn = CsvColumns.Find(columns, CsvColumnRole.Source);
        int typeColumn = CsvColumns.Find(columns, CsvColumnRole.Type);
        int targetColumn = CsvColumns.Find(columns, CsvColumnRole.Target);
        CheckColumns(reader, sourceColumn, typeColumn, targetColumn);
        bool hasQualifiers = columns.Any(c => c.Role == CsvColumnRole.Property);
        capacity = Math.Max(capacity, 16);
        _source = new int[capacity];
        _type = new int[capacity];
        _target = new int[capacity];
#if NET9_0_OR_GREATER
        var typeLookup = _typeCodes.GetAlternateLookup<ReadOnlySpan<char>>();
#else
        var typeLookup = new SpanLookup<int>(_typeCodes);
#endif
        var idLookup = nodes.IdIndex;
        var kinds = nodes.EntityKinds;
        int count = 0;
        while (reader.Read())
        {
            if ((++count & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            CsvRecords.CheckFieldCount(reader, columns.Length);
            bool knownSource = idLookup.TryGetValue(reader[sourceColumn], out int s);
            bool knownTarget = idLookup.TryGetValue(reader[targetColumn], out int t);
            if (!typeLookup.TryGetValue(reader[typeColumn], out int code))
            {
                code = AddType(reader, typeColumn);
            }

            if ((!knownSource || !knownTarget || !_typeChecks[code].Allows(kinds[s], kinds[t]))
                && !Violations(reader, sourceColumn, typeColumn, targetColumn, knownSource, knownTarget, s, t, code))
            {
                continue;
            }

            Add(s, code, t, hasQualifiers ? CsvRecords.ReadProperties(reader, columns) : PropertyMap.Empty);
        }
    }

    private static void CheckColumns(CsvRecordReader reader, int sourceColumn, int typeColumn, int targetColumn)
    {
        if (sourceColumn >= 0 && typeColumn >= 0 && targetColumn >= 0)
        {
            return;
        }

        string missing = sourceColumn < 0 ? "source" : typeColumn < 0 ? "type" : "target";
        string neo = sourceColumn < 0 ? ":START_ID" : typeColumn < 0 ? ":TYPE" : ":END_ID";
        throw new GraphFormatException(
            $"Missing {missing} column",
            new SourceLocation(reader.Source, reader.RecordLine, 1),
            "'" + CsvRecords.HeaderText(reader) + "'",
            $"a column named {missing} or {neo}");
    }

    private void Add(int s, int code, int t, PropertyMap qualifiers)
    {
        int n = Count;
        if (n == _source.Length)
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

        if (!qualifiers.IsEmpty)
        {
            _qualifiers ??= new PropertyMap?[_source.Length];
            _qualifiers[n] = qualifiers;
        }

        _source[n] = s;
        _type[n] = code;
        _target[n] = t;
        Count = n + 1;
    }

    private int AddType(CsvRecordReader reader, int typeColumn)
    {
        var text = reader[typeColumn];
        if (text.IsWhiteSpace())
        {
            throw new GraphFormatException("Missing relation type", reader.Location(typeColumn), "an empty field", "a relation type such as ATTENDS");
        }

        string name = new(text);
        var type = CsvRecords.Create(reader, typeColumn, () => new RelationType(name));
        int code = TypeNames.Count;
        TypeNames.Add(name);
        _typeCodes.Add(name, code);
        _typeChecks.Add(new CsvTypeCheck(schema, type, nodes.Kinds));
        return code;
    }

    /// <summary>Records the violations of one relation.</summary>
    /// <returns>Whether the relation is kept (a lenient read keeps it unless an endpoint is unknown).</returns>
    private bool Violations(CsvRecordReader reader, int sourceColumn, int typeColumn, int targetColumn, bool knownSource, bool knownTarget, int s, int t, int code)
    {
        string sourceId = reader.FieldString(sourceColumn);
        string targetId = reader.FieldString(targetColumn);
        string typeName = TypeNames[code];
        string subject = $"({sourceId})-[{typeName}]->({targetId})";
        if (!knownSource)
        {
            violations.Add(new SchemaViolation(SchemaViolationKind.UnknownEntity, $"unknown source entity '{sourceId}', expected the id of an entity in the graph", reader.Location(sourceColumn), subject));
        }

        if (!knownTarget)
        {
            violations.Add(new SchemaViolation(SchemaViolationKind.UnknownEntity, $"unknown target entity '{targetId}', expected the id of an entity in the graph", reader.Location(targetColumn), subject));
        }

        var rule = _typeChecks[code].Rule;
        if (rule is null && schema.IsClosed)
        {
            string known = string.Join(", ", schema.Rules.Select(x => x.Type.Name));
            violations.Add(new SchemaViolation(SchemaViolationKind.UnknownRelationType, $"unknown relation type '{typeName}', expected one of {known}", reader.Location(typeColumn), subject));
        }

        var kinds = nodes.Kinds;
        var entityKinds = nodes.EntityKinds;
        if (rule is not null && knownSource && !rule.AllowsSource(kinds[entityKinds[s]]))
        {
            violations.Add(new SchemaViolation(SchemaViolationKind.DomainMismatch, $"source '{sourceId}' is a {kinds[entityKinds[s]]}, expected {RelationRule.Describe(rule.Domain)}", reader.Location(sourceColumn), subject));
        }

        if (rule is not null && knownTarget && !rule.AllowsTarget(kinds[entityKinds[t]]))
        {
            violations.Add(new SchemaViolation(SchemaViolationKind.RangeMismatch, $"target '{targetId}' is a {kinds[entityKinds[t]]}, expected {RelationRule.Describe(rule.Range)}", reader.Location(targetColumn), subject));
        }

        violations.CheckLimit();
        return knownSource && knownTarget;
    }
}
