using System.Reflection;
using NetArchTest.Rules;

namespace KnowledgeGraph.Tests.Architecture;

/// <summary>
/// The layers of the README's "Architecture" section, one direction only:
/// Internal, Storage ← Model (the root namespace) ← {Algorithms, Extraction, Interop, Query, IO} ← Rendering ← Cli,
/// where the only arrows among the middle layers are IO → Query → Algorithms: the Cypher script reader runs
/// the query parser, and the query matcher runs the one breadth-first core.
/// A type's layer is its namespace; the root namespace's <c>Graph…Extensions</c> classes, which declare the
/// conveniences on <see cref="Graph"/> so that <c>using KnowledgeGraph;</c> finds them, belong to the layer
/// whose folder holds them (<see cref="ExtensionLayers"/>).
/// </summary>
public class LayerTests
{
    private static readonly Assembly Library = typeof(Graph).Assembly;

    /// <summary>The layers, lowest first, each with the layers it may use.</summary>
    private static readonly (string Layer, string[] MayUse)[] Layers =
    [
        ("Internal", []),
        ("Storage", ["Internal"]),
        ("Model", ["Internal", "Storage"]),
        ("Algorithms", ["Internal", "Storage", "Model"]),
        ("Query", ["Internal", "Storage", "Model", "Algorithms"]),
        ("IO", ["Internal", "Storage", "Model", "Algorithms", "Query"]),
        ("Extraction", ["Internal", "Storage", "Model"]),
        ("Interop", ["Internal", "Storage", "Model"]),
        ("Rendering", ["Internal", "Storage", "Model", "Query", "IO", "Algorithms", "Extraction", "Interop"]),
    ];

    /// <summary>The extension classes of the root namespace, by the layer (folder) that declares them.</summary>
    private static readonly Dictionary<string, string> ExtensionLayers = new(StringComparer.Ordinal)
    {
        ["GraphIOExtensions"] = "IO",
        ["GraphQueryExtensions"] = "Query",
        ["GraphTraversalExtensions"] = "Algorithms",
        ["GraphAnalyticsExtensions"] = "Algorithms",
        ["GraphExtractionExtensions"] = "Extraction",
        ["GraphSparqlExtensions"] = "IO",
        ["GraphRenderingExtensions"] = "Rendering",
    };

    public static TheoryData<string> LayerNames() => new(Layers.Select(l => l.Layer));

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Layer_UsesOnlyTheLayersBelowIt(string layer)
    {
        var mayUse = Layers.Single(l => l.Layer == layer).MayUse.Append(layer).ToHashSet(StringComparer.Ordinal);
        var forbidden = Layers.Select(l => l.Layer).Where(l => !mayUse.Contains(l)).SelectMany(NamesIn).ToArray();
        // Internal holds the net8.0 span polyfills only: on net10.0, which the tests run, it is empty.
        Assert.True(TypesOf(layer).Length > 0 || layer == "Internal", $"no type is in the layer {layer}");

        var result = Types.InAssembly(Library)
            .That().MeetCustomRule(new InLayer(layer))
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();
        Assert.True(result.IsSuccessful, $"{layer} uses a layer above it or beside it: " +
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void EveryRootExtensionClass_HasItsLayer()
    {
        var unknown = Library.GetExportedTypes()
            .Where(t => t.Namespace == "KnowledgeGraph" && t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Extensions", StringComparison.Ordinal))
            .Select(t => t.Name)
            .Where(n => !ExtensionLayers.ContainsKey(n))
            .ToArray();
        Assert.Empty(unknown);
    }

    [Fact]
    public void EveryNamespace_IsALayer()
    {
        var known = Layers.Select(l => l.Layer).ToHashSet(StringComparer.Ordinal);
        var strays = Library.GetTypes()
            .Select(t => LayerOf(t))
            .Where(l => l is not null && !known.Contains(l))
            .Distinct()
            .ToArray();
        Assert.Empty(strays);
    }

    [Fact]
    public void NothingUsesTheCli()
    {
        var result = Types.InAssembly(Library).ShouldNot().HaveDependencyOn("KnowledgeGraph.Cli").GetResult();
        Assert.True(result.IsSuccessful, "The library uses the command line: " + string.Join(", ", result.FailingTypeNames ?? []));

        // No project but the test project (which drives the real executable) references the command line's project.
        var referencing = Directory.EnumerateFiles(Seed.RepoRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(p => File.ReadAllText(p).Contains("KnowledgeGraph.Cli.csproj", StringComparison.Ordinal))
            .Select(p => Path.GetFileName(p))
            .ToArray();
        Assert.Equal(["KnowledgeGraph.Tests.csproj"], referencing);
    }

    /// <summary>The layer of a type: its namespace below the root, "Model" for the root, the table for extension classes.</summary>
    internal static string? LayerOf(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return LayerOf(type.Namespace, type.Name);
    }

    private static string? LayerOf(string? ns, string name)
    {
        ns ??= string.Empty;
        if (ns == "KnowledgeGraph")
        {
            return ExtensionLayers.TryGetValue(name, out var layer) ? layer : "Model";
        }

        if (!ns.StartsWith("KnowledgeGraph.", StringComparison.Ordinal))
        {
            return null; // compiler-generated helpers outside any namespace
        }

        string rest = ns["KnowledgeGraph.".Length..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static Type[] TypesOf(string layer) =>
        Library.GetTypes().Where(t => t.DeclaringType is null && LayerOf(t) == layer).ToArray();

    /// <summary>What a dependency on a layer looks like to NetArchTest: its namespace, or the full names of its root types.</summary>
    private static IEnumerable<string> NamesIn(string layer) =>
        layer is "Model" || TypesOf(layer).Any(t => t.Namespace == "KnowledgeGraph")
            ? TypesOf(layer).Select(t => t.FullName!)
                .Concat(layer == "Model" ? [] : ["KnowledgeGraph." + layer + "."])
            : ["KnowledgeGraph." + layer + "."];

    /// <summary>Selects the types of one layer, nested types with their outermost type.</summary>
    private sealed class InLayer(string layer) : ICustomRule
    {
        public bool MeetsRule(Mono.Cecil.TypeDefinition type)
        {
            while (type.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }

            return LayerOf(type.Namespace, type.Name) == layer;
        }
    }
}
