namespace KnowledgeGraph.Storage;

/// <summary>
/// The adjacency of an immutable graph as compressed sparse rows of ints, in both directions.
/// Edges are numbered in (source, type, target) order, so the out-row of node <c>v</c> is the
/// edge range <c>OutOffsets[v] .. OutOffsets[v+1]</c> and <c>EdgeTarget[e]</c> is its target.
/// The in-rows list, per target, the sources and edge numbers of its in-edges.
/// </summary>
internal sealed class GraphTopology
{
    /// <summary>Creates the topology from edges in (source, type, target) order, given by their sources.</summary>
    public GraphTopology(int nodeCount, int[] edgeSource, int[] edgeType, int[] edgeTarget, int typeCount)
        : this(nodeCount, EdgeTypes.From(edgeType, typeCount), edgeTarget, typeCount, CountOffsets(nodeCount, edgeSource))
    {
    }

    /// <summary>Creates the topology from edges already in (source, type, target) order and their out-row offsets.</summary>
    public GraphTopology(int nodeCount, EdgeTypes edgeType, int[] edgeTarget, int typeCount, int[] outOffsets)
        : this(nodeCount, edgeType, edgeTarget, typeCount, outOffsets, new int[edgeTarget.Length], new int[edgeTarget.Length])
    {
    }

    /// <summary>As above, filling two spare arrays of the edge count's length (overwritten) as <see cref="InSources"/> and <see cref="InEdges"/>.</summary>
    /// <remarks>
    /// No per-edge source array is kept: the source of an edge is the out-row it lies in
    /// (<see cref="SourceOf"/>), which saves four bytes per edge.
    /// </remarks>
    public GraphTopology(int nodeCount, EdgeTypes edgeType, int[] edgeTarget, int typeCount, int[] outOffsets, int[] inSources, int[] inEdges)
    {
        NodeCount = nodeCount;
        EdgeType = edgeType;
        EdgeTarget = edgeTarget;
        TypeCount = typeCount;
        OutOffsets = outOffsets;
        int m = edgeTarget.Length;

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
        for (int v = 0; v < nodeCount; v++)
        {
            for (int e = outOffsets[v]; e < outOffsets[v + 1]; e++)
            {
                int slot = next[edgeTarget[e]]++;
                InSources[slot] = v;
                InEdges[slot] = e;
            }
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

    public int EdgeCount => EdgeTarget.Length;

    public int TypeCount { get; }

    /// <summary>Type code of each edge (a byte each when there are at most 256 types).</summary>
    public EdgeTypes EdgeType { get; }

    /// <summary>Target node of each edge; also the out-rows' column array.</summary>
    public int[] EdgeTarget { get; }

    public int[] OutOffsets { get; }

    public int[] InOffsets { get; }

    /// <summary>Source of each in-edge, grouped by target.</summary>
    public int[] InSources { get; }

    /// <summary>Edge number of each in-edge, grouped by target.</summary>
    public int[] InEdges { get; }

    /// <summary>The source of an edge: the node whose out-row holds it, by binary search over <see cref="OutOffsets"/>.</summary>
    /// <remarks>Loops over every edge in order should walk the rows instead (see <see cref="NextSource"/>).</remarks>
    public int SourceOf(int edge)
    {
        // The last node whose row starts at or before the edge; rows after an empty one start at the same offset.
        var offsets = OutOffsets;
        int lo = 0, hi = NodeCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= edge)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// The source of <paramref name="edge"/> in a loop over the edges in ascending order: moves
    /// <paramref name="source"/> (start it at 0) forward past the rows that end at or before the edge.
    /// </summary>
    public int NextSource(ref int source, int edge)
    {
        var offsets = OutOffsets;
        while (offsets[source + 1] <= edge)
        {
            source++;
        }

        return source;
    }

    public int OutDegree(int v) => OutOffsets[v + 1] - OutOffsets[v];

    public int InDegree(int v) => InOffsets[v + 1] - InOffsets[v];

    /// <summary>The first edge of a row (sorted by type) whose type is at least <paramref name="code"/>.</summary>
    internal static int TypeStart(EdgeTypes types, int lo, int hi, int code)
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
