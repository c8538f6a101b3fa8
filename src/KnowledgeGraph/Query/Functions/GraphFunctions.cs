namespace KnowledgeGraph.Query.Functions;

/// <summary>Functions of graph elements and paths: <c>id</c>, <c>type</c>, <c>labels</c>, <c>properties</c>, <c>keys</c>, <c>nodes</c>, <c>length</c>, ….</summary>
internal static class GraphFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("id", 1, 1, Id);
        r.Add("elementId", 1, 1, Id);
        r.Add("exists", 1, 1, c => c.Expr.Args[0] is PatternExpr ? c[0] is List<object?> { Count: > 0 } : c[0] is not null, nullIn: false);
        r.Add("type", 1, 1, c => c[0] is EdgeRef e ? c.Graph.TypeAt(c.Graph.Topology.EdgeType[e.Edge]).Name : throw c.TypeError(c[0]));
        r.Add("labels", 1, 1, c => c[0] is NodeRef n ? Values.LabelsOf(c.Graph.EntityAt(Live(c, n).Index)).Select(l => (object?)l).ToList() : throw c.TypeError(c[0]));
        r.Add("properties", 1, 1, Properties);
        r.Add("keys", 1, 1, Keys);
        r.Add("nodes", 1, 1, c => c[0] is PathValue p ? p.Nodes.Select(i => (object?)new NodeRef(i)).ToList() : throw c.TypeError(c[0]));
        r.Add("relationships", 1, 1, c => c[0] is PathValue p ? p.Edges.Select(i => (object?)new EdgeRef(i)).ToList() : throw c.TypeError(c[0]));
        r.Add("length", 1, 1, c => c[0] switch
        {
            PathValue p => (long)p.Edges.Length,
            string s => (long)s.Length,
            List<object?> l => (long)l.Count,
            _ => throw c.TypeError(c[0]),
        });
        r.Add("startNode", 1, 1, c => c[0] is EdgeRef e ? new NodeRef(c.Graph.Topology.SourceOf(e.Edge)) : throw c.TypeError(c[0]));
        r.Add("endNode", 1, 1, c => c[0] is EdgeRef e ? new NodeRef(c.Graph.Topology.EdgeTarget[e.Edge]) : throw c.TypeError(c[0]));
        r.Add("evidence", 1, 1, c => c[0] is EdgeRef e ? c.Graph.GetRelation(e.Edge).Evidence.Select(v => (object?)v.Text).ToList() : throw c.TypeError(c[0]));
    }

    private static object? Id(FunctionCall c) => c[0] switch
    {
        NodeRef n => c.Graph.EntityAt(n.Index).Id.Value,
        EdgeRef r => (long)r.Edge,
        _ => throw c.TypeError(c[0]),
    };

    private static object? Properties(FunctionCall c) => c[0] switch
    {
        NodeRef n => Values.PropertiesOf(c.Graph.EntityAt(Live(c, n).Index)).ToDictionary(p => p.Key, p => Values.FromProperty(p.Value), StringComparer.Ordinal),
        EdgeRef r => c.Graph.QualifiersAt(Live(c, r).Edge).ToDictionary(p => p.Key, p => Values.FromProperty(p.Value), StringComparer.Ordinal),
        Dictionary<string, object?> m => m,
        _ => throw c.TypeError(c[0]),
    };

    private static object? Keys(FunctionCall c) => c[0] switch
    {
        NodeRef n => Values.PropertiesOf(c.Graph.EntityAt(Live(c, n).Index)).Select(p => (object?)p.Key).ToList(),
        EdgeRef r => c.Graph.QualifiersAt(Live(c, r).Edge).Select(p => (object?)p.Key).ToList(),
        Dictionary<string, object?> m => m.Keys.Select(k => (object?)k).ToList(),
        _ => throw c.TypeError(c[0]),
    };

    /// <summary>The node or relationship, unless a script deleted it earlier in the statement (then its properties and labels are gone).</summary>
    private static T Live<T>(FunctionCall c, T element)
        where T : class
    {
        Evaluator.CheckNotDeleted(element, c.Context);
        return element;
    }
}
