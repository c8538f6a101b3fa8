using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Tests.IO.Consumers;

namespace KnowledgeGraph.Tests.Algorithms;

/// <summary>
/// Runs the scripts of tests/consumers/python with a Python that has the library they need:
/// the <c>python3</c> on the PATH first, then the system's <c>/usr/bin/python3</c> (where Debian's
/// python3-networkx and python3-igraph install). Missing: skipped here, failed on CI (<see cref="Tool.Missing"/>).
/// </summary>
internal static class PythonLibrary
{
    private static readonly Dictionary<string, string?> Found = new(StringComparer.Ordinal);

    public static string Require(string module, string install)
    {
        lock (Found)
        {
            if (!Found.TryGetValue(module, out string? python))
            {
                python = null;
                foreach (string candidate in Candidates())
                {
                    if (Tool.Run(candidate, ["-c", "import " + module]).Code == 0)
                    {
                        python = candidate;
                        break;
                    }
                }

                Found[module] = python;
            }

            if (python is null)
            {
                Tool.Missing($"No python3 here can import {module}; .ci/run installs it with: {install}");
            }

            return python!;
        }
    }

    /// <summary>Runs a script of tests/consumers/python on an edge file and parses its JSON.</summary>
    public static JsonDocument Run(string python, string script, string edgeFile, params string[] options)
    {
        string path = Path.Combine(Tool.RepoRoot, "tests", "consumers", "python", script);
        var (code, output, err) = Tool.Run(python, [path, edgeFile, .. options]);
        Assert.True(code == 0, $"{script} failed: {err}");
        return JsonDocument.Parse(output);
    }

    /// <summary>Writes the scripts' edge file: the node count, then one "source target" line per relation.</summary>
    public static string WriteEdges(int nodeCount, IEnumerable<(int Source, int Target)> edges)
    {
        var sb = new StringBuilder();
        sb.Append(nodeCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (s, t) in edges)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{s} {t}\n");
        }

        string file = Tool.TempFile(".edges.txt");
        File.WriteAllText(file, sb.ToString());
        return file;
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "python3");
            if (File.Exists(candidate))
            {
                yield return candidate;
                break;
            }
        }

        if (File.Exists("/usr/bin/python3"))
        {
            yield return "/usr/bin/python3";
        }
    }
}
