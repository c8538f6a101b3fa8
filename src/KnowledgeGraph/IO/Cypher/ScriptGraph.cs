using System.Globalization;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>A node of the staging graph: labels in the order they were added, and a property map.</summary>
internal sealed class ScriptNode(int index) : IScriptElement
{
    /// <inheritdoc/>
    public string ValueTypeName => "Node";

    /// <summary>The creation order, the position in <see cref="ScriptGraph.Nodes"/>.</summary>
    public int Index { get; } = index;

    public List<string> Labels { get; } = [];

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public List<ScriptRel> Out { get; } = [];

    public List<ScriptRel> In { get; } = [];

    /// <summary>The builder's entity this node stands for, when the builder held it before the script.</summary>
    public EntityId? OriginEntity { get; set; }

    /// <summary>The builder's document this node stands for, when the builder held it before the script.</summary>
    public string? OriginDocument { get; set; }

    /// <summary>Whether a label or property changed since the node was imported.</summary>
    public bool Changed { get; set; }

    /// <summary>Where the node pattern that created the node begins, or for an imported node the SET item that first changed it; null while neither happened.</summary>
    public ScriptPosition? Position { get; set; }

    /// <summary>The node as an entity of the snapshot the matcher reads; rebuilt after a change.</summary>
    public Entity? Snapshot { get; set; }

    public bool HasLabel(string label)
    {
        foreach (var l in Labels)
        {
            if (string.Equals(l, label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether DELETE removed the node; it stays in <see cref="ScriptGraph.Nodes"/> but nothing finds it.</summary>
    public bool Deleted { get; set; }

    public object? GetProperty(string key) => Properties.TryGetValue(key, out var v) ? v : null;
}

/// <summary>A relationship of the staging graph.</summary>
internal sealed class ScriptRel(int index, ScriptNode start, string type, ScriptNode end) : IScriptElement
{
    /// <inheritdoc/>
    public string ValueTypeName => "Relationship";

    public int Index { get; } = index;

    public ScriptNode Start { get; } = start;

    public string Type { get; } = type;

    public ScriptNode End { get; } = end;

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>The position in the builder's relations of the relation this stands for, or -1.</summary>
    public int OriginRelation { get; set; } = -1;

    public bool Changed { get; set; }

    /// <summary>Where the relationship pattern that created it begins, or for an imported relationship the SET item that first changed it; null while neither happened.</summary>
    public ScriptPosition? Position { get; set; }

    public Relation? Snapshot { get; set; }

    /// <summary>Whether DELETE removed the relationship; it stays in <see cref="ScriptGraph.Rels"/> but nothing finds it.</summary>
    public bool Deleted { get; set; }

    public object? GetProperty(string key) => Properties.TryGetValue(key, out var v) ? v : null;
}

/// <summary>
/// The mutable property graph a Cypher script writes to (and MATCH and MERGE read): nodes with labels and
/// properties, typed relationships with properties. It keeps nodes by label, nodes by (label, property, value)
/// once a look-up asks for that pair, and relationships by (start, end, type), so that MERGE and simple MATCH
/// patterns find what they look for without a scan; and it turns into an immutable snapshot for the matcher.
/// </summary>
internal sealed partial class ScriptGraph
{
    private readonly Dictionary<string, List<ScriptNode>> _byLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Dictionary<object, List<ScriptNode>>>> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Start, int End, string Type), List<ScriptRel>> _between = new();

    public List<ScriptNode> Nodes { get; } = [];

    public List<ScriptRel> Rels { get; } = [];

    /// <summary>Grows with every change, so a snapshot knows whether it is current.</summary>
    public int Version { get; private set; }

    public ScriptNode CreateNode(IEnumerable<string> labels, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var n = new ScriptNode(Nodes.Count);
        Nodes.Add(n);
        Version++;
        foreach (var l in labels)
        {
            AddLabel(n, l);
        }

        foreach (var (key, value) in properties)
        {
            SetProperty(n, key, value);
        }

        return n;
    }

    public ScriptRel CreateRel(ScriptNode start, string type, ScriptNode end, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var r = new ScriptRel(Rels.Count, start, type, end);
        Rels.Add(r);
        start.Out.Add(r);
        end.In.Add(r);
        var key = (start.Index, end.Index, type);
        if (!_between.TryGetValue(key, out var list))
        {
            _between[key] = list = [];
        }

        list.Add(r);
        Version++;
        foreach (var (k, v) in properties)
        {
            SetProperty(r, k, v);
        }

        return r;
    }

    public void AddLabel(ScriptNode n, string label)
    {
        if (n.HasLabel(label))
        {
            return;
        }

        n.Labels.Add(label);
        if (!_byLabel.TryGetValue(label, out var list))
        {
            _byLabel[label] = list = [];
        }

        list.Add(n);
        if (_index.TryGetValue(label, out var byKey))
        {
            foreach (var (key, values) in byKey)
            {
                if (n.Properties.TryGetValue(key, out var v) && IndexKey(v) is { } k)
                {
                    Add(values, k, n);
                }
            }
        }

        Touch(n);
    }

    /// <summary>Sets a property; null removes it. A value a property cannot hold (a map, a node) is a type error.</summary>
    public void SetProperty(ScriptNode n, string key, object? value)
    {
        if (!Assign(n.Properties, key, value, out bool had, out var old))
        {
            return;
        }

        foreach (var l in n.Labels)
        {
            if (_index.TryGetValue(l, out var byKey) && byKey.TryGetValue(key, out var values))
            {
                if (had && IndexKey(old) is { } ok)
                {
                    Remove(values, ok, n);
                }

                if (IndexKey(value) is { } nk)
                {
                    Add(values, nk, n);
                }
            }
        }

        Touch(n);
    }

    /// <summary>Sets a relationship property; null removes it.</summary>
    public void SetProperty(ScriptRel r, string key, object? value)
    {
        if (!Assign(r.Properties, key, value, out _, out _))
        {
            return;
        }

        r.Changed = true;
        r.Snapshot = null;
        Version++;
    }

    /// <summary>Sets or (for null) removes a property in a map after checking the value; false when nothing changes.</summary>
    private static bool Assign(Dictionary<string, object?> properties, string key, object? value, out bool had, out object? old)
    {
        Check(key, value);
        had = properties.TryGetValue(key, out old);
        if (had ? SameValue(old, value) : value is null)
        {
            return false;
        }

        if (value is null)
        {
            properties.Remove(key);
        }
        else
        {
            properties[key] = value;
        }

        return true;
    }

    /// <summary>The relationships from <paramref name="start"/> to <paramref name="end"/> of a type; deleted ones may be among them until <see cref="Compact"/>.</summary>
    public IReadOnlyList<ScriptRel> Between(ScriptNode start, string type, ScriptNode end) =>
        _between.TryGetValue((start.Index, end.Index, type), out var list) ? list : [];

    /// <summary>The nodes among the first <paramref name="limit"/> that have every label and property asked for.</summary>
    public IEnumerable<ScriptNode> Candidates(List<string> labels, Dictionary<string, object?>? properties, int limit)
    {
        if (labels.Count > 0 && properties is not null)
        {
            foreach (var (key, value) in properties)
            {
                if (IndexKey(value) is { } k)
                {
                    var values = IndexFor(labels[0], key);
                    return values.TryGetValue(k, out var bucket)
                        ? bucket.Where(n => n.Index < limit && !n.Deleted && Matches(n, labels, properties)).ToArray()
                        : [];
                }
            }
        }

        if (labels.Count > 0)
        {
            List<ScriptNode>? smallest = null;
            foreach (var l in labels)
            {
                if (!_byLabel.TryGetValue(l, out var list))
                {
                    return [];
                }

                if (smallest is null || list.Count < smallest.Count)
                {
                    smallest = list;
                }
            }

            return Filter(smallest!, smallest!.Count, labels, properties, limit);
        }

        return Filter(Nodes, Nodes.Count, labels, properties, limit);
    }

    /// <summary>Whether a node has every label and every property (by Cypher equality) asked for.</summary>
    public static bool Matches(ScriptNode n, List<string> labels, Dictionary<string, object?>? properties)
    {
        foreach (var l in labels)
        {
            if (!n.HasLabel(l))
            {
                return false;
            }
        }

        return properties is null || PropertiesMatch(n.Properties, properties);
    }

    public static bool PropertiesMatch(Dictionary<string, object?> have, Dictionary<string, object?> want)
    {
        foreach (var (key, value) in want)
        {
            if (!have.TryGetValue(key, out var v) || Values.Equal(v, value) != true)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The staging graph as an immutable graph for the matcher, without what DELETE removed. A node's entity id is
    /// the id it will have in the builder when that is known and unique (an entity the builder held; a node
    /// labelled <c>Entity</c> with a string <c>id</c>), so that <c>id(n)</c> means the same in a script and in a
    /// query of the result; otherwise a hidden id <c>_:~i</c>. Its first label is the kind, its properties the
    /// entity's properties; relationship properties become qualifiers. <paramref name="toSnapshot"/> maps node
    /// indexes to snapshot indexes (-1 for a deleted node), <paramref name="fromSnapshot"/> the other way, and
    /// <paramref name="edgeOrigin"/> snapshot edges to <see cref="Rels"/>.
    /// </summary>
    public Graph Snapshot(out int[] edgeOrigin, out int[] toSnapshot, out ScriptNode[] fromSnapshot)
    {
        var live = Nodes.Where(n => !n.Deleted).ToList();
        var entities = new Entity[live.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < entities.Length; i++)
        {
            var n = live[i];
            string id = SnapshotId(n);
            if (!used.Add(id))
            {
                id = HiddenId(n);
                while (!used.Add(id))
                {
                    id += "~";
                }
            }

            entities[i] = SnapshotOf(n, id);
        }

        var liveRels = Rels.Where(r => !r.Deleted).ToList();
        var relations = liveRels.Select(SnapshotOf).ToArray();
        var origin = new int[relations.Length];
        var graph = GraphBuilder.Snapshot(Schema.Open, [], entities, relations, [], origin);
        edgeOrigin = origin.Select(e => liveRels[e].Index).ToArray();
        toSnapshot = new int[Nodes.Count];
        Array.Fill(toSnapshot, -1);
        fromSnapshot = new ScriptNode[entities.Length];
        for (int i = 0; i < entities.Length; i++)
        {
            int at = graph.IndexOf(entities[i].Id);
            toSnapshot[live[i].Index] = at;
            fromSnapshot[at] = live[i];
        }

        SnapshotDeleted();
        return graph;
    }

    /// <summary>The node as an entity with an id, rebuilt only when it changed or its id did.</summary>
    private static Entity SnapshotOf(ScriptNode n, string id)
    {
        if (n.Snapshot is null || !string.Equals(n.Snapshot.Id.Value, id, StringComparison.Ordinal))
        {
            n.Snapshot = new Entity(
                new EntityId(id),
                new EntityKind(n.Labels.Count > 0 ? n.Labels[0] : Values.UnlabeledKind),
                string.Empty,
                null,
                ToPropertyMap(n.Properties),
                n.Labels.Skip(1));
        }

        return n.Snapshot;
    }

    /// <summary>The relationship as a relation between its ends' current entities, rebuilt only when it or they changed.</summary>
    private static Relation SnapshotOf(ScriptRel r)
    {
        var source = r.Start.Snapshot!.Id;
        var target = r.End.Snapshot!.Id;
        if (r.Snapshot is null || r.Snapshot.Source != source || r.Snapshot.Target != target)
        {
            r.Snapshot = new Relation(source, new RelationType(r.Type), target, ToPropertyMap(r.Properties));
        }

        return r.Snapshot;
    }

    private static string HiddenId(ScriptNode n) => Values.GeneratedIdPrefix + "~" + n.Index.ToString(CultureInfo.InvariantCulture);

    private static string SnapshotId(ScriptNode n)
    {
        if (n.OriginEntity is { } origin)
        {
            return origin.Value;
        }

        if (n.HasLabel(ScriptMapping.EntityLabel) && n.Properties.TryGetValue("id", out var v) && v is string s && EntityId.IsValid(s))
        {
            return s;
        }

        return HiddenId(n);
    }

    public static PropertyMap ToPropertyMap(IEnumerable<KeyValuePair<string, object?>> properties) =>
        PropertyMap.Create(properties.Select(p => KeyValuePair.Create(p.Key, ToProperty(p.Value))));

    public static PropertyValue ToProperty(object? value) =>
        Values.TryToProperty(value, out var pv) ? pv : throw QueryErrors.CannotStore(value);

    /// <summary>The same value of the same type (unlike Cypher equality, 1 and 1.0 differ).</summary>
    public static bool SameValue(object? a, object? b)
    {
        switch (a)
        {
            case null: return b is null;
            case List<object?> x when b is List<object?> y:
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (int i = 0; i < x.Count; i++)
                {
                    if (!SameValue(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return b is not null && a.GetType() == b.GetType() && a.Equals(b);
        }
    }

    private static void Check(string key, object? value)
    {
        if (key.Length == 0)
        {
            throw QueryErrors.EmptyPropertyKey();
        }

        if (value is not null && !Values.TryToProperty(value, out _))
        {
            throw QueryErrors.CannotStoreProperty(key, value);
        }
    }

    private void Touch(ScriptNode n)
    {
        n.Changed = true;
        n.Snapshot = null;
        Version++;
    }

    private static IEnumerable<ScriptNode> Filter(List<ScriptNode> list, int count, List<string> labels, Dictionary<string, object?>? properties, int limit)
    {
        for (int i = 0; i < count; i++)
        {
            var n = list[i];
            if (n.Index < limit && !n.Deleted && Matches(n, labels, properties))
            {
                yield return n;
            }
        }
    }

    private Dictionary<object, List<ScriptNode>> IndexFor(string label, string key)
    {
        if (!_index.TryGetValue(label, out var byKey))
        {
            _index[label] = byKey = new(StringComparer.Ordinal);
        }

        if (!byKey.TryGetValue(key, out var values))
        {
            byKey[key] = values = [];
            if (_byLabel.TryGetValue(label, out var nodes))
            {
                foreach (var n in nodes)
                {
                    if (n.Properties.TryGetValue(key, out var v) && IndexKey(v) is { } k)
                    {
                        Add(values, k, n);
                    }
                }
            }
        }

        return values;
    }

    /// <summary>The look-up key of a value, equal for values Cypher calls equal (1 and 1.0); null when not indexed.</summary>
    private static object? IndexKey(object? v) => v switch
    {
        string or bool or long => v,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => (long)d,
        double d when !double.IsNaN(d) => d,
        _ => null,
    };

    private static void Add(Dictionary<object, List<ScriptNode>> values, object key, ScriptNode n)
    {
        if (!values.TryGetValue(key, out var list))
        {
            values[key] = list = [];
        }

        list.Add(n);
    }

    private static void Remove(Dictionary<object, List<ScriptNode>> values, object key, ScriptNode n)
    {
        if (values.TryGetValue(key, out var list))
        {
            list.Remove(n);
        }
    }
}
