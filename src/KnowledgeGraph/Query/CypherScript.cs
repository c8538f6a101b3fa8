using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>
/// Writes a graph in Cypher: runs <c>CREATE</c> statements (optionally after MATCH, UNWIND and WITH)
/// against a <see cref="GraphBuilder"/>. The immutable <see cref="Graph"/> is never changed.
/// </summary>
/// <remarks>
/// A created node's kind is its first label and its other labels become <see cref="Entity.Labels"/>;
/// a node created without a label gets the kind <see cref="UnlabeledKind"/>, which <c>labels(n)</c>
/// does not show and no label predicate matches. A string <c>name</c> property becomes the entity's
/// name; other properties are kept as they are (null values are dropped). Created nodes get the ids
/// <c>_:1</c>, <c>_:2</c>, … (the next free ones), which queries do not show as an <c>id</c> property.
/// Relationship properties become the relation's qualifiers.
/// </remarks>
/// <example><code>
/// var builder = new GraphBuilder(Schema.Open);
/// CypherScript.Apply(builder, "CREATE (a:Person {name: 'Ann'})-[:KNOWS {since: 2020}]->(b:Person {name: 'Bob'})");
/// Graph g = builder.Build();
/// </code></example>
public static class CypherScript
{
    /// <summary>The kind given to a node created without labels: <c>(unlabeled)</c>.</summary>
    public const string UnlabeledKind = Values.UnlabeledKind;

    /// <summary>Runs one Cypher statement that creates nodes and relationships in <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder to add to. MATCH clauses see what it holds when the statement starts.</param>
    /// <param name="cypher">The statement, such as <c>CREATE (a:A {name: 'a'})-[:T]->(b:B)</c>.</param>
    /// <param name="parameters">Values for <c>$name</c> parameters.</param>
    /// <param name="cancellationToken">Stops a long-running statement.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="cypher"/> is null.</exception>
    /// <exception cref="QueryException">The statement does not parse, is not meaningful, or fails while running.</exception>
    /// <exception cref="SchemaViolationException">What the builder held before the statement breaks its schema.</exception>
    public static GraphBuilder Apply(GraphBuilder builder, string cypher, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cypher);
        var snapshot = builder.Build(GraphBuildOptions.LenientMode);
        int next = builder.EntityCount + 1;
        EntityId NewId()
        {
            while (true)
            {
                var id = new EntityId(Values.GeneratedIdPrefix + (next++).ToString(CultureInfo.InvariantCulture));
                if (!builder.ContainsEntity(id))
                {
                    return id;
                }
            }
        }

        QueryEngine.Run(snapshot, cypher, parameters, QueryOptions.Default, cancellationToken, ctx => (clause, row) =>
        {
            foreach (var part in clause.Patterns)
            {
                var ids = new EntityId[part.Nodes.Count];
                for (int i = 0; i < part.Nodes.Count; i++)
                {
                    var n = part.Nodes[i];
                    switch (row[n.Slot])
                    {
                        case NodeRef nr:
                            ids[i] = snapshot.EntityAt(nr.Index).Id;
                            break;
                        case CreatedNode cn:
                            ids[i] = cn.Id;
                            break;
                        case null when n.Labels.Count > 0 || n.Properties is not null || row[n.Slot] is null:
                            var id = NewId();
                            var props = Properties(n.Properties, row, ctx, out string name);
                            string kind = n.Labels.Count > 0 ? n.Labels[0] : UnlabeledKind;
                            builder.AddEntity(new Entity(id, new EntityKind(kind), name, null, props, n.Labels.Skip(1)));
                            row[n.Slot] = new CreatedNode(id);
                            ids[i] = id;
                            break;
                        default:
                            throw new QueryTypeException($"Variable `{n.Variable}` is a {Values.TypeName(row[n.Slot])}, not a node.", "VariableTypeConflict");
                    }
                }

                for (int i = 0; i < part.Rels.Count; i++)
                {
                    var r = part.Rels[i];
                    var qualifiers = Properties(r.Properties, row, ctx, out _, keepName: true);
                    var (from, to) = r.Direction == RelDirection.In ? (ids[i + 1], ids[i]) : (ids[i], ids[i + 1]);
                    builder.AddRelation(new Relation(from, new RelationType(r.Types[0]), to, qualifiers));
                }
            }
        });
        return builder;
    }

    private static PropertyMap Properties(Expr? e, object?[] row, ExecContext ctx, out string name, bool keepName = false)
    {
        name = string.Empty;
        if (e is null)
        {
            return PropertyMap.Empty;
        }

        var v = Evaluator.Eval(e, row, ctx);
        if (v is not Dictionary<string, object?> map)
        {
            throw new QueryTypeException($"Properties must be a map; found {Values.TypeName(v)}.", "InvalidArgumentType");
        }

        var pairs = new List<KeyValuePair<string, PropertyValue>>();
        foreach (var kv in map)
        {
            if (kv.Value is null)
            {
                continue;
            }

            if (!keepName && kv.Key == "name" && kv.Value is string { Length: > 0 } s)
            {
                name = s;
                continue;
            }

            if (!Values.TryToProperty(kv.Value, out var pv))
            {
                throw new QueryTypeException($"Property '{kv.Key}' cannot hold a {Values.TypeName(kv.Value)}.", "InvalidPropertyType");
            }

            pairs.Add(new(kv.Key, pv));
        }

        return PropertyMap.Create(pairs);
    }
}

internal sealed class CreatedNode(EntityId id)
{
    public EntityId Id { get; } = id;
}
