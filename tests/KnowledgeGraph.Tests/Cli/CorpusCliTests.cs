using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ApprovalTests;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>
/// The real <c>kg</c> executable over every malformed corpus under <c>tests/Corpus/</c>: each folder is a corpus
/// of graph files read with <c>kg --graph FILE stats</c> (by extension, so a new reader's corpus joins by adding a
/// folder), except <c>cypher</c>, whose files are queries run with <c>kg query -</c>. Every file must exit with 1,
/// print nothing on standard output and one line on standard error naming the file, the line and the column;
/// never a stack trace, never a hang. The lines are approved as one snapshot.
/// </summary>
public partial class CorpusCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void EveryCorpusFile_IsRefusedByKg_WithExitCode1_AndOneLineNamingFileLineAndColumn()
    {
        string root = Path.Combine(RepoRoot.Path, "tests", "Corpus");
        var jobs = new List<(string Folder, string File)>();
        foreach (string folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                // A CSV graph is a pair read through its nodes file.
                if (!file.EndsWith(".edges.csv", StringComparison.Ordinal))
                {
                    jobs.Add((Path.GetFileName(folder), file));
                }
            }
        }

        Assert.True(jobs.Count >= 50, "the corpus is missing");
        var results = new string[jobs.Count];
        var problems = new List<string>();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var (folder, file) = jobs[i];
            string name = Path.GetFileName(file);
            bool isQuery = folder == "cypher";
            var (code, stdout, stderr) = isQuery
                ? Kg(Path.GetDirectoryName(file)!, File.ReadAllText(file), "query", "-")
                : Kg(Path.GetDirectoryName(file)!, null, "--graph", name, "stats");
            var found = new List<string>();
            if (code != 1)
            {
                found.Add($"exit code {code}");
            }

            if (stdout.Length > 0)
            {
                found.Add("output on stdout");
            }

            if (stderr.Contains("   at ", StringComparison.Ordinal) || stderr.Contains("Unhandled exception", StringComparison.Ordinal))
            {
                found.Add("a stack trace");
            }

            if (!isQuery)
            {
                if (stderr.Count(c => c == '\n') != 1 || !stderr.EndsWith('\n'))
                {
                    found.Add("not one line");
                }

                if (!stderr.StartsWith($"kg: cannot load '{name}': ", StringComparison.Ordinal))
                {
                    found.Add("no file name");
                }

                if (!Position().IsMatch(stderr))
                {
                    found.Add("no line and column");
                }
            }
            else if (!stderr.StartsWith("kg: ", StringComparison.Ordinal))
            {
                found.Add("no query error");
            }

            results[i] = $"{folder}/{name}: {code}: {stderr.TrimEnd('\n').Replace("\n", "\n    ", StringComparison.Ordinal)}\n";
            if (found.Count > 0)
            {
                lock (problems)
                {
                    problems.Add($"{folder}/{name}: {string.Join(", ", found)}: {stderr}");
                }
            }
        });

        Assert.True(problems.Count == 0, string.Join("\n", problems.Order(StringComparer.Ordinal)));
        Approvals.Verify(string.Concat(results));
    }

    /// <summary>Runs the built <c>kg</c> (kg.dll beside the tests) in <paramref name="workingDirectory"/>.</summary>
    internal static (int Code, string Out, string Err) Kg(string workingDirectory, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kg.dll"));
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(psi)!;
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, outTask.Result, "a hang: killed after " + Timeout.TotalSeconds + " s\n" + errTask.Result);
        }

        return (p.ExitCode, outTask.Result, errTask.Result);
    }

    [GeneratedRegex(@"\(\d+,\d+\)|line \d+, column \d+")]
    private static partial Regex Position();
}
