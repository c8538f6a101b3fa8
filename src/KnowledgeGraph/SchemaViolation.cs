using System.Collections.Immutable;

namespace KnowledgeGraph;

/// <summary>What rule a <see cref="SchemaViolation"/> breaks.</summary>
public enum SchemaViolationKind
{
    /// <summary>The relation type is not declared by a closed schema.</summary>
    UnknownRelationType,

    /// <summary>The source's kind is not in the relation type's domain.</summary>
    DomainMismatch,

    /// <summary>The target's kind is not in the relation type's range.</summary>
    RangeMismatch,

    /// <summary>A relation names an entity the graph does not hold.</summary>
    UnknownEntity,

    /// <summary>Two entities share an id.</summary>
    DuplicateEntity,

    /// <summary>Two documents share an id.</summary>
    DuplicateDocument,

    /// <summary>Evidence cites a document the graph does not hold.</summary>
    UnknownDocument,

    /// <summary>An evidence span lies outside its document or its text differs from the document's.</summary>
    EvidenceMismatch,
}

/// <summary>One broken rule found while building a graph: what, which relation or entity, and where it came from.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class SchemaViolation
{
    internal SchemaViolation(SchemaViolationKind kind, string message, SourceLocation? origin, string subject)
    {
        Kind = kind;
        Message = message;
        Origin = origin;
        Subject = subject;
    }

    /// <summary>The rule broken.</summary>
    public SchemaViolationKind Kind { get; }

    /// <summary>What is wrong, what was found and what was allowed.</summary>
    public string Message { get; }

    /// <summary>Where the offending item was read, when known.</summary>
    public SourceLocation? Origin { get; }

    /// <summary>The offending item: a relation as <c>(a)-[T]->(b)</c>, an entity id or a document id.</summary>
    public string Subject { get; }

    /// <summary>The violation as <c>origin: subject: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => (Origin is null ? string.Empty : Origin + ": ") + Subject + ": " + Message;
}

/// <summary>
/// Thrown by <see cref="GraphBuilder.Build(GraphBuildOptions?)"/> when the graph breaks its schema; it lists every
/// violation found, not only the first.
/// </summary>
public sealed class SchemaViolationException : Exception
{
    /// <summary>Creates the exception from the violations found.</summary>
    /// <param name="violations">The violations; at least one.</param>
    public SchemaViolationException(IEnumerable<SchemaViolation> violations)
        : this([.. violations])
    {
    }

    private SchemaViolationException(ImmutableArray<SchemaViolation> violations)
        : base(Format(violations))
    {
        Violations = violations;
    }

    /// <summary>Every violation found, in the order the items were added.</summary>
    public ImmutableArray<SchemaViolation> Violations { get; }

    private static string Format(ImmutableArray<SchemaViolation> violations)
    {
        string head = violations.Length == 1
            ? "The graph breaks its schema in 1 place:"
            : $"The graph breaks its schema in {violations.Length} places:";
        const int shown = 50;
        var lines = violations.Take(shown).Select(v => "\n  " + v);
        string more = violations.Length > shown ? $"\n  … and {violations.Length - shown} more." : string.Empty;
        return head + string.Concat(lines) + more;
    }
}

/// <summary>
/// Thrown by a reader for input that is not a valid graph in its format: it says where (source, 1-based
/// line and column, path), what was found and what was expected.
/// </summary>
public sealed class GraphFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">What is wrong, such as <c>Unknown relation type</c>.</param>
    /// <param name="location">Where.</param>
    /// <param name="found">What was found, or null.</param>
    /// <param name="expected">What was expected, or null.</param>
    /// <param name="inner">The underlying exception, or null.</param>
    public GraphFormatException(string what, SourceLocation location, string? found = null, string? expected = null, Exception? inner = null)
        : base(Format(what, location, found, expected), inner)
    {
        ArgumentNullException.ThrowIfNull(location);
        What = what;
        Location = location;
        Found = found;
        Expected = expected;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string What { get; }

    /// <summary>Where the problem is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The 1-based line, 0 when unknown.</summary>
    public int Line => Location.Line;

    /// <summary>The 1-based column, 0 when unknown.</summary>
    public int Column => Location.Column;

    /// <summary>The path inside the document, or null.</summary>
    public string? Path => Location.Path;

    /// <summary>What was found, or null.</summary>
    public string? Found { get; }

    /// <summary>What was expected, or null.</summary>
    public string? Expected { get; }

    private static string Format(string what, SourceLocation location, string? found, string? expected)
    {
        string text = $"{what} at {location}";
        if (found is not null)
        {
            text += $": found {found}";
        }

        if (expected is not null)
        {
            text += (found is null ? ": " : ", ") + $"expected {expected}";
        }

        return text + ".";
    }
}
