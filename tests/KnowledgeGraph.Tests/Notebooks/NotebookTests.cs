using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Tests.IO.Consumers;
using KnowledgeGraph.Tests.Packaging;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Notebooks;

/// <summary>
/// Runs the sample notebook headless with the dotnet-repl tool (a local tool in .config/dotnet-tools.json)
/// against the packed package, as a notebook user would, and checks every cell.
/// </summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class NotebookTests
{
    private readonly PackedLibrary _packed;

    public NotebookTests(PackedLibrary packed) => _packed = packed;

    [SkippableFact]
    public void ExploreSeedNotebook_RunsWithoutErrors_AndShowsTheAnswers()
    {
        string source = Path.Combine(RepoRoot.Path, "tests", "Notebooks", "explore-seed.ipynb");
        var notebook = JsonNode.Parse(File.ReadAllText(source))!;
        var cells = notebook["cells"]!.AsArray();
        var reference = cells.Single(c => Source(c!).Contains("#r \"nuget: KnowledgeGraph\"", StringComparison.Ordinal))!;

        // The package comes from the freshly packed folder, pinned to its version.
        reference["source"] = new JsonArray($"#i \"nuget: {_packed.Folder}\"\n", $"#r \"nuget: KnowledgeGraph, {_packed.Version}\"");
        string dir = Path.Combine(_packed.Root, "notebook");
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, "explore-seed.ipynb");
        string output = Path.Combine(dir, "explore-seed.out.ipynb");
        File.WriteAllText(input, notebook.ToJsonString());

        // The notebook runs in its own folder (files it writes land there), with the repository's tool manifest.
        // The tool is restored into this run's own NuGet folder, and the SDK's local-tool resolver cache lives
        // beside it (DOTNET_CLI_HOME): a shared cache keeps the first path it ever recorded for dotnet-repl
        // 0.3.259, so once an earlier run's folder is deleted, "dotnet tool restore" succeeds and the tool
        // still cannot be found ("Run dotnet tool restore ...").
        Directory.CreateDirectory(Path.Combine(dir, ".config"));
        File.Copy(Path.Combine(RepoRoot.Path, ".config", "dotnet-tools.json"), Path.Combine(dir, ".config", "dotnet-tools.json"), overwrite: true);
        var env = new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = Path.Combine(_packed.Root, "cli-home"),
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_ROLL_FORWARD"] = "Major",
        };
        var (restoreCode, restoreOutput) = PackedLibrary.Dotnet(dir, env, "tool", "restore");
        if (restoreCode != 0)
        {
            Tool.Missing("The local tool dotnet-repl (.config/dotnet-tools.json) could not be restored; the test restores it itself with 'dotnet tool restore', which said:\n" + restoreOutput);
        }

        var (code, log) = PackedLibrary.Dotnet(dir, env, "repl", "--run", input, "--exit-after-run", "--output-path", output);
        Assert.True(File.Exists(output), "dotnet repl wrote no output notebook (exit code " + code + "):\n" + log);

        var ran = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        var codeCells = ran.Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.Equal(cells.Count(c => (string?)c!["cell_type"] == "code"), codeCells.Count);
        var errors = codeCells
            .SelectMany(c => c!["outputs"]!.AsArray())
            .Where(o => (string?)o!["output_type"] == "error" || ((string?)o!["output_type"] == "stream" && (string?)o["name"] == "stderr"))
            .Select(o => o!.ToJsonString())
            .ToArray();
        Assert.Empty(errors);
        Assert.True(code == 0, "dotnet repl exited with " + code + ":\n" + log);

        string Out(string containing)
        {
            var cell = codeCells.Single(c => Source(c!).Contains(containing, StringComparison.Ordinal));
            return string.Concat(cell!["outputs"]!.AsArray().Select(o => o!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        }

        Assert.Contains("Graph with 58 entities and 124 relations", Out("Graph.LoadSeed()"));
        Assert.Contains("<svg", Out("Graph.LoadSeed()"));
        Assert.Contains("Elbridge Colby", Out("EntityKind.Person"));
        Assert.Contains("Donald Trump", Out("RelationType.Praises"));
        Assert.Contains("Munich Security Conference", Out("RelationType.Attends"));
        Assert.Contains("Prioritised Ukraine Requirements List", Out("RelationType.ContributesTo"));
        Assert.Contains("Vladimir Putin", Out("ShortestPath"));
        Assert.Contains("kg-path", Out("ShortestPath"));
        Assert.Contains("kg-entity", Out("g.Card"));
        Assert.Contains("kg-graph", Out("NeighborhoodGraph"));
        Assert.Contains("kg-query", Out("g.Query"));
        Assert.Contains("Elbridge Colby", Out("g.Query"));
        Assert.Contains("NATO defense ministers", Out("g.Query"));
        Assert.Contains("bytes of GraphML", Out("g.Save"));
        Assert.True(File.Exists(Path.Combine(dir, "seed.kg.json")));
        Assert.True(File.Exists(Path.Combine(dir, "seed.graphml")));
    }

    private static string Source(JsonNode cell)
    {
        var src = cell["source"]!;
        return src is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)src ?? string.Empty;
    }
}
