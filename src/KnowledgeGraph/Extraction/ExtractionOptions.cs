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

    /// <summary>
    /// Told how far the extraction has come (<see cref="ExtractionProgress"/>): after every 256 sentences read, and once
    /// more, with the totals, when the graph is built; null (default) for no reports. Reports come on the extracting thread.
    /// </summary>
    public IProgress<ExtractionProgress>? Progress { get; init; }
}

/// <summary>How far an extraction has come, told to <see cref="ExtractionOptions.Progress"/>.</summary>
/// <param name="SentencesDone">Sentences read so far (tokenised and their mentions found); every sentence in the last report.</param>
/// <param name="SentenceTotal">The sentences of the text.</param>
/// <param name="CharactersDone">Characters of the text up to the end of the last sentence read.</param>
/// <param name="CharacterTotal">The length of the text in characters.</param>
public readonly record struct ExtractionProgress(int SentencesDone, int SentenceTotal, int CharactersDone, int CharacterTotal);
