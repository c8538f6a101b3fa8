using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Typed multi-hop expansion: the entities reached from a start by following a fixed sequence
/// of relation types, such as PRAISES then MEMBER_OF ("the organizations of the people Rutte
/// praises"). Out-rows are sorted by type, so each step reads only the slice of its type.
/// </summary>
/// <example><code>
/// var orgs = TypedExpansion.Reach(graph, "person:mark-rutte", [RelationType.Praises, RelationType.MemberOf]);
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class TypedExpansion
{
    /// <summary>The distinct entities at the end of every walk that follows the types in order, ordered by id.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="start">The start's id.</param>
    /// <param name="steps">The relation type of each step, at least one.</param>
    /// <param name="direction"><see cref="Direction.Out"/> to follow relations forward, <see cref="Direction.In"/> backward, <see cref="Direction.Both"/> either way.</param>
    /// <param name="cancellationToken">Stops the expansion.</param>
    /// <returns>The entities reached; empty when none (or when a type is not in the graph).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="steps"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="steps"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">No entity has the start's id.</exception>
    /// <exception cref="OperationCanceledException">The expansion was cancelled.</exception>
    public static IReadOnlyList<Entity> Reach(Graph graph, EntityId start, IReadOnlyList<RelationType> steps, Direction direction = Direction.Out, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("At least one relation type is needed.", nameof(steps));
        }

        int s = graph.IndexOf(start);
        var codes = new int[steps.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = graph.TypeCode(steps[i]);
            if (codes[i] < 0)
            {
                return [];
            }
        }

        var ws = new Workspace(graph.Topology);
        int count = ws.Reach(s, codes, direction, cancellationToken);
        var result = ws.Result(count);
        result.Sort();
        return result.ToArray().Select(graph.EntityAt).ToArray();
    }

    /// <summary>Reusable state: two frontiers and visit stamps, so a query costs what it explores.</summary>
    internal sealed class Workspace
    {
        private readonly GraphTopology _t;
        private readonly int[] _stamp;
        private int[] _current;
        private int[] _next;
        private int _run;

        public Workspace(GraphTopology topology)
        {
            _t = topology;
            _stamp = new int[topology.NodeCount];
            _current = new int[16];
            _next = new int[16];
        }

        public Span<int> Result(int count) => _current.AsSpan(0, count);

        /// <summary>Runs the expansion; the distinct end nodes are then <see cref="Result"/>.</summary>
        /// <returns>The number of distinct end nodes.</returns>
        public int Reach(int start, int[] codes, Direction direction, CancellationToken cancellationToken)
        {
            var t = _t;
            var outOffsets = t.OutOffsets;
            var targets = t.EdgeTarget;
            var types = t.EdgeType;
            var inOffsets = t.InOffsets;
            var inSources = t.InSources;
            var inEdges = t.InEdges;
            bool forward = direction != Direction.In;
            bool backward = direction != Direction.Out;
            _current[0] = start;
            int count = 1;
            foreach (int code in codes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int run = NextRun();
                int nextCount = 0;
                for (int i = 0; i < count; i++)
                {
                    int v = _current[i];
                    if (forward)
                    {
                        int end = outOffsets[v + 1];
                        int e = GraphTopology.TypeStart(types, outOffsets[v], end, code);
                        for (; e < end && types[e] == code; e++)
                        {
                            int u = targets[e];
                            if (_stamp[u] != run)
                            {
                                _stamp[u] = run;
                                Push(ref nextCount, u);
                            }
                        }
                    }

                    if (backward)
                    {
                        int end = inOffsets[v + 1];
                        for (int j = inOffsets[v]; j < end; j++)
                        {
                            int u = inSources[j];
                            if (types[inEdges[j]] == code && _stamp[u] != run)
                            {
                                _stamp[u] = run;
                                Push(ref nextCount, u);
                            }
                        }
                    }
                }

                (_current, _next) = (_next, _current);
                count = nextCount;
                if (count == 0)
                {
                    break;
                }
            }

            return count;
        }

        private int NextRun()
        {
            if (++_run == int.MaxValue)
            {
                Array.Clear(_stamp);
                _run = 1;
            }

            return _run;
        }

        private void Push(ref int count, int u)
        {
            if (count == _next.Length)
            {
                Array.Resize(ref _next, count * 2);
            }

            _next[count++] = u;
        }
    }
}
