namespace KnowledgeGraph.Query;

/// <summary>Limits of a query run. The defaults suit interactive use.</summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class QueryOptions
{
    /// <summary>The defaults: 15 hops for an unbounded <c>*</c>, nesting depth 256 (expressions 128, brackets and pattern length 64), one million rows.</summary>
    public static QueryOptions Default { get; } = new();

    /// <summary>The upper bound used for a variable-length relationship written without one (<c>*</c>, <c>*2..</c>). Default 15.</summary>
    public int MaxUnboundedPathLength { get; init; } = 15;

    /// <summary>
    /// The most clauses one part of a query (between UNIONs) may chain. Expression trees may be half as high (128
    /// levels by default: each operator of a chain such as <c>a + b + c</c>, each property lookup, subscript,
    /// bracket and <c>CASE</c> is one level); brackets, <c>NOT</c> and signs nest a quarter as deep (64 parser
    /// levels by default, a bracket taking two) and one pattern holds at most a quarter as many relationships (64).
    /// Default 256.
    /// Deeper input raises <see cref="QuerySyntaxException"/> with code <c>NestingTooDeep</c>; within the defaults
    /// a query parses, analyses and runs on a thread with a 256 KB stack.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 256;

    /// <summary>The most rows any clause may hold at once (sorting, grouping, the result). Default 1,000,000.</summary>
    public int MaxRows { get; init; } = 1_000_000;
}
