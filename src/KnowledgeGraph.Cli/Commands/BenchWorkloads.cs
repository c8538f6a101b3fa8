using System.Globalization;
using System.Text;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Csv;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// The benchmark workloads W1–W6 over the library (see the bench folder's WORKLOADS.md): their
/// fixed query inputs, the work itself, and the checksum lines every implementation prints.
/// "Node index" in the contract is the position in the node file; the graph orders entities by
/// id, so inputs and tie-breaks go through <see cref="FileRank"/>.
/// </summary>
internal sealed class BenchWorkloads
{
    // W3 and W4 are batches of queries: they keep their scratch arrays (visit stamps, queues)
    // between runs, as a query engine keeps a workspace per thread.
    private TypedExpansion.Workspace? _w3;
    private ShortestPaths.Workspace? _w4;

    public BenchWorkloads(Graph graph, string nodesPath)
    {
        Graph = graph;
        var t = graph.Topology;
        int n = t.NodeCount;
        ByFile = new int[n];
        FileRank = new int[n];
        int i = 0;
        using (var text = new StreamReader(nodesPath, Encoding.UTF8))
        using (var reader = new CsvRecordReader(text, CsvGraphReader.DelimiterFor(nodesPath), Path.GetFileName(nodesPath)))
        {
            reader.Read();
            int idColumn = CsvColumns.Find(CsvColumns.ParseHeader(reader, edges: false), CsvColumnRole.Id);
            while (reader.Read())
            {
                if (i == n)
                {
                    throw new InvalidOperationException("The node file holds more nodes than the graph.");
                }

                int v = graph.IndexOf(new EntityId(reader.FieldString(idColumn)));
                ByFile[i] = v;
                FileRank[v] = i;
                i++;
            }
        }

        // W2: the Person with the largest out-degree; ties to the lower file index.
        var (codes, kinds) = graph.KindCodes;
        int person = Array.FindIndex(kinds, k => k == EntityKind.Person);
        int best = -1;
        var persons = new List<int>();
        for (int f = 0; f < n; f++)
        {
            int v = ByFile[f];
            if (codes[v] != person)
            {
                continue;
            }

            persons.Add(v);
            if (best < 0 || t.OutDegree(v) > t.OutDegree(best))
            {
                best = v;
            }
        }

        W2Start = best;

        // W3: P[j*k], k = |P| / 1000.
        int step = persons.Count / 1000;
        W3Starts = step == 0 ? [] : [.. Enumerable.Range(0, 1000).Select(j => persons[j * step])];
        int praises = graph.TypeCode(RelationType.Praises);
        int memberOf = graph.TypeCode(RelationType.MemberOf);
        W3Codes = praises < 0 || memberOf < 0 ? [] : [praises, memberOf];

        // W4: SplitMix64 pairs.
        ulong state = 42;
        W4Pairs = new (int, int)[1000];
        for (int p = 0; p < 1000; p++)
        {
            int a = (int)(Next(ref state) % (ulong)n);
            int b = (int)(Next(ref state) % (ulong)n);
            W4Pairs[p] = (ByFile[a], ByFile[b]);
        }
    }

    public Graph Graph { get; }

    /// <summary>Graph index of each node-file position.</summary>
    public int[] ByFile { get; }

    /// <summary>Node-file position of each graph index.</summary>
    public int[] FileRank { get; }

    public int W2Start { get; }

    public int[] W3Starts { get; }

    public int[] W3Codes { get; }

    public (int A, int B)[] W4Pairs { get; }

    public static Graph Load(string nodesPath, string edgesPath) =>
        CsvGraphReader.Read(nodesPath, edgesPath, new GraphReadOptions { Schema = Schema.Open });

    public static string W1Checksum(Graph g) =>
        string.Create(CultureInfo.InvariantCulture, $"nodes={g.EntityCount} edges={g.RelationCount} types={g.RelationTypes.Count}");

    public (int Visited, long DepthSum) W2()
    {
        var t = Graph.Topology;
        var depth = new int[t.NodeCount];
        var order = new int[t.NodeCount];
        int visited = BreadthFirst.Run(t, W2Start, Direction.Out, null, -1, depth, order, CancellationToken.None);
        long sum = 0;
        for (int i = 0; i < visited; i++)
        {
            sum += depth[order[i]];
        }

        return (visited, sum);
    }

    public (long Sum, int NonEmpty) W3()
    {
        if (W3Codes.Length == 0)
        {
            return (0, 0);
        }

        var ws = _w3 ??= new TypedExpansion.Workspace(Graph.Topology);
        long sum = 0;
        int nonEmpty = 0;
        foreach (int s in W3Starts)
        {
            int count = ws.Reach(s, W3Codes, Direction.Out, CancellationToken.None);
            sum += count;
            if (count > 0)
            {
                nonEmpty++;
            }
        }

        return (sum, nonEmpty);
    }

    public (long Sum, int Unreachable, int Max) W4()
    {
        var ws = _w4 ??= new ShortestPaths.Workspace(Graph.Topology);
        long sum = 0;
        int unreachable = 0, max = 0;
        foreach (var (a, b) in W4Pairs)
        {
            int d = ws.Distance(a, b, Direction.Both, CancellationToken.None);
            sum += d;
            if (d < 0)
            {
                unreachable++;
            }

            max = Math.Max(max, d);
        }

        return (sum, unreachable, max);
    }

    public double[] W5() => PageRank.Scores(Graph.Topology, 0.85, 20, CancellationToken.None);

    public IReadOnlyList<KindDegrees> W6() => Degrees.ByKind(Graph);

    public static string Checksum((int Visited, long DepthSum) w2) =>
        string.Create(CultureInfo.InvariantCulture, $"visited={w2.Visited} depthsum={w2.DepthSum}");

    public static string Checksum((long Sum, int NonEmpty) w3) =>
        string.Create(CultureInfo.InvariantCulture, $"sum={w3.Sum} nonempty={w3.NonEmpty}");

    public static string Checksum((long Sum, int Unreachable, int Max) w4) =>
        string.Create(CultureInfo.InvariantCulture, $"sum={w4.Sum} unreachable={w4.Unreachable} max={w4.Max}");

    public string Checksum(double[] scores)
    {
        var top = PageRankResult.TopIndices(scores, 5, FileRank);
        string ids = string.Join(",", top.Select(v => Graph.EntityAt(v).Id.Value));
        double sum = 0;
        foreach (double x in scores)
        {
            sum += x;
        }

        string pr1 = top.Length == 0 ? "0" : scores[top[0]].ToString("0.0000e+00", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"top5={ids} sum={sum:F6} pr1={pr1}");
    }

    public static string Checksum(IReadOnlyList<KindDegrees> rows)
    {
        string[] order = ["Person", "Organization", "Country", "Event"];
        return string.Join(";", order.Select(name =>
        {
            var r = rows.FirstOrDefault(x => x.Kind.Name == name);
            return r is null
                ? name + ":0/0/0/0"
                : string.Create(CultureInfo.InvariantCulture, $"{name}:{r.Count}/{r.OutDegreeSum}/{r.InDegreeSum}/{r.MaxDegree}");
        }));
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
