using System.Diagnostics;
using System.Text;

namespace KnowledgeGraph.Tests.IO.Consumers;

/// <summary>
/// Runs the external programs that consume our exports. On CI (<c>CI=true</c>, where .ci/run installs every
/// one of them) a missing program fails the test, with a message naming the program and how .ci/run installs
/// it; elsewhere (a developer's fresh machine) the test is reported as skipped with the same message.
/// </summary>
internal static class Tool
{
    /// <summary>The repository root (the folder holding KnowledgeGraph.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Require(string program, string install)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Missing($"The program '{program}' is not installed; .ci/run installs it with: {install}");
        return program;
    }

    /// <summary>Whether the tests run on CI, where every consumer must be present.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The node.js folder of the consumer tests, once node and every named npm package are installed there (else <see cref="Missing"/>).</summary>
    public static (string Node, string Folder) RequireNodePackages(params string[] packages)
    {
        string node = Require("node", "apt-get install -y nodejs npm");
        string folder = Path.Combine(RepoRoot, "tests", "consumers", "node");
        var absent = packages.Where(p => !Directory.Exists(Path.Combine(folder, "node_modules", p))).ToList();
        if (absent.Count > 0)
        {
            Missing($"The npm package(s) {string.Join(", ", absent)} are not installed in tests/consumers/node; .ci/run installs them with: cd tests/consumers/node && npm ci");
        }

        return (node, folder);
    }

    /// <summary>Fails on CI, skips elsewhere.</summary>
    public static void Missing(string message)
    {
        if (!OnCi)
        {
            Skip.If(true, message);
        }

        Assert.Fail(message);
    }

    public static (int Code, string Out, string Err) Run(string program, IEnumerable<string> args, string? stdin = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within two minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempFile(string extension) =>
        Path.Combine(Path.GetTempPath(), "kg-consumer-" + Guid.NewGuid().ToString("N") + extension);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
