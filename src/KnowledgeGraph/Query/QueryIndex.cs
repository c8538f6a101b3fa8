using System.Runtime.CompilerServices;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Query;

/// <summary>Per-graph indexes the planner uses: node indexes by label, and the nodes with edges of a type.</summary>
internal sealed class QueryIndex
{
    private static readonly ConditionalWeakTable<Graph, QueryIndex> Cache = new();
    private readonly Graph _graph;
    private readonly Dictionary<string, int[]> _byLabel;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Code, RelDirection Direction), int[]> _byType = new();

    private QueryIndex(Graph graph)
    {
        _graph = graph;
        for (int i = 0; i < graph.EntityCount; i++)
        {
            var properties = graph.EntityAt(i).Properties;
            HasIdProperty |= properties.ContainsKey("id");
            HasNameProperty |= properties.ContainsKey("name");
        }

        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < graph.EntityCount; i++)
        {
            foreach (var l in Values.LabelsOf(graph.EntityAt(i)))
            {
                if (!lists.TryGetValue(l, out var list))
                {
                    lists[l] = list = [];
                }

                list.Add(i);
            }
        }

        _byLabel = lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public static QueryIndex For(Graph graph) => Cache.GetValue(graph, g => new QueryIndex(g));

    private NodeRef?[]? _nodes;
    private EdgeRef?[]? _edges;

    /// <summary>The shared (immutable) value for node <paramref name="v"/>; made once per graph.</summary>
    public NodeRef Node(int v, int count)
    {
        var nodes = _nodes ??= new NodeRef?[count];
        return nodes[v] ??= new NodeRef(v);
    }

    /// <summary>The shared (immutable) value for edge <paramref name="e"/>; made once per graph.</summary>
    public EdgeRef Edge(int e, int count)
    {
        var edges = _edges ??= new EdgeRef?[count];
        return edges[e] ??= new EdgeRef(e);
    }

    public int[] WithLabel(string label) => _byLabel.TryGetValue(label, out var a) ? a : [];

    /// <summary>Whether some entity has a property of its own named <c>id</c> (which then hides the entity id).</summary>
    public bool HasIdProperty { get; }

    /// <summary>Whether some entity has a property of its own named <c>name</c> (which then hides the entity name).</summary>
    public bool HasNameProperty { get; }

    /// <summary>The nodes, ascending, that have an edge of type <paramref name="code"/> leaving (Out), entering (In) or either (Both).</summary>
    public int[] WithEdgeOfType(int code, RelDirection direction) => _byType.GetOrAdd((code, direction), key =>
    {
        var t = _graph.Topology;
        var has = new bool[_graph.EntityCount];
        foreach (int e in _graph.EdgesOfType(key.Code))
        {
            if (key.Direction != RelDirection.In)
            {
                has[t.SourceOf(e)] = true;
            }

            if (key.Direction != RelDirection.Out)
            {
                has[t.EdgeTarget[e]] = true;
            }
        }

        var nodes = new List<int>();
        for (int v = 0; v < has.Length; v++)
        {
            if (has[v])
            {
                nodes.Add(v);
            }
        }

        return [.. nodes];
    });
}
