using BenchmarkDotNet.Attributes;
using KnowledgeGraph.Cli.Commands;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Loading the generated M graph (200,000 nodes, 1,000,000 edges) from its N-Triples export beside loading the same
/// graph from its CSV files (the baseline) in the same run. The export (<c>graph.nt</c> beside the CSV files, made
/// once with <see cref="NTriplesWriter"/>) holds about 1.6 million triples. <c>GlobalSetup</c> checks that both loads
/// give the same counts. Data: see <see cref="BenchData"/>; the size is <c>M</c> or <c>KG_BENCH_RDF_SIZE</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RdfLoadBenchmarks
{
    private static readonly GraphReadOptions Open = new() { Schema = Schema.Open };
    private string _nodes = string.Empty;
    private string _edges = string.Empty;
    private string _ntriples = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        string size = Environment.GetEnvironmentVariable("KG_BENCH_RDF_SIZE") is { Length: > 0 } s ? s : "M";
        (_nodes, _edges) = BenchData.Files(size);
        _ntriples = Path.Combine(Path.GetDirectoryName(_nodes)!, "graph.nt");
        var csv = Csv();
        if (!File.Exists(_ntriples))
        {
            NTriplesWriter.Write(csv, _ntriples);
        }

        string a = BenchWorkloads.W1Checksum(csv), b = BenchWorkloads.W1Checksum(NTriples());
        if (a != b)
        {
            throw new InvalidOperationException($"The N-Triples load differs from the CSV load: {b} against {a}.");
        }
    }

    [Benchmark(Baseline = true)]
    public Graph Csv() => BenchWorkloads.Load(_nodes, _edges);

    [Benchmark]
    public Graph NTriples() => NTriplesReader.Read(_ntriples, Open);
}
