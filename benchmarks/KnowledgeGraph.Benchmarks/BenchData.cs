using System.Diagnostics;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Finds the generated benchmark graphs (S, M, L) or generates them. The folder is
/// <c>KG_BENCH_DATA</c> when set, else <c>kg-bench-data</c> in the temporary folder; a size whose
/// <c>nodes.tsv</c>/<c>edges.tsv</c> are missing is generated there by running
/// <c>python3 ../shared/bench/gen.py SIZE --out DIR</c> (the generator is looked up as
/// <c>../shared/bench/gen.py</c> beside the repository root, or <c>KG_BENCH_GEN</c>). The data is
/// never part of the repository.
/// </summary>
public static class BenchData
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("KG_BENCH_DATA") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "kg-bench-data");

    public static (string Nodes, string Edges) Files(string size)
    {
        string dir = Path.Combine(Folder, size);
        string nodes = Path.Combine(dir, "nodes.tsv");
        string edges = Path.Combine(dir, "edges.tsv");
        if (!File.Exists(nodes) || !File.Exists(edges))
        {
            Generate(size);
        }

        return (nodes, edges);
    }

    private static void Generate(string size)
    {
        string gen = Environment.GetEnvironmentVariable("KG_BENCH_GEN") is { Length: > 0 } g ? g : FindGenerator();
        var psi = new ProcessStartInfo("python3") { UseShellExecute = false };
        psi.ArgumentList.Add(gen);
        psi.ArgumentList.Add(size);
        psi.ArgumentList.Add("--out");
        psi.ArgumentList.Add(Folder);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start python3.");
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{gen} {size} failed with exit code {p.ExitCode}.");
        }
    }

    private static string FindGenerator()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                string gen = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bench", "gen.py"));
                if (File.Exists(gen))
                {
                    return gen;
                }
            }
        }

        throw new FileNotFoundException("The graph generator gen.py was not found; set KG_BENCH_GEN to its path or KG_BENCH_DATA to a folder holding S/nodes.tsv and S/edges.tsv.");
    }
}
