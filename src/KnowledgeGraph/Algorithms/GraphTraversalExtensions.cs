using System.Collections.Immutable;
using KnowledgeGraph.Algorithms;

namespace KnowledgeGraph;

/// <summary>
/// Traversals on a graph: <c>graph.ShortestPath(a, b)</c>, <c>graph.Neighborhood(id, hops)</c>, simple paths
/// and neighbourhood subgraphs, declared by the algorithms layer on <see cref="Graph"/> so that the model
/// never names an algorithm. All of them run on the breadth-first core (<see cref="Algorithms.BreadthFirst"/>).
/// </summary>
public static class GraphTraversalExtensions
{
    extension(Graph graph)
    {
        /// <summary>Every entity within <paramref name="hops"/> relations of a start, with its distance, ordered by distance then id; the start comes first with distance 0.</summary>
        /// <param name="id">The start's id.</param>
        /// <param name="hops">The largest distance, 0 or more.</param>
        /// <param name="direction">Which relations to follow.</param>
        /// <param name="types">Relation types to follow; all when empty.</param>
        /// <returns>The entities reached.</returns>
        /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="hops"/> is negative.</exception>
        public IReadOnlyList<Reached> Neighborhood(EntityId id, int hops, Direction direction = Direction.Both, params RelationType[] types)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(hops);
            return Algorithms.BreadthFirst.KHop(graph, id, hops, direction, types);
        }

        /// <summary>
        /// A shortest path between two entities (fewest relations), found breadth-first. Ties go to
        /// the relation that comes first in graph order, so the answer is always the same.
        /// </summary>
        /// <param name="from">The start's id.</param>
        /// <param name="to">The end's id.</param>
        /// <param name="direction"><see cref="Direction.Out"/> to follow relations forward, <see cref="Direction.In"/> backward, <see cref="Direction.Both"/> to ignore direction.</param>
        /// <param name="types">Relation types to follow; all when empty.</param>
        /// <returns>The path, or null when <paramref name="to"/> cannot be reached.</returns>
        /// <exception cref="KeyNotFoundException">No entity has one of the ids.</exception>
        public GraphPath? ShortestPath(EntityId from, EntityId to, Direction direction = Direction.Both, params RelationType[] types)
        {
            int s = graph.IndexOf(from);
            int goal = graph.IndexOf(to);
            var filter = graph.TypeFilter(types);
            var t = graph.Topology;
            var parentEdge = new int[t.NodeCount];
            var parent = new int[t.NodeCount];
            Array.Fill(parent, -1);
            parent[s] = s;
            var queue = new int[t.NodeCount];
            queue[0] = s;
            if (s != goal)
            {
                var visitor = new ParentVisitor(parent, parentEdge, goal);
                BreadthFirstCore.Run(t, queue, 1, direction, filter, -1, ref visitor, CancellationToken.None);
            }

            if (parent[goal] < 0)
            {
                return null;
            }

            var nodes = new List<int> { goal };
            var steps = new List<PathStep>();
            for (int v = goal; v != s;)
            {
                int p = parent[v];
                int code = parentEdge[v];
                bool forward = code >= 0;
                steps.Add(new PathStep(graph.GetRelation(forward ? code : ~code), forward));
                nodes.Add(p);
                v = p;
            }

            nodes.Reverse();
            steps.Reverse();
            return new GraphPath([.. nodes.Select(i => graph.EntityAt(i))], [.. steps]);
        }

        /// <summary>Finds a shortest path, as <c>ShortestPath</c>.</summary>
        /// <param name="from">The start's id.</param>
        /// <param name="to">The end's id.</param>
        /// <param name="path">The path, or null.</param>
        /// <param name="direction">Which relations to follow.</param>
        /// <returns><see langword="true"/> when a path exists.</returns>
        /// <exception cref="KeyNotFoundException">No entity has one of the ids.</exception>
        public bool TryFindPath(EntityId from, EntityId to, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphPath? path, Direction direction = Direction.Both)
        {
            path = graph.ShortestPath(from, to, direction);
            return path is not null;
        }

        /// <summary>
        /// Every simple path (no entity twice) between two entities with at most <paramref name="maxLength"/> relations,
        /// shortest first, then in the order a depth-first search in graph order finds them.
        /// </summary>
        /// <param name="from">The start's id.</param>
        /// <param name="to">The end's id.</param>
        /// <param name="maxLength">The largest number of relations, 1 to 16.</param>
        /// <param name="direction">Which relations to follow.</param>
        /// <param name="maxPaths">The most paths to return (a guard against combinatorial explosion).</param>
        /// <returns>The paths.</returns>
        /// <exception cref="KeyNotFoundException">No entity has one of the ids.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is outside 1 to 16 or <paramref name="maxPaths"/> is not positive.</exception>
        public IReadOnlyList<GraphPath> AllSimplePaths(EntityId from, EntityId to, int maxLength, Direction direction = Direction.Both, int maxPaths = 10_000)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 16);
            ArgumentOutOfRangeException.ThrowIfLessThan(maxPaths, 1);
            int s = graph.IndexOf(from);
            int goal = graph.IndexOf(to);
            var results = new List<GraphPath>();
            var onPath = new HashSet<int> { s };
            var nodes = new List<int> { s };
            var steps = new List<PathStep>();

            void Visit(int v)
            {
                if (results.Count >= maxPaths)
                {
                    return;
                }

                if (v == goal && steps.Count > 0)
                {
                    results.Add(new GraphPath([.. nodes.Select(i => graph.EntityAt(i))], [.. steps]));
                    return;
                }

                if (steps.Count == maxLength)
                {
                    return;
                }

                var next = new List<(int Node, int Edge, bool Forward)>();
                graph.ForEachNeighbor(v, direction, null, (u, e, f) => next.Add((u, e, f)));
                foreach (var (u, e, f) in next)
                {
                    if (onPath.Contains(u) && !(u == goal && u == s))
                    {
                        continue;
                    }

                    onPath.Add(u);
                    nodes.Add(u);
                    steps.Add(new PathStep(graph.GetRelation(e), f));
                    Visit(u);
                    steps.RemoveAt(steps.Count - 1);
                    nodes.RemoveAt(nodes.Count - 1);
                    if (u != s)
                    {
                        onPath.Remove(u);
                    }
                }
            }

            if (s == goal)
            {
                return [];
            }

            Visit(s);
            return [.. results.OrderBy(p => p.Length)];
        }

        /// <summary>The subgraph induced by the entities within <paramref name="hops"/> relations of a start.</summary>
        /// <param name="id">The start's id.</param>
        /// <param name="hops">The largest distance.</param>
        /// <param name="direction">Which relations to follow.</param>
        /// <param name="types">Relation types to follow; all when empty.</param>
        /// <returns>The subgraph.</returns>
        /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
        public Graph NeighborhoodGraph(EntityId id, int hops, Direction direction = Direction.Both, params RelationType[] types)
        {
            var keep = new bool[graph.Topology.NodeCount];
            foreach (var r in graph.Neighborhood(id, hops, direction, types))
            {
                keep[graph.IndexOf(r.Entity.Id)] = true;
            }

            return graph.Induced(keep);
        }
    }
}
