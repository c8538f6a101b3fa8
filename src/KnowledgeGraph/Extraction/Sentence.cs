namespace KnowledgeGraph.Extraction;

/// <summary>A sentence (or a heading line) of a text, with its position.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Sentence
{
    /// <summary>Creates a sentence.</summary>
    /// <param name="index">Its position among the sentences of the text, from 0.</param>
    /// <param name="start">The offset of its first character in the text.</param>
    /// <param name="text">Its text, exactly as in the document.</param>
    /// <param name="isHeading">Whether it is a heading or title line rather than a sentence.</param>
    public Sentence(int index, int start, string text, bool isHeading)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        Index = index;
        Start = start;
        Text = text;
        IsHeading = isHeading;
    }

    /// <summary>Its position among the sentences of the text, from 0.</summary>
    public int Index { get; }

    /// <summary>The offset of its first character in the text.</summary>
    public int Start { get; }

    /// <summary>Its length in characters.</summary>
    public int Length => Text.Length;

    /// <summary>The offset just past its last character.</summary>
    public int End => Start + Text.Length;

    /// <summary>Its text, exactly as in the document.</summary>
    public string Text { get; }

    /// <summary>Whether it is a heading or title line (no closing punctuation, few words).</summary>
    public bool IsHeading { get; }

    /// <summary>The sentence as <c>[start..end] text</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"[{Start}..{End}] {Text}";
}
