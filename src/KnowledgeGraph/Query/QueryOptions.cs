namespace KnowledgeGraph.Query;

/// <summary>Limits of a query run. The defaults suit interactive use.</summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class QueryOptions
{
    /// <summary>The defaults: 15 hops for an unbounded <c>*</c>, nesting depth 256, one million rows.</summary>
    public static QueryOptions Default { get; } = new();

    /// <summary>The upper bound used for a variable-length relationship written without one (<c>*</c>, <c>*2..</c>). Default 15.</summary>
    public int MaxUnboundedPathLength { get; init; } = 15;

    /// <summary>
    /// The deepest nesting of expressions and patterns the parser accepts, and the most clauses one part of a
    /// query (between UNIONs) may chain. Default 256.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 256;

    /// <summary>The most rows any clause may hold at once (sorting, grouping, the result). Default 1,000,000.</summary>
    public int MaxRows { get; init; } = 1_000_000;
}
