using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Query;

/// <summary>
/// The base of every error a query raises: syntax (<see cref="QuerySyntaxException"/>),
/// meaning (<see cref="QuerySemanticException"/>), run-time types and arguments
/// (<see cref="QueryTypeException"/>) and limits (<see cref="QueryLimitException"/>).
/// <see cref="Category"/> and <see cref="Code"/> name the error as the openCypher
/// specification does (<c>SyntaxError</c>/<c>UndefinedVariable</c>, <c>TypeError</c>/<c>InvalidArgumentType</c>, …).
/// </summary>
public abstract class QueryException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="category">The openCypher error category.</param>
    /// <param name="code">The openCypher error code.</param>
    private protected QueryException(string message, string category, string code)
        : base(message)
    {
        Category = category;
        Code = code;
    }

    /// <summary>The openCypher error category: <c>SyntaxError</c>, <c>SemanticError</c>, <c>TypeError</c>, <c>ArgumentError</c>, <c>ArithmeticError</c>, <c>ParameterMissing</c>, <c>ProcedureError</c> or <c>LimitError</c>.</summary>
    public string Category { get; }

    /// <summary>The openCypher error code, such as <c>UndefinedVariable</c> or <c>InvalidArgumentType</c>.</summary>
    public string Code { get; }

    /// <summary>
    /// Where in a Cypher script the error is, as a 1-based line and column: the failing statement, or the pattern
    /// that made the node or relationship the script's mapping to a graph refuses; (0, 0) when unknown.
    /// </summary>
    internal (int Line, int Column) Position { get; init; }
}

/// <summary>
/// The query text does not parse. The message names the line and column (1-based), what was
/// found and what was expected, and shows the line with a caret under the offending text:
/// <c>Syntax error (line 1, column 11): unexpected identifier `RETRN`, expected RETURN, MATCH, ….</c>
/// </summary>
public sealed class QuerySyntaxException : QueryException
{
    internal QuerySyntaxException(string text, int offset, string found, string expected, string code = "InvalidSyntax")
        : base(Format(text, offset, found, expected, out int line, out int column), "SyntaxError", code)
    {
        Offset = offset;
        Line = line;
        Column = column;
        Found = found;
        Expected = expected;
    }

    /// <summary>The 0-based offset of the offending text in the query.</summary>
    public int Offset { get; }

    /// <summary>The 1-based line of the offending text.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending text.</summary>
    public int Column { get; }

    /// <summary>What was found, such as <c>identifier `RETRN`</c> or <c>end of input</c>.</summary>
    public string Found { get; }

    /// <summary>What was expected there.</summary>
    public string Expected { get; }

    private static string Format(string text, int offset, string found, string expected, out int line, out int column)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        column = offset - lineStart + 1;
        int lineEnd = text.IndexOf('\n', lineStart);
        string lineText = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).TrimEnd('\r');
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Syntax error (line {line}, column {column}): unexpected {found}, expected {expected}.");
        sb.Append('\n').Append(lineText).Append('\n').Append(' ', column - 1).Append('^');
        return sb.ToString();
    }
}

/// <summary>
/// The query parses but means nothing: an unknown variable or function, a variable bound
/// twice or with two types, an aggregate where none may be, a bad SKIP/LIMIT.
/// </summary>
public sealed class QuerySemanticException : QueryException
{
    internal QuerySemanticException(string message, string code, string category = "SyntaxError")
        : base(message, category, code)
    {
    }
}

/// <summary>A value has the wrong type or an invalid value for an operation, found while the query runs.</summary>
public sealed class QueryTypeException : QueryException
{
    internal QueryTypeException(string message, string code = "InvalidArgumentType", string category = "TypeError")
        : base(message, category, code)
    {
    }
}

/// <summary>The query exceeds a documented limit of <see cref="QueryOptions"/> (rows, nesting depth, path length).</summary>
public sealed class QueryLimitException : QueryException
{
    internal QueryLimitException(string message)
        : base(message, "LimitError", "LimitExceeded")
    {
    }
}
