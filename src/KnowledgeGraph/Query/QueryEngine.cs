using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace KnowledgeGraph.Query;

internal static class QueryEngine
{
    /// <summary>The most analysed queries kept for reuse; when full, the cache starts again empty.</summary>
    private const int MaxCachedQueries = 256;

    /// <summary>
    /// Analysed queries by text: the analysed tree is never changed while a query runs, so a query asked again
    /// (with other parameters, on any graph, from any thread) skips parsing and analysis.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Text, int MaxDepth, ImmutableArray<QueryProcedure> Procedures), (QueryAst Ast, int Width)> Analysed = new();

    public static QueryResult Run(Graph graph, string text, IReadOnlyDictionary<string, object?>? parameters, QueryOptions options, CancellationToken ct)
    {
        var (ast, width) = Analyse(text, options);
        var ps = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (parameters is not null)
        {
            foreach (var kv in parameters)
            {
                ps[kv.Key] = Values.FromClr(kv.Value, graph);
            }
        }

        var ctx = new ExecContext(graph, ps, options, ct);
        var executor = new Executor(ctx, width);
        var (columns, rows) = executor.Run(ast);
        var result = QueryResult.Create(graph, columns, rows);
        result.Notifications = Notifications.Check(graph, ast);
        return result;
    }

    /// <summary>Parses and analyses a read query, or finds it analysed already (with the same limits and procedures). Errors are not cached.</summary>
    internal static (QueryAst Ast, int Width) Analyse(string text, QueryOptions options)
    {
        var key = (text, options.MaxNestingDepth, options.Procedures);
        if (Analysed.TryGetValue(key, out var known))
        {
            return known;
        }

        var ast = Parser.Parse(text, options.MaxNestingDepth, readOnly: true);
        int width = Analyzer.Analyze(ast, allowWrites: false, options);
        if (Analysed.Count >= MaxCachedQueries)
        {
            Analysed.Clear();
        }

        Analysed.TryAdd(key, (ast, width));
        return (ast, width);
    }
}
