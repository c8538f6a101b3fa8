namespace KnowledgeGraph.Query;

internal static class QueryEngine
{
    public static QueryResult Run(Graph graph, string text, IReadOnlyDictionary<string, object?>? parameters, QueryOptions options, CancellationToken ct)
    {
        var ast = Parser.Parse(text, options.MaxNestingDepth);
        int width = Analyzer.Analyze(ast, allowWrites: false);
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
        var (columns, rows, _) = executor.Run(ast);
        return QueryResult.Create(graph, columns, rows);
    }
}
