namespace KnowledgeGraph;

/// <summary>
/// The type of a relation: an open set, written UPPER_SNAKE as in Cypher (<c>ATTENDS</c>,
/// <c>CONTRIBUTES_TO</c>). The well-known values are static properties; the <see cref="Schema"/>
/// declares each type's domain and range.
/// </summary>
/// <threadsafety>Immutable value; safe to share across threads.</threadsafety>
public readonly struct RelationType : IEquatable<RelationType>, IComparable<RelationType>
{
    private readonly string? _name;

    /// <summary>Creates a relation type from its name, such as <c>ATTENDS</c>.</summary>
    /// <param name="name">A non-empty name without whitespace or control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or holds whitespace or control characters.</exception>
    public RelationType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.IsValidLabel(name))
        {
            throw new ArgumentException($"A relation type must be a non-empty name without whitespace or control characters; found '{name}'.", nameof(name));
        }

        _name = name;
    }

    /// <summary>Someone takes part in an event.</summary>
    public static RelationType Attends { get; } = new("ATTENDS");

    /// <summary>Someone speaks well of someone or something.</summary>
    public static RelationType Praises { get; } = new("PRAISES");

    /// <summary>Someone gives money, weapons or effort to a fund, country or cause.</summary>
    public static RelationType ContributesTo { get; } = new("CONTRIBUTES_TO");

    /// <summary>Someone speaks ill of someone or something.</summary>
    public static RelationType Criticizes { get; } = new("CRITICIZES");

    /// <summary>A person, organization or country belongs to an organization.</summary>
    public static RelationType MemberOf { get; } = new("MEMBER_OF");

    /// <summary>Someone leads an organization, country, delegation or event.</summary>
    public static RelationType Leads { get; } = new("LEADS");

    /// <summary>A person holds an office in an organization or country (qualifier <c>role</c>).</summary>
    public static RelationType HoldsRoleIn { get; } = new("HOLDS_ROLE_IN");

    /// <summary>Someone acts on behalf of an organization or country.</summary>
    public static RelationType Represents { get; } = new("REPRESENTS");

    /// <summary>Two parties meet.</summary>
    public static RelationType Meets { get; } = new("MEETS");

    /// <summary>An organization, place or event is located in a place or country.</summary>
    public static RelationType LocatedIn { get; } = new("LOCATED_IN");

    /// <summary>An event takes place in a place or country.</summary>
    public static RelationType HeldIn { get; } = new("HELD_IN");

    /// <summary>Someone or something attacks someone or something.</summary>
    public static RelationType Attacks { get; } = new("ATTACKS");

    /// <summary>Someone backs someone or something.</summary>
    public static RelationType Supports { get; } = new("SUPPORTS");

    /// <summary>Someone expected at an event is not there.</summary>
    public static RelationType AbsentFrom { get; } = new("ABSENT_FROM");

    /// <summary>A person or organization is affiliated with an organization or country.</summary>
    public static RelationType AffiliatedWith { get; } = new("AFFILIATED_WITH");

    /// <summary>A person is a citizen of a country.</summary>
    public static RelationType CitizenOf { get; } = new("CITIZEN_OF");

    /// <summary>Someone organizes an event.</summary>
    public static RelationType Organizes { get; } = new("ORGANIZES");

    /// <summary>An organization, place or country is part of a larger one.</summary>
    public static RelationType PartOf { get; } = new("PART_OF");

    /// <summary>The well-known relation types, in declaration order.</summary>
    public static IReadOnlyList<RelationType> WellKnown { get; } =
    [
        Attends, Praises, ContributesTo, Criticizes, MemberOf, Leads, HoldsRoleIn, Represents, Meets,
        LocatedIn, HeldIn, Attacks, Supports, AbsentFrom, AffiliatedWith, CitizenOf, Organizes, PartOf,
    ];

    /// <summary>The type's name.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Converts a name to a relation type.</summary>
    /// <param name="name">The type's name.</param>
    public static implicit operator RelationType(string name) => new(name);

    /// <inheritdoc/>
    public bool Equals(RelationType other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RelationType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Orders types ordinally by name.</summary>
    /// <param name="other">The type to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(RelationType other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>The type's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Equality of two types.</summary>
    /// <param name="left">The first type.</param>
    /// <param name="right">The second type.</param>
    public static bool operator ==(RelationType left, RelationType right) => left.Equals(right);

    /// <summary>Inequality of two types.</summary>
    /// <param name="left">The first type.</param>
    /// <param name="right">The second type.</param>
    public static bool operator !=(RelationType left, RelationType right) => !left.Equals(right);
}
