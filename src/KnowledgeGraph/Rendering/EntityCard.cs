namespace KnowledgeGraph.Rendering;

/// <summary>An entity together with the graph it belongs to, so that it can be shown with its relations and their evidence.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class EntityCard
{
    /// <summary>Creates a card.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="entity">The entity, which must be in the graph.</param>
    /// <exception cref="KeyNotFoundException">The entity is not in the graph.</exception>
    public EntityCard(Graph graph, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(entity);
        if (!graph.ContainsEntity(entity.Id))
        {
            throw new KeyNotFoundException($"No entity with id '{entity.Id}' in the graph.");
        }

        Graph = graph;
        Entity = entity;
    }

    /// <summary>The graph.</summary>
    public Graph Graph { get; }

    /// <summary>The entity.</summary>
    public Entity Entity { get; }

    /// <summary>The relations of the entity, out first, then in.</summary>
    public IReadOnlyList<Relation> Relations => Graph.RelationsOf(Entity.Id);

    /// <summary>The card as HTML.</summary>
    /// <returns>The HTML fragment.</returns>
    public string ToHtml() => HtmlRenderer.Render(Entity, Graph);

    /// <summary>The card as text: the entity and one line per relation.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Entity + "\n" + string.Concat(Relations.Select(r => "  " + r + "\n"));
}

/// <summary>Rendering shortcuts for notebooks.</summary>
public static class RenderingExtensions
{
    /// <summary>The card of the entity that <paramref name="nameOrId"/> names (see <see cref="Graph.Resolve"/>).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="nameOrId">An id, name or alias.</param>
    /// <returns>The card.</returns>
    /// <exception cref="KeyNotFoundException">Nothing matches.</exception>
    public static EntityCard Card(this Graph graph, string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new EntityCard(graph, graph.Resolve(nameOrId));
    }

    /// <summary>The graph as HTML: summary and diagram.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The HTML fragment.</returns>
    public static string ToHtml(this Graph graph) => HtmlRenderer.Render(graph);

    /// <summary>The path as HTML: a chain with evidence.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The HTML fragment.</returns>
    public static string ToHtml(this GraphPath path) => HtmlRenderer.Render(path);
}
