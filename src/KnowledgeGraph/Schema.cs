using System.Collections.Immutable;

namespace KnowledgeGraph;

/// <summary>The kinds a relation type accepts at its source (domain) and target (range).</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class RelationRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="type">The relation type.</param>
    /// <param name="domain">Kinds allowed at the source; empty means any.</param>
    /// <param name="range">Kinds allowed at the target; empty means any.</param>
    public RelationRule(RelationType type, IEnumerable<EntityKind> domain, IEnumerable<EntityKind> range)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(range);
        Type = type;
        Domain = [.. domain.Distinct()];
        Range = [.. range.Distinct()];
    }

    /// <summary>The relation type.</summary>
    public RelationType Type { get; }

    /// <summary>Kinds allowed at the source; empty means any.</summary>
    public ImmutableArray<EntityKind> Domain { get; }

    /// <summary>Kinds allowed at the target; empty means any.</summary>
    public ImmutableArray<EntityKind> Range { get; }

    /// <summary>Whether a source of this kind is allowed.</summary>
    /// <param name="kind">The source's kind.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool AllowsSource(EntityKind kind) => Domain.IsEmpty || Domain.Contains(kind);

    /// <summary>Whether a target of this kind is allowed.</summary>
    /// <param name="kind">The target's kind.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool AllowsTarget(EntityKind kind) => Range.IsEmpty || Range.Contains(kind);

    /// <summary>The rule as <c>ATTENDS: Person|Organization|Country → Event</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Type}: {Describe(Domain)} → {Describe(Range)}";

    internal static string Describe(ImmutableArray<EntityKind> kinds) =>
        kinds.IsEmpty ? "any" : string.Join("|", kinds.Select(k => k.Name));
}

/// <summary>
/// Declares, per relation type, which entity kinds it may join. A closed schema
/// (<see cref="IsClosed"/>) also rejects relation types it does not declare.
/// </summary>
/// <example><code>
/// Schema schema = Schema.Default.WithRule("FUNDS", [EntityKind.Country], [EntityKind.Organization]);
/// </code></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Schema
{
    private static readonly EntityKind P = EntityKind.Person;
    private static readonly EntityKind O = EntityKind.Organization;
    private static readonly EntityKind C = EntityKind.Country;
    private static readonly EntityKind E = EntityKind.Event;
    private static readonly EntityKind L = EntityKind.Place;

    private readonly ImmutableSortedDictionary<string, RelationRule> _rules;

    private Schema(ImmutableSortedDictionary<string, RelationRule> rules, bool isClosed)
    {
        _rules = rules;
        IsClosed = isClosed;
    }

    /// <summary>
    /// The schema of the well-known relation types (closed):
    /// ATTENDS P|O|C→E · PRAISES, CRITICIZES, SUPPORTS P|O|C→P|O|C|E · CONTRIBUTES_TO P|O|C→O|C|E ·
    /// MEMBER_OF P|O|C→O · LEADS P|O|C→O|C|E · HOLDS_ROLE_IN P→O|C · REPRESENTS P|O→O|C · MEETS P|O|C→P|O|C ·
    /// LOCATED_IN O|L|E→L|C · HELD_IN E→L|C · ATTACKS P|O|C|E→P|O|C|L · ABSENT_FROM P|O|C→E ·
    /// AFFILIATED_WITH P|O→O|C · CITIZEN_OF P→C · ORGANIZES P|O|C→E · PART_OF O|L|C→O|L|C
    /// (P Person, O Organization, C Country, E Event, L Place).
    /// </summary>
    public static Schema Default { get; } = CreateDefault();

    /// <summary>A schema with no rules that accepts every relation type between any kinds.</summary>
    public static Schema Open { get; } = new(ImmutableSortedDictionary.Create<string, RelationRule>(StringComparer.Ordinal), isClosed: false);

    /// <summary>Whether relation types without a rule are rejected.</summary>
    public bool IsClosed { get; }

    /// <summary>The rules, ordered by relation type.</summary>
    public IEnumerable<RelationRule> Rules => _rules.Values;

    /// <summary>The rule of a relation type, or null when the schema declares none.</summary>
    /// <param name="type">The relation type.</param>
    /// <returns>The rule or null.</returns>
    public RelationRule? GetRule(RelationType type) => _rules.TryGetValue(type.Name, out var rule) ? rule : null;

    /// <summary>A copy with a rule added or replaced.</summary>
    /// <param name="type">The relation type.</param>
    /// <param name="domain">Kinds allowed at the source; empty means any.</param>
    /// <param name="range">Kinds allowed at the target; empty means any.</param>
    /// <returns>The new schema.</returns>
    public Schema WithRule(RelationType type, IEnumerable<EntityKind> domain, IEnumerable<EntityKind> range) =>
        new(_rules.SetItem(type.Name, new RelationRule(type, domain, range)), IsClosed);

    /// <summary>A copy that is closed or open.</summary>
    /// <param name="isClosed">Whether undeclared relation types are rejected.</param>
    /// <returns>The new schema.</returns>
    public Schema WithClosed(bool isClosed) => new(_rules, isClosed);

    /// <summary>The schema as one rule a line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        (IsClosed ? "closed schema\n" : "open schema\n") + string.Concat(_rules.Values.Select(r => r + "\n"));

    private static Schema CreateDefault()
    {
        EntityKind[] actors = [P, O, C];
        var s = new Schema(ImmutableSortedDictionary.Create<string, RelationRule>(StringComparer.Ordinal), isClosed: true);
        return s
            .WithRule(RelationType.Attends, actors, [E])
            .WithRule(RelationType.Praises, actors, [P, O, C, E])
            .WithRule(RelationType.Criticizes, actors, [P, O, C, E])
            .WithRule(RelationType.Supports, actors, [P, O, C, E])
            .WithRule(RelationType.ContributesTo, actors, [O, C, E])
            .WithRule(RelationType.MemberOf, actors, [O])
            .WithRule(RelationType.Leads, actors, [O, C, E])
            .WithRule(RelationType.HoldsRoleIn, [P], [O, C])
            .WithRule(RelationType.Represents, [P, O], [O, C])
            .WithRule(RelationType.Meets, actors, actors)
            .WithRule(RelationType.LocatedIn, [O, L, E], [L, C])
            .WithRule(RelationType.HeldIn, [E], [L, C])
            .WithRule(RelationType.Attacks, [P, O, C, E], [P, O, C, L])
            .WithRule(RelationType.AbsentFrom, actors, [E])
            .WithRule(RelationType.AffiliatedWith, [P, O], [O, C])
            .WithRule(RelationType.CitizenOf, [P], [C])
            .WithRule(RelationType.Organizes, actors, [E])
            .WithRule(RelationType.PartOf, [O, L, C], [O, L, C]);
    }
}
