namespace KnowledgeGraph.Query;

internal static class QueryEngine
{
    public static QueryResult Run(Graph graph, string text, IReadOnlyDictionary<string, object?>? parameters, QueryOptions options, CancellationToken ct, Func<ExecContext, Action<CreateClause, object?[]>>? onCreate)
    {
        var ast = Parser.Parse(text, options.MaxNestingDepth);
        int width = Analyzer.Analyze(ast, allowCreate: onCreate is not null);
        var ps = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (parameters is not null)
        {
            foreach (var kv in parameters)
            {
                ps[kv.Key] = Values.FromClr(kv.Value, graph);
            }
        }

        var ctx = new ExecContext(graph, ps, options, ct);
        var executor = new Executor(ctx, width) { OnCreate = onCreate?.Invoke(ctx) };
        var (columns, rows) = executor.Run(ast);
        return QueryResult.Create(graph, columns, rows);
    }
}
