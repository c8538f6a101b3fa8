namespace KnowledgeGraph.Algorithms;

/// <summary>
/// An undirected weighted graph in compressed rows for community detection: each relation adds 1
/// to the weight of its pair (direction ignored, so parallel relations add up), a self-loop adds to
/// <see cref="SelfWeight"/>. Rows hold distinct neighbours other than the node itself.
/// <see cref="Degree"/> is the weighted degree with self-loops counted twice, and
/// <see cref="TotalWeight"/> (m) the sum of all edge weights, as NetworkX's <c>G.size(weight)</c>.
/// </summary>
internal sealed class WeightedGraph
{
    public WeightedGraph(int[] offsets, int[] neighbors, double[] weights, double[] selfWeight)
    {
        Offsets = offsets;
        Neighbors = neighbors;
        Weights = weights;
        SelfWeight = selfWeight;
        Degree = new double[selfWeight.Length];
        double total = 0;
        for (int v = 0; v < selfWeight.Length; v++)
        {
            double d = 2 * selfWeight[v];
            for (int j = offsets[v]; j < offsets[v + 1]; j++)
            {
                d += weights[j];
            }

            Degree[v] = d;
            total += d;
        }

        TotalWeight = total / 2;
    }

    public int Count => SelfWeight.Length;

    public int[] Offsets { get; }

    public int[] Neighbors { get; }

    public double[] Weights { get; }

    public double[] SelfWeight { get; }

    public double[] Degree { get; }

    public double TotalWeight { get; }

    /// <summary>The graph of the view's kept relations.</summary>
    public static WeightedGraph FromEdges(int n, int[] sources, int[] targets)
    {
        var self = new double[n];
        var pairs = new List<(int, int, double)>(sources.Length);
        for (int e = 0; e < sources.Length; e++)
        {
            if (sources[e] == targets[e])
            {
                self[sources[e]] += 1;
            }
            else
            {
                pairs.Add((sources[e], targets[e], 1));
            }
        }

        return FromPairs(n, pairs, self);
    }

    /// <summary>The graph of communities: one node per community, weights summed, inner weight as a self-loop (NetworkX's <c>_gen_graph</c>).</summary>
    public WeightedGraph Aggregate(int[] community, int count)
    {
        var self = new double[count];
        var pairs = new List<(int, int, double)>();
        for (int v = 0; v < Count; v++)
        {
            int cv = community[v];
            self[cv] += SelfWeight[v];
            for (int j = Offsets[v]; j < Offsets[v + 1]; j++)
            {
                int w = Neighbors[j];
                if (w < v)
                {
                    continue;
                }

                int cw = community[w];
                if (cv == cw)
                {
                    self[cv] += Weights[j];
                }
                else
                {
                    pairs.Add((cv, cw, Weights[j]));
                }
            }
        }

        return FromPairs(count, pairs, self);
    }

    /// <summary>Modularity of a partition (community per node) with resolution γ: Σ_c L_c/m − γ·(d_c/2m)².</summary>
    public double Modularity(int[] community, int count, double resolution)
    {
        if (TotalWeight == 0)
        {
            return 0;
        }

        var inner = new double[count];
        var degree = new double[count];
        for (int v = 0; v < Count; v++)
        {
            int c = community[v];
            degree[c] += Degree[v];
            inner[c] += SelfWeight[v];
            for (int j = Offsets[v]; j < Offsets[v + 1]; j++)
            {
                if (Neighbors[j] > v && community[Neighbors[j]] == c)
                {
                    inner[c] += Weights[j];
                }
            }
        }

        double m = TotalWeight, q = 0;
        for (int c = 0; c < count; c++)
        {
            q += (inner[c] / m) - (resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m)));
        }

        return q;
    }

    private static WeightedGraph FromPairs(int n, List<(int A, int B, double W)> pairs, double[] self)
    {
        var counts = new int[n + 1];
        foreach (var (a, b, _) in pairs)
        {
            counts[a + 1]++;
            counts[b + 1]++;
        }

        for (int v = 0; v < n; v++)
        {
            counts[v + 1] += counts[v];
        }

        var neighbors = new int[counts[n]];
        var weights = new double[counts[n]];
        var next = counts[..^1];
        foreach (var (a, b, w) in pairs)
        {
            neighbors[next[a]] = b;
            weights[next[a]++] = w;
            neighbors[next[b]] = a;
            weights[next[b]++] = w;
        }

        // Sort each row by neighbour and add up repeats.
        var offsets = new int[n + 1];
        int write = 0;
        for (int v = 0; v < n; v++)
        {
            int lo = counts[v], hi = counts[v + 1];
            neighbors.AsSpan(lo, hi - lo).Sort(weights.AsSpan(lo, hi - lo));
            offsets[v] = write;
            for (int j = lo; j < hi; j++)
            {
                if (write > offsets[v] && neighbors[write - 1] == neighbors[j])
                {
                    weights[write - 1] += weights[j];
                }
                else
                {
                    neighbors[write] = neighbors[j];
                    weights[write++] = weights[j];
                }
            }
        }

        offsets[n] = write;
        return new WeightedGraph(offsets, neighbors[..write], weights[..write], self);
    }
}
