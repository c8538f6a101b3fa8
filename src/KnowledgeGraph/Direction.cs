namespace KnowledgeGraph;

/// <summary>Which relations of an entity a traversal follows.</summary>
public enum Direction
{
    /// <summary>Relations from the entity (the entity is the source).</summary>
    Out,

    /// <summary>Relations to the entity (the entity is the target).</summary>
    In,

    /// <summary>Both, ignoring direction.</summary>
    Both,
}

/// <summary>An entity reached by a traversal and its distance (number of relations) from the start.</summary>
/// <param name="Entity">The entity reached.</param>
/// <param name="Distance">The number of relations from the start; 0 for the start itself.</param>
public readonly record struct Reached(Entity Entity, int Distance);

/// <summary>One step of a <see cref="GraphPath"/>: a relation and whether it was followed along its direction.</summary>
/// <param name="Relation">The relation.</param>
/// <param name="Forward">True when the step goes from the relation's source to its target.</param>
public readonly record struct PathStep(Relation Relation, bool Forward)
{
    /// <summary>The id the step starts from.</summary>
    public EntityId From => Forward ? Relation.Source : Relation.Target;

    /// <summary>The id the step arrives at.</summary>
    public EntityId To => Forward ? Relation.Target : Relation.Source;
}
