using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// Maps a stream of RDF statements into the typed model, as <see cref="RdfMapping"/> documents under "Reading
/// back". Statements are consumed one at a time and never kept: each node keeps what the model needs of it
/// (its classes, names, typed literal values) and each IRI-to-IRI statement three integers, so memory grows
/// with the graph being built, not with the text. Whether a node is an entity, a relation statement, an
/// evidence record or a document is decided at the end, since RDF puts no order on statements.
/// </summary>
internal sealed partial class RdfGraphLoader
{
    private const string CreativeWork = RdfMapping.SchemaOrg + "CreativeWork";
    private const string Statement = RdfMapping.Rdf + "Statement";
    private const string EvidenceClass = RdfMapping.Vocabulary + "Evidence";


    private readonly RdfReadOptions _rdf;
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly List<Node> _nodes = [];
    private readonly Dictionary<string, int> _predicateIndex = new(StringComparer.Ordinal);
    private readonly List<string> _predicates = [];
    private readonly HashSet<int> _nameLike = [];
    private int[] _edgeSource = new int[1024];
    private int[] _edgePredicate = new int[1024];
    private int[] _edgeTarget = new int[1024];
    private int[] _edgeLine = new int[1024];
    private int _edgeCount;
    private readonly int _rdfType;
    private readonly int _rdfSubject;
    private readonly int _rdfPredicate;
    private readonly int _rdfObject;
    private readonly int _evidence;
    private readonly int _document;

    public RdfGraphLoader(RdfReadOptions? rdf)
    {
        _rdf = rdf ?? RdfReadOptions.Default;
        _rdfType = Predicate(RdfMapping.RdfType);
        _rdfSubject = Predicate(RdfMapping.Rdf + "subject");
        _rdfPredicate = Predicate(RdfMapping.Rdf + "predicate");
        _rdfObject = Predicate(RdfMapping.Rdf + "object");
        _evidence = Predicate(RdfMapping.Vocabulary + "evidence");
        _document = Predicate(RdfMapping.Vocabulary + "document");
    }

    /// <summary>Reads every statement of a reader into a graph.</summary>
    public static Graph Load(RdfStatementReader reader, GraphReadOptions options, RdfReadOptions? rdf, CancellationToken cancellationToken)
    {
        var loader = new RdfGraphLoader(rdf);
        int n = 0;
        while (reader.TryRead(out var quad))
        {
            loader.Add(quad);
            if ((++n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return loader.Build(options);
    }

    /// <summary>Takes one statement in (its graph name is ignored: every graph is read into one).</summary>
    public void Add(in RdfQuad quad)
    {
        var s = NodeOf(quad.Subject, quad.Line);
        int p = Predicate(quad.Predicate.Value);
        var o = quad.Object;
        if (o.Kind == RdfTermKind.Literal)
        {
            AddLiteral(_nodes[s], quad.Predicate.Value, p, o);
            return;
        }

        if (p == _rdfType && o.IsIri)
        {
            (_nodes[s].Types ??= []).Add(o.Value);
            return;
        }

        int t = NodeOf(o, 0);
        if (_edgeCount == _edgeSource.Length)
        {
            int size = _edgeCount * 2;
            Array.Resize(ref _edgeSource, size);
            Array.Resize(ref _edgePredicate, size);
            Array.Resize(ref _edgeTarget, size);
            Array.Resize(ref _edgeLine, size);
        }

        _edgeSource[_edgeCount] = s;
        _edgePredicate[_edgeCount] = p;
        _edgeTarget[_edgeCount] = t;
        _edgeLine[_edgeCount] = quad.Line;
        _edgeCount++;
        _nodes[t].IsObject = true;
    }

    /// <summary>Decides what each node is and builds the graph.</summary>
    public Graph Build(GraphReadOptions options)
    {
        var builder = new GraphBuilder(options.Schema ?? Schema.Default);
        var source = options.SourceName ?? "<stream>";
        foreach (var node in _nodes)
        {
            node.Role = RoleOf(node);
        }

        var documentIds = new Dictionary<int, string>();
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].Role == NodeRole.Document)
            {
                var doc = ToDocument(_nodes[i]);
                documentIds[i] = doc.Id;
                builder.AddDocument(doc, new SourceLocation(source, _nodes[i].Line));
            }
        }

        var statements = CollectStatements(documentIds);
        MarkEntities();
        var entities = new Entity?[_nodes.Count];
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].Role == NodeRole.Entity)
            {
                var entity = ToEntity(_nodes[i]);
                entities[i] = entity;
                builder.AddEntity(entity, new SourceLocation(source, _nodes[i].Line));
            }
        }

        AddRelations(builder, statements, entities, source);
        return builder.Build(options.Lenient ? GraphBuildOptions.LenientMode : null);
    }

    private int Predicate(string iri)
    {
        if (!_predicateIndex.TryGetValue(iri, out int p))
        {
            p = _predicates.Count;
            _predicateIndex.Add(iri, p);
            _predicates.Add(iri);
            if (IsNameLike(iri))
            {
                _nameLike.Add(p);
            }
        }

        return p;
    }

    private int NodeOf(in RdfTerm term, int line)
    {
        string key = term.Kind == RdfTermKind.BlankNode ? "_:" + term.Value : term.Value;
        if (!_nodeIndex.TryGetValue(key, out int i))
        {
            i = _nodes.Count;
            _nodeIndex.Add(key, i);
            _nodes.Add(new Node(key, term.Kind == RdfTermKind.BlankNode));
        }

        if (line > 0 && _nodes[i].Line == 0)
        {
            _nodes[i].Line = line;
        }

        return i;
    }

    private void AddLiteral(Node node, string predicate, int p, in RdfTerm literal)
    {
        if (predicate == RdfMapping.SchemaOrg + "name")
        {
            if (node.Name is null)
            {
                node.Name = literal.Value;
                return;
            }
        }
        else if (predicate == RdfMapping.SchemaOrg + "alternateName")
        {
            (node.Aliases ??= []).Add(literal.Value);
            return;
        }
        else if (_nameLike.Contains(p) && node.Label is null)
        {
            node.Label = literal.Value;
            return;
        }
        else if (predicate == RdfMapping.KindPredicate)
        {
            node.Kind ??= literal.Value;
            return;
        }
        else if (predicate is RdfMapping.LabelsPredicate or RdfMapping.AliasesPredicate
            && literal.Datatype == RdfMapping.RdfJson && Json.JsonFragments.ParseStrings(literal.Value, out _) is { } list)
        {
            if (predicate == RdfMapping.LabelsPredicate)
            {
                node.OrderedLabels = list;
            }
            else
            {
                node.OrderedAliases = list;
            }

            return;
        }

        (node.Literals ??= []).Add((p, RdfMapping.ValueOf(literal, predicate), literal.Value));
    }

    /// <summary>
    /// A foreign predicate that names its subject when <c>schema:name</c> does not: <c>rdfs:label</c>,
    /// <c>skos:prefLabel</c>, <c>foaf:name</c>, and any predicate whose local name is <c>name</c> or <c>label</c>.
    /// </summary>
    private bool IsNameLike(string iri) =>
        !_rdf.Predicates.ContainsKey(iri)
        && !iri.StartsWith(RdfMapping.Vocabulary, StringComparison.Ordinal)
        && !iri.StartsWith(RdfMapping.SchemaOrg, StringComparison.Ordinal)
        && RdfMapping.LocalName(iri) is "name" or "label" or "prefLabel";

    private NodeRole RoleOf(Node node)
    {
        if (node.Types is null)
        {
            return NodeRole.None;
        }

        if (node.Types.Contains(Statement))
        {
            return NodeRole.Statement;
        }

        if (node.Types.Contains(EvidenceClass))
        {
            return NodeRole.Evidence;
        }

        return node.Types.Contains(CreativeWork) && RdfMapping.DocumentIdOf(node.Key) is not null ? NodeRole.Document : NodeRole.None;
    }

    private Document ToDocument(Node node)
    {
        string id = RdfMapping.DocumentIdOf(node.Key)!;
        string? text = null;
        foreach (var (p, _, lexical) in node.Literals ?? [])
        {
            if (_predicates[p] == RdfMapping.SchemaOrg + "text")
            {
                text ??= lexical;
            }
        }

        return new Document(id, node.Name ?? string.Empty, text ?? string.Empty);
    }

    /// <summary>An entity is a node that is neither a statement, evidence nor document, and is described or linked by a relation.</summary>
    private void MarkEntities()
    {
        for (int e = 0; e < _edgeCount; e++)
        {
            var s = _nodes[_edgeSource[e]];
            var t = _nodes[_edgeTarget[e]];
            if (s.Role is NodeRole.None or NodeRole.Entity && t.Role is NodeRole.None or NodeRole.Entity)
            {
                s.Role = NodeRole.Entity;
                t.Role = NodeRole.Entity;
            }
        }

        foreach (var node in _nodes)
        {
            if (node.Role == NodeRole.None && (node.Types is not null || node.Literals is not null || node.Name is not null || node.Label is not null || node.Aliases is not null))
            {
                node.Role = NodeRole.Entity;
            }
        }
    }

    private Entity ToEntity(Node node)
    {
        string id = RdfMapping.EntityIdOf(node.Key) ?? node.Key;
        var kinds = new List<string>();
        foreach (string type in node.Types ?? [])
        {
            string kind = Label(RdfMapping.KindOf(type, _rdf));
            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        string kindName = node.Kind is { } k && Names.IsValidLabel(k) ? k : kinds.Count > 0 ? kinds[0] : "Thing";
        kinds.Remove(kindName);
        string name = node.Name ?? node.Label ?? Label(node.IsBlank ? node.Key : RdfMapping.LocalName(node.Key));
        var properties = new List<KeyValuePair<string, PropertyValue>>();
        var ownId = RdfMapping.EntityIdOf(node.Key) is not null;
        foreach (var (p, value, _) in node.Literals ?? [])
        {
            string predicate = _predicates[p];
            if (ownId && predicate == RdfMapping.SchemaOrg + "identifier")
            {
                continue;
            }

            properties.Add(KeyValuePair.Create(RdfMapping.PropertyKeyOf(predicate, kindName, _rdf), value));
        }

        IEnumerable<string> aliases = node.OrderedAliases is { } ordered ? ordered : node.Aliases ?? [];
        IEnumerable<string> labels = node.OrderedLabels is { } orderedLabels ? orderedLabels : kinds;
        return new Entity(id, kindName, name, aliases, Properties(properties), labels);
    }

    /// <summary>A property map from pairs in document order: a key given more than once holds the list of its values.</summary>
    private static PropertyMap Properties(List<KeyValuePair<string, PropertyValue>> pairs)
    {
        if (pairs.Count == 0)
        {
            return PropertyMap.Empty;
        }

        var grouped = new Dictionary<string, List<PropertyValue>>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (!grouped.TryGetValue(key, out var list))
            {
                grouped[key] = list = [];
            }

            list.Add(value);
        }

        return PropertyMap.Create(grouped.Select(g => KeyValuePair.Create(
            g.Key,
            g.Value.Count == 1 ? g.Value[0] : PropertyValue.From(g.Value.SelectMany(v => v.Kind == PropertyValueKind.List ? v.AsList : [v]).ToImmutableArray()))));
    }

    /// <summary>A name usable as a kind or relation type: whitespace and control characters become <c>_</c>.</summary>
    private static string Label(string text)
    {
        if (Names.IsValidLabel(text))
        {
            return text;
        }

        var chars = text.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c).ToArray();
        return chars.Length == 0 ? "Thing" : new string(chars);
    }

    private enum NodeRole : byte
    {
        None,
        Entity,
        Statement,
        Evidence,
        Document,
    }

    /// <summary>What the model needs of one subject or object.</summary>
    private sealed class Node(string key, bool isBlank)
    {
        public string Key { get; } = key;

        public bool IsBlank { get; } = isBlank;

        public bool IsObject { get; set; }

        public int Line { get; set; }

        public NodeRole Role { get; set; }

        public List<string>? Types { get; set; }

        public string? Kind { get; set; }

        public string? Name { get; set; }

        public string? Label { get; set; }

        public List<string>? Aliases { get; set; }

        public ImmutableArray<string>? OrderedAliases { get; set; }

        public ImmutableArray<string>? OrderedLabels { get; set; }

        public List<(int Predicate, PropertyValue Value, string Lexical)>? Literals { get; set; }
    }
}
