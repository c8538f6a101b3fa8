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
        var outOffsets = t.OutOffsets;
        var targets = t.EdgeTarget;
        var types = t.EdgeType;
        var inOffsets = t.InOffsets;
        var inSources = t.InSources;
        var inEdges = t.InEdges;
        bool forward = direction != Direction.In;
        bool backward = direction != Direction.Out;
        int levelEnd = tail;
        while (head < levelEnd)
        {
            int v = queue[head++];
            if ((head & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (forward)
            {
                int end = outOffsets[v + 1];
                for (int e = outOffsets[v]; e < end; e++)
                {
                    if (filter is not null && !filter[types[e]])
                    {
                        continue;
                    }

                    var step = visitor.Reach(v, targets[e], e, true);
                    if (step == BreadthFirstStep.Enqueue)
                    {
                        queue[tail++] = targets[e];
                    }
                    else if (step == BreadthFirstStep.Stop)
                    {
                        return false;
                    }
                }
            }

            if (backward)
            {
                int end = inOffsets[v + 1];
                for (int i = inOffsets[v]; i < end; i++)
                {
                    int e = inEdges[i];
                    if (filter is not null && !filter[types[e]])
                    {
                        continue;
                    }

                    var step = visitor.Reach(v, inSources[i], e, false);
                    if (step == BreadthFirstStep.Enqueue)
                    {
                        queue[tail++] = inSources[i];
                    }
                    else if (step == BreadthFirstStep.Stop)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
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
