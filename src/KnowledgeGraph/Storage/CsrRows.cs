using System.Numerics;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Builds compressed sparse rows from an edge list: a counting sort on the source, then a sort of
/// each row on (type, target). Edges with the same source, type and target keep input order, or
/// the order of their tie keys when there are any.
/// </summary>
internal static class CsrRows
{
    /// <summary>Builds the topology.</summary>
    /// <param name="n">The number of nodes.</param>
    /// <param name="source">Source node per edge (consumed: may become the in-rows).</param>
    /// <param name="type">Type code per edge, codes in the final order (consumed: may become the targets).</param>
    /// <param name="target">Target node per edge (consumed: may become the in-rows).</param>
    /// <param name="m">The number of edges in the arrays (they may be longer).</param>
    /// <param name="typeCount">The number of type codes.</param>
    /// <param name="tieKey">The tie key of an input edge, or null to keep input order only.</param>
    /// <param name="original">When <paramref name="tieKey"/> is given, the input edge of each final edge; else null.</param>
    /// <returns>The topology.</returns>
    public static GraphTopology Build(int n, int[] source, int[] type, int[] target, int m, int typeCount, Func<int, string>? tieKey, out int[]? original)
    {
        // Counting sort on the source.
        var outOffsets = new int[n + 1];
        for (int e = 0; e < m; e++)
        {
            outOffsets[source[e] + 1]++;
        }

        for (int v = 0; v < n; v++)
        {
            outOffsets[v + 1] += outOffsets[v];
        }

        // Scatter straight into the final arrays (type codes in a byte each when they fit), then sort
        // each row by (type, target) through a small pooled key buffer: no temporary the size of the edge list.
        original = tieKey is null ? null : new int[m];
        EdgeTypes edgeType;
        int[] edgeTarget;
        if (EdgeTypes.FitInAByte(typeCount))
        {
            // The input codes are copied to a byte each first; the input type array is then free
            // and, when it has the exact length, receives the targets (one edge-sized array fewer).
            var inputTypes = GC.AllocateUninitializedArray<byte>(m);
            for (int e = 0; e < m; e++)
            {
                inputTypes[e] = (byte)type[e];
            }

            edgeTarget = type.Length == m ? type : new int[m];
            var narrow = new byte[m];
            Scatter(n, source, inputTypes, target, m, outOffsets, narrow, edgeTarget, original);
            SortRows(n, outOffsets, narrow, edgeTarget, original, tieKey);
            edgeType = new EdgeTypes(narrow);
        }
        else
        {
            var wide = new int[m];
            edgeTarget = new int[m];
            Scatter(n, source, type, target, m, outOffsets, wide, edgeTarget, original);
            SortRows(n, outOffsets, wide, edgeTarget, original, tieKey);
            edgeType = new EdgeTypes(wide);
        }

        // The input arrays are free now: when they have the exact length, they become the in-rows.
        return source.Length == m && target.Length == m
            ? new GraphTopology(n, edgeType, edgeTarget, typeCount, outOffsets, source, target)
            : new GraphTopology(n, edgeType, edgeTarget, typeCount, outOffsets);
    }

    /// <summary>Moves each input edge to its slot in its source's row (input order within a row).</summary>
    private static void Scatter<T>(int n, int[] source, T[] type, int[] target, int m, int[] outOffsets, T[] edgeType, int[] edgeTarget, int[]? original)
        where T : unmanaged, IBinaryInteger<T>
    {
        var next = new int[n];
        Array.Copy(outOffsets, next, n);
        for (int e = 0; e < m; e++)
        {
            int slot = next[source[e]]++;
            edgeType[slot] = type[e];
            edgeTarget[slot] = target[e];
            if (original is not null)
            {
                original[slot] = e;
            }
        }
    }

    /// <summary>Sorts each row by (type, target) through a small pooled key buffer; ties by their keys when there are any.</summary>
    private static void SortRows<T>(int n, int[] outOffsets, T[] edgeType, int[] edgeTarget, int[]? original, Func<int, string>? tieKey)
        where T : unmanaged, IBinaryInteger<T>
    {
        long[] rowKeys = System.Buffers.ArrayPool<long>.Shared.Rent(64);
        try
        {
            for (int v = 0; v < n; v++)
            {
                int lo = outOffsets[v], len = outOffsets[v + 1] - lo;
                if (len < 2)
                {
                    continue;
                }

                if (rowKeys.Length < len)
                {
                    System.Buffers.ArrayPool<long>.Shared.Return(rowKeys);
                    rowKeys = System.Buffers.ArrayPool<long>.Shared.Rent(len);
                }

                var keysOfRow = rowKeys.AsSpan(0, len);
                bool sortedAlready = true;
                for (int i = 0; i < len; i++)
                {
                    keysOfRow[i] = ((long)int.CreateTruncating(edgeType[lo + i]) << 32) | (uint)edgeTarget[lo + i];
                    sortedAlready &= i == 0 || keysOfRow[i - 1] <= keysOfRow[i];
                }

                if (sortedAlready && original is null)
                {
                    continue;
                }

                if (original is null)
                {
                    keysOfRow.Sort();
                }
                else
                {
                    // Ties (same type and target) are ordered by their tie keys, then by input order.
                    SortRowStable(keysOfRow, original.AsSpan(lo, len), tieKey!);
                }

                for (int i = 0; i < len; i++)
                {
                    edgeType[lo + i] = T.CreateTruncating((int)(keysOfRow[i] >> 32));
                    edgeTarget[lo + i] = (int)(uint)keysOfRow[i];
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(rowKeys);
        }
    }

    private static void SortRowStable(Span<long> keys, Span<int> original, Func<int, string> tieKey)
    {
        var items = new (long Key, string Details, int Original)[keys.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = (keys[i], tieKey(original[i]), original[i]);
        }

        Array.Sort(items, static (a, b) =>
        {
            int c = a.Key.CompareTo(b.Key);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Details, b.Details);
            }

            return c != 0 ? c : a.Original.CompareTo(b.Original);
        });
        for (int i = 0; i < items.Length; i++)
        {
            keys[i] = items[i].Key;
            original[i] = items[i].Original;
        }
    }
}
