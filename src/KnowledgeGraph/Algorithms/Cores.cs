using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// The k-core decomposition (Batagelj and Zaveršnik's bucket algorithm, linear in the relations) of
/// the undirected simple graph: direction ignored, parallel relations merged, self-loops dropped.
/// An entity's core number is the largest k such that it belongs to a subgraph in which every
/// entity has at least k neighbours. Agrees with NetworkX's <c>core_number</c> on
/// <c>nx.Graph</c> without self-loops and igraph's <c>coreness()</c> after <c>simplify()</c>.
/// </summary>
/// <example><code>
/// CoreResult cores = Cores.Compute(graph);
/// foreach (Entity e in cores.Core(cores.MaxCore)) Console.WriteLine(e.Name);
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class Cores
{
    /// <summary>Computes every entity's core number.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The core numbers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static CoreResult Compute(Graph graph, GraphFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var view = AnalysisView.Undirected(graph, filter, cancellationToken);
        return new CoreResult(view.Graph, view.Nodes, view.Entities(), CoreNumbers(view, cancellationToken));
    }

    internal static int[] CoreNumbers(AnalysisView view, CancellationToken cancellationToken)
    {
        int n = view.Count;
        var offsets = view.Offsets;
        var adjacency = view.Adjacency;
        var degree = new int[n];
        int maxDegree = 0;
        for (int v = 0; v < n; v++)
        {
            degree[v] = offsets[v + 1] - offsets[v];
            maxDegree = Math.Max(maxDegree, degree[v]);
        }

        // Nodes sorted by degree (bucket sort); position of each node; start of each degree's bucket.
        var bin = new int[maxDegree + 2];
        foreach (int d in degree)
        {
            bin[d + 1]++;
        }

        for (int d = 0; d <= maxDegree; d++)
        {
            bin[d + 1] += bin[d];
        }

        var order = new int[n];
        var position = new int[n];
        var fill = bin[..^1];
        for (int v = 0; v < n; v++)
        {
            position[v] = fill[degree[v]]++;
            order[position[v]] = v;
        }

        for (int i = 0; i < n; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int v = order[i];
            for (int j = offsets[v]; j < offsets[v + 1]; j++)
            {
                int u = adjacency[j];
                if (degree[u] > degree[v])
                {
                    // Move u to the front of its bucket, then shrink its degree by one.
                    int du = degree[u], pu = position[u], pw = bin[du], w = order[pw];
                    if (u != w)
                    {
                        order[pu] = w;
                        position[w] = pu;
                        order[pw] = u;
                        position[u] = pw;
                    }

                    bin[du]++;
                    degree[u]--;
                }
            }
        }

        return degree;
    }
}

/// <summary>The core numbers of <see cref="Cores.Compute"/>.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CoreResult
{
    private readonly Graph _graph;
    private readonly int[] _nodes;
    private readonly int[] _core;

    internal CoreResult(Graph graph, int[] nodes, Entity[] entities, int[] core)
    {
        _graph = graph;
        _nodes = nodes;
        _core = core;
        Entities = ImmutableArray.Create(entities);
        MaxCore = core.Length == 0 ? 0 : core.Max();
    }

    /// <summary>The entities analysed, ordered by id.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The core number of each entity, in the order of <see cref="Entities"/>.</summary>
    public IReadOnlyList<int> CoreNumbers => Array.AsReadOnly(_core);

    /// <summary>The largest core number; 0 for an empty graph.</summary>
    public int MaxCore { get; }

    /// <summary>The core number of an entity.</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns>Its core number.</returns>
    /// <exception cref="KeyNotFoundException">No analysed entity has that id.</exception>
    public int CoreNumberOf(EntityId id) =>
        Grouping.TryViewIndex(_graph, _nodes, id, out int v) ? _core[v] : throw Grouping.NotAnalysed(id, _nodes.Length);

    /// <summary>The k-core: the entities whose core number is at least <paramref name="k"/>, ordered by id.</summary>
    /// <param name="k">The order of the core.</param>
    /// <returns>The entities; empty when <paramref name="k"/> exceeds <see cref="MaxCore"/>.</returns>
    public ImmutableArray<Entity> Core(int k) => [.. Entities.Where((_, v) => _core[v] >= k)];

    /// <summary>A summary such as <c>k-core decomposition of 58 entities: max core 4</c>, then the count of entities per core number.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"k-core decomposition of {Entities.Length} {(Entities.Length == 1 ? "entity" : "entities")}: max core {MaxCore}");
        foreach (var group in _core.GroupBy(c => c).OrderByDescending(g => g.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  core {group.Key}: {group.Count()}");
        }

        return sb.ToString();
    }
}
