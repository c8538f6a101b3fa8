using System.Collections.Immutable;

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

    /// <summary>
    /// The procedures queries may <c>CALL</c>, by name (none by default). A name not among them raises
    /// <see cref="QuerySemanticException"/> with category <c>ProcedureError</c> and code <c>ProcedureNotFound</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Two procedures share a name.</exception>
    public ImmutableArray<QueryProcedure> Procedures
    {
        get => _procedures;
        init
        {
            var byName = new Dictionary<string, QueryProcedure>(StringComparer.Ordinal);
            foreach (var p in value.IsDefault ? [] : value)
            {
                ArgumentNullException.ThrowIfNull(p, nameof(Procedures));
                if (!byName.TryAdd(p.Name, p))
                {
                    throw new ArgumentException($"Two procedures are named '{p.Name}'.", nameof(Procedures));
                }
            }

            _procedures = value.IsDefault ? [] : value;
            _byName = byName;
        }
    }

    private readonly ImmutableArray<QueryProcedure> _procedures = [];
    private readonly Dictionary<string, QueryProcedure>? _byName;

    /// <summary>The procedure of that name, or null.</summary>
    internal QueryProcedure? FindProcedure(string name) => _byName is not null && _byName.TryGetValue(name, out var p) ? p : null;
}
