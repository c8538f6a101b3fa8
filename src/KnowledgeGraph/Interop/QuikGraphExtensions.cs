namespace KnowledgeGraph.Interop;

/// <summary>Conversions between <see cref="Graph"/> and QuikGraph.</summary>
public static class QuikGraphExtensions
{
    /// <summary>A read-only QuikGraph view of the graph (no copy of the adjacency).</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The view.</returns>
    public static QuikGraphAdapter AsQuikGraph(this Graph graph) => new(graph);
}
