namespace KnowledgeGraph.Storage;

/// <summary>
/// The adjacency of an immutable graph as compressed sparse rows of ints, in both directions.
/// Edges are numbered in (source, type, target) order, so the out-row of node <c>v</c> is the
/// edge range <c>OutOffsets[v] .. OutOffsets[v+1]</c> and <c>EdgeTarget[e]</c> is its target.
/// The in-rows list, per target, the sources and edge numbers of its in-edges.
/// </summary>
internal sealed class GraphTopology
{
    public GraphTopology(int nodeCount, int[] edgeSource, int[] edgeType, int[] edgeTarget, int typeCount)
        : this(nodeCount, edgeSource, edgeType, edgeTarget, typeCount, CountOffsets(nodeCount, edgeSource))
    {
    }

    /// <summary>Creates the topology from edges already in (source, type, target) order and their out-row offsets.</summary>
    public GraphTopology(int nodeCount, int[] edgeSource, int[] edgeType, int[] edgeTarget, int typeCount, int[] outOffsets)
        : this(nodeCount, edgeSource, edgeType, edgeTarget, typeCount, outOffsets, new int[edgeSource.Length], new int[edgeSource.Length])
    {
    }

    /// <summary>As above, filling two spare arrays of the edge count's length (overwritten) as <see cref="InSources"/> and <see cref="InEdges"/>.</summary>
    public GraphTopology(int nodeCount, int[] edgeSource, int[] edgeType, int[] edgeTarget, int typeCount, int[] outOffsets, int[] inSources, int[] inEdges)
    {
        NodeCount = nodeCount;
        EdgeSource = edgeSource;
        EdgeType = edgeType;
        EdgeTarget = edgeTarget;
        TypeCount = typeCount;
        OutOffsets = outOffsets;
        int m = edgeSource.Length;

        InOffsets = new int[nodeCount + 1];
        for (int e = 0; e < m; e++)
        {
            InOffsets[edgeTarget[e] + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            InOffsets[v + 1] += InOffsets[v];
        }

        InSources = inSources;
        InEdges = inEdges;
        var next = new int[nodeCount];
        Array.Copy(InOffsets, next, nodeCount);
        for (int e = 0; e < m; e++)
        {
            int slot = next[edgeTarget[e]]++;
            InSources[slot] = edgeSource[e];
            InEdges[slot] = e;
        }
    }

    private static int[] CountOffsets(int nodeCount, int[] edgeSource)
    {
        var offsets = new int[nodeCount + 1];
        foreach (int s in edgeSource)
        {
            offsets[s + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        return offsets;
    }

    public int NodeCount { get; }

    public int EdgeCount => EdgeSource.Length;

    public int TypeCount { get; }

    /// <summary>Source node of each edge (edges sorted by source).</summary>
    public int[] EdgeSource { get; }

    /// <summary>Type code of each edge.</summary>
    public int[] EdgeType { get; }

    /// <summary>Target node of each edge; also the out-rows' column array.</summary>
    public int[] EdgeTarget { get; }

    public int[] OutOffsets { get; }

    public int[] InOffsets { get; }

    /// <summary>Source of each in-edge, grouped by target.</summary>
    public int[] InSources { get; }

    /// <summary>Edge number of each in-edge, grouped by target.</summary>
    public int[] InEdges { get; }

    public int OutDegree(int v) => OutOffsets[v + 1] - OutOffsets[v];

    public int InDegree(int v) => InOffsets[v + 1] - InOffsets[v];

    /// <summary>The first edge of a row (sorted by type) whose type is at least <paramref name="code"/>.</summary>
    internal static int TypeStart(int[] types, int lo, int hi, int code)
    {
        if (hi - lo <= 16)
        {
            while (lo < hi && types[lo] < code)
            {
                lo++;
            }

            return lo;
        }

        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (types[mid] < code)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
