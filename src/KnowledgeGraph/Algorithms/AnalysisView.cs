using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// The part of a graph an analysis sees (<see cref="GraphFilter"/>), renumbered 0..Count-1 in
/// entity order, as compressed rows of distinct neighbours: self-loops dropped, parallel relations
/// merged. <see cref="Undirected"/> joins both directions; <see cref="Directed"/> keeps out-rows and
/// in-rows apart. Every measure built on a view therefore follows the convention of NetworkX's
/// <c>Graph</c>/<c>DiGraph</c> and igraph's <c>simplify()</c>.
/// </summary>
internal sealed class AnalysisView
{
    private AnalysisView(Graph graph, int[] nodes, int[] offsets, int[] adjacency, int[]? inOffsets, int[]? inAdjacency)
    {
        Graph = graph;
        Nodes = nodes;
        Offsets = offsets;
        Adjacency = adjacency;
        InOffsets = inOffsets ?? offsets;
        InAdjacency = inAdjacency ?? adjacency;
    }

    public Graph Graph { get; }

    /// <summary>The entity index of each view node, ascending.</summary>
    public int[] Nodes { get; }

    public int Count => Nodes.Length;

    /// <summary>Out-rows (or the undirected rows): neighbours of view node v are <c>Adjacency[Offsets[v]..Offsets[v+1]]</c>, ascending.</summary>
    public int[] Offsets { get; }

    public int[] Adjacency { get; }

    /// <summary>In-rows; the same arrays as the out-rows for an undirected view.</summary>
    public int[] InOffsets { get; }

    public int[] InAdjacency { get; }

    /// <summary>The entities of the view, in view order.</summary>
    public Entity[] Entities()
    {
        var entities = new Entity[Nodes.Length];
        for (int v = 0; v < entities.Length; v++)
        {
            entities[v] = Graph.EntityAt(Nodes[v]);
        }

        return entities;
    }

    public static AnalysisView Undirected(Graph graph, GraphFilter? filter, CancellationToken cancellationToken) =>
        Build(graph, filter, undirected: true, cancellationToken);

    public static AnalysisView Directed(Graph graph, GraphFilter? filter, CancellationToken cancellationToken) =>
        Build(graph, filter, undirected: false, cancellationToken);

    /// <summary>The view's kept edges as (source, target) view-node pairs, with multiplicity and self-loops: the weighted graph of <see cref="Communities"/>.</summary>
    public static (int[] Nodes, int[] Sources, int[] Targets) Edges(Graph graph, GraphFilter? filter, CancellationToken cancellationToken)
    {
        var (nodes, index, keepType) = Select(graph, filter);
        var t = graph.Topology;
        var sources = new List<int>(t.EdgeCount);
        var targets = new List<int>(t.EdgeCount);
        for (int e = 0, source = 0; e < t.EdgeCount; e++)
        {
            if ((e & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int s = index[t.NextSource(ref source, e)], d = index[t.EdgeTarget[e]];
            if (s >= 0 && d >= 0 && (keepType is null || keepType[t.EdgeType[e]]))
            {
                sources.Add(s);
                targets.Add(d);
            }
        }

        return (nodes, [.. sources], [.. targets]);
    }

    private static (int[] Nodes, int[] Index, bool[]? KeepType) Select(Graph graph, GraphFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(graph);
        filter ??= GraphFilter.All;
        var keepEntity = filter.KeptEntities(graph);
        int n = graph.EntityCount;
        var index = new int[n];
        int count = 0;
        for (int v = 0; v < n; v++)
        {
            index[v] = keepEntity is null || keepEntity[v] ? count++ : -1;
        }

        var nodes = new int[count];
        for (int v = 0; v < n; v++)
        {
            if (index[v] >= 0)
            {
                nodes[index[v]] = v;
            }
        }

        return (nodes, index, filter.KeptTypes(graph));
    }

    private static AnalysisView Build(Graph graph, GraphFilter? filter, bool undirected, CancellationToken cancellationToken)
    {
        var (nodes, index, keepType) = Select(graph, filter);
        var t = graph.Topology;
        int count = nodes.Length;
        var outDegree = new int[count + 1];
        var inDegree = new int[count + 1];
        for (int e = 0, source = 0; e < t.EdgeCount; e++)
        {
            int s = index[t.NextSource(ref source, e)], d = index[t.EdgeTarget[e]];
            if (s >= 0 && d >= 0 && s != d && (keepType is null || keepType[t.EdgeType[e]]))
            {
                outDegree[s + 1]++;
                inDegree[d + 1]++;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (undirected)
        {
            for (int v = 0; v <= count; v++)
            {
                outDegree[v] += inDegree[v];
            }

            var (offsets, adjacency) = Rows(t, index, keepType, outDegree, Direction.Both, cancellationToken);
            return new AnalysisView(graph, nodes, offsets, adjacency, null, null);
        }

        var (outOffsets, outAdjacency) = Rows(t, index, keepType, outDegree, Direction.Out, cancellationToken);
        var (inOffsets, inAdjacency) = Rows(t, index, keepType, inDegree, Direction.In, cancellationToken);
        return new AnalysisView(graph, nodes, outOffsets, outAdjacency, inOffsets, inAdjacency);
    }

    /// <summary>Fills rows from per-row counts (offset by one), then sorts each row and drops repeats.</summary>
    private static (int[] Offsets, int[] Adjacency) Rows(GraphTopology t, int[] index, bool[]? keepType, int[] counts, Direction direction, CancellationToken cancellationToken)
    {
        int count = counts.Length - 1;
        for (int v = 0; v < count; v++)
        {
            counts[v + 1] += counts[v];
        }

        var adjacency = new int[counts[count]];
        var next = new int[count];
        Array.Copy(counts, next, count);
        for (int e = 0, source = 0; e < t.EdgeCount; e++)
        {
            int s = index[t.NextSource(ref source, e)], d = index[t.EdgeTarget[e]];
            if (s >= 0 && d >= 0 && s != d && (keepType is null || keepType[t.EdgeType[e]]))
            {
                if (direction != Direction.In)
                {
                    adjacency[next[s]++] = d;
                }

                if (direction != Direction.Out)
                {
                    adjacency[next[d]++] = s;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var offsets = new int[count + 1];
        int write = 0;
        for (int v = 0; v < count; v++)
        {
            int lo = counts[v], hi = counts[v + 1];
            var row = adjacency.AsSpan(lo, hi - lo);
            row.Sort();
            offsets[v] = write;
            int previous = -1;
            foreach (int w in row)
            {
                // Writing never overtakes reading: write <= lo + i.
                if (w != previous)
                {
                    adjacency[write++] = w;
                    previous = w;
                }
            }
        }

        offsets[count] = write;
        return (offsets, write == adjacency.Length ? adjacency : adjacency[..write]);
    }
}
