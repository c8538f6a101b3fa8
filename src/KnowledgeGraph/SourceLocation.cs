using System.Globalization;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// Where something was read: the source (file name or a description), a 1-based line and column
/// (0 when unknown), and a path inside the document such as <c>$.relations[3].type</c>.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class SourceLocation : IEquatable<SourceLocation>
{
    /// <summary>Creates a location.</summary>
    /// <param name="source">The file name or a description of the input; null when unknown.</param>
    /// <param name="line">The 1-based line; 0 when unknown.</param>
    /// <param name="column">The 1-based column in characters; 0 when unknown.</param>
    /// <param name="path">The path inside the document; null when none.</param>
    public SourceLocation(string? source, int line = 0, int column = 0, string? path = null)
    {
        Source = source;
        Line = Math.Max(0, line);
        Column = Math.Max(0, column);
        Path = path;
    }

    /// <summary>The file name or a description of the input, or null.</summary>
    public string? Source { get; }

    /// <summary>The 1-based line, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column in characters, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The path inside the document, or null.</summary>
    public string? Path { get; }

    /// <summary>The location as <c>graph.json(12,17) [$.relations[3].type]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Source ?? "<input>");
        if (Line > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"({Line},{Column})");
        }

        if (Path is not null)
        {
            sb.Append(" [").Append(Path).Append(']');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(SourceLocation? other) =>
        other is not null && Source == other.Source && Line == other.Line && Column == other.Column && Path == other.Path;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SourceLocation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Line, Column, Path);
}
