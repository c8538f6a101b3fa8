using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The QuikGraph baseline of W1–W6: a <see cref="BidirectionalGraph{TVertex, TEdge}"/> of
/// <c>int</c> vertices (node-file positions) and <see cref="TaggedEdge{TVertex, TTag}"/> edges
/// tagged with an interned type code, with ids, kinds and names in arrays beside it; W2 runs
/// QuikGraph's own breadth-first search, W4b a bidirectional BFS by hand over its
/// <c>OutEdges</c>/<c>InEdges</c> (QuikGraph has none), the rest loops over its adjacency.
/// </summary>
public sealed class QuikGraphWorkloads
{
    private QuikGraphWorkloads(BidirectionalGraph<int, TaggedEdge<int, int>> graph, string[] ids, int[] kinds, string[] kindNames, string[] names, Dictionary<string, int> types)
    {
        Graph = graph;
        Ids = ids;
        Kinds = kinds;
        KindNames = kindNames;
        Names = names;
        Types = types;
    }

    public BidirectionalGraph<int, TaggedEdge<int, int>> Graph { get; }

    public string[] Ids { get; }

    public int[] Kinds { get; }

    public string[] KindNames { get; }

    public string[] Names { get; }

    public Dictionary<string, int> Types { get; }

    public static QuikGraphWorkloads Load(string nodesPath, string edgesPath)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var kinds = new List<int>();
        var names = new List<string>();
        var kindCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(nodesPath).Skip(1))
        {
            var f = line.Split('\t');
            if (!kindCodes.TryGetValue(f[1], out int k))
            {
                kindCodes.Add(f[1], k = kindCodes.Count);
            }

            index.Add(f[0], ids.Count);
            ids.Add(f[0]);
            kinds.Add(k);
            names.Add(f[2]);
        }

        var graph = new BidirectionalGraph<int, TaggedEdge<int, int>>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, ids.Count));
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(edgesPath).Skip(1))
        {
            var f = line.Split('\t');
            if (!types.TryGetValue(f[1], out int t))
            {
                types.Add(f[1], t = types.Count);
            }

            graph.AddEdge(new TaggedEdge<int, int>(index[f[0]], index[f[2]], t));
        }

        return new QuikGraphWorkloads(graph, [.. ids], [.. kinds], [.. kindCodes.OrderBy(p => p.Value).Select(p => p.Key)], [.. names], types);
    }

    public (int Visited, long DepthSum) W2(int start)
    {
        var depth = new int[Graph.VertexCount];
        int visited = 0;
        long sum = 0;
        var bfs = new BreadthFirstSearchAlgorithm<int, TaggedEdge<int, int>>(Graph);
        bfs.TreeEdge += e => depth[e.Target] = depth[e.Source] + 1;
        bfs.DiscoverVertex += v =>
        {
            visited++;
            sum += depth[v];
        };
        bfs.Compute(start);
        return (visited, sum);
    }

    public (long Sum, int NonEmpty) W3(int[] starts)
    {
        if (!Types.TryGetValue("PRAISES", out int praises) || !Types.TryGetValue("MEMBER_OF", out int memberOf))
        {
            return (0, 0);
        }

        long sum = 0;
        int nonEmpty = 0;
        var reached = new HashSet<int>();
        foreach (int s in starts)
        {
            reached.Clear();
            foreach (var e in Graph.OutEdges(s))
            {
                if (e.Tag != praises)
                {
                    continue;
                }

                foreach (var f in Graph.OutEdges(e.Target))
                {
                    if (f.Tag == memberOf)
                    {
                        reached.Add(f.Target);
                    }
                }
            }

            sum += reached.Count;
            if (reached.Count > 0)
            {
                nonEmpty++;
            }
        }

        return (sum, nonEmpty);
    }

    public (long Sum, int Unreachable, int Max) W4b((int A, int B)[] pairs)
    {
        long sum = 0;
        int unreachable = 0, max = 0;
        foreach (var (a, b) in pairs)
        {
            int d = Bidirectional(a, b);
            sum += d;
            if (d < 0)
            {
                unreachable++;
            }

            max = Math.Max(max, d);
        }

        return (sum, unreachable, max);
    }

    public double[] W5()
    {
        int n = Graph.VertexCount;
        var x = new double[n];
        var next = new double[n];
        var outDegree = new int[n];
        for (int v = 0; v < n; v++)
        {
            outDegree[v] = Graph.OutDegree(v);
        }

        Array.Fill(x, 1.0 / n);
        for (int it = 0; it < 20; it++)
        {
            double dangling = 0;
            for (int v = 0; v < n; v++)
            {
                if (outDegree[v] == 0)
                {
                    dangling += x[v];
                }
            }

            double constant = (0.15 / n) + (0.85 * dangling / n);
            for (int v = 0; v < n; v++)
            {
                double sum = 0;
                foreach (var e in Graph.InEdges(v))
                {
                    sum += x[e.Source] / outDegree[e.Source];
                }

                next[v] = constant + (0.85 * sum);
            }

            (x, next) = (next, x);
        }

        return x;
    }

    public string W6()
    {
        int k = KindNames.Length;
        var count = new int[k];
        var outSum = new long[k];
        var inSum = new long[k];
        var max = new int[k];
        foreach (int v in Graph.Vertices)
        {
            int c = Kinds[v];
            int o = Graph.OutDegree(v), i = Graph.InDegree(v);
            count[c]++;
            outSum[c] += o;
            inSum[c] += i;
            max[c] = Math.Max(max[c], o + i);
        }

        string[] order = ["Person", "Organization", "Country", "Event"];
        return string.Join(";", order.Select(name =>
        {
            int c = Array.IndexOf(KindNames, name);
            return c < 0 ? name + ":0/0/0/0" : FormattableString.Invariant($"{name}:{count[c]}/{outSum[c]}/{inSum[c]}/{max[c]}");
        }));
    }

    private int Bidirectional(int a, int b)
    {
        if (a == b)
        {
            return 0;
        }

        var distA = new Dictionary<int, int> { [a] = 0 };
        var distB = new Dictionary<int, int> { [b] = 0 };
        var frontierA = new List<int> { a };
        var frontierB = new List<int> { b };
        while (frontierA.Count > 0 && frontierB.Count > 0)
        {
            bool sideA = frontierA.Count <= frontierB.Count;
            var frontier = sideA ? frontierA : frontierB;
            var dist = sideA ? distA : distB;
            var other = sideA ? distB : distA;
            var next = new List<int>();
            int best = int.MaxValue;
            foreach (int v in frontier)
            {
                int d = dist[v] + 1;
                foreach (var e in Graph.OutEdges(v))
                {
                    Visit(e.Target, d);
                }

                foreach (var e in Graph.InEdges(v))
                {
                    Visit(e.Source, d);
                }
            }

            if (best != int.MaxValue)
            {
                return best;
            }

            if (sideA)
            {
                frontierA = next;
            }
            else
            {
                frontierB = next;
            }

            void Visit(int u, int d)
            {
                if (dist.TryAdd(u, d))
                {
                    next.Add(u);
                    if (other.TryGetValue(u, out int od))
                    {
                        best = Math.Min(best, d + od);
                    }
                }
            }
        }

        return -1;
    }
}
