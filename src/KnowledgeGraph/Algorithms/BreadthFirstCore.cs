using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Algorithms;

/// <summary>What a visitor of <see cref="BreadthFirstCore"/> says about a node reached over a relation.</summary>
internal enum BreadthFirstStep
{
    /// <summary>Seen already, or not wanted: not queued.</summary>
    Skip,

    /// <summary>New: queued for the next level.</summary>
    Enqueue,

    /// <summary>The search is over (found what it looked for).</summary>
    Stop,
}

/// <summary>
/// The state of one breadth-first search: which nodes it has seen and what it remembers of them
/// (depths, parents, stamps). The core calls it for every relation it follows; a struct, so the
/// JIT specialises the core for each visitor and inlines the call.
/// </summary>
internal interface IBreadthFirstVisitor
{
    /// <summary>A relation from <paramref name="from"/> (on the level being expanded) reaches <paramref name="to"/>.</summary>
    /// <param name="from">The node being expanded.</param>
    /// <param name="to">The node reached.</param>
    /// <param name="edge">The relation's edge number.</param>
    /// <param name="forward">True when the relation was followed from its source to its target.</param>
    /// <returns>What to do with <paramref name="to"/>.</returns>
    BreadthFirstStep Reach(int from, int to, int edge, bool forward);

    /// <summary>
    /// Whether <see cref="Reach"/> reads its <c>edge</c> argument; when false, the core does not
    /// look up the edge numbers of relations followed backward (and passes -1).
    /// </summary>
    static abstract bool UsesEdge { get; }
}

/// <summary>Which relations a search may follow, by edge number; a struct, so the core is specialised for each.</summary>
internal interface IEdgeFilter
{
    /// <summary>Whether <see cref="Allows"/> reads its edge number.</summary>
    static abstract bool ReadsEdge { get; }

    /// <summary>Whether the relation with this edge number may be followed.</summary>
    bool Allows(int edge);
}

/// <summary>Every relation.</summary>
internal readonly struct AnyType : IEdgeFilter
{
    public static bool ReadsEdge => false;

    public bool Allows(int edge) => true;
}

/// <summary>The relations whose type code is marked in an array.</summary>
internal readonly struct TypeIn(EdgeTypes types, bool[] allowed) : IEdgeFilter
{
    public static bool ReadsEdge => true;

    public bool Allows(int edge) => allowed[types[edge]];
}

/// <summary>
/// The one breadth-first search of the library, over the compressed rows: level by level from a
/// queue, following relations forward, backward or both, optionally only relations of some types.
/// Traversal (<c>Neighborhood</c>, <c>ShortestPath</c>), <see cref="BreadthFirst"/>,
/// <see cref="ShortestPaths"/> and the query matcher's shortest paths all run on it; each brings
/// its own visitor for what it remembers. Iterative: no recursion, memory is the caller's queue.
/// </summary>
internal static class BreadthFirstCore
{
    private const int CancellationStride = 1 << 14;

    /// <summary>
    /// Expands the level <c>queue[head..tail)</c>: every node of it is taken from the queue and
    /// the nodes the visitor queues are appended after <paramref name="tail"/>, forming the next level.
    /// </summary>
    /// <returns>False when the visitor stopped the search (the rest of the level is not expanded).</returns>
    public static bool ExpandLevel<TVisitor>(
        GraphTopology t, int[] queue, ref int head, ref int tail, Direction direction, bool[]? filter,
        ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IBreadthFirstVisitor
    {
        // One specialised loop per case: without a filter the JIT drops the type test (and the
        // type array's loads) altogether.
        return filter is null
            ? ExpandLevel(t, queue, ref head, ref tail, direction, default(AnyType), ref visitor, cancellationToken)
            : ExpandLevel(t, queue, ref head, ref tail, direction, new TypeIn(t.EdgeType, filter), ref visitor, cancellationToken);
    }

    private static bool ExpandLevel<TVisitor, TFilter>(
        GraphTopology t, int[] queue, ref int head, ref int tail, Direction direction, TFilter filter,
        ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IBreadthFirstVisitor
        where TFilter : struct, IEdgeFilter
    {
        var outOffsets = t.OutOffsets;
        var targets = t.EdgeTarget;
        var inOffsets = t.InOffsets;
        var inSources = t.InSources;
        var inEdges = t.InEdges;
        bool forward = direction != Direction.In;
        bool backward = direction != Direction.Out;
        var v = visitor; // a local copy (its fields can live in registers), written back on the way out
        int h = head, tl = tail, levelEnd = tail;
        bool open = true;
        while (h < levelEnd)
        {
            int from = queue[h++];
            ThrowIfCancelledAt(h, cancellationToken);

            if (forward)
            {
                int end = outOffsets[from + 1];
                for (int e = outOffsets[from]; e < end; e++)
                {
                    if (!filter.Allows(e))
                    {
                        continue;
                    }

                    int to = targets[e];
                    var step = v.Reach(from, to, e, true);
                    if (step == BreadthFirstStep.Enqueue)
                    {
                        queue[tl++] = to;
                    }
                    else if (step == BreadthFirstStep.Stop)
                    {
                        open = false;
                        goto Done;
                    }
                }
            }

            if (backward)
            {
                int end = inOffsets[from + 1];
                for (int i = inOffsets[from]; i < end; i++)
                {
                    int e = TFilter.ReadsEdge || TVisitor.UsesEdge ? inEdges[i] : -1; // read only when needed
                    if (!filter.Allows(e))
                    {
                        continue;
                    }

                    int to = inSources[i];
                    var step = v.Reach(from, to, e, false);
                    if (step == BreadthFirstStep.Enqueue)
                    {
                        queue[tl++] = to;
                    }
                    else if (step == BreadthFirstStep.Stop)
                    {
                        open = false;
                        goto Done;
                    }
                }
            }
        }

    Done:
        head = h;
        tail = tl;
        visitor = v;
        return open;
    }

    /// <summary>Checks for cancellation once every <see cref="CancellationStride"/> nodes taken from the queue.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void ThrowIfCancelledAt(int taken, CancellationToken cancellationToken)
    {
        if ((taken & (CancellationStride - 1)) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Runs the search from the nodes already in <c>queue[0..tail)</c> (level 0) for at most
    /// <paramref name="maxDepth"/> levels (unbounded when negative), until no level is left or the
    /// visitor stops it.
    /// </summary>
    /// <returns>The number of nodes queued in all, the starts included.</returns>
    public static int Run<TVisitor>(
        GraphTopology t, int[] queue, int tail, Direction direction, bool[]? filter, int maxDepth,
        ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IBreadthFirstVisitor
    {
        int head = 0;
        for (int level = 0; head < tail && (maxDepth < 0 || level < maxDepth); level++)
        {
            if (!ExpandLevel(t, queue, ref head, ref tail, direction, filter, ref visitor, cancellationToken))
            {
                break;
            }
        }

        return tail;
    }
}

/// <summary>Remembers the depth of every node reached (-1 when not reached).</summary>
internal struct DepthVisitor(int[] depth) : IBreadthFirstVisitor
{
    public static bool UsesEdge => false;

    public readonly BreadthFirstStep Reach(int from, int to, int edge, bool forward)
    {
        if (depth[to] >= 0)
        {
            return BreadthFirstStep.Skip;
        }

        depth[to] = depth[from] + 1;
        return BreadthFirstStep.Enqueue;
    }
}

/// <summary>
/// Remembers, for every node reached, the node and relation it was first reached from (the edge
/// number, complemented when the relation was followed backward), and stops at a goal.
/// </summary>
internal struct ParentVisitor(int[] parent, int[] parentEdge, int goal) : IBreadthFirstVisitor
{
    public static bool UsesEdge => true;

    public readonly BreadthFirstStep Reach(int from, int to, int edge, bool forward)
    {
        if (parent[to] >= 0)
        {
            return BreadthFirstStep.Skip;
        }

        parent[to] = from;
        parentEdge[to] = forward ? edge : ~edge;
        return to == goal ? BreadthFirstStep.Stop : BreadthFirstStep.Enqueue;
    }
}
