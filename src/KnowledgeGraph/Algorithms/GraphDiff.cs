using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// What changed between two graphs: documents keyed by id, entities keyed by id, relations keyed by
/// (source, type, target), each added, removed or changed (an entity's kind, name, aliases, labels or
/// properties; a relation's qualifiers or evidence; a document's title or text). When several
/// relations share a key (they differ in qualifiers or evidence), equal ones are matched first, one
/// left on each side is a change, and the rest are added or removed. <see cref="ToText"/> and
/// <see cref="ToJson"/> are deterministic (ordinal order, invariant culture, <c>\n</c>) for snapshot
/// tests; <see cref="Apply"/> replays the diff, so <c>Between(a, b).Apply(a)</c> equals <c>b</c>.
/// </summary>
/// <example><code>
/// GraphDiff diff = GraphDiff.Between(yesterday, today);
/// if (!diff.IsEmpty) Console.WriteLine(diff.ToText());
/// </code></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed partial class GraphDiff
{
    private GraphDiff(
        ImmutableArray<Document> addedDocuments,
        ImmutableArray<Document> removedDocuments,
        ImmutableArray<Change<Document>> changedDocuments,
        ImmutableArray<Entity> addedEntities,
        ImmutableArray<Entity> removedEntities,
        ImmutableArray<Change<Entity>> changedEntities,
        ImmutableArray<Relation> addedRelations,
        ImmutableArray<Relation> removedRelations,
        ImmutableArray<Change<Relation>> changedRelations)
    {
        AddedDocuments = addedDocuments;
        RemovedDocuments = removedDocuments;
        ChangedDocuments = changedDocuments;
        AddedEntities = addedEntities;
        RemovedEntities = removedEntities;
        ChangedEntities = changedEntities;
        AddedRelations = addedRelations;
        RemovedRelations = removedRelations;
        ChangedRelations = changedRelations;
    }

    /// <summary>Documents only in the second graph, ordered by id.</summary>
    public ImmutableArray<Document> AddedDocuments { get; }

    /// <summary>Documents only in the first graph, ordered by id.</summary>
    public ImmutableArray<Document> RemovedDocuments { get; }

    /// <summary>Documents in both with another title or text, ordered by id.</summary>
    public ImmutableArray<Change<Document>> ChangedDocuments { get; }

    /// <summary>Entities only in the second graph, ordered by id.</summary>
    public ImmutableArray<Entity> AddedEntities { get; }

    /// <summary>Entities only in the first graph, ordered by id.</summary>
    public ImmutableArray<Entity> RemovedEntities { get; }

    /// <summary>Entities in both that differ, ordered by id.</summary>
    public ImmutableArray<Change<Entity>> ChangedEntities { get; }

    /// <summary>Relations only in the second graph, in graph order (source, type, target).</summary>
    public ImmutableArray<Relation> AddedRelations { get; }

    /// <summary>Relations only in the first graph, in graph order.</summary>
    public ImmutableArray<Relation> RemovedRelations { get; }

    /// <summary>Relations whose key is in both but whose qualifiers or evidence differ, in graph order.</summary>
    public ImmutableArray<Change<Relation>> ChangedRelations { get; }

    /// <summary>Whether the two graphs hold the same documents, entities and relations.</summary>
    public bool IsEmpty =>
        AddedDocuments.IsEmpty && RemovedDocuments.IsEmpty && ChangedDocuments.IsEmpty
        && AddedEntities.IsEmpty && RemovedEntities.IsEmpty && ChangedEntities.IsEmpty
        && AddedRelations.IsEmpty && RemovedRelations.IsEmpty && ChangedRelations.IsEmpty;

    /// <summary>Compares two graphs.</summary>
    /// <param name="before">The first graph.</param>
    /// <param name="after">The second graph.</param>
    /// <returns>What changed from <paramref name="before"/> to <paramref name="after"/>.</returns>
    /// <exception cref="ArgumentNullException">A graph is null.</exception>
    public static GraphDiff Between(Graph before, Graph after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (addedDocuments, removedDocuments, changedDocuments) = ById(before.Documents, after.Documents, d => d.Id);
        var (addedEntities, removedEntities, changedEntities) = ById(before.Entities, after.Entities, e => e.Id.Value);
        var added = new List<Relation>();
        var removed = new List<Relation>();
        var changed = new List<Change<Relation>>();
        var beforeGroups = Groups(before.Relations);
        var afterGroups = Groups(after.Relations);
        foreach (var key in beforeGroups.Keys.Union(afterGroups.Keys).Order())
        {
            var left = beforeGroups.TryGetValue(key, out var l) ? l : [];
            var right = afterGroups.TryGetValue(key, out var r) ? r : [];
            var onlyLeft = left.Where((x, i) => !Matched(left, right, i)).ToList();
            var onlyRight = right.Where((x, i) => !Matched(right, left, i)).ToList();
            if (onlyLeft.Count == 1 && onlyRight.Count == 1)
            {
                changed.Add(new Change<Relation>(onlyLeft[0], onlyRight[0]));
            }
            else
            {
                removed.AddRange(onlyLeft);
                added.AddRange(onlyRight);
            }
        }

        return new GraphDiff(addedDocuments, removedDocuments, changedDocuments, addedEntities, removedEntities, changedEntities, [.. added], [.. removed], [.. changed]);
    }

    /// <summary>Applies the diff to a graph: removes what it removed, replaces what it changed, adds what it added.</summary>
    /// <param name="graph">The graph to change, normally the first graph of <see cref="Between"/>.</param>
    /// <returns>The changed graph, built against the schema of <paramref name="graph"/> with a lenient build.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The graph lacks something the diff removes or changes, or already holds an entity or document it adds; the message names it.</exception>
    public Graph Apply(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var documents = Replay(graph.Documents, d => d.Id, AddedDocuments, RemovedDocuments, ChangedDocuments, "document");
        var entities = Replay(graph.Entities, e => e.Id.Value, AddedEntities, RemovedEntities, ChangedEntities, "entity");
        var relations = graph.Relations.ToList();
        foreach (var r in RemovedRelations)
        {
            Take(relations, r);
        }

        foreach (var c in ChangedRelations)
        {
            Take(relations, c.Before);
            relations.Add(c.After);
        }

        relations.AddRange(AddedRelations);
        var b = new GraphBuilder(graph.Schema);
        foreach (var d in documents)
        {
            b.AddDocument(d);
        }

        foreach (var e in entities)
        {
            b.AddEntity(e);
        }

        foreach (var r in relations)
        {
            b.AddRelation(r);
        }

        return b.Build(GraphBuildOptions.LenientMode);
    }

    /// <summary>A one-line summary such as <c>entities +2 -1 ~3, relations +4 -0 ~1, documents +0 -0 ~0</c>, or <c>no differences</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsEmpty
        ? "no differences"
        : string.Create(
            CultureInfo.InvariantCulture,
            $"entities +{AddedEntities.Length} -{RemovedEntities.Length} ~{ChangedEntities.Length}, relations +{AddedRelations.Length} -{RemovedRelations.Length} ~{ChangedRelations.Length}, documents +{AddedDocuments.Length} -{RemovedDocuments.Length} ~{ChangedDocuments.Length}");

    private static (ImmutableArray<T> Added, ImmutableArray<T> Removed, ImmutableArray<Change<T>> Changed) ById<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
        where T : class, IEquatable<T>
    {
        var added = ImmutableArray.CreateBuilder<T>();
        var removed = ImmutableArray.CreateBuilder<T>();
        var changed = ImmutableArray.CreateBuilder<Change<T>>();

        // Both lists are ordered by key (ordinal): merge them.
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            int c = i == before.Count ? 1 : j == after.Count ? -1 : string.CompareOrdinal(key(before[i]), key(after[j]));
            if (c < 0)
            {
                removed.Add(before[i++]);
            }
            else if (c > 0)
            {
                added.Add(after[j++]);
            }
            else
            {
                if (!before[i].Equals(after[j]))
                {
                    changed.Add(new Change<T>(before[i], after[j]));
                }

                i++;
                j++;
            }
        }

        return (added.ToImmutable(), removed.ToImmutable(), changed.ToImmutable());
    }

    private static Dictionary<RelationKey, List<Relation>> Groups(IReadOnlyList<Relation> relations)
    {
        var groups = new Dictionary<RelationKey, List<Relation>>();
        foreach (var r in relations)
        {
            var key = new RelationKey(r.Source.Value, r.Type.Name, r.Target.Value);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(r);
        }

        return groups;
    }

    /// <summary>Whether item <paramref name="i"/> of <paramref name="side"/> has an equal partner in <paramref name="other"/>, counting multiplicity.</summary>
    private static bool Matched(List<Relation> side, List<Relation> other, int i)
    {
        int rank = 0;
        for (int k = 0; k < i; k++)
        {
            rank += side[k].Equals(side[i]) ? 1 : 0;
        }

        return other.Count(o => o.Equals(side[i])) > rank;
    }

    private static List<T> Replay<T>(IReadOnlyList<T> items, Func<T, string> key, ImmutableArray<T> added, ImmutableArray<T> removed, ImmutableArray<Change<T>> changed, string what)
        where T : class, IEquatable<T>
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byKey[key(item)] = item;
        }

        foreach (var item in removed.Concat(changed.Select(c => c.Before)))
        {
            if (!byKey.TryGetValue(key(item), out var found) || !found.Equals(item))
            {
                throw new InvalidOperationException($"The diff does not apply: it removes or changes the {what} '{key(item)}', which the graph {(found is null ? "does not hold" : "holds in another form")}.");
            }

            byKey.Remove(key(item));
        }

        foreach (var item in added.Concat(changed.Select(c => c.After)))
        {
            if (!byKey.TryAdd(key(item), item))
            {
                throw new InvalidOperationException($"The diff does not apply: it adds the {what} '{key(item)}', which the graph already holds.");
            }
        }

        return [.. byKey.Values];
    }

    private static void Take(List<Relation> relations, Relation relation)
    {
        int at = relations.IndexOf(relation);
        if (at < 0)
        {
            throw new InvalidOperationException($"The diff does not apply: it removes or changes the relation {relation}, which the graph does not hold in that form.");
        }

        relations.RemoveAt(at);
    }

    private readonly record struct RelationKey(string Source, string Type, string Target) : IComparable<RelationKey>
    {
        public int CompareTo(RelationKey other)
        {
            int c = string.CompareOrdinal(Source, other.Source);
            c = c != 0 ? c : string.CompareOrdinal(Type, other.Type);
            return c != 0 ? c : string.CompareOrdinal(Target, other.Target);
        }
    }
}

/// <summary>One item of a <see cref="GraphDiff"/> in both graphs, with a difference.</summary>
/// <typeparam name="T">A document, entity or relation.</typeparam>
/// <param name="Before">The item in the first graph.</param>
/// <param name="After">The item in the second graph.</param>
public sealed record Change<T>(T Before, T After)
    where T : class;
