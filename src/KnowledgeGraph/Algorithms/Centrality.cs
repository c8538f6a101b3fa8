namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Betweenness (Brandes' algorithm, exact or from sampled sources) and closeness centrality over
/// the simple graph: parallel relations merged, self-loops dropped, every step of length 1.
/// <see cref="Direction.Both"/> ignores direction; <see cref="Direction.Out"/> follows relations
/// forward and <see cref="Direction.In"/> backward.
/// </summary>
/// <remarks>
/// <para>The conventions are NetworkX's. Unnormalised betweenness of <c>v</c> is the sum over
/// ordered pairs <c>(s, t)</c>, <c>s ≠ v ≠ t</c>, of the share of shortest s–t paths through
/// <c>v</c>, halved when direction is ignored (so each unordered pair counts once, as in igraph);
/// normalised betweenness divides that by <c>(n−1)(n−2)</c>, or by <c>(n−1)(n−2)/2</c> ignoring
/// direction, as <c>nx.betweenness_centrality(normalized=True)</c>. With k sampled sources the sums
/// run over those sources only and are scaled by <c>n/k</c>.</para>
/// <para>Closeness is Wasserman and Faust's, as <c>nx.closeness_centrality</c> (wf_improved): for an
/// entity that reaches <c>r−1</c> others at total distance <c>D</c>, <c>((r−1)/D)·((r−1)/(n−1))</c>,
/// and 0 when it reaches none. With <see cref="Direction.Out"/> distances run from the entity along
/// relations, with <see cref="Direction.In"/> to it (NetworkX's default on a directed graph).</para>
/// </remarks>
/// <example><code>
/// CentralityResult between = Centrality.Betweenness(graph);
/// foreach (var (entity, score) in between.Top(10)) Console.WriteLine($"{entity.Name} {score:F1}");
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class Centrality
{
    /// <summary>Betweenness centrality: how often an entity lies on shortest paths between others.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="direction">Both to ignore direction (the default), Out or In to follow it (the two give the same scores).</param>
    /// <param name="samples">0 (the default) for the exact scores from every source; k &gt; 0 for an estimate from k sources drawn with <paramref name="seed"/> (exact when k ≥ the entity count).</param>
    /// <param name="seed">The seed that draws the sources.</param>
    /// <param name="normalized">Whether to divide by the number of pairs (see the remarks).</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <param name="cancellationToken">Stops the computation (checked once per source).</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is negative.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static CentralityResult Betweenness(Graph graph, Direction direction = Direction.Both, int samples = 0, int seed = 0, bool normalized = false, GraphFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        bool undirected = direction == Direction.Both;
        var view = undirected ? AnalysisView.Undirected(graph, filter, cancellationToken) : AnalysisView.Directed(graph, filter, cancellationToken);
        int n = view.Count;
        int[] sources = Sources(n, samples, seed);
        var scores = BrandesSums(view, sources, cancellationToken);
        double scale = normalized ? (n <= 2 ? 1 : 1.0 / ((n - 1.0) * (n - 2.0))) : (undirected ? 0.5 : 1);
        if (sources.Length < n)
        {
            scale *= (double)n / sources.Length;
        }

        for (int v = 0; v < n; v++)
        {
            scores[v] *= scale;
        }

        string measure = (normalized ? "normalised betweenness" : "betweenness") + (sources.Length < n ? $" from {sources.Length} sampled sources" : string.Empty);
        var sampled = sources.Length < n ? sources.Select(s => view.Graph.EntityAt(view.Nodes[s])).ToArray() : [];
        return new CentralityResult(measure, direction, view.Graph, view.Nodes, view.Entities(), scores, sampled);
    }

    /// <summary>Closeness centrality (Wasserman–Faust, see the remarks): how near an entity is to the others it reaches.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="direction">Both to ignore direction (the default); Out for distances from the entity; In for distances to it.</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <param name="cancellationToken">Stops the computation (checked once per entity).</param>
    /// <returns>The scores, from 0 to 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static CentralityResult Closeness(Graph graph, Direction direction = Direction.Both, GraphFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var view = direction == Direction.Both ? AnalysisView.Undirected(graph, filter, cancellationToken) : AnalysisView.Directed(graph, filter, cancellationToken);
        var offsets = direction == Direction.In ? view.InOffsets : view.Offsets;
        var adjacency = direction == Direction.In ? view.InAdjacency : view.Adjacency;
        int n = view.Count;
        var scores = new double[n];
        var dist = new int[n];
        var queue = new int[n];
        Array.Fill(dist, -1);
        for (int s = 0; s < n; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int head = 0, tail = 0;
            long total = 0;
            dist[s] = 0;
            queue[tail++] = s;
            while (head < tail)
            {
                int v = queue[head++];
                int dv = dist[v] + 1;
                for (int j = offsets[v]; j < offsets[v + 1]; j++)
                {
                    int w = adjacency[j];
                    if (dist[w] < 0)
                    {
                        dist[w] = dv;
                        total += dv;
                        queue[tail++] = w;
                    }
                }
            }

            double reached = tail - 1;
            scores[s] = total == 0 || n <= 1 ? 0 : reached / total * (reached / (n - 1));
            for (int i = 0; i < tail; i++)
            {
                dist[queue[i]] = -1;
            }
        }

        return new CentralityResult("closeness", direction, view.Graph, view.Nodes, view.Entities(), scores, []);
    }

    /// <summary>The sources: all of 0..n-1, or <paramref name="samples"/> of them drawn without replacement, ascending.</summary>
    internal static int[] Sources(int n, int samples, int seed)
    {
        if (samples == 0 || samples >= n)
        {
            return [.. Enumerable.Range(0, n)];
        }

        // A partial Fisher–Yates shuffle with a seeded generator: the same seed, the same sources.
        var all = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (int i = 0; i < samples; i++)
        {
            int j = random.Next(i, n);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..samples];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Brandes' dependency sums over the given sources, unscaled (each ordered pair once).</summary>
    internal static double[] BrandesSums(AnalysisView view, int[] sources, CancellationToken cancellationToken)
    {
        int n = view.Count;
        var offsets = view.Offsets;
        var adjacency = view.Adjacency;
        var inOffsets = view.InOffsets;
        var inAdjacency = view.InAdjacency;
        var scores = new double[n];
        var sigma = new double[n];
        var delta = new double[n];
        var dist = new int[n];
        var order = new int[n];
        Array.Fill(dist, -1);
        foreach (int s in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int head = 0, tail = 0;
            dist[s] = 0;
            sigma[s] = 1;
            order[tail++] = s;
            while (head < tail)
            {
                int v = order[head++];
                int dv = dist[v] + 1;
                double sv = sigma[v];
                for (int j = offsets[v]; j < offsets[v + 1]; j++)
                {
                    int w = adjacency[j];
                    if (dist[w] < 0)
                    {
                        dist[w] = dv;
                        order[tail++] = w;
                    }

                    if (dist[w] == dv)
                    {
                        sigma[w] += sv;
                    }
                }
            }

            // Back from the farthest: each predecessor v of w (an in-neighbour one step nearer) gets its share.
            for (int i = tail - 1; i > 0; i--)
            {
                int w = order[i];
                int dw = dist[w] - 1;
                double share = (1 + delta[w]) / sigma[w];
                for (int j = inOffsets[w]; j < inOffsets[w + 1]; j++)
                {
                    int v = inAdjacency[j];
                    if (dist[v] == dw)
                    {
                        delta[v] += sigma[v] * share;
                    }
                }

                scores[w] += delta[w];
            }

            for (int i = 0; i < tail; i++)
            {
                int v = order[i];
                dist[v] = -1;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }

        return scores;
    }
}
