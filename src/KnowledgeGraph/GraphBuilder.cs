using System.Collections.Immutable;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph;

/// <summary>
/// Collects documents, entities and relations, then snapshots them into an immutable <see cref="Graph"/>.
/// Every schema violation is collected with where the item came from, and <see cref="Build"/> reports
/// them all at once.
/// </summary>
/// <example><code>
/// var b = new GraphBuilder();
/// b.AddEntity(new Entity("person:mark-rutte", EntityKind.Person, "Mark Rutte"));
/// b.AddEntity(new Entity("event:summit", EntityKind.Event, "Summit"));
/// b.AddRelation(new Relation("person:mark-rutte", RelationType.Attends, "event:summit"));
/// Graph g = b.Build();
/// </code></example>
/// <threadsafety>Mutable and not thread-safe: use one builder from one thread.</threadsafety>
public sealed class GraphBuilder
{
    private readonly List<Document> _documents = [];
    private readonly Dictionary<string, Document> _documentIndex = new(StringComparer.Ordinal);
    private readonly List<Entity> _entities = [];
    private readonly Dictionary<string, int> _entityIndex = new(StringComparer.Ordinal);
    private readonly List<Relation> _relations = [];
    private readonly List<SourceLocation?> _relationOrigins = [];
    private readonly List<SourceLocation?> _entityOrigins = [];
    private readonly List<SchemaViolation> _addViolations = [];

    /// <summary>Creates a builder for a schema.</summary>
    /// <param name="schema">The schema to check against; <see cref="Schema.Default"/> when null.</param>
    public GraphBuilder(Schema? schema = null)
    {
        Schema = schema ?? Schema.Default;
    }

    /// <summary>The schema relations are checked against.</summary>
    public Schema Schema { get; }

    /// <summary>The number of entities added (duplicates not counted).</summary>
    public int EntityCount => _entities.Count;

    /// <summary>The number of relations added.</summary>
    public int RelationCount => _relations.Count;

    /// <summary>The entities added so far, in the order added.</summary>
    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>The relations added so far, in the order added.</summary>
    public IReadOnlyList<Relation> Relations => _relations;

    /// <summary>The documents added so far, in the order added.</summary>
    public IReadOnlyList<Document> Documents => _documents;

    /// <summary>Adds a document that evidence may cite.</summary>
    /// <param name="document">The document.</param>
    /// <param name="origin">Where it was read, for error messages.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddDocument(Document document, SourceLocation? origin = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!_documentIndex.TryAdd(document.Id, document))
        {
            _addViolations.Add(new SchemaViolation(
                SchemaViolationKind.DuplicateDocument,
                "a document with this id was added before",
                origin,
                document.Id));
            return this;
        }

        _documents.Add(document);
        return this;
    }

    /// <summary>Adds an entity. A second entity with the same id is a violation.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="origin">Where it was read, for error messages.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddEntity(Entity entity, SourceLocation? origin = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (_entityIndex.TryGetValue(entity.Id.Value, out int existing))
        {
            var first = _entityOrigins[existing];
            _addViolations.Add(new SchemaViolation(
                SchemaViolationKind.DuplicateEntity,
                "an entity with this id was added before" + (first is null ? string.Empty : $" at {first}"),
                origin,
                entity.Id.Value));
            return this;
        }

        _entityIndex.Add(entity.Id.Value, _entities.Count);
        _entities.Add(entity);
        _entityOrigins.Add(origin);
        return this;
    }

    /// <summary>Adds an entity from its parts.</summary>
    /// <param name="id">The id.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="name">The name.</param>
    /// <returns>The entity added.</returns>
    public Entity AddEntity(EntityId id, EntityKind kind, string name)
    {
        var entity = new Entity(id, kind, name);
        AddEntity(entity);
        return entity;
    }

    /// <summary>Replaces the entity with the same id, or adds it when absent.</summary>
    /// <param name="entity">The new entity.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder SetEntity(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (_entityIndex.TryGetValue(entity.Id.Value, out int i))
        {
            _entities[i] = entity;
            return this;
        }

        return AddEntity(entity);
    }

    /// <summary>Replaces the relation added at a position (a script changed its properties).</summary>
    internal void ReplaceRelation(int index, Relation relation) => _relations[index] = relation;

    /// <summary>Removes the relations at some positions and the entities and documents with some ids (a script deleted them).</summary>
    internal void RemoveDeleted(IReadOnlySet<int> relations, IReadOnlySet<string> entities, IReadOnlySet<string> documents)
    {
        if (relations.Count > 0)
        {
            int kept = 0;
            for (int i = 0; i < _relations.Count; i++)
            {
                if (!relations.Contains(i))
                {
                    _relations[kept] = _relations[i];
                    _relationOrigins[kept] = _relationOrigins[i];
                    kept++;
                }
            }

            _relations.RemoveRange(kept, _relations.Count - kept);
            _relationOrigins.RemoveRange(kept, _relationOrigins.Count - kept);
        }

        if (entities.Count > 0)
        {
            var keep = Enumerable.Range(0, _entities.Count).Where(i => !entities.Contains(_entities[i].Id.Value)).ToList();
            var kept = keep.Select(i => (_entities[i], _entityOrigins[i])).ToList();
            _entities.Clear();
            _entityOrigins.Clear();
            _entityIndex.Clear();
            foreach (var (entity, origin) in kept)
            {
                _entityIndex.Add(entity.Id.Value, _entities.Count);
                _entities.Add(entity);
                _entityOrigins.Add(origin);
            }
        }

        if (documents.Count > 0)
        {
            _documents.RemoveAll(d => documents.Contains(d.Id));
            foreach (var id in documents)
            {
                _documentIndex.Remove(id);
            }
        }
    }

    /// <summary>Replaces the document with the same id (a script changed its title or text).</summary>
    internal void ReplaceDocument(Document document)
    {
        int i = _documents.FindIndex(d => d.Id == document.Id);
        _documents[i] = document;
        _documentIndex[document.Id] = document;
    }

    /// <summary>Whether an entity with this id was added.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when it was.</returns>
    public bool ContainsEntity(EntityId id) => _entityIndex.ContainsKey(id.Value);

    /// <summary>Finds an entity added before.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The entity, or null.</returns>
    public Entity? FindEntity(EntityId id) => _entityIndex.TryGetValue(id.Value, out int i) ? _entities[i] : null;

    /// <summary>Adds a relation. Its endpoints may be added before or after it.</summary>
    /// <param name="relation">The relation.</param>
    /// <param name="origin">Where it was read, for error messages.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddRelation(Relation relation, SourceLocation? origin = null)
    {
        ArgumentNullException.ThrowIfNull(relation);
        _relations.Add(relation);
        _relationOrigins.Add(origin);
        return this;
    }

    /// <summary>Adds a relation from its parts.</summary>
    /// <param name="source">The source id.</param>
    /// <param name="type">The type.</param>
    /// <param name="target">The target id.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddRelation(EntityId source, RelationType type, EntityId target) =>
        AddRelation(new Relation(source, type, target));

    /// <summary>Adds every document, entity and relation of a graph.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddGraph(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        foreach (var d in graph.Documents)
        {
            AddDocument(d);
        }

        foreach (var e in graph.Entities)
        {
            AddEntity(e);
        }

        foreach (var r in graph.Relations)
        {
            AddRelation(r);
        }

        return this;
    }

    /// <summary>Every schema violation of what was added so far.</summary>
    /// <returns>The violations, in the order the items were added.</returns>
    public IReadOnlyList<SchemaViolation> Validate()
    {
        var violations = new List<SchemaViolation>(_addViolations);
        for (int i = 0; i < _relations.Count; i++)
        {
            CheckRelation(_relations[i], _relationOrigins[i], violations, out _);
        }

        return violations;
    }

    /// <summary>Snapshots what was added into an immutable graph.</summary>
    /// <param name="options">Build options; strict when null.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="SchemaViolationException">The graph breaks its schema and the options are not lenient.</exception>
    public Graph Build(GraphBuildOptions? options = null)
    {
        options ??= GraphBuildOptions.Strict;
        var violations = new List<SchemaViolation>(_addViolations);
        var keep = new List<Relation>(_relations.Count);
        for (int i = 0; i < _relations.Count; i++)
        {
            CheckRelation(_relations[i], _relationOrigins[i], violations, out bool structural);
            if (!structural)
            {
                keep.Add(_relations[i]);
            }
        }

        if (violations.Count > 0 && !options.Lenient)
        {
            throw new SchemaViolationException(violations);
        }

        return Snapshot(Schema, _documents, _entities, keep, [.. violations]);
    }

    internal static Graph Snapshot(
        Schema schema,
        IReadOnlyList<Document> documents,
        IReadOnlyList<Entity> entityList,
        IReadOnlyList<Relation> relations,
        ImmutableArray<SchemaViolation> violations,
        int[]? edgeOrigin = null)
    {
        var entities = entityList.ToArray();
        Array.Sort(entities, static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var index = new Dictionary<string, int>(entities.Length, StringComparer.Ordinal);
        for (int i = 0; i < entities.Length; i++)
        {
            index.Add(entities[i].Id.Value, i);
        }

        var typeNames = relations.Select(r => r.Type.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var typeCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < typeNames.Length; i++)
        {
            typeCodes.Add(typeNames[i], i);
        }

        int m = relations.Count;
        var order = new int[m];
        var src = new int[m];
        var dst = new int[m];
        var typ = new int[m];
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
            src[i] = index[relations[i].Source.Value];
            dst[i] = index[relations[i].Target.Value];
            typ[i] = typeCodes[relations[i].Type.Name];
        }

        SortEdges(order, src, typ, dst, relations);

        var edgeSource = new int[m];
        var edgeTarget = new int[m];
        var edgeType = new int[m];
        PropertyMap[]? qualifiers = null;
        ImmutableArray<Evidence>[]? evidence = null;
        for (int e = 0; e < m; e++)
        {
            int i = order[e];
            if (edgeOrigin is not null)
            {
                edgeOrigin[e] = i;
            }

            edgeSource[e] = src[i];
            edgeTarget[e] = dst[i];
            edgeType[e] = typ[i];
            var r = relations[i];
            if (!r.Qualifiers.IsEmpty)
            {
                qualifiers ??= new PropertyMap[m];
                qualifiers[e] = r.Qualifiers;
            }

            if (!r.Evidence.IsEmpty)
            {
                evidence ??= new ImmutableArray<Evidence>[m];
                evidence[e] = r.Evidence;
            }
        }

        var topology = new GraphTopology(entities.Length, edgeSource, edgeType, edgeTarget, typeNames.Length);
        var types = typeNames.Select(n => new RelationType(n)).ToArray();
        var docs = documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        return new Graph(schema, docs, entities, null, topology, types, qualifiers, evidence, violations);
    }

    /// <summary>Sorts edge numbers by (source, type, target), then qualifiers and evidence, then input order.</summary>
    private static void SortEdges(int[] order, int[] src, int[] typ, int[] dst, IReadOnlyList<Relation> relations)
    {
        Array.Sort(order, (a, b) =>
        {
            int c = src[a].CompareTo(src[b]);
            if (c == 0)
            {
                c = typ[a].CompareTo(typ[b]);
            }

            if (c == 0)
            {
                c = dst[a].CompareTo(dst[b]);
            }

            if (c == 0)
            {
                c = CompareDetails(relations[a], relations[b]);
            }

            return c != 0 ? c : a.CompareTo(b);
        });
    }

    private static int CompareDetails(Relation a, Relation b)
    {
        int c = string.CompareOrdinal(a.Qualifiers.ToString(), b.Qualifiers.ToString());
        if (c != 0)
        {
            return c;
        }

        c = a.Evidence.Length.CompareTo(b.Evidence.Length);
        for (int i = 0; c == 0 && i < a.Evidence.Length; i++)
        {
            c = a.Evidence[i].CompareTo(b.Evidence[i]);
        }

        return c;
    }

    private void CheckRelation(Relation r, SourceLocation? origin, List<SchemaViolation> violations, out bool structural)
    {
        structural = false;
        string subject = r.ToString();
        Entity? source = FindEntity(r.Source);
        Entity? target = FindEntity(r.Target);
        if (source is null)
        {
            structural = true;
            violations.Add(new SchemaViolation(SchemaViolationKind.UnknownEntity, $"unknown source entity '{r.Source}', expected the id of an entity in the graph", origin, subject));
        }

        if (target is null)
        {
            structural = true;
            violations.Add(new SchemaViolation(SchemaViolationKind.UnknownEntity, $"unknown target entity '{r.Target}', expected the id of an entity in the graph", origin, subject));
        }

        var rule = Schema.GetRule(r.Type);
        if (rule is null)
        {
            if (Schema.IsClosed)
            {
                string known = string.Join(", ", Schema.Rules.Select(x => x.Type.Name));
                violations.Add(new SchemaViolation(SchemaViolationKind.UnknownRelationType, $"unknown relation type '{r.Type}', expected one of {known}", origin, subject));
            }
        }
        else
        {
            if (source is not null && !rule.AllowsSource(source.Kind))
            {
                violations.Add(new SchemaViolation(SchemaViolationKind.DomainMismatch, $"source '{r.Source}' is a {source.Kind}, expected {RelationRule.Describe(rule.Domain)}", origin, subject));
            }

            if (target is not null && !rule.AllowsTarget(target.Kind))
            {
                violations.Add(new SchemaViolation(SchemaViolationKind.RangeMismatch, $"target '{r.Target}' is a {target.Kind}, expected {RelationRule.Describe(rule.Range)}", origin, subject));
            }
        }

        foreach (var ev in r.Evidence)
        {
            if (!_documentIndex.TryGetValue(ev.Document, out var doc))
            {
                structural = true;
                violations.Add(new SchemaViolation(SchemaViolationKind.UnknownDocument, $"evidence cites unknown document '{ev.Document}', expected the id of a document in the graph", origin, subject));
                continue;
            }

            if ((long)ev.Start + ev.Length > doc.Text.Length)
            {
                violations.Add(new SchemaViolation(SchemaViolationKind.EvidenceMismatch, $"evidence span {ev.Start}+{ev.Length} ends past the end of document '{doc.Id}' ({doc.Text.Length} characters)", origin, subject));
                continue;
            }

            if (!doc.Text.AsSpan(ev.Start, ev.Length).SequenceEqual(ev.Text))
            {
                string actual = doc.Text.Substring(ev.Start, ev.Length);
                violations.Add(new SchemaViolation(SchemaViolationKind.EvidenceMismatch, $"evidence text differs from document '{doc.Id}' at {ev.Start}+{ev.Length}: found \"{Shorten(ev.Text)}\", expected \"{Shorten(actual)}\"", origin, subject));
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
