namespace KnowledgeGraph.Algorithms;

/// <summary>Degree statistics over the compressed rows.</summary>
/// <example><code>
/// foreach (KindDegrees k in Degrees.ByKind(graph)) Console.WriteLine($"{k.Kind}: {k.Count} entities, {k.OutDegreeSum} out");
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class Degrees
{
    /// <summary>Per entity kind: the number of entities, the sums of their out- and in-degrees, and the largest total (in + out) degree. Parallel relations count separately.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>One row per kind present, ordered by kind name (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The count was cancelled.</exception>
    public static IReadOnlyList<KindDegrees> ByKind(Graph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        cancellationToken.ThrowIfCancellationRequested();
        var (codes, kinds) = graph.KindCodes;
        var t = graph.Topology;
        var outOffsets = t.OutOffsets;
        var inOffsets = t.InOffsets;
        int k = kinds.Length;
        var count = new int[k];
        var outSum = new long[k];
        var inSum = new long[k];
        var max = new int[k];
        for (int v = 0; v < codes.Length; v++)
        {
            int c = codes[v];
            int o = outOffsets[v + 1] - outOffsets[v];
            int i = inOffsets[v + 1] - inOffsets[v];
            count[c]++;
            outSum[c] += o;
            inSum[c] += i;
            if (o + i > max[c])
            {
                max[c] = o + i;
            }
        }

        var rows = new KindDegrees[k];
        for (int c = 0; c < k; c++)
        {
            rows[c] = new KindDegrees(kinds[c], count[c], outSum[c], inSum[c], max[c]);
        }

        return rows;
    }
}

/// <summary>The degree statistics of one entity kind.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">The number of entities of the kind.</param>
/// <param name="OutDegreeSum">The sum of their out-degrees.</param>
/// <param name="InDegreeSum">The sum of their in-degrees.</param>
/// <param name="MaxDegree">The largest in + out degree of one of them.</param>
public sealed record KindDegrees(EntityKind Kind, int Count, long OutDegreeSum, long InDegreeSum, int MaxDegree);
