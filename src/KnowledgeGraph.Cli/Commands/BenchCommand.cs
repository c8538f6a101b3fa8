using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Algorithms;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg bench --nodes FILE --edges FILE [--workloads W1,W2,...] [--repeat N]</c>: runs the
/// benchmark workloads W1–W6 on a node and an edge file with the timing protocol of the bench
/// folder's WORKLOADS.md, printing one line per workload (<c>W2 18.6 ms visited=… depthsum=…</c>:
/// the median wall-clock milliseconds and the checksum) and then the resident-memory growth of the
/// load per edge (<c>memory 68 bytes/edge</c>). With <c>KG_BENCH_DEBUG=1</c> it also writes the
/// managed heap and committed sizes after the load to standard error.
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] All = ["W1", "W2", "W3", "W4", "W5", "W6"];

    /// <summary>Diagnostic rows run only when named: weak components, Louvain (seed 0), betweenness from 64 sampled sources.</summary>
    private static readonly string[] Analytics = ["CC", "LV", "BC64"];

    public static int Run(Arguments a, TextWriter o, TextWriter e)
    {
        if (a.Nodes is null || a.Edges is null)
        {
            throw new UsageException("'bench' needs --nodes FILE and --edges FILE");
        }

        a.ExpectPositional(0, "bench --nodes FILE --edges FILE [--workloads W1,W2,...] [--repeat N]");
        var selected = a.Workloads.Count == 0 ? [.. All] : a.Workloads.Select(w => w.ToUpperInvariant()).ToList();
        foreach (var unknown in selected.Where(x => !All.Contains(x) && !Analytics.Contains(x)))
        {
            throw new UsageException($"unknown workload '{unknown}'; expected W1 to W6, CC, LV or BC64");
        }

        long rssBase = ResidentBytes();

        // W1: load 1 is a warm-up that also gives the memory figure.
        FullCollect();
        Graph? graph = BenchWorkloads.Load(a.Nodes, a.Edges);
        FullCollect();
        long rssLoad = ResidentBytes();
        if (Environment.GetEnvironmentVariable("KG_BENCH_DEBUG") == "1")
        {
            var info = GC.GetGCMemoryInfo();
            e.WriteLine($"heap {GC.GetTotalMemory(false) / 1e6:F1} MB, committed {info.TotalCommittedBytes / 1e6:F1} MB, rss growth {(rssLoad - rssBase) / 1e6:F1} MB");
        }
        int edges = graph.RelationCount;
        int r1, r;
        (r1, r) = edges <= 100_000 ? (5, 5) : edges <= 2_000_000 ? (3, 5) : (2, 3);
        if (a.Repeat is int repeat)
        {
            r1 = r = repeat;
        }

        if (selected.Contains("W1"))
        {
            graph = null;
            (graph, double median) = TimeLoad(a.Nodes, a.Edges, r1);
            o.WriteLine($"W1 {Ms(median)} ms {BenchWorkloads.W1Checksum(graph)}");
        }

        var w = new BenchWorkloads(graph!, a.Nodes);
        foreach (string id in selected.Where(x => x != "W1"))
        {
            string line = id switch
            {
                "W2" => Time(w.W2, BenchWorkloads.Checksum, r),
                "W3" => Time(w.W3, BenchWorkloads.Checksum, r),
                "W4" => Time(w.W4, BenchWorkloads.Checksum, r),
                "W5" => Time(w.W5, w.Checksum, r),
                "CC" => Time(() => Components.Weak(graph!), c => string.Create(CultureInfo.InvariantCulture, $"components={c.Count} largest={c.LargestSize}"), r),
                "LV" => Time(() => Communities.Louvain(graph!), c => string.Create(CultureInfo.InvariantCulture, $"communities={c.Count} modularity={c.Modularity:F4}"), r),
                "BC64" => Time(() => Centrality.Betweenness(graph!, samples: 64), c => string.Create(CultureInfo.InvariantCulture, $"max={c.Scores.Max():F1}"), r),
                _ => Time(w.W6, BenchWorkloads.Checksum, r),
            };
            o.WriteLine(id + " " + line);
        }

        long perEdge = edges == 0 ? 0 : (long)Math.Round((rssLoad - rssBase) / (double)edges);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory {perEdge} bytes/edge"));
        GC.KeepAlive(graph);
        return CliApp.Ok;
    }

    /// <summary>W1: loads the pair a few times to warm up, then at least <paramref name="runs"/> times (and for a second at least), giving the last graph and the median time.</summary>
    private static (Graph Graph, double MedianMs) TimeLoad(string nodes, string edges, int runs)
    {
        Graph? graph = null;
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 20 && warm.Elapsed.TotalSeconds < 0.5; i++)
        {
            graph = null;
            FullCollect();
            graph = BenchWorkloads.Load(nodes, edges);
        }

        var times = new List<double>();
        double total = 0;
        for (int i = 0; i < 30 && (i < runs || total < 1000); i++)
        {
            graph = null;
            FullCollect();
            long start = Stopwatch.GetTimestamp();
            graph = BenchWorkloads.Load(nodes, edges);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            times.Add(ms);
            total += ms;
        }

        return (graph!, Median(times));
    }

    private static string Time<T>(Func<T> run, Func<T, string> checksum, int minRuns)
    {
        T result = default!;
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 50 && (i < 1 || warm.Elapsed.TotalSeconds < 0.5); i++)
        {
            FullCollect();
            result = run();
        }

        var times = new List<double>();
        double total = 0;
        for (int i = 0; i < 100 && (i < minRuns || total < 1000); i++)
        {
            FullCollect();
            long start = Stopwatch.GetTimestamp();
            result = run();
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            times.Add(ms);
            total += ms;
        }

        return $"{Ms(Median(times))} ms {checksum(result)}";
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        int n = times.Count;
        return n % 2 == 1 ? times[n / 2] : (times[(n / 2) - 1] + times[n / 2]) / 2;
    }

    /// <summary>Milliseconds with three significant digits (at least one decimal below 100).</summary>
    private static string Ms(double ms) =>
        ms.ToString(ms >= 100 ? "F0" : ms >= 10 ? "F1" : ms >= 1 ? "F2" : "F3", CultureInfo.InvariantCulture);

    private static void FullCollect()
    {
        for (int i = 0; i < 2; i++)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }

    /// <summary>VmRSS of this process from /proc/self/status, in bytes; 0 where there is no /proc.</summary>
    private static long ResidentBytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
