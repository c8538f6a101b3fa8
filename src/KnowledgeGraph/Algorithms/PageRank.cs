using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// PageRank by synchronous (Jacobi) power iteration over the in-rows, with a fixed number of
/// iterations and no convergence test: <c>x0[v] = 1/N</c> and
/// <c>x'[v] = (1-d)/N + d·(Σ_{u→v} x[u]/outdeg(u) + Σ_{outdeg(w)=0} x[w]/N)</c>. Every relation
/// counts, so parallel relations of different types count separately; the mass of entities
/// without out-relations (dangling) is spread evenly. The scores sum to 1.
/// </summary>
/// <example><code>
/// PageRankResult pr = PageRank.Compute(graph);
/// foreach (var (entity, score) in pr.Top(5)) Console.WriteLine($"{entity.Name} {score:F4}");
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class PageRank
{
    /// <summary>Computes PageRank.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="damping">The damping factor d, from 0 to 1: 0.85 by default.</param>
    /// <param name="iterations">The number of iterations, 0 or more: 20 by default.</param>
    /// <param name="cancellationToken">Stops the computation (checked every iteration).</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="damping"/> is outside 0 to 1 or <paramref name="iterations"/> is negative.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static PageRankResult Compute(Graph graph, double damping = 0.85, int iterations = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!(damping >= 0 && damping <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(damping), damping, "The damping factor must be from 0 to 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        return new PageRankResult(graph, Scores(graph.Topology, damping, iterations, cancellationToken));
    }

    internal static double[] Scores(GraphTopology t, double damping, int iterations, CancellationToken cancellationToken)
    {
        int n = t.NodeCount;
        if (n == 0)
        {
            return [];
        }

        var outOffsets = t.OutOffsets;
        var inOffsets = t.InOffsets;
        var inSources = t.InSources;
        var x = new double[n];
        var next = new double[n];
        var share = new double[n];
        var inverseOut = new double[n];
        for (int v = 0; v < n; v++)
        {
            int deg = outOffsets[v + 1] - outOffsets[v];
            inverseOut[v] = deg == 0 ? 0 : 1.0 / deg;
        }

        Array.Fill(x, 1.0 / n);
        double baseline = (1 - damping) / n;
        ref int sources = ref MemoryMarshal.GetArrayDataReference(inSources);
        ref double shares = ref MemoryMarshal.GetArrayDataReference(share);
        if ((uint)inOffsets[n] > (uint)inSources.Length)
        {
            throw new InvalidOperationException("The in-rows are inconsistent with their offsets.");
        }

        for (int it = 0; it < iterations; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double dangling = 0;
            for (int v = 0; v < n; v++)
            {
                double xv = x[v];
                share[v] = xv * inverseOut[v];
                if (inverseOut[v] == 0)
                {
                    dangling += xv;
                }
            }

            double constant = baseline + (damping * dangling / n);
            int lo = inOffsets[0];
            for (int v = 0; v < n; v++)
            {
                int hi = inOffsets[v + 1];
                double sum0 = 0, sum1 = 0;
                int i = lo;

                // Offsets are monotone and end within InSources (checked above), and every source
                // is a node index below n = share.Length, so these reads stay in bounds.
                for (; i + 1 < hi; i += 2)
                {
                    sum0 += Unsafe.Add(ref shares, Unsafe.Add(ref sources, i));
                    sum1 += Unsafe.Add(ref shares, Unsafe.Add(ref sources, i + 1));
                }

                if (i < hi)
                {
                    sum0 += Unsafe.Add(ref shares, Unsafe.Add(ref sources, i));
                }

                next[v] = constant + (damping * (sum0 + sum1));
                lo = hi;
            }

            (x, next) = (next, x);
        }

        return x;
    }
}

/// <summary>The scores of <see cref="PageRank.Compute"/>, one per entity.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PageRankResult
{
    private readonly Graph _graph;
    private readonly double[] _scores;

    internal PageRankResult(Graph graph, double[] scores)
    {
        _graph = graph;
        _scores = scores;
    }

    /// <summary>The score of each entity, in the order of <see cref="Graph.Entities"/>.</summary>
    public IReadOnlyList<double> Scores => Array.AsReadOnly(_scores);

    /// <summary>The sum of the scores (1 up to rounding).</summary>
    public double Sum => _scores.Sum();

    /// <summary>The score of an entity.</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns>The score.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public double ScoreOf(EntityId id) => _scores[_graph.IndexOf(id)];

    /// <summary>The entities with the highest scores, highest first; ties go to the lower id.</summary>
    /// <param name="count">How many, 0 or more.</param>
    /// <returns>The entities and their scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<(Entity Entity, double Score)> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. TopIndices(_scores, count, null).Select(i => (_graph.EntityAt(i), _scores[i]))];
    }

    /// <summary>The indices of the largest scores, highest first; ties go to the lower rank (by <paramref name="rank"/>, or the index when null).</summary>
    internal static int[] TopIndices(double[] scores, int count, int[]? rank)
    {
        count = Math.Min(count, scores.Length);
        var top = new List<int>(count + 1);
        for (int v = 0; v < scores.Length; v++)
        {
            if (top.Count == count && !Better(v, top[^1]))
            {
                continue;
            }

            int at = top.Count;
            while (at > 0 && Better(v, top[at - 1]))
            {
                at--;
            }

            top.Insert(at, v);
            if (top.Count > count)
            {
                top.RemoveAt(top.Count - 1);
            }
        }

        return [.. top];

        bool Better(int a, int b) =>
            scores[a] > scores[b] || (scores[a] == scores[b] && (rank is null ? a < b : rank[a] < rank[b]));
    }
}
