namespace KnowledgeGraph.IO.Csv;

/// <summary>The schema violations of a CSV read so far; a strict read stops after <see cref="MaxStrict"/>.</summary>
internal sealed class CsvViolations(bool lenient)
{
    private const int MaxStrict = 1000;
    private readonly List<SchemaViolation> _list = [];

    public bool Lenient => lenient;

    public int Count => _list.Count;

    public void Add(SchemaViolation violation) => _list.Add(violation);

    /// <summary>Stops a strict read that has reached the limit.</summary>
    /// <exception cref="SchemaViolationException">The read is strict and holds the maximum number of violations.</exception>
    public void CheckLimit()
    {
        if (!lenient && _list.Count >= MaxStrict)
        {
            throw new SchemaViolationException(_list);
        }
    }

    /// <summary>Fails a strict read that found any violation.</summary>
    /// <exception cref="SchemaViolationException">The read is strict and found violations.</exception>
    public void ThrowIfStrict()
    {
        if (_list.Count > 0 && !lenient)
        {
            throw new SchemaViolationException(_list);
        }
    }

    public System.Collections.Immutable.ImmutableArray<SchemaViolation> ToImmutable() => [.. _list];
}
