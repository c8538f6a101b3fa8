using System.Globalization;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>
/// A 1-based line and column in a script: where a statement begins, or where the node or relationship pattern
/// that created a node or relationship begins (for one the builder held, the SET item that first changed it).
/// </summary>
internal readonly record struct ScriptPosition(int Line, int Column)
{
    /// <summary>The offsets at which the lines of <paramref name="text"/> begin: 0, and one after every <c>\n</c>.</summary>
    public static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>The position of a 0-based offset into a text whose lines begin at <paramref name="lineStarts"/>.</summary>
    public static ScriptPosition Of(int[] lineStarts, int offset)
    {
        int i = Array.BinarySearch(lineStarts, offset);
        int line = i >= 0 ? i : ~i - 1;
        return new ScriptPosition(line + 1, offset - lineStarts[line] + 1);
    }

    /// <summary>The position as <c>line 3, column 17</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}");

    /// <summary>
    /// The same error with its message prefixed by <paramref name="prefix"/> and this position (<c>In the statement
    /// at line 3, column 1: …</c>), and the position kept in <see cref="QueryException.Position"/>.
    /// </summary>
    public QueryException Locate(QueryException ex, string prefix)
    {
        string message = $"{prefix} {this}: {ex.Message}";
        return QueryErrors.Located(ex, message, (Line, Column));
    }
}
