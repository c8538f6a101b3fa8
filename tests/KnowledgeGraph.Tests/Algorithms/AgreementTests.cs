using System.Text.Json;
using KnowledgeGraph.Algorithms;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.Algorithms;

/// <summary>
/// NetworkX and igraph compute the same measures on the same graphs (tests/consumers/python):
/// components, k-core, triangles, clustering, exact betweenness and closeness equal (floats within
/// 1e-9, relative to the larger of 1 and the value); Louvain's modularity, averaged over seeds,
/// within 0.01 of NetworkX's <c>louvain_communities</c>.
/// </summary>
public class AgreementTests(ITestOutputHelper output)
{
    private const string NetworkXInstall = "apt-get install -y python3-networkx";
    private const string IgraphInstall = "apt-get install -y python3-igraph";
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases() =>
        ["seed", "seed-people", "small", "tricky", "empty", "single", "self-loops", "parallel-isolated", "random-1", "random-2", "random-3"];

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void NetworkXAndIgraph_SameGraph_SameMeasures(string name)
    {
        var (graph, filter) = Case(name);
        Check(name, graph, filter, exact: true, louvainSeeds: 5, samples: 8);
    }

    [SkippableFact]
    public void NetworkXAndIgraph_GeneratedBenchmarkGraphS_SameMeasures()
    {
        string dir = Directory.CreateTempSubdirectory("kg-agree-s-").FullName;
        try
        {
            var graph = GeneratedGraphs.BenchmarkGraph("S", dir);
            Check("gen-S", graph, null, exact: false, louvainSeeds: 3, samples: 64);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void Check(string name, Graph graph, GraphFilter? filter, bool exact, int louvainSeeds, int samples)
    {
        string nxPython = PythonLibrary.Require("networkx", NetworkXInstall);
        string igPython = PythonLibrary.Require("igraph", IgraphInstall);
        var (ids, edges) = Subgraph(graph, filter);
        int n = ids.Length;
        string sources = string.Join(",", Centrality.Sources(n, samples, seed: 7));
        string file = PythonLibrary.WriteEdges(n, edges);
        try
        {
            string[] nxOptions = exact ? ["--exact", "--louvain-seeds", $"{louvainSeeds}", "--sources", sources] : ["--louvain-seeds", $"{louvainSeeds}", "--sources", sources];
            using var nx = PythonLibrary.Run(nxPython, "analytics_networkx.py", file, nxOptions);
            using var ig = PythonLibrary.Run(igPython, "analytics_igraph.py", file, exact ? ["--exact"] : []);
            foreach (var reference in new[] { nx.RootElement, ig.RootElement })
            {
                string library = reference.GetProperty("library").GetString()!;
                CompareStructural(graph, filter, ids, reference, library);
                if (exact)
                {
                    CompareCentrality(graph, filter, reference, library);
                }

                output.WriteLine($"{name}: {n} entities, {edges.Count} relations: components, k-core, triangles, clustering{(exact ? ", betweenness, closeness" : string.Empty)} equal to {library}");
            }

            CompareSampled(graph, filter, samples, nx.RootElement);
            CompareLouvain(name, graph, filter, ids, nx.RootElement, louvainSeeds);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void CompareStructural(Graph graph, GraphFilter? filter, string[] ids, JsonElement reference, string library)
    {
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        Assert.Equal(Groups(reference.GetProperty("weak")), Groups(Components.Weak(graph, filter).Groups, index));
        Assert.Equal(Groups(reference.GetProperty("strong")), Groups(Components.Strong(graph, filter).Groups, index));
        var cores = Cores.Compute(graph, filter);
        Assert.Equal(ids, cores.Entities.Select(e => e.Id.Value));
        Assert.Equal(Ints(reference.GetProperty("core")), cores.CoreNumbers);
        var triangles = Triangles.Compute(graph, filter);
        Assert.Equal(Ints(reference.GetProperty("triangles")).Select(t => (long)t), triangles.Counts);
        Close(Doubles(reference.GetProperty("clustering")), triangles.Clustering, library + " clustering");
        Close([reference.GetProperty("average_clustering").GetDouble()], [triangles.AverageClustering], library + " average clustering");
        Close([reference.GetProperty("transitivity").GetDouble()], [triangles.Transitivity], library + " transitivity");
    }

    private static void CompareCentrality(Graph graph, GraphFilter? filter, JsonElement reference, string library)
    {
        Close(Doubles(reference.GetProperty("betweenness")), Centrality.Betweenness(graph, filter: filter).Scores, library + " betweenness");
        Close(Doubles(reference.GetProperty("betweenness_directed")), Centrality.Betweenness(graph, Direction.Out, filter: filter).Scores, library + " directed betweenness");
        Close(Doubles(reference.GetProperty("closeness")), Centrality.Closeness(graph, filter: filter).Scores, library + " closeness");
        Close(Doubles(reference.GetProperty("closeness_in")), Centrality.Closeness(graph, Direction.In, filter).Scores, library + " closeness in");
        Close(Doubles(reference.GetProperty("closeness_out")), Centrality.Closeness(graph, Direction.Out, filter).Scores, library + " closeness out");
        if (reference.TryGetProperty("betweenness_normalized", out var normalized))
        {
            Close(Doubles(normalized), Centrality.Betweenness(graph, normalized: true, filter: filter).Scores, library + " normalised betweenness");
            Close(Doubles(reference.GetProperty("betweenness_directed_normalized")), Centrality.Betweenness(graph, Direction.Out, normalized: true, filter: filter).Scores, library + " normalised directed betweenness");
        }
    }

    /// <summary>Sampled betweenness is NetworkX's subset betweenness from the same sources to every entity, scaled by n/k.</summary>
    private static void CompareSampled(Graph graph, GraphFilter? filter, int samples, JsonElement nx)
    {
        var undirected = Centrality.Betweenness(graph, samples: samples, seed: 7, filter: filter);
        var directed = Centrality.Betweenness(graph, Direction.Out, samples: samples, seed: 7, filter: filter);
        int n = undirected.Entities.Length;
        double scale = samples > 0 && samples < n ? (double)n / samples : 1;
        Assert.Equal(samples > 0 && samples < n ? samples : 0, undirected.Sources.Length);
        Close(Doubles(nx.GetProperty("betweenness_sources")).Select(x => x * scale).ToArray(), undirected.Scores, "sampled betweenness");
        Close(Doubles(nx.GetProperty("betweenness_directed_sources")).Select(x => x * scale).ToArray(), directed.Scores, "sampled directed betweenness");
    }

    private void CompareLouvain(string name, Graph graph, GraphFilter? filter, string[] ids, JsonElement nx, int seeds)
    {
        var runs = nx.GetProperty("louvain").EnumerateArray().ToArray();
        double theirs = runs.Average(r => r.GetProperty("modularity").GetDouble());
        double ours = Enumerable.Range(0, seeds).Average(seed => Communities.Louvain(graph, seed, filter: filter).Modularity);

        // Our modularity of NetworkX's own partition is NetworkX's value.
        var partition = runs[0].GetProperty("communities").EnumerateArray().Select(c => c.EnumerateArray().Select(i => (EntityId)ids[i.GetInt32()]).ToArray()).ToArray();
        Close([runs[0].GetProperty("modularity").GetDouble()], [Communities.Modularity(graph, partition, filter: filter)], "modularity of NetworkX's partition");
        output.WriteLine($"{name}: Louvain modularity over {seeds} seeds: ours {ours:F4}, NetworkX {theirs:F4}, difference {ours - theirs:+0.0000;-0.0000}");
        Assert.True(Math.Abs(ours - theirs) <= 0.01, $"Louvain modularity {ours:F4} (ours) vs {theirs:F4} (NetworkX)");
    }

    /// <summary>The graph a filter keeps, derived from the entities and relations alone: ids in graph order and the relations between them by position.</summary>
    internal static (string[] Ids, List<(int, int)> Edges) Subgraph(Graph graph, GraphFilter? filter)
    {
        bool KeepKind(Entity e) => filter is null || filter.Kinds.IsDefaultOrEmpty || filter.Kinds.Contains(e.Kind);
        bool KeepType(Relation r) => filter is null || filter.RelationTypes.IsDefaultOrEmpty || filter.RelationTypes.Contains(r.Type);
        var ids = graph.Entities.Where(KeepKind).Select(e => e.Id.Value).ToArray();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var edges = graph.Relations
            .Where(r => KeepType(r) && index.ContainsKey(r.Source.Value) && index.ContainsKey(r.Target.Value))
            .Select(r => (index[r.Source.Value], index[r.Target.Value]))
            .ToList();
        return (ids, edges);
    }

    internal static (Graph Graph, GraphFilter? Filter) Case(string name) => name switch
    {
        "seed" => (Graph.LoadSeed(), null),
        "seed-people" => (Graph.LoadSeed(), new GraphFilter { Kinds = [EntityKind.Person, EntityKind.Country], RelationTypes = [RelationType.Praises, RelationType.Criticizes, RelationType.Meets, new RelationType("CITIZEN_OF")] }),
        "small" => (TestGraphs.Small(), null),
        "tricky" => (TestGraphs.Tricky(), null),
        "empty" => (Graph.Empty, null),
        "single" => (GeneratedGraphs.FromPairs(1, []), null),
        "self-loops" => (GeneratedGraphs.FromPairs(3, [(0, 0), (1, 1), (1, 2), (2, 2)]), null),
        "parallel-isolated" => (GeneratedGraphs.FromPairs(7, [(0, 1), (0, 1), (1, 0), (1, 2), (2, 0), (2, 0), (3, 3), (4, 2)]), null),
        "random-1" => (GeneratedGraphs.Random(1, 60, 150), null),
        "random-2" => (GeneratedGraphs.Random(2, 200, 700), null),
        "random-3" => (GeneratedGraphs.Random(3, 300, 600), new GraphFilter { Kinds = [EntityKind.Person, EntityKind.Organization], RelationTypes = [new RelationType("REL_A"), new RelationType("REL_B")] }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };

    private static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double e = expected[i], a = actual[i];
            Assert.True(Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Abs(e)), $"{what} of node {i}: expected {e:R}, found {a:R}");
        }
    }

    private static List<string> Groups(JsonElement groups) =>
        [.. groups.EnumerateArray().Select(g => string.Join(",", g.EnumerateArray().Select(i => i.GetInt32())))];

    private static List<string> Groups(IEnumerable<System.Collections.Immutable.ImmutableArray<Entity>> groups, Dictionary<string, int> index) =>
        [.. groups.Select(g => g.Select(e => index[e.Id.Value]).Order().ToList())
            .OrderBy(g => g, Comparer<List<int>>.Create(Lexicographic))
            .Select(g => string.Join(",", g))];

    private static int Lexicographic(List<int> a, List<int> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(x => x.GetInt32())];

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(x => x.GetDouble())];
}
