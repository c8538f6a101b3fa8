using System.Globalization;
using System.Text;
using KnowledgeGraph.Algorithms;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg communities</c> and <c>kg central</c>: the graph analytics of KnowledgeGraph.Algorithms.</summary>
internal static class AnalyticsCommand
{
    public static int Communities(Graph graph, Arguments a, TextWriter o)
    {
        a.ExpectPositional(0, "communities");
        var filter = Filter(graph, a);
        int seed = a.Seed ?? 0;
        var result = (a.Method ?? "louvain").ToLowerInvariant() switch
        {
            "louvain" => KnowledgeGraph.Algorithms.Communities.Louvain(graph, seed, filter: filter),
            "lpa" or "label-propagation" => KnowledgeGraph.Algorithms.Communities.LabelPropagation(graph, seed, filter),
            _ => throw new UsageException($"--method expects louvain or lpa; found '{a.Method}'"),
        };
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{result.Count} {(result.Count == 1 ? "community" : "communities")} over {result.EntityCount} entities ({result.Method}, {filter}); modularity {result.Modularity:F4}\n");
        for (int c = 0; c < result.Count; c++)
        {
            var members = result.Groups[c];
            sb.Append(CultureInfo.InvariantCulture, $"\nCommunity {c} ({members.Length})\n");
            foreach (var e in members)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {e.Name} ({e.Kind}, {e.Id})\n");
            }
        }

        o.Write(sb.ToString());
        return CliApp.Ok;
    }

    public static int Central(Graph graph, Arguments a, TextWriter o)
    {
        a.ExpectPositional(0, "central");
        var filter = Filter(graph, a);
        var direction = a.Direction ?? Direction.Both;
        int top = a.Top ?? 10;
        string by = (a.By ?? "betweenness").ToLowerInvariant();
        IReadOnlyList<(Entity Entity, double Score)> rows;
        string title;
        switch (by)
        {
            case "betweenness":
                var between = Centrality.Betweenness(graph, direction, a.Samples ?? 0, a.Seed ?? 0, filter: filter);
                (rows, title) = (between.Top(top), $"{between.Measure} ({DirectionText(direction)}, {filter})");
                break;
            case "closeness":
                var close = Centrality.Closeness(graph, direction, filter);
                (rows, title) = (close.Top(top), $"closeness ({DirectionText(direction)}, {filter})");
                break;
            case "pagerank":
                if (!filter.KeepsAll || a.Direction is not null)
                {
                    throw new UsageException("--by pagerank follows every relation forward; it takes no --type, --kind or --direction");
                }

                (rows, title) = (PageRank.Compute(graph).Top(top), "PageRank (damping 0.85, 20 iterations)");
                break;
            default:
                throw new UsageException($"--by expects betweenness, closeness or pagerank; found '{a.By}'");
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Top {rows.Count} by {title}\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var (e, score) = rows[i];
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1,4}  {score,14:0.######}  {e.Name} ({e.Kind}, {e.Id})\n");
        }

        o.Write(sb.ToString());
        return CliApp.Ok;
    }

    private static GraphFilter Filter(Graph graph, Arguments a)
    {
        var types = a.Types.Select(t => new RelationType(t)).ToArray();
        string? unknownType = types.Where(t => !graph.RelationTypes.Contains(t)).Select(t => t.Name).FirstOrDefault();
        if (unknownType is not null)
        {
            throw new UsageException($"unknown relation type '{unknownType}'; expected one of {string.Join(", ", graph.RelationTypes)}");
        }

        var kinds = a.Kinds.Select(k => new EntityKind(k)).ToArray();
        string? unknownKind = kinds.Where(k => !graph.Kinds.Contains(k)).Select(k => k.Name).FirstOrDefault();
        if (unknownKind is not null)
        {
            throw new UsageException($"unknown entity kind '{unknownKind}'; expected one of {string.Join(", ", graph.Kinds)}");
        }

        return new GraphFilter { RelationTypes = [.. types], Kinds = [.. kinds] };
    }

    private static string DirectionText(Direction d) => d switch
    {
        Direction.Out => "outgoing",
        Direction.In => "incoming",
        _ => "both directions",
    };
}
