using BenchmarkDotNet.Attributes;
using KnowledgeGraph.IO.Json;
using QuikGraph;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Seed-sized work: loading the canonical JSON of the seed graph, and a 2-hop neighbourhood of
/// Mark Rutte (both directions) through the library and through QuikGraph's breadth-first search
/// on a <see cref="BidirectionalGraph{TVertex, TEdge}"/> holding the same graph.
/// </summary>
[MemoryDiagnoser]
public class SeedBenchmarks
{
    private byte[] _json = [];
    private Graph _graph = Graph.Empty;
    private BidirectionalGraph<string, TaggedEdge<string, string>> _quik = new();
    private EntityId _start;

    [GlobalSetup]
    public void Setup()
    {
        _graph = Graph.LoadSeed();
        _json = System.Text.Encoding.UTF8.GetBytes(_graph.ToJson());
        _start = _graph.Resolve("Mark Rutte").Id;
        _quik = new BidirectionalGraph<string, TaggedEdge<string, string>>(allowParallelEdges: true);
        foreach (var e in _graph.Entities)
        {
            _quik.AddVertex(e.Id.Value);
        }

        foreach (var r in _graph.Relations)
        {
            _quik.AddEdge(new TaggedEdge<string, string>(r.Source.Value, r.Target.Value, r.Type.Name));
        }

        if (LibraryKHop() != QuikGraphKHop())
        {
            throw new InvalidOperationException("The library and QuikGraph disagree on the 2-hop neighbourhood.");
        }
    }

    [Benchmark]
    public Graph LoadSeedJson() => JsonGraphReader.Read(new MemoryStream(_json, writable: false));

    [Benchmark(Baseline = true)]
    public int QuikGraphKHop()
    {
        // Level-by-level BFS over out- and in-edges, as QuikGraph users write it (its BFS has no depth bound).
        var seen = new HashSet<string> { _start.Value };
        var frontier = new List<string> { _start.Value };
        for (int d = 0; d < 2; d++)
        {
            var next = new List<string>();
            foreach (var v in frontier)
            {
                foreach (var e in _quik.OutEdges(v))
                {
                    if (seen.Add(e.Target))
                    {
                        next.Add(e.Target);
                    }
                }

                foreach (var e in _quik.InEdges(v))
                {
                    if (seen.Add(e.Source))
                    {
                        next.Add(e.Source);
                    }
                }
            }

            frontier = next;
        }

        return seen.Count;
    }

    [Benchmark]
    public int LibraryKHop() => _graph.Neighborhood(_start, 2).Count;
}
