using KnowledgeGraph.Algorithms;

namespace KnowledgeGraph;

/// <summary>
/// The graph analytics of <see cref="KnowledgeGraph.Algorithms"/> as members of <see cref="Graph"/>:
/// <c>graph.WeakComponents()</c>, <c>graph.Louvain()</c>, <c>graph.Betweenness()</c>, ….
/// Each forwards to the static class named in its summary, which documents the conventions.
/// </summary>
/// <example><code>
/// Graph g = Graph.LoadSeed();
/// Console.WriteLine(g.Louvain(seed: 1));
/// foreach (var (entity, score) in g.Betweenness().Top(5)) Console.WriteLine($"{entity.Name} {score:F1}");
/// </code></example>
public static class GraphAnalyticsExtensions
{
    /// <summary>The analytics of a graph.</summary>
    /// <param name="graph">The graph.</param>
    extension(Graph graph)
    {
        /// <summary>The weakly connected components (<see cref="Components.Weak"/>).</summary>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The components, largest first.</returns>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public ComponentsResult WeakComponents(GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Components.Weak(graph, filter, cancellationToken);

        /// <summary>The strongly connected components (<see cref="Components.Strong"/>).</summary>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The components, largest first.</returns>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public ComponentsResult StrongComponents(GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Components.Strong(graph, filter, cancellationToken);

        /// <summary>Louvain communities (<see cref="Communities.Louvain"/>).</summary>
        /// <param name="seed">The seed of the visiting order.</param>
        /// <param name="resolution">The resolution, above 0.</param>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The communities and their modularity.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not above 0.</exception>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public CommunityResult Louvain(int seed = 0, double resolution = 1, GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Communities.Louvain(graph, seed, resolution, filter, cancellationToken);

        /// <summary>Label-propagation communities (<see cref="Communities.LabelPropagation"/>).</summary>
        /// <param name="seed">The seed of the order and of tie-breaks.</param>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The communities and their modularity.</returns>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public CommunityResult LabelPropagation(int seed = 0, GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Communities.LabelPropagation(graph, seed, filter, cancellationToken);

        /// <summary>Betweenness centrality, exact or from sampled sources (<see cref="Centrality.Betweenness"/>).</summary>
        /// <param name="direction">Both to ignore direction; Out or In to follow it.</param>
        /// <param name="samples">0 for exact scores; k &gt; 0 for an estimate from k sources.</param>
        /// <param name="seed">The seed that draws the sources.</param>
        /// <param name="normalized">Whether to divide by the number of pairs.</param>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The scores.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is negative.</exception>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public CentralityResult Betweenness(Direction direction = Direction.Both, int samples = 0, int seed = 0, bool normalized = false, GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Centrality.Betweenness(graph, direction, samples, seed, normalized, filter, cancellationToken);

        /// <summary>Closeness centrality (<see cref="Centrality.Closeness"/>).</summary>
        /// <param name="direction">Both to ignore direction; Out for distances from the entity; In for distances to it.</param>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The scores.</returns>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public CentralityResult Closeness(Direction direction = Direction.Both, GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Centrality.Closeness(graph, direction, filter, cancellationToken);

        /// <summary>The k-core decomposition (<see cref="Cores.Compute"/>).</summary>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The core numbers.</returns>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public CoreResult CoreNumbers(GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Cores.Compute(graph, filter, cancellationToken);

        /// <summary>Triangle counts and clustering coefficients (<see cref="Algorithms.Triangles.Compute"/>).</summary>
        /// <param name="filter">The entities and relations to consider; everything when null.</param>
        /// <param name="cancellationToken">Stops the computation.</param>
        /// <returns>The counts and coefficients.</returns>
        /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
        public TriangleResult Triangles(GraphFilter? filter = null, CancellationToken cancellationToken = default) =>
            Algorithms.Triangles.Compute(graph, filter, cancellationToken);
    }
}
