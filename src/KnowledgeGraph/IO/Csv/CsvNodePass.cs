namespace KnowledgeGraph.IO.Csv;

/// <summary>
/// The node file of a CSV read: checks each record, interns kinds and names, and keeps the entities with
/// their kind codes and the id index that the edge pass resolves relation ends with.
/// </summary>
internal sealed class CsvNodePass
{
    private readonly CsvViolations _violations;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, int> _kindCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _kindLookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
#else
    private readonly SpanLookup<int> _kindLookup;
    private readonly SpanLookup<string> _nameLookup;
#endif
    private Entity[] _entities = new Entity[16];
    private byte[] _entityKind = new byte[16];
    private int _entityCount;

    public CsvNodePass(CsvViolations violations, CancellationToken cancellationToken)
    {
        _violations = violations;
        _cancellationToken = cancellationToken;
#if NET9_0_OR_GREATER
        _kindLookup = _kindCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
#else
        _kindLookup = new SpanLookup<int>(_kindCodes);
        _nameLookup = new SpanLookup<string>(_names);
#endif
    }

    /// <summary>The entity index of every id.</summary>
    public EntityIdIndex IdIndex { get; private set; } = new(16);

    /// <summary>The kinds, in the order of their codes.</summary>
    public List<EntityKind> Kinds { get; } = [];

    /// <summary>The kind code of each entity (the array may be longer than the entities).</summary>
    public byte[] EntityKinds => _entityKind;

    /// <summary>The entities read, in file order.</summary>
    public Entity[] Entities => _entities.Length == _entityCount ? _entities : _entities[.._entityCount];

    /// <summary>Allocates the entity arrays and the id index at their final size.</summary>
    public void Expect(int count)
    {
        IdIndex = new EntityIdIndex(count);
        _entities = new Entity[Math.Max(count, 1)];
        _entityKind = new byte[Math.Max(count, 1)];
    }

    public void Read(CsvRecordReader reader)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var columns = Columns.Read(reader);
        int count = 0;
        while (reader.Read())
        {
            if ((++count & 0x3FFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            CsvRecords.CheckFieldCount(reader, columns.All.Length);
            ReadRecord(reader, columns);
        }

        _names.Clear();
        _names.TrimExcess();
    }

    private void ReadRecord(CsvRecordReader reader, Columns columns)
    {
        var idText = reader[columns.Id];
        if (!EntityId.IsValid(idText.ToString()))
        {
            throw new GraphFormatException("Invalid entity id", reader.Location(columns.Id), "'" + idText.ToString() + "'", "non-empty text without control characters");
        }

        string id = new(idText);
        int kindCode = ReadKind(reader, columns, out var extraLabels);
        string name = ReadName(reader, columns.Name, id);
        var kind = Kinds[kindCode];
        var entity = columns.Simple
            ? CsvRecords.Create(reader, columns.Id, () => new Entity(new EntityId(id), kind, name))
            : ReadFullEntity(reader, columns.All, id, kind, name, extraLabels);
        if (!IdIndex.TryAdd(id, _entityCount))
        {
            _violations.Add(new SchemaViolation(SchemaViolationKind.DuplicateEntity, "an entity with this id was added before", reader.Location(columns.Id), id));
            _violations.CheckLimit();
            return;
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

    /// <summary>The code of the record's kind (the kind column, or the first of the <c>:LABEL</c> labels, the others given back as extra labels).</summary>
    private int ReadKind(CsvRecordReader reader, Columns columns, out List<string>? extraLabels)
    {
        extraLabels = null;
        ReadOnlySpan<char> kindText;
        int kindField;
        if (columns.Kind >= 0)
        {
            kindText = reader[columns.Kind];
            kindField = columns.Kind;
        }
        else
        {
            var all = CsvColumns.SplitList(reader[columns.Labels]);
            kindText = all.Count > 0 ? all[0] : [];
            kindField = columns.Labels;
            if (all.Count > 1)
            {
                extraLabels = all.GetRange(1, all.Count - 1);
            }
        }

        if (kindText.IsWhiteSpace())
        {
            throw new GraphFormatException("Missing kind", reader.Location(kindField), "an empty field", "a kind such as Person");
        }

        return _kindLookup.TryGetValue(kindText, out int kindCode) ? kindCode : AddKind(reader, kindField, kindText);
    }

    private int AddKind(CsvRecordReader reader, int kindField, ReadOnlySpan<char> kindText)
    {
        if (Kinds.Count == byte.MaxValue)
        {
            throw new GraphFormatException("Too many kinds", reader.Location(kindField), "'" + kindText.ToString() + "'", "at most 255 distinct kinds");
        }

        string kindName = new(kindText);
        int kindCode = Kinds.Count;
        Kinds.Add(CsvRecords.Create(reader, kindField, () => new EntityKind(kindName)));
        _kindCodes.Add(kindName, kindCode);
        return kindCode;
    }

    /// <summary>The record's name, interned; the id when there is no name column.</summary>
    private string ReadName(CsvRecordReader reader, int nameColumn, string id)
    {
        if (nameColumn < 0)
        {
            return id;
        }

        if (!_nameLookup.TryGetValue(reader[nameColumn], out string? name))
        {
            name = new string(reader[nameColumn]);
            _names.Add(name, name);
        }

        return name;
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

        var properties = CsvRecords.ReadProperties(reader, columns);
        int field = CsvColumns.Find(columns, CsvColumnRole.Id);
        return CsvRecords.Create(reader, field, () => new Entity(new EntityId(id), kind, name, aliases, properties, labels));
    }

    /// <summary>Where the node file's columns are; <see cref="Simple"/> when it has none but id, kind, name and ignored ones.</summary>
    private sealed record Columns(CsvColumn[] All, int Id, int Kind, int Labels, int Name, bool Simple)
    {
        public static Columns Read(CsvRecordReader reader)
        {
            var columns = CsvRecords.ReadHeader(reader, edges: false, "a header such as id,kind,name or id:ID,:LABEL,name");
            int idColumn = CsvColumns.Find(columns, CsvColumnRole.Id);
            int kindColumn = CsvColumns.Find(columns, CsvColumnRole.Kind);
            int labelColumn = CsvColumns.Find(columns, CsvColumnRole.Labels);
            int nameColumn = CsvColumns.Find(columns, CsvColumnRole.Name);
            if (idColumn < 0 || (kindColumn < 0 && labelColumn < 0))
            {
                throw new GraphFormatException(
                    idColumn < 0 ? "Missing id column" : "Missing kind column",
                    new SourceLocation(reader.Source, reader.RecordLine, 1),
                    "'" + CsvRecords.HeaderText(reader) + "'",
                    idColumn < 0 ? "a column named id or ending in :ID" : "a column named kind or :LABEL");
            }

            bool simple = columns.All(c => c.Role is CsvColumnRole.Id or CsvColumnRole.Kind or CsvColumnRole.Name or CsvColumnRole.Ignore);
            return new Columns(columns, idColumn, kindColumn, labelColumn, nameColumn, simple);
        }
    }
}
