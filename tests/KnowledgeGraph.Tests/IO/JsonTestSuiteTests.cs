using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.Tests.IO.Consumers;
using KnowledgeGraph.Tests.Reliability;
using KnowledgeGraph.Tests.Seed;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.IO;

/// <summary>
/// JSONTestSuite's parsing corpus (<c>../shared/json-test-suite/test_parsing</c>, or <c>KG_JSON_TEST_SUITE_DIR</c>)
/// through the canonical JSON reader: every file as a graph file, and every valid value as a property value.
/// The counts per prefix and outcome go to the test output and to <c>json-test-suite-summary.txt</c>.
/// </summary>
public sealed class JsonTestSuiteTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerFile = TimeSpan.FromSeconds(1);

    private static string SuiteDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("KG_JSON_TEST_SUITE_DIR");
            return Path.GetFullPath(string.IsNullOrEmpty(env) ? Path.Combine(RepoRoot.Path, "..", "shared", "json-test-suite", "test_parsing") : env);
        }
    }

    [SkippableFact]
    public void EveryFile_AsAGraph_LoadsOrFailsWithAPosition_AndEveryValidValue_AsAProperty_LoadsOrNamesItsKind()
    {
        if (!Directory.Exists(SuiteDirectory))
        {
            Tool.Missing("JSONTestSuite is not at " + SuiteDirectory + " (set KG_JSON_TEST_SUITE_DIR)");
        }

        var files = Directory.GetFiles(SuiteDirectory, "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 300, $"only {files.Length} files in {SuiteDirectory}");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (string file in files)
        {
            string name = Path.GetFileName(file);
            char prefix = name[0];
            byte[] bytes = File.ReadAllBytes(file);
            string outcome = Classify(name, bytes, prefix, problems);
            Count(counts, $"{prefix}_ as a graph: {outcome}");
            if (prefix == 'y')
            {
                Count(counts, "y_ as a property: " + ClassifyProperty(name, bytes, problems));
            }
        }

        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"JSONTestSuite: {files.Length} files") };
        lines.AddRange(counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"  {c.Key}: {c.Value}")));
        lines.AddRange(problems.Select(p => "  PROBLEM " + p));
        foreach (string line in lines)
        {
            output.WriteLine(line);
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "json-test-suite-summary.txt"), string.Join("\n", lines) + "\n");
        Assert.True(problems.Count == 0, string.Join("\n", lines));
    }

    private static string Classify(string name, byte[] bytes, char prefix, List<string> problems)
    {
        var (outcome, error) = Timed(name, () => JsonGraphReader.Read(new MemoryStream(bytes), new GraphReadOptions { SourceName = name }));
        if (error is GraphFormatException gfe)
        {
            if (gfe.Line < 1 || gfe.Column < 1 || !gfe.Message.Contains(name + "(", StringComparison.Ordinal))
            {
                problems.Add($"{name}: no position in: {gfe.Message}");
            }

            // Valid JSON is not a graph; implementation-defined JSON (huge numbers, invalid UTF-8 or UTF-16) may also be refused as such.
            bool notAGraph = gfe.What == "Not a knowledge-graph document";
            if ((prefix == 'y' && !notAGraph) || (prefix == 'i' && !notAGraph && !gfe.What.StartsWith("Malformed JSON", StringComparison.Ordinal) && !gfe.What.StartsWith("Invalid", StringComparison.Ordinal)))
            {
                problems.Add($"{name}: valid JSON refused with: {gfe.Message}");
            }

            return notAGraph ? "GraphFormatException (not a graph)" : "GraphFormatException (" + Short(gfe.What) + ")";
        }

        if (error is not null)
        {
            problems.Add($"{name}: {error.GetType().Name}: {error.Message}");
            return error.GetType().Name;
        }

        if (prefix == 'n')
        {
            problems.Add($"{name}: invalid JSON loaded");
        }

        return outcome;
    }

    private static string ClassifyProperty(string name, byte[] bytes, List<string> problems)
    {
        byte[] graph =
        [
            .. "{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [{\"id\": \"thing:x\", \"kind\": \"Thing\", \"name\": \"x\", \"properties\": {\"v\": "u8.ToArray(),
            .. bytes,
            .. "}}]}"u8.ToArray(),
        ];
        var (outcome, error) = Timed(name, () => JsonGraphReader.Read(new MemoryStream(graph), new GraphReadOptions { SourceName = name, Schema = Schema.Open }));
        if (error is null)
        {
            return outcome;
        }

        string[] kinds = ["an object", "an array", "the number", "a number", "the string", "text"];
        if (error is GraphFormatException gfe && gfe.Found is { } found && kinds.Any(k => found.Contains(k, StringComparison.Ordinal)))
        {
            return "GraphFormatException (" + gfe.What + ": " + found.Split(' ').Take(2).Aggregate((a, b) => a + " " + b) + ")";
        }

        problems.Add($"{name} as a property: {error.GetType().Name}: {error.Message}");
        return error.GetType().Name;
    }

    /// <summary>Reads on a small stack; a read that takes longer than a second is a problem (a hang, not a speed figure).</summary>
    private static (string Outcome, Exception? Error) Timed(string name, Func<Graph> read)
    {
        var sw = Stopwatch.StartNew();
        var (graph, error) = SmallStack.Call(read);
        sw.Stop();
        if (sw.Elapsed > PerFile)
        {
            throw new TimeoutException($"{name} took {sw.Elapsed.TotalMilliseconds:F0} ms.");
        }

        return (graph is null ? "failed" : "loaded", error);
    }

    /// <summary>The title of an error without the reader's detail in brackets.</summary>
    private static string Short(string what) => what.IndexOf(" (", StringComparison.Ordinal) is int i and > 0 ? what[..i] : what;

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
