using System.Collections.Immutable;
using System.Runtime.InteropServices;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph;

/// <summary>
/// The bulk path from arrays to a <see cref="Graph"/>: entities in input order, and edges as
/// parallel int arrays of input-order node indices and type codes. It sorts the entities by id,
/// renumbers the endpoints, and builds the compressed rows by a counting sort on the source
/// followed by a sort of each row on (type, target), without a <see cref="Relation"/> per edge.
/// Checking the schema is the caller's job (loaders check each edge as they read it).
/// </summary>
internal static class CsrGraphBuilder
{
    /// <summary>Builds the graph.</summary>
    /// <param name="schema">The schema the graph was checked against.</param>
    /// <param name="entities">The entities in input order (consumed: sorted in place).</param>
    /// <param name="idIndex">Id → input-order index of every entity (consumed: renumbered in place).</param>
    /// <param name="source">Input-order source index per edge (consumed).</param>
    /// <param name="type">Type code per edge, indexing <paramref name="typeNames"/> (consumed).</param>
    /// <param name="target">Input-order target index per edge (consumed).</param>
    /// <param name="edgeCount">The number of edges in the arrays (they may be longer).</param>
    /// <param name="typeNames">The relation type names by code, in any order.</param>
    /// <param name="qualifiers">Qualifiers per edge, or null when no edge has any.</param>
    /// <param name="violations">Violations accepted by a lenient load.</param>
    /// <returns>The graph.</returns>
    public static Graph Build(
        Schema schema,
        Entity[] entities,
        Dictionary<string, int> idIndex,
        int[] source,
        int[] type,
        int[] target,
        int edgeCount,
        IReadOnlyList<string> typeNames,
        PropertyMap?[]? qualifiers,
        ImmutableArray<SchemaViolation> violations)
    {
        int n = entities.Length;
        int m = edgeCount;

        // Entities by id (ordinal), sorted in place; newIndex maps input order to graph order.
        Array.Sort(entities, static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var sorted = entities;
        var newIndex = new int[n];
        for (int p = 0; p < n; p++)
        {
            ref int slot = ref CollectionsMarshal.GetValueRefOrNullRef(idIndex, sorted[p].Id.Value);
            newIndex[slot] = p;
            slot = p;
        }

        // Type codes by name (ordinal).
        int typeCount = typeNames.Count;
        var typeOrder = new int[typeCount];
        var names = new string[typeCount];
        for (int c = 0; c < typeCount; c++)
        {
            typeOrder[c] = c;
            names[c] = typeNames[c];
        }

        Array.Sort(names, typeOrder, StringComparer.Ordinal);
        var typeCode = new int[typeCount];
        for (int c = 0; c < typeCount; c++)
        {
            typeCode[typeOrder[c]] = c;
        }

        // Counting sort on the source.
        var outOffsets = new int[n + 1];
        for (int e = 0; e < m; e++)
        {
            int s = newIndex[source[e]];
            source[e] = s;
            outOffsets[s + 1]++;
        }

        for (int v = 0; v < n; v++)
        {
            outOffsets[v + 1] += outOffsets[v];
        }

        // Scatter straight into the final arrays, then sort each row by (type, target) through a
        // small pooled key buffer: no temporary the size of the edge list.
        var edgeSource = new int[m];
        var edgeType = new int[m];
        var edgeTarget = new int[m];
        int[]? original = qualifiers is null ? null : new int[m];
        var next = new int[n];
        Array.Copy(outOffsets, next, n);
        for (int e = 0; e < m; e++)
        {
            int s = source[e];
            int slot = next[s]++;
            edgeSource[slot] = s;
            edgeType[slot] = typeCode[type[e]];
            edgeTarget[slot] = newIndex[target[e]];
            if (original is not null)
            {
                original[slot] = e;
            }
        }

        next = null!;
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
                    keysOfRow[i] = ((long)edgeType[lo + i] << 32) | (uint)edgeTarget[lo + i];
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
                    // Ties (same type and target) keep input order, then qualifiers order them as GraphBuilder does.
                    SortRowStable(keysOfRow, original.AsSpan(lo, len), qualifiers!);
                }

                for (int i = 0; i < len; i++)
                {
                    edgeType[lo + i] = (int)(keysOfRow[i] >> 32);
                    edgeTarget[lo + i] = (int)(uint)keysOfRow[i];
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(rowKeys);
        }

        PropertyMap[]? sortedQualifiers = null;
        if (original is not null)
        {
            for (int e = 0; e < m; e++)
            {
                var q = qualifiers![original[e]];
                if (q is not null && !q.IsEmpty)
                {
                    sortedQualifiers ??= new PropertyMap[m];
                    sortedQualifiers[e] = q;
                }
            }
        }

        // The input arrays are free now: when they have the exact length, they become the in-rows.
        var topology = source.Length == m && target.Length == m
            ? new GraphTopology(n, edgeSource, edgeType, edgeTarget, typeCount, outOffsets, source, target)
            : new GraphTopology(n, edgeSource, edgeType, edgeTarget, typeCount, outOffsets);
        var types = new RelationType[typeCount];
        for (int c = 0; c < typeCount; c++)
        {
            types[c] = new RelationType(names[c]);
        }

        return new Graph(schema, [], sorted, idIndex, topology, types, sortedQualifiers, null, violations);
    }

    private static void SortRowStable(Span<long> keys, Span<int> original, PropertyMap?[] qualifiers)
    {
        var items = new (long Key, string Details, int Original)[keys.Length];
        for (int i = 0; i < items.Length; i++)
        {
            var q = qualifiers[original[i]];
            items[i] = (keys[i], (q ?? PropertyMap.Empty).ToString(), original[i]);
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
