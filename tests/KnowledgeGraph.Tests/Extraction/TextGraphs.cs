using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>What the rule tests share: a graph extracted from a short text, a relation lookup, and a dump for failure messages.</summary>
internal static class TextGraphs
{
    /// <summary>The graph extracted from a text, as document <c>doc:t</c>.</summary>
    public static Graph Extract(string text) => TextExtractor.Extract(text, new ExtractionOptions { DocumentId = "doc:t" });

    /// <summary>Whether the graph holds the relation.</summary>
    public static bool Has(Graph g, string source, string type, string target) =>
        g.Relations.Any(r => r.Source.Value == source && r.Type.Name == type && r.Target.Value == target);

    /// <summary>Every relation, then every entity with its kind and aliases: what a failed assertion shows.</summary>
    public static string Dump(Graph g) =>
        string.Join("\n", g.Relations.Select(r => r.ToString())) + "\n" + string.Join("\n", g.Entities.Select(e => e.Id.Value + " " + e.Kind.Name + " " + string.Join("|", e.Aliases)));
}
