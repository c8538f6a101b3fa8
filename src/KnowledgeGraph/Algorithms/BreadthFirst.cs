using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Breadth-first search over the graph's compressed rows: levels (depths) from a start, and
/// k-hop expansion. Relations are followed forward (<see cref="Direction.Out"/>), backward
/// (<see cref="Direction.In"/>) or either way (<see cref="Direction.Both"/>); parallel relations
/// and self-loops are harmless.
/// </summary>
/// <example><code>
/// BreadthFirstResult r = BreadthFirst.Levels(graph, "person:mark-rutte", Direction.Out);
/// Console.WriteLine($"{r.VisitedCount} reached, depth sum {r.DepthSum}");
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class BreadthFirst
{
    /// <summary>The depth of every entity reachable from a start.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="start">The start's id.</param>
    /// <param name="direction">Which relations to follow.</param>
    /// <param name="maxDepth">The deepest level to visit; unbounded when negative.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The depths, in visiting order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No entity has the start's id.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public static BreadthFirstResult Levels(Graph graph, EntityId start, Direction direction = Direction.Out, int maxDepth = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int s = graph.IndexOf(start);
        var t = graph.Topology;
        var depth = new int[t.NodeCount];
        var order = new int[t.NodeCount];
        int visited = Run(t, s, direction, null, maxDepth, depth, order, cancellationToken);
        return new BreadthFirstResult(graph, depth, order, visited);
    }

    /// <summary>
    /// Every entity within <paramref name="hops"/> relations of a start, with its distance,
    /// ordered by distance then id; the start comes first with distance 0.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="start">The start's id.</param>
    /// <param name="hops">The largest distance, 0 or more.</param>
    /// <param name="direction">Which relations to follow.</param>
    /// <param name="types">Relation types to follow; all when null or empty.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The entities reached.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hops"/> is negative.</exception>
    /// <exception cref="KeyNotFoundException">No entity has the start's id.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public static IReadOnlyList<Reached> KHop(Graph graph, EntityId start, int hops, Direction direction = Direction.Both, IReadOnlyList<RelationType>? types = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(hops);
        int s = graph.IndexOf(start);
        var filter = graph.TypeFilter(types is null ? null : [.. types]);
        var t = graph.Topology;
        var depth = new int[t.NodeCount];
        var order = new int[t.NodeCount];
        int visited = Run(t, s, direction, filter, hops, depth, order, cancellationToken);

        // Each level is contiguous in visiting order: sort it by index (= id order).
        int lo = 0;
        while (lo < visited)
        {
            int hi = lo;
            while (hi < visited && depth[order[hi]] == depth[order[lo]])
            {
                hi++;
            }

            order.AsSpan(lo, hi - lo).Sort();
            lo = hi;
        }

        var result = new Reached[visited];
        for (int i = 0; i < visited; i++)
        {
            result[i] = new Reached(graph.EntityAt(order[i]), depth[order[i]]);
        }

        return result;
    }

    /// <summary>
    /// Level-synchronous BFS. <paramref name="depth"/> gets the depth of each node (-1 when not
    /// reached) and <paramref name="order"/> the reached nodes in visiting order (level by level).
    /// </summary>
    /// <returns>The number of nodes reached, the start included.</returns>
    internal static int Run(GraphTopology t, int start, Direction direction, bool[]? filter, int maxDepth, int[] depth, int[] order, CancellationToken cancellationToken)
    {
        Array.Fill(depth, -1);
        depth[start] = 0;
        order[0] = start;
        var visitor = new DepthVisitor(depth);
        return BreadthFirstCore.Run(t, order, 1, direction, filter, maxDepth, ref visitor, cancellationToken);
    }
}

/// <summary>The outcome of <see cref="BreadthFirst.Levels"/>: which entities were reached, at what depth.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class BreadthFirstResult
{
    private readonly Graph _graph;
    private readonly int[] _depth;
    private readonly int[] _order;

    internal BreadthFirstResult(Graph graph, int[] depth, int[] order, int visited)
    {
        _graph = graph;
        _depth = depth;
        _order = order;
        VisitedCount = visited;
        long sum = 0;
        int max = 0;
        for (int i = 0; i < visited; i++)
        {
            int d = depth[order[i]];
            sum += d;
            max = Math.Max(max, d);
        }

        DepthSum = sum;
        MaxDepth = max;
    }

    /// <summary>The number of entities reached, the start included.</summary>
    public int VisitedCount { get; }

    /// <summary>The sum of the depths of the entities reached (the start is at depth 0).</summary>
    public long DepthSum { get; }

    /// <summary>The depth of the deepest entity reached.</summary>
    public int MaxDepth { get; }

    /// <summary>The entities reached, in visiting order (by depth; within a depth, in discovery order).</summary>
    public IReadOnlyList<Entity> Visited => _order.Take(VisitedCount).Select(_graph.EntityAt).ToArray();

    /// <summary>The depth of an entity.</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns>The depth, or -1 when it was not reached.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public int DepthOf(EntityId id) => _depth[_graph.IndexOf(id)];
}
