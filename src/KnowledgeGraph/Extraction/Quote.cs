namespace KnowledgeGraph.Extraction;

/// <summary>
/// Words a text attributes to someone: a direct quotation between quotation marks, or reported speech
/// ("X said that …"), with its speaker, what it is about and the stance its verb or words give.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Quote
{
    internal Quote(string text, int start, bool isDirect, int sentenceIndex, EntityId? speaker, EntityId? about, string? stance)
    {
        Text = text;
        Start = start;
        IsDirect = isDirect;
        SentenceIndex = sentenceIndex;
        Speaker = speaker;
        About = about;
        Stance = stance;
    }

    /// <summary>The quoted words, without the quotation marks.</summary>
    public string Text { get; }

    /// <summary>The offset of the first quoted character in the text.</summary>
    public int Start { get; }

    /// <summary>The number of characters quoted.</summary>
    public int Length => Text.Length;

    /// <summary>True for words between quotation marks, false for reported speech.</summary>
    public bool IsDirect { get; }

    /// <summary>The index of the sentence that attributes the words (the one with the speech verb).</summary>
    public int SentenceIndex { get; }

    /// <summary>The entity that says the words, or null when the text does not name one.</summary>
    public EntityId? Speaker { get; }

    /// <summary>The entity or event the words are about (the first one they name, else the object of the verb), or null.</summary>
    public EntityId? About { get; }

    /// <summary><c>praise</c>, <c>criticism</c> or <c>support</c> when the verb or the words give a stance, else null.</summary>
    public string? Stance { get; }

    /// <summary>The quote as <c>speaker: "text"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Speaker?.Value ?? "?"}: \"{Text}\"" + (About is { } a ? $" about {a.Value}" : string.Empty) + (Stance is { } s ? $" ({s})" : string.Empty);
}
