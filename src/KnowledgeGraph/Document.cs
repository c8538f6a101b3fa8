namespace KnowledgeGraph;

/// <summary>A source document that evidence cites: an id, a title and the full text.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Document : IEquatable<Document>
{
    /// <summary>Creates a document.</summary>
    /// <param name="id">The id, such as <c>seed:nato-brussels-munich</c>.</param>
    /// <param name="title">The title.</param>
    /// <param name="text">The full text.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public Document(string id, string title, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Title = title;
        Text = text;
    }

    /// <summary>The id.</summary>
    public string Id { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The full text.</summary>
    public string Text { get; }

    /// <inheritdoc/>
    public bool Equals(Document? other) => other is not null && Id == other.Id && Title == other.Title && Text == other.Text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Document);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Title);

    /// <summary>The document as <c>id: title</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id}: {Title}";
}
