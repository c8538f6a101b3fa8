using System.Collections.Immutable;

namespace KnowledgeGraph;

/// <summary>
/// A node of the graph: a person, organization, country, event, place or a kind of the user's own.
/// It has a stable <see cref="Id"/>, a <see cref="Kind"/> (its first label), a display
/// <see cref="Name"/>, every other surface form seen as <see cref="Aliases"/>, optional extra
/// <see cref="Labels"/> and typed <see cref="Properties"/>.
/// </summary>
/// <remarks>Aliases and labels are kept distinct and in ordinal order; two entities with the same content are equal.</remarks>
/// <example><code>
/// var rutte = new Entity("person:mark-rutte", EntityKind.Person, "Mark Rutte")
///     .WithAlias("Mr. Rutte")
///     .WithProperty("role", "NATO Secretary-General");
/// </code></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Entity : IEquatable<Entity>
{
    /// <summary>Aliases, labels and properties; null when all three are empty (most entities of a large graph), which keeps an entity at 48 bytes.</summary>
    private readonly Details? _details;

    /// <summary>Creates an entity.</summary>
    /// <param name="id">The stable id.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="name">The display name.</param>
    /// <param name="aliases">Other surface forms; duplicates and the name itself are dropped.</param>
    /// <param name="properties">Typed properties.</param>
    /// <param name="labels">Extra labels beyond the kind; duplicates and the kind are dropped.</param>
    /// <exception cref="ArgumentException">The id or kind is <c>default</c>, or an alias or label is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public Entity(
        EntityId id,
        EntityKind kind,
        string name,
        IEnumerable<string>? aliases = null,
        PropertyMap? properties = null,
        IEnumerable<string>? labels = null)
    {
        if (id.Value.Length == 0)
        {
            throw new ArgumentException("The entity id must not be empty.", nameof(id));
        }

        if (kind.Name.Length == 0)
        {
            throw new ArgumentException("The entity kind must not be empty.", nameof(kind));
        }

        ArgumentNullException.ThrowIfNull(name);
        Id = id;
        Kind = kind;
        Name = name;
        var canonicalAliases = Canonical(aliases, name, nameof(aliases), isLabel: false);
        var canonicalLabels = Canonical(labels, kind.Name, nameof(labels), isLabel: true);
        properties ??= PropertyMap.Empty;
        if (!canonicalAliases.IsEmpty || !canonicalLabels.IsEmpty || !properties.IsEmpty)
        {
            _details = new Details(canonicalAliases, canonicalLabels, properties);
        }
    }

    /// <summary>The stable id, such as <c>person:mark-rutte</c>.</summary>
    public EntityId Id { get; }

    /// <summary>The kind, also the first label.</summary>
    public EntityKind Kind { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>Every other surface form, distinct, in ordinal order.</summary>
    public ImmutableArray<string> Aliases => _details?.Aliases ?? [];

    /// <summary>Extra labels beyond <see cref="Kind"/>, distinct, in ordinal order.</summary>
    public ImmutableArray<string> Labels => _details?.Labels ?? [];

    /// <summary>Typed properties (role, ISO code, date, …).</summary>
    public PropertyMap Properties => _details?.Properties ?? PropertyMap.Empty;

    /// <summary>All labels: the kind first, then <see cref="Labels"/>.</summary>
    public IEnumerable<string> AllLabels => Labels.Prepend(Kind.Name);

    /// <summary>A copy with one more alias.</summary>
    /// <param name="alias">The surface form.</param>
    /// <returns>The new entity.</returns>
    public Entity WithAlias(string alias) => new(Id, Kind, Name, Aliases.Add(alias), Properties, Labels);

    /// <summary>A copy with another name; the old name becomes an alias.</summary>
    /// <param name="name">The new display name.</param>
    /// <returns>The new entity.</returns>
    public Entity WithName(string name) => new(Id, Kind, name, Aliases.Add(Name), Properties, Labels);

    /// <summary>A copy with one property set.</summary>
    /// <param name="key">The property name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new entity.</returns>
    public Entity WithProperty(string key, PropertyValue value) => new(Id, Kind, Name, Aliases, Properties.With(key, value), Labels);

    /// <summary>A copy with other properties.</summary>
    /// <param name="properties">The properties.</param>
    /// <returns>The new entity.</returns>
    public Entity WithProperties(PropertyMap properties) => new(Id, Kind, Name, Aliases, properties, Labels);

    /// <summary>A copy with one more label.</summary>
    /// <param name="label">The label.</param>
    /// <returns>The new entity.</returns>
    public Entity WithLabel(string label) => new(Id, Kind, Name, Aliases, Properties, Labels.Add(label));

    /// <summary>Whether the entity carries a label (its kind or an extra label), compared ordinally.</summary>
    /// <param name="label">The label.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool HasLabel(string label) => Kind.Name == label || Labels.Contains(label);

    /// <inheritdoc/>
    public bool Equals(Entity? other) =>
        other is not null
        && Id == other.Id
        && Kind == other.Kind
        && Name == other.Name
        && Aliases.SequenceEqual(other.Aliases)
        && Labels.SequenceEqual(other.Labels)
        && Properties.Equals(other.Properties);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Entity);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Name);

    /// <summary>The entity as <c>Mark Rutte (Person, person:mark-rutte)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Kind}, {Id})";

    private sealed record Details(ImmutableArray<string> Aliases, ImmutableArray<string> Labels, PropertyMap Properties);

    private static ImmutableArray<string> Canonical(IEnumerable<string>? items, string exclude, string paramName, bool isLabel)
    {
        if (items is null)
        {
            return [];
        }

        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (isLabel ? !Names.IsValidLabel(item) : string.IsNullOrWhiteSpace(item))
            {
                throw new ArgumentException($"An entity {(isLabel ? "label" : "alias")} must not be empty; found '{item}'.", paramName);
            }

            if (item != exclude)
            {
                set.Add(item);
            }
        }

        return [.. set];
    }
}
