using System.Reflection;
using System.Text.Json;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Packaging;

/// <summary>The shipped library and everything it pulls in carry no Roslyn assembly, analyzer or source generator.</summary>
public class RoslynFreeTests
{
    private static readonly string[] Shipped = ["KnowledgeGraph"];

    public static TheoryData<string> ShippedProjects() => new(Shipped);

    [Theory]
    [MemberData(nameof(ShippedProjects))]
    public void ShippedDependencyClosure_HasNoRoslynAndNoAnalyzers(string project)
    {
        string assets = Path.Combine(RepoRoot.Path, "src", project, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing: restore the solution first");
        using var doc = JsonDocument.Parse(File.ReadAllText(assets));
        var root = doc.RootElement;
        var frameworks = root.GetProperty("project").GetProperty("frameworks").EnumerateObject().ToArray();
        Assert.Equal(["net10.0", "net8.0"], frameworks.Select(f => f.Name).Order(StringComparer.Ordinal));
        var offenders = new List<string>();
        foreach (var framework in frameworks)
        {
            offenders.AddRange(Offenders(root, framework));
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void LibraryAssembly_ReferencesNoRoslynAndNoCodeGeneration()
    {
        var assembly = typeof(Graph).Assembly;
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToArray();
        Assert.Contains("QuikGraph", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("System.Reflection.Emit", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("Scripting", StringComparison.Ordinal));
    }

    [Fact]
    public void LibraryAssemblyClosure_LoadsNoRoslynAssembly()
    {
        // Every assembly the library needs at run time, followed reference by reference from the library itself.
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>();
        pending.Push(typeof(Graph).Assembly.GetName());
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name.Name ?? string.Empty))
            {
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        Assert.Contains("QuikGraph", seen);
        Assert.DoesNotContain(seen, n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, n => n.Contains("Scripting", StringComparison.Ordinal));

        // Beside the framework, the closure is the library and QuikGraph.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var outside = seen.Where(n => !File.Exists(Path.Combine(runtimeDirectory, n + ".dll"))).ToArray();
        Assert.Equal(["KnowledgeGraph", "QuikGraph"], outside);
    }

    private static List<string> Offenders(JsonElement root, JsonProperty framework)
    {
        var targets = root.GetProperty("targets").GetProperty(framework.Name);
        var libraries = root.GetProperty("libraries");

        // Direct package dependencies that flow to consumers (build-only ones are marked suppressParent=All).
        var pending = new Stack<string>();
        var buildOnly = new List<string>();
        foreach (var dep in framework.Value.GetProperty("dependencies").EnumerateObject())
        {
            bool suppressed = dep.Value.TryGetProperty("suppressParent", out var sp) && sp.GetString() == "All";
            if (suppressed)
            {
                buildOnly.Add(dep.Name);
            }
            else
            {
                pending.Push(dep.Name);
            }
        }

        // The only build-time package is the SDK's own trimming/AOT tooling that IsAotCompatible brings; it is never shipped.
        Assert.Equal(["Microsoft.NET.ILLink.Tasks"], buildOnly);

        var closure = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            var key = targets.EnumerateObject().Single(t => t.Name.StartsWith(name + "/", StringComparison.OrdinalIgnoreCase)).Name;
            if (!closure.Add(key))
            {
                continue;
            }

            if (targets.GetProperty(key).TryGetProperty("dependencies", out var deps))
            {
                foreach (var d in deps.EnumerateObject())
                {
                    pending.Push(d.Name);
                }
            }
        }

        Assert.Contains(closure, l => l.StartsWith("QuikGraph/", StringComparison.Ordinal));
        var offenders = new List<string>();
        foreach (string lib in closure)
        {
            if (lib.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase))
            {
                offenders.Add(lib);
            }

            foreach (var f in libraries.GetProperty(lib).GetProperty("files").EnumerateArray())
            {
                string file = f.GetString() ?? string.Empty;
                if (file.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase) || file.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase))
                {
                    offenders.Add(lib + ": " + file);
                }
            }
        }

        return offenders;
    }
}
