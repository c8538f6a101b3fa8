using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Unweighted shortest paths over the compressed rows: the number of relations between two
/// entities by a bidirectional breadth-first search (each side expands a whole level, the
/// smaller frontier first), following relations forward, backward or either way.
/// </summary>
/// <example><code>
/// int hops = ShortestPaths.Distance(graph, "person:mark-rutte", "country:france", Direction.Both);
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class ShortestPaths
{
    /// <summary>The length (number of relations) of a shortest path.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="from">The start's id.</param>
    /// <param name="to">The end's id.</param>
    /// <param name="direction"><see cref="Direction.Out"/> to follow relations forward, <see cref="Direction.In"/> backward, <see cref="Direction.Both"/> to ignore direction.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The length; 0 when <paramref name="from"/> equals <paramref name="to"/>, -1 when <paramref name="to"/> cannot be reached.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No entity has one of the ids.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public static int Distance(Graph graph, EntityId from, EntityId to, Direction direction = Direction.Both, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int a = graph.IndexOf(from);
        int b = graph.IndexOf(to);
        return new Workspace(graph.Topology).Distance(a, b, direction, cancellationToken);
    }

    /// <summary>The lengths of shortest paths for many pairs, reusing one workspace.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="pairs">The (from, to) pairs.</param>
    /// <param name="direction">Which relations to follow.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The lengths, in the order of the pairs (-1 for an unreachable pair).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="pairs"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No entity has one of the ids.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public static int[] Distances(Graph graph, IReadOnlyList<(EntityId From, EntityId To)> pairs, Direction direction = Direction.Both, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(pairs);
        var ws = new Workspace(graph.Topology);
        var result = new int[pairs.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = ws.Distance(graph.IndexOf(pairs[i].From), graph.IndexOf(pairs[i].To), direction, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Reusable state of the bidirectional search: visit stamps instead of cleared arrays, so a
    /// query costs what it explores, not the size of the graph.
    /// </summary>
    internal sealed class Workspace
    {
        private readonly GraphTopology _t;
        private readonly int[] _stampA;
        private readonly int[] _stampB;
        private readonly int[] _distA;
        private readonly int[] _distB;
        private readonly int[] _queueA;
        private readonly int[] _queueB;
        private int _stamp;

        public Workspace(GraphTopology topology)
        {
            _t = topology;
            int n = topology.NodeCount;
            _stampA = new int[n];
            _stampB = new int[n];
            _distA = new int[n];
            _distB = new int[n];
            _queueA = new int[n];
            _queueB = new int[n];
        }

        public int Distance(int a, int b, Direction direction, CancellationToken cancellationToken)
        {
            if (a == b)
            {
                return 0;
            }

            int stamp = NextStamp();
            var stampA = _stampA;
            var stampB = _stampB;
            stampA[a] = stamp;
            _distA[a] = 0;
            stampB[b] = stamp;
            _distB[b] = 0;
            _queueA[0] = a;
            _queueB[0] = b;
            int headA = 0, tailA = 1, headB = 0, tailB = 1;

            // Side A searches along `direction`; side B searches backward from b.
            Direction back = direction switch
            {
                Direction.Out => Direction.In,
                Direction.In => Direction.Out,
                _ => Direction.Both,
            };
            long workA = Work(a, direction), workB = Work(b, back);
            while (headA < tailA && headB < tailB)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int best;

                // Expand the side whose next level scans fewer relations.
                if (workA <= workB)
                {
                    best = ExpandLevel(ref headA, ref tailA, _queueA, stampA, _distA, stampB, _distB, stamp, direction, cancellationToken, out workA);
                }
                else
                {
                    best = ExpandLevel(ref headB, ref tailB, _queueB, stampB, _distB, stampA, _distA, stamp, back, cancellationToken, out workB);
                }

                if (best >= 0)
                {
                    return best;
                }
            }

            return -1;
        }

        private long Work(int v, Direction direction)
        {
            var t = _t;
            long work = 0;
            if (direction != Direction.In)
            {
                work += t.OutOffsets[v + 1] - t.OutOffsets[v];
            }

            if (direction != Direction.Out)
            {
                work += t.InOffsets[v + 1] - t.InOffsets[v];
            }

            return work;
        }

        private int NextStamp()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_stampA);
                Array.Clear(_stampB);
                _stamp = 1;
            }

            return _stamp;
        }

        /// <summary>
        /// Expands one level of one side. The first node found that the other side has seen ends
        /// the search: every side expands whole levels, so any node the other side has closed
        /// would have met this side a level earlier; the meeting node lies on the other side's
        /// last level and every meeting in this level has the same length.
        /// </summary>
        /// <returns>The shortest length, or -1 when the sides have not met; <paramref name="work"/> gets the relations the next level will scan.</returns>
        private int ExpandLevel(ref int head, ref int tail, int[] queue, int[] stamp, int[] dist, int[] otherStamp, int[] otherDist, int run, Direction direction, CancellationToken cancellationToken, out long work)
        {
            var visitor = new MeetVisitor(stamp, dist, otherStamp, otherDist, run);
            int levelEnd = tail;
            if (!BreadthFirstCore.ExpandLevel(_t, queue, ref head, ref tail, direction, null, ref visitor, cancellationToken))
            {
                work = 0;
                return visitor.Best;
            }

            // The relations the next level will scan, summed apart from the hot loop.
            work = 0;
            for (int i = levelEnd; i < tail; i++)
            {
                work += Work(queue[i], direction);
            }

            return -1;
        }
    }

    /// <summary>One side of the bidirectional search: stamps what it reaches and stops where it meets the other side.</summary>
    private struct MeetVisitor(int[] stamp, int[] dist, int[] otherStamp, int[] otherDist, int run) : IBreadthFirstVisitor
    {
        public static bool UsesEdge => false;

        /// <summary>The length of the path found when the sides met.</summary>
        public int Best { get; private set; }

        public BreadthFirstStep Reach(int from, int to, int edge, bool forward)
        {
            if (stamp[to] == run)
            {
                return BreadthFirstStep.Skip;
            }

            int d = dist[from] + 1;
            if (otherStamp[to] == run)
            {
                Best = d + otherDist[to];
                return BreadthFirstStep.Stop;
            }

            stamp[to] = run;
            dist[to] = d;
            return BreadthFirstStep.Enqueue;
        }
    }
}
