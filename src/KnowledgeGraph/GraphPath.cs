using System.Collections.Immutable;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// A walk through the graph: the entities visited in order and the relations between them,
/// each with its evidence. A path of length 0 is a single entity.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class GraphPath : IEquatable<GraphPath>
{
    internal GraphPath(ImmutableArray<Entity> entities, ImmutableArray<PathStep> steps)
    {
        Entities = entities;
        Steps = steps;
    }

    /// <summary>The entities in order, start first; one more than <see cref="Steps"/>.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The steps in order.</summary>
    public ImmutableArray<PathStep> Steps { get; }

    /// <summary>The relations along the path in order.</summary>
    public IEnumerable<Relation> Relations => Steps.Select(s => s.Relation);

    /// <summary>The number of relations.</summary>
    public int Length => Steps.Length;

    /// <summary>The first entity.</summary>
    public Entity Start => Entities[0];

    /// <summary>The last entity.</summary>
    public Entity End => Entities[^1];

    /// <summary>The path as <c>Nathalie Tocci -[AFFILIATED_WITH]-> Johns Hopkins University &lt;-[…]- …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder(Entities[0].Name);
        for (int i = 0; i < Steps.Length; i++)
        {
            sb.Append(Steps[i].Forward ? " -[" : " <-[").Append(Steps[i].Relation.Type.Name).Append(Steps[i].Forward ? "]-> " : "]- ");
            sb.Append(Entities[i + 1].Name);
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(GraphPath? other) =>
        other is not null && Entities.SequenceEqual(other.Entities) && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GraphPath);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start.Id, End.Id, Length);
}
