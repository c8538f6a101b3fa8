using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>
/// Maps between a <see cref="GraphBuilder"/> and a script's staging graph: what the builder holds becomes nodes
/// and relationships before the script runs (as <see cref="IO.Cypher.CypherWriter"/> would write them), and the
/// staging graph becomes documents, entities and relations when it ends. See <see cref="CypherScript"/> for the rules.
/// </summary>
internal static partial class ScriptMapping
{
    public const string EntityLabel = "Entity";
    public const string DocumentLabel = "Document";
    private const string EvidenceDocument = "evidenceDocument";
    private const string EvidenceStart = "evidenceStart";
    private const string EvidenceLength = "evidenceLength";
    private const string EvidenceText = "evidenceText";
    private static readonly string[] Reserved = ["id", "name", "aliases"];

    private enum Role
    {
        Plain,
        Entity,
        Document,
    }

    /// <summary>Adds what the builder holds to the staging graph, marked as imported and unchanged.</summary>
    public static void Import(GraphBuilder builder, ScriptGraph g)
    {
        foreach (var d in builder.Documents)
        {
            var n = g.CreateNode([DocumentLabel], [new("id", d.Id), new("title", d.Title), new("text", d.Text)]);
            n.OriginDocument = d.Id;
        }

        var byId = new Dictionary<string, ScriptNode>(StringComparer.Ordinal);
        foreach (var e in builder.Entities)
        {
            bool generated = e.Id.Value.StartsWith(Values.GeneratedIdPrefix, StringComparison.Ordinal);
            var props = new List<KeyValuePair<string, object?>>();
            if (generated)
            {
                if (e.Name.Length > 0)
                {
                    props.Add(new("name", e.Name));
                }

                props.AddRange(e.Properties.Select(p => KeyValuePair.Create(p.Key, Values.FromProperty(p.Value))));
            }
            else
            {
                props.Add(new("id", e.Id.Value));
                props.Add(new("name", e.Name));
                if (!e.Aliases.IsEmpty)
                {
                    props.Add(new("aliases", e.Aliases.Select(a => (object?)a).ToList()));
                }

                props.AddRange(e.Properties.Select(p => KeyValuePair.Create(Reserved.Contains(p.Key) ? "property_" + p.Key : p.Key, Values.FromProperty(p.Value))));
            }

            var labels = generated ? Values.LabelsOf(e) : Values.LabelsOf(e).Prepend(EntityLabel);
            var n = g.CreateNode(labels, props);
            n.OriginEntity = e.Id;
            byId.TryAdd(e.Id.Value, n);
        }

        for (int i = 0; i < builder.Relations.Count; i++)
        {
            var r = builder.Relations[i];
            if (!byId.TryGetValue(r.Source.Value, out var from) || !byId.TryGetValue(r.Target.Value, out var to))
            {
                continue;
            }

            var props = r.Qualifiers.Select(p => KeyValuePair.Create(p.Key, Values.FromProperty(p.Value))).ToList();
            if (!r.Evidence.IsEmpty)
            {
                props.Add(new(EvidenceDocument, r.Evidence.Select(v => (object?)v.Document).ToList()));
                props.Add(new(EvidenceStart, r.Evidence.Select(v => (object?)(long)v.Start).ToList()));
                props.Add(new(EvidenceLength, r.Evidence.Select(v => (object?)(long)v.Length).ToList()));
                props.Add(new(EvidenceText, r.Evidence.Select(v => (object?)v.Text).ToList()));
            }

            var rel = g.CreateRel(from, r.Type.Name, to, props);
            rel.OriginRelation = i;
        }

        foreach (var n in g.Nodes)
        {
            n.Changed = false;
        }

        foreach (var r in g.Rels)
        {
            r.Changed = false;
        }
    }

    /// <summary>
    /// Turns the staging graph into documents, entities and relations and adds them to the builder (new ones),
    /// or replaces what the script changed. Everything is checked before the builder is touched. What is new
    /// enters the builder with its position in <paramref name="source"/> as its origin.
    /// </summary>
    /// <exception cref="QuerySemanticException">A node or relationship breaks the mapping's conventions; the message and <see cref="QueryException.Position"/> name the line and column of the pattern that created it.</exception>
    public static void Commit(GraphBuilder builder, ScriptGraph g, string source)
    {
        var commit = new Commitment(builder, g, source);
        commit.MapNodes();
        commit.MapRelations();
        commit.Apply();
    }

    private static QuerySemanticException Mapping(string message) => new(message, "InvalidGraphMapping", "SemanticError");

    private static Role RoleOf(ScriptNode n, out string? id)
    {
        id = null;
        if (n.HasLabel(EntityLabel) && n.Properties.TryGetValue("id", out var eid) && eid is string s && EntityId.IsValid(s))
        {
            id = s;
            return Role.Entity;
        }

        if (n.Labels.Count == 1 && n.Labels[0] == DocumentLabel
            && n.Properties.TryGetValue("id", out var did) && did is string { Length: > 0 }
            && n.Properties.All(p => p.Key is "id" or "title" or "text" && p.Value is string))
        {
            return Role.Document;
        }

        return Role.Plain;
    }

    private static Document ToDocument(ScriptNode n) =>
        Checked(() => new Document((string)n.Properties["id"]!, n.GetProperty("title") as string ?? string.Empty, n.GetProperty("text") as string ?? string.Empty), $"Document '{n.Properties["id"]}'");

    /// <summary>A node labelled Entity with a string id: other labels give the kind (first) and labels; name, aliases and property_X are mapped back.</summary>
    private static Entity ToEntity(ScriptNode n, EntityId id)
    {
        var labels = n.Labels.Where(l => l != EntityLabel).ToList();
        string kind = labels.Count > 0 ? labels[0] : EntityLabel;
        string name = string.Empty;
        List<string>? aliases = null;
        var props = new List<KeyValuePair<string, PropertyValue>>();
        foreach (var (key, value) in n.Properties)
        {
            switch (key)
            {
                case "id":
                    break;
                case "name":
                    name = value as string ?? throw Mapping($"The name of entity '{id}' must be a string; found {Values.TypeName(value)}.");
                    break;
                case "aliases":
                    if (value is not List<object?> list || list.Any(a => a is not string s || string.IsNullOrWhiteSpace(s)))
                    {
                        throw Mapping($"The aliases of entity '{id}' must be a list of strings that are not empty or blank; found {Describe(value)}.");
                    }

                    aliases = list.Cast<string>().ToList();
                    break;
                default:
                    string k = key.StartsWith("property_", StringComparison.Ordinal) && Reserved.Contains(key["property_".Length..]) ? key["property_".Length..] : key;
                    props.Add(new(k, ScriptGraph.ToProperty(value)));
                    break;
            }
        }

        return Checked(() => new Entity(id, new EntityKind(kind), name, aliases, PropertyMap.Create(props), labels.Skip(1)), $"Entity '{id}'");
    }

    /// <summary>Any other node: the first label is the kind, a non-empty string <c>name</c> the name, the rest properties.</summary>
    private static Entity ToPlainEntity(ScriptNode n, EntityId id)
    {
        string name = string.Empty;
        var props = new List<KeyValuePair<string, PropertyValue>>();
        foreach (var (key, value) in n.Properties)
        {
            if (key == "name" && value is string { Length: > 0 } s)
            {
                name = s;
                continue;
            }

            props.Add(new(key, ScriptGraph.ToProperty(value)));
        }

        string kind = n.Labels.Count > 0 ? n.Labels[0] : Values.UnlabeledKind;
        return Checked(() => new Entity(id, new EntityKind(kind), name, null, PropertyMap.Create(props), n.Labels.Skip(1)), $"Entity '{id}'");
    }

    private static Relation ToRelation(ScriptRel r, EntityId source, EntityId target)
    {
        var p = r.Properties;
        var qualifiers = p.Where(kv => kv.Key is not (EvidenceDocument or EvidenceStart or EvidenceLength or EvidenceText))
            .Select(kv => KeyValuePair.Create(kv.Key, ScriptGraph.ToProperty(kv.Value)));
        var evidence = new List<Evidence>();
        bool any = p.ContainsKey(EvidenceDocument) || p.ContainsKey(EvidenceStart) || p.ContainsKey(EvidenceLength) || p.ContainsKey(EvidenceText);
        if (any)
        {
            string where = $"The relationship ({source})-[:{r.Type}]->({target})";
            if (p.GetValueOrDefault(EvidenceDocument) is not List<object?> docs
                || p.GetValueOrDefault(EvidenceStart) is not List<object?> starts
                || p.GetValueOrDefault(EvidenceLength) is not List<object?> lengths
                || p.GetValueOrDefault(EvidenceText) is not List<object?> texts
                || starts.Count != docs.Count || lengths.Count != docs.Count || texts.Count != docs.Count)
            {
                throw Mapping($"{where} has evidence properties, but not all four of evidenceDocument, evidenceStart, evidenceLength and evidenceText as lists of the same length.");
            }

            for (int i = 0; i < docs.Count; i++)
            {
                if (docs[i] is not string { Length: > 0 } doc || texts[i] is not string text
                    || starts[i] is not long start || start is < 0 or > int.MaxValue
                    || lengths[i] is not long length || length is < 0 or > int.MaxValue)
                {
                    throw Mapping($"{where}: evidence {i + 1} must be a document id (string), a start and a length (integers from 0) and a text (string).");
                }

                evidence.Add(Checked(() => new Evidence(doc, (int)start, (int)length, text), $"{where}: evidence {i + 1}"));
            }
        }

        return Checked(() => new Relation(source, new RelationType(r.Type), target, PropertyMap.Create(qualifiers), evidence), $"The relationship ({source})-[:{r.Type}]->({target})");
    }

    /// <summary>Makes a model value, turning the model's own argument checks into a mapping error that names the element.</summary>
    private static T Checked<T>(Func<T> make, string what)
    {
        try
        {
            return make();
        }
        catch (ArgumentException ex)
        {
            string message = ex.ParamName is { } p ? ex.Message.Replace($" (Parameter '{p}')", string.Empty, StringComparison.Ordinal) : ex.Message;
            throw Mapping($"{what} cannot be made: {message}");
        }
    }

    private static string Describe(object? v) => v is List<object?> list ? "a list holding " + string.Join(", ", list.Select(Values.TypeName).Distinct()) : Values.TypeName(v);
}
