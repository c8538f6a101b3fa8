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
                if ((filter is null || filter[t.EdgeType[e]]) && !(direction == Direction.Both && t.InSources[i] == v))
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

    internal Graph Induced(bool[] keep)
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
        for (int e = 0, s = 0; e < t.EdgeCount; e++)
        {
            if (keep[t.NextSource(ref s, e)] && keep[t.EdgeTarget[e]])
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

    internal void ForEachNeighbor(int v, Direction direction, bool[]? filter, Action<int, int, bool> visit)
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
