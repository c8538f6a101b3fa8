namespace KnowledgeGraph.IO.Csv;

/// <summary>The schema's verdict on a relation type for every (source kind, target kind) pair, computed once per type.</summary>
internal sealed class CsvTypeCheck
{
    private readonly bool[] _source;
    private readonly bool[] _target;

    public CsvTypeCheck(Schema schema, RelationType type, List<EntityKind> kinds)
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
