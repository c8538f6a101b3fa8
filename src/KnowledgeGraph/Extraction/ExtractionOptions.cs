namespace KnowledgeGraph.Extraction;

/// <summary>Options of <see cref="TextExtractor"/>.</summary>
/// <threadsafety>Immutable once built; safe to share across threads.</threadsafety>
public sealed class ExtractionOptions
{
    /// <summary>The default options: document id <c>doc:text</c>, no gazetteer, the default schema.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>The id of the document the evidence cites.</summary>
    public string DocumentId { get; init; } = "doc:text";

    /// <summary>The title of the document; the first heading line of the text when null.</summary>
    public string? Title { get; init; }

    /// <summary>Entities known beforehand: a mention whose name or alias matches one of them resolves to it.</summary>
    public Graph? Gazetteer { get; init; }

    /// <summary>The schema relations must satisfy; <see cref="Schema.Default"/> when null. Relations outside it are dropped.</summary>
    public Schema? Schema { get; init; }
}
