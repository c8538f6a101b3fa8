using System.Diagnostics;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Csv;

namespace KnowledgeGraph.Tests.Algorithms;

/// <summary>Graphs for the analytics tests: from node-number pairs, seeded random multigraphs, and the benchmark generator's graphs.</summary>
internal static class GeneratedGraphs
{
    private static readonly string[] Kinds = ["Person", "Organization", "Country"];
    private static readonly string[] Types = ["REL_A", "REL_B", "REL_C"];

    /// <summary>Entities <c>n0</c>, <c>n1</c>, … (ids sort as numbers up to 10) joined by the pairs; repeats of a pair get the next relation type, so they stay parallel relations.</summary>
    public static Graph FromPairs(int n, (int Source, int Target)[] pairs)
    {
        var b = new GraphBuilder(Schema.Open);
        for (int i = 0; i < n; i++)
        {
            b.AddEntity(new Entity(Id(i), Kinds[i % Kinds.Length], "Node " + i));
        }

        var seen = new Dictionary<(int, int), int>();
        foreach (var pair in pairs)
        {
            seen[pair] = seen.TryGetValue(pair, out int k) ? k + 1 : 0;
            b.AddRelation(Id(pair.Source), new RelationType(Types[seen[pair] % Types.Length]), Id(pair.Target));
        }

        return b.Build();
    }

    /// <summary>
    /// A seeded multigraph with skewed degrees (endpoints drawn as n·u², so low numbers are hubs),
    /// about one relation in 25 a self-loop and one in 8 a parallel relation of another type, and
    /// some isolated entities (those never drawn).
    /// </summary>
    public static Graph Random(int seed, int n, int m)
    {
        var random = new Random(seed);
        var pairs = new List<(int, int)>(m);
        while (pairs.Count < m)
        {
            int s = Skewed(random, n);
            int t = random.Next(25) == 0 ? s : Skewed(random, n);
            pairs.Add((s, t));
            if (random.Next(8) == 0 && pairs.Count < m)
            {
                pairs.Add((s, t));
            }
        }

        return FromPairs(n, [.. pairs]);
    }

    /// <summary>A graph of ../shared/bench/gen.py (S, M or L), generated into <paramref name="dir"/> and loaded from its TSV files.</summary>
    public static Graph BenchmarkGraph(string size, string dir)
    {
        string? gen = null;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null && gen is null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "KnowledgeGraph.sln")))
            {
                gen = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "bench", "gen.py"));
            }
        }

        Assert.True(gen is not null && File.Exists(gen), "The generator ../shared/bench/gen.py was not found beside the repository.");
        var psi = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { gen!, size, "--out", dir })
        {
            psi.ArgumentList.Add(arg);
        }

        using (var p = Process.Start(psi)!)
        {
            p.StandardOutput.ReadToEnd();
            string error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, error);
        }

        return CsvGraphReader.Read(Path.Combine(dir, size, "nodes.tsv"), Path.Combine(dir, size, "edges.tsv"), new GraphReadOptions { Schema = Schema.Open });
    }

    private static string Id(int i) => "n" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static int Skewed(Random random, int n)
    {
        double u = random.NextDouble();
        return Math.Min(n - 1, (int)(n * u * u));
    }
}
