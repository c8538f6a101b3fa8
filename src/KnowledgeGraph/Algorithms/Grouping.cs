using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Groups of entities (components, communities) in canonical order: largest first, ties by the
/// first member's id; members by id. The shared core of <see cref="ComponentsResult"/> and
/// <see cref="CommunityResult"/>.
/// </summary>
internal sealed class Grouping
{
    private readonly Graph _graph;
    private readonly int[] _nodes;

    /// <summary>Builds the groups from a label per view node, each label a view node (0 to Count-1); equal labels, one group.</summary>
    public Grouping(Graph graph, int[] nodes, int[] labels)
    {
        _graph = graph;
        _nodes = nodes;
        int n = labels.Length;
        var size = new int[n];
        var seen = new int[n];
        var labelOrder = new List<int>();
        foreach (int label in labels)
        {
            size[label]++;
        }

        for (int v = 0; v < n; v++)
        {
            if (seen[labels[v]]++ == 0)
            {
                labelOrder.Add(labels[v]);
            }
        }

        // Labels in order of first member (= id order); a stable sort by size keeps that order within ties.
        var ordered = labelOrder.OrderByDescending(l => size[l]).ToArray();
        var groupOfLabel = new int[n];
        var start = new int[ordered.Length + 1];
        for (int g = 0; g < ordered.Length; g++)
        {
            groupOfLabel[ordered[g]] = g;
            start[g + 1] = start[g] + size[ordered[g]];
        }

        Labels = new int[n];
        var members = new Entity[n];
        var next = start[..^1];
        for (int v = 0; v < n; v++)
        {
            int g = groupOfLabel[labels[v]];
            Labels[v] = g;
            members[next[g]++] = graph.EntityAt(nodes[v]);
        }

        var groups = ImmutableArray.CreateBuilder<ImmutableArray<Entity>>(ordered.Length);
        for (int g = 0; g < ordered.Length; g++)
        {
            groups.Add(ImmutableArray.Create(members, start[g], start[g + 1] - start[g]));
        }

        Groups = groups.MoveToImmutable();
    }

    public ImmutableArray<ImmutableArray<Entity>> Groups { get; }

    /// <summary>The group number of each view node.</summary>
    public int[] Labels { get; }

    public int EntityCount => _nodes.Length;

    public Graph Graph => _graph;

    /// <summary>The entity index of each view node.</summary>
    public int[] Nodes => _nodes;

    public int GroupOf(EntityId id) =>
        TryViewIndex(_graph, _nodes, id, out int v) ? Labels[v] : throw NotAnalysed(id, _nodes.Length);

    /// <summary>The view node of an entity, when the view holds it.</summary>
    internal static bool TryViewIndex(Graph graph, int[] nodes, EntityId id, out int view)
    {
        view = -1;
        if (!graph.TryIndexOf(id, out int index))
        {
            return false;
        }

        view = nodes.Length == graph.EntityCount ? index : Array.BinarySearch(nodes, index);
        return view >= 0;
    }

    internal static KeyNotFoundException NotAnalysed(EntityId id, int count) =>
        new($"No entity with id '{id}' among the {count} entities analysed (it is not in the graph, or the filter left it out).");

    /// <summary>A summary line and the largest groups, up to <paramref name="shownNames"/> names each.</summary>
    public string Describe(string what, string extra, int shownGroups = 10, int shownNames = 8)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Groups.Length} {what} over {EntityCount} {(EntityCount == 1 ? "entity" : "entities")}{extra}");
        for (int g = 0; g < Math.Min(shownGroups, Groups.Length); g++)
        {
            var members = Groups[g];
            sb.Append(CultureInfo.InvariantCulture, $"\n  {g}: {members.Length} — ");
            sb.Append(string.Join(", ", members.Take(shownNames).Select(e => e.Name.Length == 0 ? e.Id.Value : e.Name)));
            if (members.Length > shownNames)
            {
                sb.Append(", …");
            }
        }

        if (Groups.Length > shownGroups)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  … {Groups.Length - shownGroups} more");
        }

        return sb.ToString();
    }
}
