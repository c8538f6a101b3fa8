using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Algorithms;

/// <summary>The scores of <see cref="Centrality.Betweenness"/> or <see cref="Centrality.Closeness"/>, one per entity analysed.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CentralityResult
{
    private readonly Graph _graph;
    private readonly int[] _nodes;
    private readonly double[] _scores;

    internal CentralityResult(string measure, Direction direction, Graph graph, int[] nodes, Entity[] entities, double[] scores, Entity[] sources)
    {
        Measure = measure;
        Direction = direction;
        _graph = graph;
        _nodes = nodes;
        _scores = scores;
        Entities = ImmutableArray.Create(entities);
        Sources = ImmutableArray.Create(sources);
    }

    /// <summary>What was measured, such as <c>betweenness</c> or <c>betweenness from 64 sampled sources</c>.</summary>
    public string Measure { get; }

    /// <summary>How relations were followed.</summary>
    public Direction Direction { get; }

    /// <summary>The entities analysed, ordered by id.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The score of each entity, in the order of <see cref="Entities"/>.</summary>
    public IReadOnlyList<double> Scores => Array.AsReadOnly(_scores);

    /// <summary>The sampled sources of an estimated betweenness, ordered by id; empty when every entity was a source.</summary>
    public ImmutableArray<Entity> Sources { get; }

    /// <summary>The score of an entity.</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns>The score.</returns>
    /// <exception cref="KeyNotFoundException">No analysed entity has that id.</exception>
    public double ScoreOf(EntityId id) =>
        Grouping.TryViewIndex(_graph, _nodes, id, out int v) ? _scores[v] : throw Grouping.NotAnalysed(id, _nodes.Length);

    /// <summary>The entities with the highest scores, highest first; ties go to the lower id.</summary>
    /// <param name="count">How many, 0 or more.</param>
    /// <returns>The entities and their scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<(Entity Entity, double Score)> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. PageRankResult.TopIndices(_scores, count, null).Select(v => (Entities[v], _scores[v]))];
    }

    /// <summary>A header such as <c>betweenness (both directions) of 58 entities</c> and the ten highest scores, one per line.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        string how = Direction switch { Direction.Out => "outgoing", Direction.In => "incoming", _ => "both directions" };
        sb.Append(CultureInfo.InvariantCulture, $"{Measure} ({how}) of {Entities.Length} {(Entities.Length == 1 ? "entity" : "entities")}");
        foreach (var (entity, score) in Top(10))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  {score,14:0.######}  {entity.Name} ({entity.Id})");
        }

        return sb.ToString();
    }
}
