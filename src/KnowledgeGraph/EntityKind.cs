namespace KnowledgeGraph;

/// <summary>
/// The kind of an entity: an open set with the well-known values <see cref="Person"/>,
/// <see cref="Organization"/>, <see cref="Country"/>, <see cref="Event"/> and <see cref="Place"/>.
/// In the property-graph view a kind is the node's first label.
/// </summary>
/// <threadsafety>Immutable value; safe to share across threads.</threadsafety>
public readonly struct EntityKind : IEquatable<EntityKind>, IComparable<EntityKind>
{
    private readonly string? _name;

    /// <summary>Creates a kind from its name, such as <c>Person</c>.</summary>
    /// <param name="name">A non-empty name without whitespace or control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or holds whitespace or control characters.</exception>
    public EntityKind(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.IsValidLabel(name))
        {
            throw new ArgumentException($"An entity kind must be a non-empty name without whitespace or control characters; found '{name}'.", nameof(name));
        }

        _name = name;
    }

    /// <summary>A human being.</summary>
    public static EntityKind Person { get; } = new("Person");

    /// <summary>An organization: an alliance, an institute, a university, a fund, a party, a government body.</summary>
    public static EntityKind Organization { get; } = new("Organization");

    /// <summary>A sovereign country.</summary>
    public static EntityKind Country { get; } = new("Country");

    /// <summary>Something that happens: a meeting, conference, attack, mission, launch.</summary>
    public static EntityKind Event { get; } = new("Event");

    /// <summary>A place that is not a country: a city, a region, a building.</summary>
    public static EntityKind Place { get; } = new("Place");

    /// <summary>The well-known kinds, in the order Person, Organization, Country, Event, Place.</summary>
    public static IReadOnlyList<EntityKind> WellKnown { get; } = [Person, Organization, Country, Event, Place];

    /// <summary>The kind's name.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Converts a name to a kind.</summary>
    /// <param name="name">The kind's name.</param>
    public static implicit operator EntityKind(string name) => new(name);

    /// <inheritdoc/>
    public bool Equals(EntityKind other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EntityKind other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Orders kinds ordinally by name.</summary>
    /// <param name="other">The kind to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(EntityKind other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>The kind's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Equality of two kinds.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    public static bool operator ==(EntityKind left, EntityKind right) => left.Equals(right);

    /// <summary>Inequality of two kinds.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    public static bool operator !=(EntityKind left, EntityKind right) => !left.Equals(right);
}
