using BenchmarkDotNet.Attributes;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Cli.Commands;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The graph analytics of KnowledgeGraph.Algorithms on the generated graphs S and M: weak and
/// strong components, Louvain (seed 0), label propagation, betweenness from 64 sampled sources,
/// k-core and triangles. igraph's times for the same rows come from benchmarks/igraph_workloads.py.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AnalyticsBenchmarks
{
    private Graph _graph = Graph.Empty;

    [Params("S", "M")]
    public string Size { get; set; } = "S";

    [GlobalSetup]
    public void Setup()
    {
        var (nodes, edges) = BenchData.Files(Size);
        _graph = BenchWorkloads.Load(nodes, edges);
    }

    [Benchmark]
    public ComponentsResult WeakComponents() => Components.Weak(_graph);

    [Benchmark]
    public ComponentsResult StrongComponents() => Components.Strong(_graph);

    [Benchmark]
    public CommunityResult Louvain() => Communities.Louvain(_graph);

    [Benchmark]
    public CommunityResult LabelPropagation() => Communities.LabelPropagation(_graph);

    [Benchmark]
    public CentralityResult Betweenness64() => Centrality.Betweenness(_graph, samples: 64);

    [Benchmark]
    public CoreResult KCore() => Cores.Compute(_graph);

    [Benchmark]
    public TriangleResult Triangles() => KnowledgeGraph.Algorithms.Triangles.Compute(_graph);
}
