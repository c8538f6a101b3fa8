using KnowledgeGraph.Tests.IO.Consumers;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>
/// The progress line of the real <c>kg</c>: none at all when standard error is redirected (a pipe, a file, these
/// tests), and a line rewritten with <c>'\r'</c> under a terminal (a pseudo-terminal made by util-linux <c>script</c>).
/// </summary>
public sealed class ProgressCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kg-cli-progress").FullName;

    public ProgressCliTests()
    {
        // Over 1 MiB of canonical JSON and over 10,000 entities and relations: both progress lines show from the start.
        TestGraphs.Large(8000).Save(Path.Combine(_dir, "big.json"));
        Assert.True(new FileInfo(Path.Combine(_dir, "big.json")).Length > 1024 * 1024);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void LoadAndExport_StandardErrorRedirected_WritesNoProgress()
    {
        var (code, output, err) = KgProcess.Run(_dir, "--graph", "big.json", "export", "-o", "big.nt");

        Assert.True(code == 0, err);
        Assert.Equal(string.Empty, output);
        Assert.Equal(string.Empty, err);
        Assert.True(File.Exists(Path.Combine(_dir, "big.nt")));
    }

    [SkippableFact]
    public void LoadAndExport_UnderATerminal_ShowsTheProgressLines()
    {
        string script = Tool.Require("script", "apt-get install -y util-linux (the script command)");
        string command = $"dotnet '{KgProcess.Dll}' --graph big.json export -o big.nt";
        var (code, terminal, err) = KgProcess.RunProgram(_dir, script, ["-qec", command, "/dev/null"], new Dictionary<string, string> { ["SHELL"] = "/bin/sh" });

        Assert.True(code == 0, terminal + err);
        Assert.Contains("\rkg: loading big.json  100%", terminal, StringComparison.Ordinal);
        Assert.Contains("8,800 entities, 16,000 relations", terminal, StringComparison.Ordinal);
        Assert.Contains("\rkg: writing big.nt ", terminal, StringComparison.Ordinal);
        Assert.Contains("8,800 of 8,800 entities, 16,000 of 16,000 relations", terminal, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "big.nt")));
    }
}
