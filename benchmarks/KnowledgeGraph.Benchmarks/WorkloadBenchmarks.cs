using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Cli.Commands;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The workloads W1–W6 of the bench folder's WORKLOADS.md on the generated graphs, each beside
/// its QuikGraph baseline (<see cref="QuikGraphWorkloads"/>) in the same run. Sizes: <c>S</c> and
/// <c>M</c>, or the comma-separated list in <c>KG_BENCH_SIZES</c>. Data: see <see cref="BenchData"/>.
/// <c>GlobalSetup</c> checks that the library and QuikGraph print the same checksums.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class WorkloadBenchmarks
{
    private string _nodes = string.Empty;
    private string _edges = string.Empty;
    private BenchWorkloads _lib = null!;
    private QuikGraphWorkloads _quik = null!;
    private int _quikW2Start;
    private int[] _quikW3Starts = [];
    private (int A, int B)[] _quikW4Pairs = [];

    public static IEnumerable<string> Sizes =>
        Environment.GetEnvironmentVariable("KG_BENCH_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["S", "M"];

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "S";

    [GlobalSetup]
    public void Setup()
    {
        (_nodes, _edges) = BenchData.Files(Size);
        _lib = new BenchWorkloads(BenchWorkloads.Load(_nodes, _edges), _nodes);
        _quik = QuikGraphWorkloads.Load(_nodes, _edges);
        var rank = _lib.FileRank;
        _quikW2Start = rank[_lib.W2Start];
        _quikW3Starts = [.. _lib.W3Starts.Select(v => rank[v])];
        _quikW4Pairs = [.. _lib.W4Pairs.Select(p => (rank[p.A], rank[p.B]))];
        Same("W2", BenchWorkloads.Checksum(W2_Library()), BenchWorkloads.Checksum(W2_QuikGraph()));
        Same("W3", BenchWorkloads.Checksum(W3_Library()), BenchWorkloads.Checksum(W3_QuikGraph()));
        Same("W4", BenchWorkloads.Checksum(W4_Library()), BenchWorkloads.Checksum(W4b_QuikGraph()));
        Same("W5", _lib.Checksum(W5_Library()), QuikW5Checksum(W5_QuikGraph()));
        Same("W6", BenchWorkloads.Checksum(W6_Library()), W6_QuikGraph());
    }

    [Benchmark, BenchmarkCategory("W1")]
    public Graph W1_Library() => BenchWorkloads.Load(_nodes, _edges);

    [Benchmark(Baseline = true), BenchmarkCategory("W1")]
    public QuikGraphWorkloads W1_QuikGraph() => QuikGraphWorkloads.Load(_nodes, _edges);

    [Benchmark, BenchmarkCategory("W2")]
    public (int, long) W2_Library() => _lib.W2();

    [Benchmark(Baseline = true), BenchmarkCategory("W2")]
    public (int, long) W2_QuikGraph() => _quik.W2(_quikW2Start);

    [Benchmark, BenchmarkCategory("W3")]
    public (long, int) W3_Library() => _lib.W3();

    [Benchmark(Baseline = true), BenchmarkCategory("W3")]
    public (long, int) W3_QuikGraph() => _quik.W3(_quikW3Starts);

    [Benchmark, BenchmarkCategory("W4")]
    public (long, int, int) W4_Library() => _lib.W4();

    [Benchmark(Baseline = true), BenchmarkCategory("W4")]
    public (long, int, int) W4b_QuikGraph() => _quik.W4b(_quikW4Pairs);

    [Benchmark, BenchmarkCategory("W5")]
    public double[] W5_Library() => _lib.W5();

    [Benchmark(Baseline = true), BenchmarkCategory("W5")]
    public double[] W5_QuikGraph() => _quik.W5();

    [Benchmark, BenchmarkCategory("W6")]
    public IReadOnlyList<KindDegrees> W6_Library() => _lib.W6();

    [Benchmark(Baseline = true), BenchmarkCategory("W6")]
    public string W6_QuikGraph() => _quik.W6();

    private string QuikW5Checksum(double[] scores)
    {
        var top = PageRankResult.TopIndices(scores, 5, null);
        double sum = scores.Sum();
        return FormattableString.Invariant($"top5={string.Join(",", top.Select(v => _quik.Ids[v]))} sum={sum:F6} pr1={scores[top[0]].ToString("0.0000e+00", System.Globalization.CultureInfo.InvariantCulture)}");
    }

    private static void Same(string workload, string library, string quik)
    {
        if (library != quik)
        {
            throw new InvalidOperationException($"{workload}: the library prints '{library}' but QuikGraph '{quik}'.");
        }
    }
}
