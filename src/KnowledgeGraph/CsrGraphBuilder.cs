using System.Collections.Immutable;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph;

/// <summary>
/// The bulk path from arrays to a <see cref="Graph"/>: entities in input order, and edges as
/// parallel int arrays of input-order node indices and type codes. It sorts the entities by id,
/// renumbers the endpoints and type codes, and has <see cref="CsrRows"/> build the compressed
/// rows, without a <see cref="Relation"/> per edge.
/// Checking the schema is the caller's job (loaders check each edge as they read it).
/// </summary>
internal static class CsrGraphBuilder
{
    private static readonly Comparer<Entity> IdOrder = Comparer<Entity>.Create(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));

    /// <summary>Builds the graph.</summary>
    /// <param name="schema">The schema the graph was checked against.</param>
    /// <param name="entities">The entities in input order (consumed: sorted in place).</param>
    /// <param name="idIndex">Id → input-order index of every entity (consumed: renumbered in place and kept by the graph).</param>
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
        EntityIdIndex idIndex,
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
        var newIndex = SortById(entities, idIndex);
        var sorted = entities;

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

        // Renumber the endpoints and map the type codes; then the compressed rows (Storage).
        for (int e = 0; e < m; e++)
        {
            source[e] = newIndex[source[e]];
            target[e] = newIndex[target[e]];
            type[e] = typeCode[type[e]];
        }

        Func<int, string>? tieKey = qualifiers is null ? null : e => (qualifiers[e] ?? PropertyMap.Empty).ToString();
        var topology = CsrRows.Build(n, source, type, target, m, typeCount, tieKey, out int[]? original);

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

        var types = new RelationType[typeCount];
        for (int c = 0; c < typeCount; c++)
        {
            types[c] = new RelationType(names[c]);
        }

        return new Graph(schema, [], sorted, idIndex, topology, types, sortedQualifiers, null, violations);
    }

    /// <summary>Sorts the entities by id in place and renumbers the index to match.</summary>
    /// <returns>The new position of each entity, by its old position.</returns>
    private static int[] SortById(Entity[] entities, EntityIdIndex idIndex)
    {
        int n = entities.Length;
        var order = new int[n];
        for (int p = 0; p < n; p++)
        {
            order[p] = p;
        }

        Array.Sort(entities, order, IdOrder);
        var byOld = new int[n];
        for (int p = 0; p < n; p++)
        {
            byOld[order[p]] = p;
        }

        idIndex.Renumber(entities, byOld);
        return byOld;
    }
}
