using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>
/// A warning about a query that ran but probably not as meant, as Neo4j gives them: a label,
/// relationship type or property key that nothing in the graph has (the query then answers with
/// no rows or nulls). <see cref="QueryResult.Notifications"/> lists them; <c>kg query</c> prints
/// them to standard error and the notebook view above the table.
/// </summary>
/// <example><code>
/// var r = graph.Query("MATCH (n:Persn) RETURN n");
/// // r.Notifications[0].ToString():
/// // warning UnknownLabelWarning (line 1, column 11): the label `Persn` is not in the graph. Did you mean `Person`?
/// </code></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class QueryNotification : IEquatable<QueryNotification>
{
    internal QueryNotification(string code, string title, string message, string text, int offset, string? suggestion)
    {
        Code = code;
        Title = title;
        Message = message;
        Offset = Math.Clamp(offset, 0, text.Length);
        Suggestion = suggestion;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        Line = line;
        Column = Offset - lineStart + 1;
    }

    /// <summary>The notification's code as Neo4j names it: <c>UnknownLabelWarning</c>, <c>UnknownRelationshipTypeWarning</c> or <c>UnknownPropertyKeyWarning</c>.</summary>
    public string Code { get; }

    /// <summary>A short title, such as <c>The provided label is not in the graph.</c></summary>
    public string Title { get; }

    /// <summary>What is wrong and what to do, with a "Did you mean" when the graph has a close name.</summary>
    public string Message { get; }

    /// <summary>The 0-based offset in the query of the name the notification is about.</summary>
    public int Offset { get; }

    /// <summary>The 1-based line of <see cref="Offset"/>.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of <see cref="Offset"/>.</summary>
    public int Column { get; }

    /// <summary>The closest label, type or key of the graph, or null when none is close.</summary>
    public string? Suggestion { get; }

    /// <summary>Whether the two notifications say the same about the same place.</summary>
    /// <param name="other">The other notification.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(QueryNotification? other) => other is not null && Code == other.Code && Message == other.Message && Offset == other.Offset;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as QueryNotification);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Message, Offset);

    /// <summary><c>warning CODE (line L, column C): MESSAGE</c>.</summary>
    /// <returns>The notification as one line.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"warning {Code} (line {Line}, column {Column}): {Message}");
}
