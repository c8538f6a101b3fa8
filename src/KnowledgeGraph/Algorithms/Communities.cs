using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Community detection on the undirected weighted graph of the relations: direction ignored, each
/// relation adding 1 to its pair's weight (so two relations between the same entities weigh 2), a
/// self-loop weighing on its entity. Louvain follows NetworkX's <c>louvain_communities</c> (moves in
/// a seeded random order, a move only for a positive gain, levels until the modularity gains no
/// more than 1e-7); label propagation is the asynchronous form of NetworkX's
/// <c>asyn_lpa_communities</c> on the simple graph. The same seed always gives the same communities.
/// </summary>
/// <example><code>
/// CommunityResult c = Communities.Louvain(graph, seed: 1);
/// Console.WriteLine($"{c.Count} communities, modularity {c.Modularity:F3}");
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class Communities
{
    /// <summary>The most rounds of label propagation; it stops earlier when no label changes.</summary>
    public const int MaxLabelPropagationRounds = 1000;

    private const double Threshold = 1e-7;

    /// <summary>Communities by the Louvain method (Blondel et al.), maximising modularity.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="seed">The seed of the visiting order.</param>
    /// <param name="resolution">The resolution γ, above 0: below 1 favours larger communities, above 1 smaller ones.</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <param name="cancellationToken">Stops the computation (checked every pass).</param>
    /// <returns>The communities and their modularity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not above 0.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static CommunityResult Louvain(Graph graph, int seed = 0, double resolution = 1, GraphFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!(resolution > 0) || double.IsInfinity(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be a finite number above 0.");
        }

        var (nodes, sources, targets) = AnalysisView.Edges(graph, filter, cancellationToken);
        var level = WeightedGraph.FromEdges(nodes.Length, sources, targets);
        var original = level;
        var membership = Enumerable.Range(0, nodes.Length).ToArray();
        var random = new Random(seed);
        double modularity = original.Modularity(membership, nodes.Length, resolution);
        while (level.TotalWeight > 0)
        {
            var (community, count, moved) = OneLevel(level, resolution, random, cancellationToken);
            if (!moved)
            {
                break;
            }

            for (int v = 0; v < membership.Length; v++)
            {
                membership[v] = community[membership[v]];
            }

            double next = level.Modularity(community, count, resolution);
            if (next - modularity <= Threshold)
            {
                modularity = next;
                break;
            }

            modularity = next;
            level = level.Aggregate(community, count);
        }

        var grouping = new Grouping(graph, nodes, Representatives(membership));
        string method = string.Create(CultureInfo.InvariantCulture, $"Louvain (seed {seed}, resolution {resolution})");
        return new CommunityResult(method, grouping, original.Modularity(grouping.Labels, grouping.Groups.Length, resolution));
    }

    /// <summary>Communities by asynchronous label propagation (Raghavan et al.): each entity, in a seeded random order, takes the label most of its neighbours carry, until none changes.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="seed">The seed of the order and of the choice among equally frequent labels.</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <param name="cancellationToken">Stops the computation (checked every round).</param>
    /// <returns>The communities and their modularity (resolution 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static CommunityResult LabelPropagation(Graph graph, int seed = 0, GraphFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var view = AnalysisView.Undirected(graph, filter, cancellationToken);
        int n = view.Count;
        var label = Enumerable.Range(0, n).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        var frequency = new int[n];
        var touched = new List<int>();
        var best = new List<int>();
        var random = new Random(seed);
        for (int round = 0; round < MaxLabelPropagationRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            bool changed = false;
            foreach (int v in order)
            {
                int lo = view.Offsets[v], hi = view.Offsets[v + 1];
                if (lo == hi)
                {
                    continue;
                }

                int max = 0;
                for (int j = lo; j < hi; j++)
                {
                    int l = label[view.Adjacency[j]];
                    if (frequency[l]++ == 0)
                    {
                        touched.Add(l);
                    }

                    max = Math.Max(max, frequency[l]);
                }

                best.Clear();
                foreach (int l in touched)
                {
                    if (frequency[l] == max)
                    {
                        best.Add(l);
                    }

                    frequency[l] = 0;
                }

                touched.Clear();
                if (!best.Contains(label[v]))
                {
                    best.Sort();
                    label[v] = best[random.Next(best.Count)];
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        var (nodes, sources, targets) = AnalysisView.Edges(graph, filter, cancellationToken);
        var grouping = new Grouping(graph, nodes, label);
        double q = WeightedGraph.FromEdges(nodes.Length, sources, targets).Modularity(grouping.Labels, grouping.Groups.Length, 1);
        return new CommunityResult(string.Create(CultureInfo.InvariantCulture, $"label propagation (seed {seed})"), grouping, q);
    }

    /// <summary>
    /// The modularity of a partition on the weighted graph described above:
    /// <c>Σ_c L_c/m − γ·(d_c/2m)²</c>, where m is the number of relations, L_c the number inside
    /// community c and d_c the sum of its entities' degrees (a self-loop counting 2), as NetworkX's
    /// <c>community.modularity</c>. 0 when there are no relations.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="communities">The communities: every analysed entity in exactly one.</param>
    /// <param name="resolution">The resolution γ.</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <returns>The modularity, from −1/2 to 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="communities"/> is null.</exception>
    /// <exception cref="ArgumentException">The communities are not a partition of the analysed entities; the message names the first entity missing, repeated or unknown.</exception>
    public static double Modularity(Graph graph, IEnumerable<IEnumerable<EntityId>> communities, double resolution = 1, GraphFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(communities);
        var (nodes, sources, targets) = AnalysisView.Edges(graph, filter, CancellationToken.None);
        var label = new int[nodes.Length];
        Array.Fill(label, -1);
        int count = 0;
        foreach (var community in communities)
        {
            foreach (var id in community)
            {
                if (!Grouping.TryViewIndex(graph, nodes, id, out int v))
                {
                    throw new ArgumentException($"Community {count} holds '{id}', which is not among the {nodes.Length} entities analysed; expected a partition of them.", nameof(communities));
                }

                if (label[v] >= 0)
                {
                    throw new ArgumentException($"'{id}' is in communities {label[v]} and {count}; expected each entity in exactly one.", nameof(communities));
                }

                label[v] = count;
            }

            count++;
        }

        int missing = Array.IndexOf(label, -1);
        if (missing >= 0)
        {
            throw new ArgumentException($"'{graph.EntityAt(nodes[missing]).Id}' is in no community; expected every analysed entity in one.", nameof(communities));
        }

        return WeightedGraph.FromEdges(nodes.Length, sources, targets).Modularity(label, count, resolution);
    }

    /// <summary>One pass of local moves (NetworkX's <c>_one_level</c>): the community of each node, renumbered 0..count-1, and whether any node moved.</summary>
    private static (int[] Community, int Count, bool Moved) OneLevel(WeightedGraph g, double resolution, Random random, CancellationToken cancellationToken)
    {
        int n = g.Count;
        var community = Enumerable.Range(0, n).ToArray();
        var total = (double[])g.Degree.Clone();
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var toCommunity = new double[n];
        var touched = new List<int>();
        double m = g.TotalWeight;
        double twoMSquared = 2 * m * m;
        bool movedAny = false, improved = true;
        while (improved)
        {
            cancellationToken.ThrowIfCancellationRequested();
            improved = false;
            foreach (int u in order)
            {
                for (int j = g.Offsets[u]; j < g.Offsets[u + 1]; j++)
                {
                    int c = community[g.Neighbors[j]];
                    if (toCommunity[c] == 0)
                    {
                        touched.Add(c);
                    }

                    toCommunity[c] += g.Weights[j];
                }

                double degree = g.Degree[u];
                int current = community[u], best = current;
                total[current] -= degree;
                double removeCost = (-toCommunity[current] / m) + (resolution * total[current] * degree / twoMSquared);
                double bestGain = 0;
                foreach (int c in touched)
                {
                    double gain = removeCost + (toCommunity[c] / m) - (resolution * total[c] * degree / twoMSquared);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        best = c;
                    }

                    toCommunity[c] = 0;
                }

                touched.Clear();
                total[best] += degree;
                if (best != current)
                {
                    community[u] = best;
                    improved = movedAny = true;
                }
            }
        }

        var renumber = Representatives(community);
        var index = new int[n];
        Array.Fill(index, -1);
        int count = 0;
        for (int v = 0; v < n; v++)
        {
            int r = renumber[v];
            if (index[r] < 0)
            {
                index[r] = count++;
            }

            renumber[v] = index[r];
        }

        return (renumber, count, movedAny);
    }

    /// <summary>Labels made into node numbers in 0..n-1 (the first node of each label), as <see cref="Grouping"/> wants.</summary>
    private static int[] Representatives(int[] labels)
    {
        var first = new Dictionary<int, int>();
        var result = new int[labels.Length];
        for (int v = 0; v < labels.Length; v++)
        {
            if (!first.TryGetValue(labels[v], out int r))
            {
                first[labels[v]] = r = v;
            }

            result[v] = r;
        }

        return result;
    }
}

/// <summary>The communities of <see cref="Communities.Louvain"/> or <see cref="Communities.LabelPropagation"/>.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CommunityResult
{
    private readonly Grouping _grouping;

    internal CommunityResult(string method, Grouping grouping, double modularity)
    {
        Method = method;
        _grouping = grouping;
        Modularity = modularity;
    }

    /// <summary>How the communities were found, such as <c>Louvain (seed 0, resolution 1)</c>.</summary>
    public string Method { get; }

    /// <summary>The modularity of the communities on the graph they were found in.</summary>
    public double Modularity { get; }

    /// <summary>The number of communities.</summary>
    public int Count => _grouping.Groups.Length;

    /// <summary>The graph the communities were found in.</summary>
    internal Graph Graph => _grouping.Graph;

    /// <summary>The number of entities analysed.</summary>
    public int EntityCount => _grouping.EntityCount;

    /// <summary>The communities, largest first (ties: the one whose first member's id is lower); members ordered by id.</summary>
    public ImmutableArray<ImmutableArray<Entity>> Groups => _grouping.Groups;

    /// <summary>The number (position in <see cref="Groups"/>) of an entity's community.</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns>The community number.</returns>
    /// <exception cref="KeyNotFoundException">No analysed entity has that id.</exception>
    public int CommunityOf(EntityId id) => _grouping.GroupOf(id);

    /// <summary>Whether the result places an entity (false when the filter left it out).</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(EntityId id) => Grouping.TryViewIndex(_grouping.Graph, _grouping.Nodes, id, out _);

    /// <summary>A summary such as <c>4 communities over 58 entities (Louvain (seed 0, resolution 1), modularity 0.412)</c>, then the largest communities.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        _grouping.Describe(Count == 1 ? "community" : "communities", string.Create(CultureInfo.InvariantCulture, $" ({Method}, modularity {Modularity:F3})"));
}
