namespace KnowledgeGraph;

/// <summary>
/// Where a relation is stated: a document, a character span in its text (UTF-16 code units,
/// 0-based start) and the text of that span, usually the whole sentence.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Evidence : IEquatable<Evidence>, IComparable<Evidence>
{
    /// <summary>Creates evidence.</summary>
    /// <param name="document">The id of the document.</param>
    /// <param name="start">The 0-based start of the span in the document text.</param>
    /// <param name="length">The length of the span.</param>
    /// <param name="text">The text of the span.</param>
    /// <exception cref="ArgumentNullException">A string is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> or <paramref name="length"/> is negative.</exception>
    public Evidence(string document, int start, int length, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Document = document;
        Start = start;
        Length = length;
        Text = text;
    }

    /// <summary>The id of the document.</summary>
    public string Document { get; }

    /// <summary>The 0-based start of the span, in UTF-16 code units.</summary>
    public int Start { get; }

    /// <summary>The length of the span, in UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>The text of the span.</summary>
    public string Text { get; }

    /// <inheritdoc/>
    public bool Equals(Evidence? other) =>
        other is not null && Document == other.Document && Start == other.Start && Length == other.Length && Text == other.Text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Evidence);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Document, Start, Length);

    /// <summary>Orders by document, start, length, then text, ordinally.</summary>
    /// <param name="other">The evidence to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Evidence? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = string.CompareOrdinal(Document, other.Document);
        if (c == 0)
        {
            c = Start.CompareTo(other.Start);
        }

        if (c == 0)
        {
            c = Length.CompareTo(other.Length);
        }

        return c != 0 ? c : string.CompareOrdinal(Text, other.Text);
    }

    /// <summary>The evidence as <c>document[start..end]: text</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Document}[{Start}..{Start + Length}]: {Text}";
}
