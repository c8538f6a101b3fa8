using QuikGraph;

namespace KnowledgeGraph.Interop;

/// <summary>
/// A read-only QuikGraph view of a <see cref="Graph"/>: vertices are entity ids, edges are
/// relations, so QuikGraph's algorithms (search, shortest paths, components, …) run on it directly.
/// Vertices enumerate by id and edges in graph order.
/// </summary>
/// <example><code>
/// var view = Graph.LoadSeed().AsQuikGraph();
/// var bfs = new QuikGraph.Algorithms.Search.BreadthFirstSearchAlgorithm&lt;EntityId, Relation&gt;(view);
/// bfs.Compute("person:mark-rutte");
/// </code></example>
/// <threadsafety>Immutable view of an immutable graph; safe to share (QuikGraph's algorithm objects themselves are not).</threadsafety>
public sealed class QuikGraphAdapter : IBidirectionalGraph<EntityId, Relation>
{
    private readonly Graph _graph;
    private readonly Relation[] _relations;

    /// <summary>Creates the view.</summary>
    /// <param name="graph">The graph.</param>
    public QuikGraphAdapter(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        _relations = [.. graph.Relations];
    }

    /// <summary>The graph viewed.</summary>
    public Graph Graph => _graph;

    /// <inheritdoc/>
    public bool IsDirected => true;

    /// <inheritdoc/>
    public bool AllowParallelEdges => true;

    /// <inheritdoc/>
    public bool IsVerticesEmpty => _graph.EntityCount == 0;

    /// <inheritdoc/>
    public int VertexCount => _graph.EntityCount;

    /// <inheritdoc/>
    public IEnumerable<EntityId> Vertices => _graph.Entities.Select(e => e.Id);

    /// <inheritdoc/>
    public bool IsEdgesEmpty => _relations.Length == 0;

    /// <inheritdoc/>
    public int EdgeCount => _relations.Length;

    /// <inheritdoc/>
    public IEnumerable<Relation> Edges => _relations;

    /// <inheritdoc/>
    public bool ContainsVertex(EntityId vertex) => _graph.ContainsEntity(vertex);

    /// <inheritdoc/>
    public bool ContainsEdge(Relation edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return OutEdgesOrEmpty(edge.Source).Contains(edge);
    }

    /// <inheritdoc/>
    public bool ContainsEdge(EntityId source, EntityId target) => TryGetEdge(source, target, out _);

    /// <inheritdoc/>
    public bool TryGetEdge(EntityId source, EntityId target, out Relation edge)
    {
        edge = OutEdgesOrEmpty(source).FirstOrDefault(r => r.Target == target)!;
        return edge is not null;
    }

    /// <inheritdoc/>
    public bool TryGetEdges(EntityId source, EntityId target, out IEnumerable<Relation> edges)
    {
        if (!_graph.TryIndexOf(source, out _))
        {
            edges = [];
            return false;
        }

        edges = OutEdgesOrEmpty(source).Where(r => r.Target == target).ToArray();
        return true;
    }

    /// <inheritdoc/>
    public bool IsOutEdgesEmpty(EntityId vertex) => OutDegree(vertex) == 0;

    /// <inheritdoc/>
    public int OutDegree(EntityId vertex) => _graph.Degree(vertex, Direction.Out);

    /// <inheritdoc/>
    public IEnumerable<Relation> OutEdges(EntityId vertex)
    {
        int v = _graph.IndexOf(vertex);
        var t = _graph.Topology;
        return new ArraySegment<Relation>(_relations, t.OutOffsets[v], t.OutDegree(v));
    }

    /// <inheritdoc/>
    public bool TryGetOutEdges(EntityId vertex, out IEnumerable<Relation> edges)
    {
        if (!_graph.ContainsEntity(vertex))
        {
            edges = [];
            return false;
        }

        edges = OutEdges(vertex);
        return true;
    }

    /// <inheritdoc/>
    public Relation OutEdge(EntityId vertex, int index) => OutEdges(vertex).ElementAt(index);

    /// <inheritdoc/>
    public bool IsInEdgesEmpty(EntityId vertex) => InDegree(vertex) == 0;

    /// <inheritdoc/>
    public int InDegree(EntityId vertex) => _graph.Degree(vertex, Direction.In);

    /// <inheritdoc/>
    public IEnumerable<Relation> InEdges(EntityId vertex)
    {
        int v = _graph.IndexOf(vertex);
        var t = _graph.Topology;
        var result = new Relation[t.InDegree(v)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = _relations[t.InEdges[t.InOffsets[v] + i]];
        }

        return result;
    }

    /// <inheritdoc/>
    public bool TryGetInEdges(EntityId vertex, out IEnumerable<Relation> edges)
    {
        if (!_graph.ContainsEntity(vertex))
        {
            edges = [];
            return false;
        }

        edges = InEdges(vertex);
        return true;
    }

    /// <inheritdoc/>
    public Relation InEdge(EntityId vertex, int index) => InEdges(vertex).ElementAt(index);

    /// <inheritdoc/>
    public int Degree(EntityId vertex) => _graph.Degree(vertex, Direction.Both);

    private IEnumerable<Relation> OutEdgesOrEmpty(EntityId vertex) =>
        _graph.ContainsEntity(vertex) ? OutEdges(vertex) : [];
}
