using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Which part of a graph an analysis sees: the relations of some types and the entities of some
/// kinds. Relations whose type is not listed, entities whose kind is not listed and every relation
/// touching such an entity are left out, as if the graph were the induced subgraph; an empty list
/// (the default) keeps everything.
/// </summary>
/// <example><code>
/// var people = new GraphFilter { Kinds = [EntityKind.Person], RelationTypes = [RelationType.Praises] };
/// ComponentsResult groups = Components.Weak(graph, people);
/// </code></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed record GraphFilter
{
    /// <summary>The filter that keeps every entity and relation.</summary>
    public static GraphFilter All { get; } = new();

    /// <summary>The relation types to keep; all when empty.</summary>
    public ImmutableArray<RelationType> RelationTypes { get; init; } = [];

    /// <summary>The entity kinds to keep; all when empty.</summary>
    public ImmutableArray<EntityKind> Kinds { get; init; } = [];

    /// <summary>Whether the filter keeps everything.</summary>
    public bool KeepsAll => RelationTypes.IsDefaultOrEmpty && Kinds.IsDefaultOrEmpty;

    /// <summary>The filter as <c>kinds Person|Country, types PRAISES</c>, or <c>everything</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (KeepsAll)
        {
            return "everything";
        }

        string kinds = Kinds.IsDefaultOrEmpty ? "all kinds" : "kinds " + string.Join("|", Kinds.Select(k => k.Name));
        string types = RelationTypes.IsDefaultOrEmpty ? "all types" : "types " + string.Join("|", RelationTypes.Select(t => t.Name));
        return string.Create(CultureInfo.InvariantCulture, $"{kinds}, {types}");
    }

    /// <summary>Per entity index: whether the filter keeps it (null when it keeps all).</summary>
    internal bool[]? KeptEntities(Graph graph)
    {
        if (Kinds.IsDefaultOrEmpty)
        {
            return null;
        }

        var (codes, kinds) = graph.KindCodes;
        var keepKind = new bool[kinds.Length];
        for (int k = 0; k < kinds.Length; k++)
        {
            keepKind[k] = Kinds.Contains(kinds[k]);
        }

        var keep = new bool[codes.Length];
        for (int v = 0; v < codes.Length; v++)
        {
            keep[v] = keepKind[codes[v]];
        }

        return keep;
    }

    /// <summary>Per relation-type code: whether the filter keeps it (null when it keeps all).</summary>
    internal bool[]? KeptTypes(Graph graph) => RelationTypes.IsDefaultOrEmpty ? null : graph.TypeFilter([.. RelationTypes]) ?? [];
}
