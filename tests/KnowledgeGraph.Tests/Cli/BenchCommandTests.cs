using System.Diagnostics;
using KnowledgeGraph.Cli;

namespace KnowledgeGraph.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public void Bench_GeneratedSmallGraph_PrintsTheReferenceChecksums()
    {
        string dir = Directory.CreateTempSubdirectory("kg-bench-s-").FullName;
        try
        {
            Generate("S", dir);
            string nodes = Path.Combine(dir, "S", "nodes.tsv"), edges = Path.Combine(dir, "S", "edges.tsv");
            var o = new StringWriter();
            var e = new StringWriter();

            int code = CliApp.Run(["bench", "--nodes", nodes, "--edges", edges, "--repeat", "1"], o, e);

            Assert.True(code == 0, e.ToString());
            var lines = o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var checksums = lines.Where(l => l.StartsWith('W')).ToDictionary(l => l[..2], l => l[(l.IndexOf(" ms ", StringComparison.Ordinal) + 4)..]);
            Assert.Equal("nodes=10000 edges=50000 types=10", checksums["W1"]);
            Assert.Equal("visited=6383 depthsum=16684", checksums["W2"]);
            Assert.Equal("sum=14322 nonempty=384", checksums["W3"]);
            Assert.Equal("sum=3173 unreachable=0 max=5", checksums["W4"]);
            Assert.Equal("top5=c54,c184,c136,c107,c80 sum=1.000000 pr1=6.1682e-02", checksums["W5"]);
            Assert.Equal("Person:6000/35748/12060/1132;Organization:2000/5216/12864/783;Country:200/7236/9800/1820;Event:1800/1800/15276/570", checksums["W6"]);
            Assert.Matches(@"^W2 [0-9]+(\.[0-9]+)? ms visited=", lines[1]);
            Assert.Matches("^memory -?[0-9]+ bytes/edge$", lines[^1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("bench --nodes n.tsv --edges e.tsv --workloads W9")]
    [InlineData("bench --nodes n.tsv --edges e.tsv --repeat 0")]
    public void Bench_BadCommandLine_IsAUsageError(string commandLine)
    {
        string[] args = commandLine.Split(' ');
        var e = new StringWriter();

        Assert.Equal(2, CliApp.Run(args, new StringWriter(), e));
        Assert.StartsWith("kg: ", e.ToString());
    }

    private static void Generate(string size, string dir)
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
        psi.ArgumentList.Add(gen!);
        psi.ArgumentList.Add(size);
        psi.ArgumentList.Add("--out");
        psi.ArgumentList.Add(dir);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
    }
}
