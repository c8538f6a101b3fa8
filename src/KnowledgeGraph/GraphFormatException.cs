namespace KnowledgeGraph;

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
