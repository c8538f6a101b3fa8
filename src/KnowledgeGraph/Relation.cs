using System.Collections.Immutable;
using QuikGraph;

namespace KnowledgeGraph;

/// <summary>
/// A directed, typed edge: <see cref="Source"/> −<see cref="Type"/>→ <see cref="Target"/>, with
/// qualifiers (time, amount, certainty, or any property) and the <see cref="Evidence"/> that states it.
/// </summary>
/// <remarks>Evidence is kept in order (document, start, length). Two relations with the same content are equal.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Relation : IEquatable<Relation>, IEdge<EntityId>
{
    /// <summary>Creates a relation.</summary>
    /// <param name="source">The source entity's id.</param>
    /// <param name="type">The relation type.</param>
    /// <param name="target">The target entity's id.</param>
    /// <param name="qualifiers">Qualifiers (relation properties).</param>
    /// <param name="evidence">The evidence.</param>
    /// <exception cref="ArgumentException">An id or the type is <c>default</c>, or an evidence item is null.</exception>
    public Relation(EntityId source, RelationType type, EntityId target, PropertyMap? qualifiers = null, IEnumerable<Evidence>? evidence = null)
    {
        if (source.Value.Length == 0 || target.Value.Length == 0)
        {
            throw new ArgumentException("A relation needs a source and a target id.", source.Value.Length == 0 ? nameof(source) : nameof(target));
        }

        if (type.Name.Length == 0)
        {
            throw new ArgumentException("A relation needs a type.", nameof(type));
        }

        Source = source;
        Type = type;
        Target = target;
        Qualifiers = qualifiers ?? PropertyMap.Empty;
        Evidence = evidence is null ? [] : SortEvidence(evidence);
    }

    /// <summary>The source entity's id.</summary>
    public EntityId Source { get; }

    /// <summary>The relation type.</summary>
    public RelationType Type { get; }

    /// <summary>The target entity's id.</summary>
    public EntityId Target { get; }

    /// <summary>Qualifiers: the relation's properties (time, amount, certainty, …).</summary>
    public PropertyMap Qualifiers { get; }

    /// <summary>The evidence, ordered by document, start and length.</summary>
    public ImmutableArray<Evidence> Evidence { get; }

    /// <summary>A copy with one more evidence item.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The new relation.</returns>
    public Relation WithEvidence(Evidence evidence) => new(Source, Type, Target, Qualifiers, Evidence.Add(evidence));

    /// <summary>A copy with one qualifier set.</summary>
    /// <param name="key">The qualifier name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new relation.</returns>
    public Relation WithQualifier(string key, PropertyValue value) => new(Source, Type, Target, Qualifiers.With(key, value), Evidence);

    /// <inheritdoc/>
    public bool Equals(Relation? other) =>
        other is not null
        && Source == other.Source
        && Type == other.Type
        && Target == other.Target
        && Qualifiers.Equals(other.Qualifiers)
        && Evidence.SequenceEqual(other.Evidence);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Relation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Type, Target);

    /// <summary>The relation as <c>(source)-[TYPE]->(target)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"({Source})-[{Type}]->({Target})";

    private static ImmutableArray<Evidence> SortEvidence(IEnumerable<Evidence> evidence)
    {
        var list = new List<Evidence>();
        foreach (var item in evidence)
        {
            list.Add(item ?? throw new ArgumentException("An evidence item is null.", nameof(evidence)));
        }

        list.Sort();
        return [.. list];
    }
}
