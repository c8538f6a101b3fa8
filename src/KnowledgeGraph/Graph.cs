using System.Collections.Immutable;
using System.Globalization;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph;

/// <summary>
/// An immutable knowledge graph: documents, entities (nodes) and relations (edges), with
/// adjacency stored as compressed sparse rows of ints in both directions and indexes by id,
/// name, kind and relation type. Build one with <see cref="GraphBuilder"/>, load one with
/// <c>Graph.Load(path)</c> or <c>Graph.LoadSeed()</c>.
/// </summary>
/// <remarks>
/// Entities are ordered by id (ordinal) and relations by (source, type, target); every
/// enumeration of a graph follows that order.
/// </remarks>
/// <example><code>
/// Graph g = Graph.LoadSeed();
/// Entity rutte = g.Resolve("Mr. Rutte");
/// foreach (Entity praised in g.Out(rutte.Id, RelationType.Praises)) Console.WriteLine(praised.Name);
/// </code></example>
/// <threadsafety>Immutable; every member is safe to call from many threads at once.</threadsafety>
public sealed partial class Graph
{
    /// <summary>The id of the seed article's document (see <c>Graph.LoadSeed()</c>).</summary>
    public const string SeedDocumentId = "seed:nato-brussels-munich";

    private readonly Entity[] _entities;
    private readonly EntityIdIndex _idIndex;
    private readonly RelationType[] _types;
    private readonly PropertyMap[]? _qualifiers;
    private readonly ImmutableArray<Evidence>[]? _evidence;
    private Relation?[]? _relationCache;
    private readonly Lazy<Dictionary<string, int[]>> _nameIndex;
    private readonly Lazy<IndexByKind> _kindIndex;
    private readonly Lazy<int[][]> _typeIndex;
    private readonly Lazy<(int[] Codes, EntityKind[] Kinds)> _kindCodes;

    internal Graph(
        Schema schema,
        ImmutableArray<Document> documents,
        Entity[] entities,
        EntityIdIndex? idIndex,
        GraphTopology topology,
        RelationType[] types,
        PropertyMap[]? qualifiers,
        ImmutableArray<Evidence>[]? evidence,
        ImmutableArray<SchemaViolation> violations)
    {
        Schema = schema;
        Documents = documents;
        _entities = entities;
        _idIndex = idIndex ?? new EntityIdIndex(entities);
        Topology = topology;
        _types = types;
        _qualifiers = qualifiers;
        _evidence = evidence;
        Violations = violations;
        _nameIndex = new Lazy<Dictionary<string, int[]>>(BuildNameIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        _kindIndex = new Lazy<IndexByKind>(BuildKindIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        _typeIndex = new Lazy<int[][]>(BuildTypeIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        _kindCodes = new Lazy<(int[] Codes, EntityKind[] Kinds)>(BuildKindCodes, LazyThreadSafetyMode.ExecutionAndPublication);
        Relations = new RelationList(this);
    }

    /// <summary>The empty graph.</summary>
    public static Graph Empty { get; } = new GraphBuilder(Schema.Open).Build();

    /// <summary>The schema the graph was built against.</summary>
    public Schema Schema { get; }

    /// <summary>The source documents that evidence cites, ordered by id.</summary>
    public ImmutableArray<Document> Documents { get; }

    /// <summary>The entities, ordered by id (ordinal).</summary>
    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>The relations, ordered by (source, type, target).</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>The number of entities.</summary>
    public int EntityCount => _entities.Length;

    /// <summary>The number of relations.</summary>
    public int RelationCount => Topology.EdgeCount;

    /// <summary>Violations accepted by a lenient build; empty for a strict one.</summary>
    public ImmutableArray<SchemaViolation> Violations { get; }

    /// <summary>The entity kinds present, ordered by name.</summary>
    public IReadOnlyList<EntityKind> Kinds => _kindIndex.Value.Kinds;

    /// <summary>The relation types present, ordered by name.</summary>
    public IReadOnlyList<RelationType> RelationTypes => _types;

    internal GraphTopology Topology { get; }

    /// <summary>Per entity (by index) the code of its kind, and the kinds by code, ordered by name.</summary>
    internal (int[] Codes, EntityKind[] Kinds) KindCodes => _kindCodes.Value;

    /// <summary>The entity with an id.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public Entity this[EntityId id] => _entities[IndexOf(id)];

    /// <summary>Whether an entity has this id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when one does.</returns>
    public bool ContainsEntity(EntityId id) => _idIndex.ContainsKey(id.Value);

    /// <summary>Gets the entity with an id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="entity">The entity, or null.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetEntity(EntityId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entity? entity)
    {
        if (_idIndex.TryGetValue(id.Value, out int i))
        {
            entity = _entities[i];
            return true;
        }

        entity = null;
        return false;
    }

    /// <summary>The entities of a kind, ordered by id.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The entities; empty when none.</returns>
    public ImmutableArray<Entity> EntitiesOfKind(EntityKind kind) =>
        _kindIndex.Value.ByKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>The relations of a type, in graph order.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The relations; empty when none.</returns>
    public IReadOnlyList<Relation> RelationsOfType(RelationType type)
    {
        int code = TypeCode(type);
        return code < 0 ? [] : _typeIndex.Value[code].Select(GetRelation).ToArray();
    }

    /// <summary>The graph as <c>Graph with 42 entities and 97 relations</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Graph with {EntityCount} {(EntityCount == 1 ? "entity" : "entities")} and {RelationCount} {(RelationCount == 1 ? "relation" : "relations")}");

    internal Entity EntityAt(int index) => _entities[index];

    internal RelationType TypeAt(int code) => _types[code];

    internal int TypeCode(RelationType type)
    {
        int lo = 0, hi = _types.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = string.CompareOrdinal(_types[mid].Name, type.Name);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    internal int IndexOf(EntityId id) =>
        _idIndex.TryGetValue(id.Value, out int i) ? i : throw new KeyNotFoundException($"No entity with id '{id}' in the graph.");

    internal bool TryIndexOf(EntityId id, out int index) => _idIndex.TryGetValue(id.Value, out index);

    /// <summary>The index of the entity with this id text (an invalid id is simply not found).</summary>
    internal bool TryIndexOf(string id, out int index) => _idIndex.TryGetValue(id, out index);

    /// <summary>The edges of one relation type, in edge order (so by source).</summary>
    internal int[] EdgesOfType(int code) => _typeIndex.Value[code];

    internal Relation GetRelation(int edge)
    {
        // The cache costs nothing until a relation object is first asked for.
        var cache = Volatile.Read(ref _relationCache);
        if (cache is null)
        {
            Interlocked.CompareExchange(ref _relationCache, new Relation?[Topology.EdgeCount], null);
            cache = _relationCache!;
        }

        var cached = Volatile.Read(ref cache[edge]);
        if (cached is not null)
        {
            return cached;
        }

        var t = Topology;
        var relation = new Relation(
            _entities[t.SourceOf(edge)].Id,
            _types[t.EdgeType[edge]],
            _entities[t.EdgeTarget[edge]].Id,
            _qualifiers?[edge],
            _evidence is null || _evidence[edge].IsDefault ? null : _evidence[edge]);
        Volatile.Write(ref cache[edge], relation);
        return relation;
    }

    internal PropertyMap QualifiersAt(int edge) => _qualifiers?[edge] ?? PropertyMap.Empty;

    private Dictionary<string, int[]> BuildNameIndex()
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Add(string text, int i)
        {
            string key = Names.Normalize(text);
            if (key.Length == 0)
            {
                return;
            }

            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            if (list.Count == 0 || list[^1] != i)
            {
                list.Add(i);
            }
        }

        for (int i = 0; i < _entities.Length; i++)
        {
            Add(_entities[i].Name, i);
            foreach (var alias in _entities[i].Aliases)
            {
                Add(alias, i);
            }
        }

        return lists.ToDictionary(p => p.Key, p => p.Value.Distinct().Order().ToArray(), StringComparer.Ordinal);
    }

    private IndexByKind BuildKindIndex()
    {
        var groups = new Dictionary<EntityKind, ImmutableArray<Entity>.Builder>();
        foreach (var e in _entities)
        {
            if (!groups.TryGetValue(e.Kind, out var b))
            {
                groups[e.Kind] = b = ImmutableArray.CreateBuilder<Entity>();
            }

            b.Add(e);
        }

        var byKind = groups.ToDictionary(p => p.Key, p => p.Value.ToImmutable());
        var kinds = byKind.Keys.OrderBy(k => k.Name, StringComparer.Ordinal).ToArray();
        return new IndexByKind(byKind, kinds);
    }

    private int[][] BuildTypeIndex()
    {
        var counts = new int[_types.Length];
        var edgeType = Topology.EdgeType;
        for (int e = 0; e < edgeType.Length; e++)
        {
            counts[edgeType[e]]++;
        }

        var index = new int[_types.Length][];
        for (int c = 0; c < index.Length; c++)
        {
            index[c] = new int[counts[c]];
            counts[c] = 0;
        }

        for (int e = 0; e < edgeType.Length; e++)
        {
            index[edgeType[e]][counts[edgeType[e]]++] = e;
        }

        return index;
    }

    private (int[] Codes, EntityKind[] Kinds) BuildKindCodes()
    {
        var kinds = Kinds.ToArray();
        var lookup = new Dictionary<EntityKind, int>(kinds.Length);
        for (int k = 0; k < kinds.Length; k++)
        {
            lookup.Add(kinds[k], k);
        }

        var codes = new int[_entities.Length];
        EntityKind last = default;
        int lastCode = -1;
        for (int i = 0; i < codes.Length; i++)
        {
            var kind = _entities[i].Kind;
            if (lastCode < 0 || !ReferenceEquals(kind.Name, last.Name))
            {
                last = kind;
                lastCode = lookup[kind];
            }

            codes[i] = lastCode;
        }

        return (codes, kinds);
    }

    private sealed record IndexByKind(Dictionary<EntityKind, ImmutableArray<Entity>> ByKind, EntityKind[] Kinds);

    private sealed class RelationList(Graph graph) : IReadOnlyList<Relation>
    {
        public Relation this[int index] =>
            (uint)index < (uint)graph.RelationCount
                ? graph.GetRelation(index)
                : throw new ArgumentOutOfRangeException(nameof(index), index, $"The graph has {graph.RelationCount} relations.");

        public int Count => graph.RelationCount;

        public IEnumerator<Relation> GetEnumerator()
        {
            for (int e = 0; e < graph.RelationCount; e++)
            {
                yield return graph.GetRelation(e);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
