using System.Collections.Immutable;

namespace KnowledgeGraph;

public sealed partial class Graph
{
    /// <summary>The relations at an entity, filtered by direction and type: out-relations first, then in-relations, each in graph order.</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="direction">Which relations.</param>
    /// <param name="types">Relation types to keep; all when empty.</param>
    /// <returns>The relations.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Relation> RelationsOf(EntityId id, Direction direction = Direction.Both, params RelationType[] types)
    {
        int v = IndexOf(id);
        var filter = TypeFilter(types);
        var result = new List<Relation>();
        var t = Topology;
        if (direction != Direction.In)
        {
            for (int e = t.OutOffsets[v]; e < t.OutOffsets[v + 1]; e++)
            {
                if (filter is null || filter[t.EdgeType[e]])
                {
                    result.Add(GetRelation(e));
                }
            }
        }

        if (direction != Direction.Out)
        {
            for (int i = t.InOffsets[v]; i < t.InOffsets[v + 1]; i++)
            {
                int e = t.InEdges[i];
                if ((filter is null || filter[t.EdgeType[e]]) && !(direction == Direction.Both && t.EdgeSource[e] == v))
                {
                    result.Add(GetRelation(e));
                }
            }
        }

        return result;
    }

    /// <summary>The entities an entity's out-relations lead to, distinct, ordered by id.</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="types">Relation types to follow; all when empty.</param>
    /// <returns>The neighbours.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Entity> Out(EntityId id, params RelationType[] types) => Neighbors(id, Direction.Out, types);

    /// <summary>The entities whose relations lead to an entity, distinct, ordered by id.</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="types">Relation types to follow; all when empty.</param>
    /// <returns>The neighbours.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Entity> In(EntityId id, params RelationType[] types) => Neighbors(id, Direction.In, types);

    /// <summary>The entities joined to an entity in either direction, distinct, ordered by id.</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="types">Relation types to follow; all when empty.</param>
    /// <returns>The neighbours.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Entity> Both(EntityId id, params RelationType[] types) => Neighbors(id, Direction.Both, types);

    /// <summary>The entities joined to an entity in a direction, distinct, ordered by id.</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="direction">Which relations to follow.</param>
    /// <param name="types">Relation types to follow; all when empty.</param>
    /// <returns>The neighbours.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Entity> Neighbors(EntityId id, Direction direction, params RelationType[] types)
    {
        int v = IndexOf(id);
        var filter = TypeFilter(types);
        var found = new List<int>();
        var t = Topology;
        if (direction != Direction.In)
        {
            for (int e = t.OutOffsets[v]; e < t.OutOffsets[v + 1]; e++)
            {
                if (filter is null || filter[t.EdgeType[e]])
                {
                    found.Add(t.EdgeTarget[e]);
                }
            }
        }

        if (direction != Direction.Out)
        {
            for (int i = t.InOffsets[v]; i < t.InOffsets[v + 1]; i++)
            {
                if (filter is null || filter[t.EdgeType[t.InEdges[i]]])
                {
                    found.Add(t.InSources[i]);
                }
            }
        }

        found.Sort();
        var result = new List<Entity>(found.Count);
        for (int i = 0; i < found.Count; i++)
        {
            if (i == 0 || found[i] != found[i - 1])
            {
                result.Add(_entities[found[i]]);
            }
        }

        return result;
    }

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
        return Algorithms.BreadthFirst.KHop(this, id, hops, direction, types);
    }

    /// <summary>The number of relations at an entity in a direction (parallel relations count separately; with <see cref="Direction.Both"/> a self-loop counts twice).</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="direction">Which relations to count.</param>
    /// <returns>The degree.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public int Degree(EntityId id, Direction direction = Direction.Both)
    {
        int v = IndexOf(id);
        return direction switch
        {
            Direction.Out => Topology.OutDegree(v),
            Direction.In => Topology.InDegree(v),
            _ => Topology.OutDegree(v) + Topology.InDegree(v),
        };
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
        int s = IndexOf(from);
        int goal = IndexOf(to);
        var filter = TypeFilter(types);
        var t = Topology;
        var parentEdge = new int[t.NodeCount];
        var parent = new int[t.NodeCount];
        Array.Fill(parent, -1);
        parent[s] = s;
        var queue = new int[t.NodeCount];
        int head = 0, tail = 0;
        queue[tail++] = s;
        bool forwardOk = direction != Direction.In;
        bool backwardOk = direction != Direction.Out;
        while (head < tail && parent[goal] < 0)
        {
            int v = queue[head++];
            if (forwardOk)
            {
                for (int e = t.OutOffsets[v]; e < t.OutOffsets[v + 1]; e++)
                {
                    int u = t.EdgeTarget[e];
                    if (parent[u] < 0 && (filter is null || filter[t.EdgeType[e]]))
                    {
                        parent[u] = v;
                        parentEdge[u] = e;
                        queue[tail++] = u;
                    }
                }
            }

            if (backwardOk)
            {
                for (int i = t.InOffsets[v]; i < t.InOffsets[v + 1]; i++)
                {
                    int u = t.InSources[i];
                    int e = t.InEdges[i];
                    if (parent[u] < 0 && (filter is null || filter[t.EdgeType[e]]))
                    {
                        parent[u] = v;
                        parentEdge[u] = ~e;
                        queue[tail++] = u;
                    }
                }
            }
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
            steps.Add(new PathStep(GetRelation(forward ? code : ~code), forward));
            nodes.Add(p);
            v = p;
        }

        nodes.Reverse();
        steps.Reverse();
        return new GraphPath([.. nodes.Select(i => _entities[i])], [.. steps]);
    }

    /// <summary>Finds a shortest path, as <see cref="ShortestPath"/>.</summary>
    /// <param name="from">The start's id.</param>
    /// <param name="to">The end's id.</param>
    /// <param name="path">The path, or null.</param>
    /// <param name="direction">Which relations to follow.</param>
    /// <returns><see langword="true"/> when a path exists.</returns>
    /// <exception cref="KeyNotFoundException">No entity has one of the ids.</exception>
    public bool TryFindPath(EntityId from, EntityId to, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphPath? path, Direction direction = Direction.Both)
    {
        path = ShortestPath(from, to, direction);
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
        int s = IndexOf(from);
        int goal = IndexOf(to);
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
                results.Add(new GraphPath([.. nodes.Select(i => _entities[i])], [.. steps]));
                return;
            }

            if (steps.Count == maxLength)
            {
                return;
            }

            var next = new List<(int Node, int Edge, bool Forward)>();
            ForEachNeighbor(v, direction, null, (u, e, f) => next.Add((u, e, f)));
            foreach (var (u, e, f) in next)
            {
                if (onPath.Contains(u) && !(u == goal && u == s))
                {
                    continue;
                }

                onPath.Add(u);
                nodes.Add(u);
                steps.Add(new PathStep(GetRelation(e), f));
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

    /// <summary>The subgraph induced by the entities a predicate keeps: those entities and every relation between two of them.</summary>
    /// <param name="predicate">Which entities to keep.</param>
    /// <returns>The subgraph, with the same schema and documents.</returns>
    public Graph Subgraph(Func<Entity, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var keep = new bool[_entities.Length];
        for (int i = 0; i < keep.Length; i++)
        {
            keep[i] = predicate(_entities[i]);
        }

        return Induced(keep);
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
        var keep = new bool[_entities.Length];
        foreach (var r in Neighborhood(id, hops, direction, types))
        {
            keep[_idIndex[r.Entity.Id.Value]] = true;
        }

        return Induced(keep);
    }

    private Graph Induced(bool[] keep)
    {
        var entities = new List<Entity>();
        for (int i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                entities.Add(_entities[i]);
            }
        }

        var relations = new List<Relation>();
        var t = Topology;
        for (int e = 0; e < t.EdgeCount; e++)
        {
            if (keep[t.EdgeSource[e]] && keep[t.EdgeTarget[e]])
            {
                relations.Add(GetRelation(e));
            }
        }

        return GraphBuilder.Snapshot(Schema, Documents, entities, relations, []);
    }

    internal bool[]? TypeFilter(RelationType[]? types)
    {
        if (types is null || types.Length == 0)
        {
            return null;
        }

        var filter = new bool[_types.Length];
        foreach (var type in types)
        {
            int code = TypeCode(type);
            if (code >= 0)
            {
                filter[code] = true;
            }
        }

        return filter;
    }

    private void ForEachNeighbor(int v, Direction direction, bool[]? filter, Action<int, int, bool> visit)
    {
        var t = Topology;
        if (direction != Direction.In)
        {
            for (int e = t.OutOffsets[v]; e < t.OutOffsets[v + 1]; e++)
            {
                if (filter is null || filter[t.EdgeType[e]])
                {
                    visit(t.EdgeTarget[e], e, true);
                }
            }
        }

        if (direction != Direction.Out)
        {
            for (int i = t.InOffsets[v]; i < t.InOffsets[v + 1]; i++)
            {
                int e = t.InEdges[i];
                if (filter is null || filter[t.EdgeType[e]])
                {
                    visit(t.InSources[i], e, false);
                }
            }
        }
    }
}
