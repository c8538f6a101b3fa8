using System.Runtime.CompilerServices;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Query;

/// <summary>Per-graph indexes the planner uses: node indexes by label, and the nodes with edges of a type.</summary>
internal sealed class QueryIndex
{
    private static readonly ConditionalWeakTable<Graph, QueryIndex> Cache = new();
    private readonly Graph _graph;
    private readonly Dictionary<string, int[]> _byLabel;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Code, RelDirection Direction), int[]> _byType = new();

    private QueryIndex(Graph graph)
    {
        _graph = graph;
        for (int i = 0; i < graph.EntityCount; i++)
        {
            var properties = graph.EntityAt(i).Properties;
            HasIdProperty |= properties.ContainsKey("id");
            HasNameProperty |= properties.ContainsKey("name");
        }

        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < graph.EntityCount; i++)
        {
            foreach (var l in Values.LabelsOf(graph.EntityAt(i)))
            {
                if (!lists.TryGetValue(l, out var list))
                {
                    lists[l] = list = [];
                }

                list.Add(i);
            }
        }

        _byLabel = lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public static QueryIndex For(Graph graph) => Cache.GetValue(graph, g => new QueryIndex(g));

    private NodeRef?[]? _nodes;
    private EdgeRef?[]? _edges;

    /// <summary>The shared (immutable) value for node <paramref name="v"/>; made once per graph.</summary>
    public NodeRef Node(int v, int count)
    {
        var nodes = _nodes ??= new NodeRef?[count];
        return nodes[v] ??= new NodeRef(v);
    }

    /// <summary>The shared (immutable) value for edge <paramref name="e"/>; made once per graph.</summary>
    public EdgeRef Edge(int e, int count)
    {
        var edges = _edges ??= new EdgeRef?[count];
        return edges[e] ??= new EdgeRef(e);
    }

    public int[] WithLabel(string label) => _byLabel.TryGetValue(label, out var a) ? a : [];

    /// <summary>Whether some entity has a property of its own named <c>id</c> (which then hides the entity id).</summary>
    public bool HasIdProperty { get; }

    /// <summary>Whether some entity has a property of its own named <c>name</c> (which then hides the entity name).</summary>
    public bool HasNameProperty { get; }

    /// <summary>The nodes, ascending, that have an edge of type <paramref name="code"/> leaving (Out), entering (In) or either (Both).</summary>
    public int[] WithEdgeOfType(int code, RelDirection direction) => _byType.GetOrAdd((code, direction), key =>
    {
        var t = _graph.Topology;
        var has = new bool[_graph.EntityCount];
        foreach (int e in _graph.EdgesOfType(key.Code))
        {
            if (key.Direction != RelDirection.In)
            {
                has[t.EdgeSource[e]] = true;
            }

            if (key.Direction != RelDirection.Out)
            {
                has[t.EdgeTarget[e]] = true;
            }
        }

        var nodes = new List<int>();
        for (int v = 0; v < has.Length; v++)
        {
            if (has[v])
            {
                nodes.Add(v);
            }
        }

        return [.. nodes];
    });
}

/// <summary>
/// Takes the rows a pattern's last step makes from one row at once: the row with every slot but one bound,
/// and the nodes that slot takes in turn. Used when the last step binds nothing else and needs no check.
/// </summary>
/// <param name="row">The row; <paramref name="slot"/> is null in it. It must not be kept.</param>
/// <param name="slot">The slot of the last node.</param>
/// <param name="nodes">The last node of each row, in order; may repeat a node.</param>
internal delegate void BatchEmit(object?[] row, int slot, ReadOnlySpan<int> nodes);

/// <summary>Matches patterns against the compressed sparse rows of the graph, binding slots of a row.</summary>
internal sealed class Matcher
{
    private readonly ExecContext _ctx;
    private readonly Graph _graph;
    private readonly QueryIndex _index;
    private readonly List<int> _used = [];
    private long _steps;

    public Matcher(ExecContext ctx)
    {
        _ctx = ctx;
        _graph = ctx.Graph;
        _index = QueryIndex.For(ctx.Graph);
    }

    private sealed class Plan
    {
        public required PatternPart Part { get; init; }

        public required NodePattern[] Nodes { get; init; }

        public required RelPattern[] Rels { get; init; }

        public required bool Reversed { get; init; }

        public required int[][] TypeCodes { get; init; }

        public Expr? StartId { get; init; }

        /// <summary>The value of the start node's <c>id</c> property in the pattern, when the id index can find it.</summary>
        public Expr? StartIdProperty { get; init; }

        /// <summary>The value of the start node's <c>name</c> property in the pattern, when the name index can find it.</summary>
        public Expr? StartName { get; init; }

        /// <summary>The nodes with an edge of the first relationship's type, when that is the cheapest start.</summary>
        public int[]? StartTypeNodes { get; init; }

        /// <summary>Whether anonymous nodes and relationships must be bound too (for a path value).</summary>
        public bool BindAll { get; init; }

        /// <summary>
        /// Per relationship: whether no other relationship of the clause can match the same edge (fixed length,
        /// explicit types disjoint from every other relationship's), so the matcher need not track its edges.
        /// </summary>
        public required bool[] Isolated { get; init; }

        /// <summary>Whether the last step can hand its end nodes on as a batch (see <see cref="BatchEmit"/>).</summary>
        public bool CanBatchLast { get; init; }
    }

    private int[]? _stamp;
    private int _stampValue;
    private bool _distinctEnds;
    private Plan[]? _plans;
    private MatchClause? _clause;
    private Expr? _residual;
    private bool[]? _preBound;
    private object?[]? _work;
    private BatchEmit? _batch;
    private Action<object?[]>? _filteredFor;
    private Expr? _filteredBy;
    private Action<object?[]>? _filtered;

    /// <summary>Enumerates the rows a MATCH clause makes from one input row; <c>emit</c> must copy the row it keeps.</summary>
    /// <remarks>
    /// The clause is planned on the first call (WHERE conjuncts <c>id(v) = value</c> choose start entities). When
    /// <paramref name="emitBatch"/> is given, rows whose only difference is the last node may come to it
    /// as one batch instead of one by one to <paramref name="emit"/>. Not re-entrant: the consumer must not
    /// call this matcher again while it handles a row.
    /// </remarks>
    public void MatchClauseRows(MatchClause clause, object?[] row, bool[] preBound, bool distinctEnds, Action<object?[]> emit, BatchEmit? emitBatch = null)
    {
        _distinctEnds = distinctEnds;

        if (!ReferenceEquals(_clause, clause))
        {
            Prepare(clause, preBound);
        }

        _preBound = preBound;
        _used.Clear();
        var work = _work is { } w && w.Length == row.Length ? w : _work = new object?[row.Length];
        Array.Copy(row, work, row.Length);
        var residual = _residual;
        _batch = residual is null ? emitBatch : null;
        if (residual is null)
        {
            MatchParts(_plans!, 0, work, emit);
            return;
        }

        // The filtering consumer is made once per clause and consumer, not once per row.
        if (!ReferenceEquals(_filteredFor, emit) || !ReferenceEquals(_filteredBy, residual))
        {
            _filteredFor = emit;
            _filteredBy = residual;
            _filtered = Filter(residual, emit);
        }

        MatchParts(_plans!, 0, work, _filtered!);
    }

    private Action<object?[]> Filter(Expr residual, Action<object?[]> emit) => r =>
    {
        if (Evaluator.Predicate(residual, r, _ctx) == true)
        {
            emit(r);
        }
    };

    /// <summary>Plans a clause (kept apart so that matching a row allocates no closure state).</summary>
    private void Prepare(MatchClause clause, bool[] preBound)
    {
        var idLookups = IdLookups(clause, preBound);
        _clause = clause;
        var values = idLookups.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
        _plans = clause.Patterns.Select(p => MakePlan(p, preBound, values, clause.Patterns)).ToArray();

        // A conjunct that chose the start entity holds for every row the plan makes: do not evaluate it again.
        var consumed = new HashSet<Expr>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in _plans)
        {
            if (plan.StartId is not null && !seen.Contains(plan.Nodes[0].Variable!))
            {
                consumed.Add(idLookups[plan.Nodes[0].Variable!].Conjunct);
            }

            seen.UnionWith(plan.Nodes.Select(n => n.Variable!));
        }

        _residual = null;
        foreach (var c in Conjuncts(clause.Where))
        {
            if (!consumed.Contains(c))
            {
                _residual = _residual is null ? c : new BinaryExpr("AND", _residual, c);
            }
        }
    }

    /// <summary>WHERE id(v) = expr conjuncts, where expr does not depend on this clause: the planner starts from that entity.</summary>
    private static Dictionary<string, (Expr Value, Expr Conjunct)> IdLookups(MatchClause m, bool[] preBound)
    {
        var result = new Dictionary<string, (Expr Value, Expr Conjunct)>(StringComparer.Ordinal);
        var conjuncts = Matcher.Conjuncts(m.Where);
        bool Independent(Expr e) => e switch
        {
            VariableExpr v => v.Slot >= 0 && preBound[v.Slot],
            PatternExpr => false,
            ComprehensionExpr => false,
            _ => Analyzer.Children(e).All(Independent),
        };

        foreach (var c in conjuncts)
        {
            if (c is BinaryExpr { Op: "=" } eq)
            {
                foreach (var (fn, other) in new[] { (eq.Left, eq.Right), (eq.Right, eq.Left) })
                {
                    if (fn is FunctionExpr { Lower: "id", Args: [VariableExpr v] } && !preBound[v.Slot] && Independent(other))
                    {
                        result.TryAdd(v.Name, (other, c));
                    }
                }
            }
        }

        return result;
    }

    public static List<Expr> Conjuncts(Expr? where)
    {
        var conjuncts = new List<Expr>();
        void Split(Expr e)
        {
            if (e is BinaryExpr { Op: "AND" } b)
            {
                Split(b.Left);
                Split(b.Right);
            }
            else
            {
                conjuncts.Add(e);
            }
        }

        if (where is not null)
        {
            Split(where);
        }

        return conjuncts;
    }

    /// <summary>A pattern used as an expression: the list of paths it matches from the row's bindings.</summary>
    public List<object?> MatchPatternExpression(PatternPart part, object?[] row)
    {
        var savedUsed = _used.ToArray();
        var savedPre = _preBound;
        var savedBatch = _batch;
        _batch = null;
        _used.Clear();
        var pre = new bool[row.Length];
        for (int i = 0; i < row.Length; i++)
        {
            pre[i] = true;
        }

        foreach (var n in part.Nodes)
        {
            if (n.Anonymous)
            {
                pre[n.Slot] = false;
            }
        }

        foreach (var r in part.Rels)
        {
            if (r.Anonymous)
            {
                pre[r.Slot] = false;
            }
        }

        _preBound = pre;
        var plan = MakePlan(part, pre, [], [part], bindAll: true);
        var results = new List<object?>();
        var work = (object?[])row.Clone();
        foreach (var n in part.Nodes.Where(n => n.Anonymous))
        {
            work[n.Slot] = null;
        }

        foreach (var r in part.Rels.Where(r => r.Anonymous))
        {
            work[r.Slot] = null;
        }

        bool savedDistinct = _distinctEnds;
        _distinctEnds = false;
        MatchParts([plan], 0, work, r => results.Add(BuildPath(part, r)));
        _distinctEnds = savedDistinct;
        _used.Clear();
        _used.AddRange(savedUsed);
        _preBound = savedPre;
        _batch = savedBatch;
        return results;
    }

    private Plan MakePlan(PatternPart p, bool[] preBound, Dictionary<string, Expr> idLookups, IReadOnlyList<PatternPart> clauseParts, bool bindAll = false)
    {
        // The cost of starting at an end node: bound already, an id or name lookup, a label, or the nodes
        // with an edge of the adjacent relationship's type; else every node.
        int Score(NodePattern n, RelPattern? adjacent)
        {
            if (preBound[n.Slot])
            {
                return 0;
            }

            if (idLookups.ContainsKey(n.Variable!) || IdProperty(n) is not null)
            {
                return 1;
            }

            if (NameProperty(n) is not null)
            {
                return 2;
            }

            if (n.Labels.Count > 0)
            {
                return 2 + n.Labels.Min(l => _index.WithLabel(l).Length);
            }

            return TypeStart(adjacent) is int code ? 2 + _graph.EdgesOfType(code).Length : int.MaxValue;
        }

        bool reverse = p.Shortest == ShortestKind.None && p.Nodes.Count > 1 && Score(p.Nodes[^1], p.Rels[^1]) < Score(p.Nodes[0], p.Rels[0]);
        var nodes = p.Nodes.ToArray();
        var rels = p.Rels.ToArray();
        if (reverse)
        {
            Array.Reverse(nodes);
            Array.Reverse(rels);
        }

        var codes = rels.Select(r => r.Types.Count == 0 ? [] : r.Types.Select(t => _graph.TypeCode(new RelationType(t))).Where(c => c >= 0).Distinct().ToArray()).ToArray();
        var others = clauseParts.SelectMany(part => part.Rels).ToList();
        bool IsIsolated(RelPattern r) =>
            !r.VarLength && r.Types.Count > 0
            && others.All(o => ReferenceEquals(o, r) || (o.Types.Count > 0 && !o.Types.Intersect(r.Types, StringComparer.Ordinal).Any()));
        var isolated = rels.Select(IsIsolated).ToArray();
        bool canBatch = false;
        if (rels.Length > 0 && p.Shortest == ShortestKind.None && p.PathSlot < 0 && !bindAll)
        {
            var lastRel = rels[^1];
            var end = nodes[^1];
            canBatch = isolated[^1] && lastRel.Anonymous && lastRel.Properties is null && codes[^1].Length == 1
                && Effective(lastRel, reverse) == RelDirection.Out
                && end.Labels.Count == 0 && end.Properties is null && !preBound[end.Slot]
                && clauseParts.SelectMany(part => part.Nodes).Count(n => n.Slot == end.Slot) == 1;
        }

        var first = nodes[0];
        var startId = idLookups.TryGetValue(first.Variable!, out var e) && !preBound[first.Slot] ? e : null;
        Expr? startIdProperty = null, startName = null;
        int[]? startTypeNodes = null;
        if (!preBound[first.Slot] && startId is null && p.Shortest == ShortestKind.None)
        {
            startIdProperty = IdProperty(first);
            startName = startIdProperty is null ? NameProperty(first) : null;
            if (startIdProperty is null && startName is null && first.Labels.Count == 0 && rels.Length > 0 && TypeStart(rels[0]) is int code)
            {
                startTypeNodes = _index.WithEdgeOfType(code, Effective(rels[0], reverse));
            }
        }

        return new Plan
        {
            StartIdProperty = startIdProperty,
            StartName = startName,
            StartTypeNodes = startTypeNodes,
            Isolated = isolated,
            CanBatchLast = canBatch,
            Part = p,
            Nodes = nodes,
            Rels = rels,
            Reversed = reverse,
            TypeCodes = codes,
            StartId = startId,
            BindAll = bindAll || p.PathSlot >= 0 || p.Shortest != ShortestKind.None,
        };
    }

    /// <summary>The value of a node pattern's <c>id</c> property, when the entity id index answers it (no entity hides its id).</summary>
    private Expr? IdProperty(NodePattern n) => _index.HasIdProperty ? null : PatternProperty(n, "id");

    /// <summary>The value of a node pattern's <c>name</c> property, when the name index answers it (no entity hides its name).</summary>
    private Expr? NameProperty(NodePattern n) => _index.HasNameProperty ? null : PatternProperty(n, "name");

    private static Expr? PatternProperty(NodePattern n, string key)
    {
        if (n.Properties is MapExpr map)
        {
            foreach (var kv in map.Entries)
            {
                if (kv.Key == key)
                {
                    return kv.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The type code of a fixed-length relationship of one type that exists in the graph, or null.</summary>
    private int? TypeStart(RelPattern? r)
    {
        if (r is null || r.VarLength || r.Types.Count != 1)
        {
            return null;
        }

        int code = _graph.TypeCode(new RelationType(r.Types[0]));
        return code >= 0 ? code : null;
    }

    private void Tick()
    {
        if ((++_steps & 1023) == 0)
        {
            _ctx.Cancellation.ThrowIfCancellationRequested();
        }
    }

    private void MatchParts(Plan[] plans, int i, object?[] row, Action<object?[]> emit)
    {
        if (i == plans.Length)
        {
            emit(row);
            return;
        }

        var plan = plans[i];

        // Without a path value, the last part hands its rows straight to the consumer.
        Action<object?[]> next = i == plans.Length - 1 && plan.Part.PathSlot < 0 ? emit : NextPart(plans, i, emit);
        if (plan.Part.Shortest != ShortestKind.None)
        {
            MatchShortest(plan, row, next);
            return;
        }

        var first = plan.Nodes[0];
        if (plan.StartId is not null && !_preBound![first.Slot] && row[first.Slot] is null)
        {
            // Started from an id lookup: at most one candidate, found without building a sequence.
            var id = Evaluator.Eval(plan.StartId, row, _ctx);
            if (id is string s && _graph.TryIndexOf(s, out int ix))
            {
                StartAt(plan, first, ix, row, next);
            }

            return;
        }

        foreach (int v in Candidates(first, plan, row))
        {
            StartAt(plan, first, v, row, next);
        }
    }

    /// <summary>What a matched part hands its row to: the path value, then the next part.</summary>
    private Action<object?[]> NextPart(Plan[] plans, int i, Action<object?[]> emit)
    {
        var plan = plans[i];
        return r =>
        {
            if (plan.Part.PathSlot >= 0)
            {
                r[plan.Part.PathSlot] = BuildPath(plan.Part, r);
            }

            MatchParts(plans, i + 1, r, emit);
            if (plan.Part.PathSlot >= 0)
            {
                r[plan.Part.PathSlot] = null;
            }
        };
    }

    private void StartAt(Plan plan, NodePattern first, int v, object?[] row, Action<object?[]> next)
    {
        Tick();
        if (!TryBindNode(first, v, row, out bool bound))
        {
            return;
        }

        if (_distinctEnds && ++_stampValue == int.MaxValue)
        {
            if (_stamp is not null)
            {
                Array.Clear(_stamp);
            }

            _stampValue = 1;
        }

        Expand(plan, 0, v, row, next);
        if (bound)
        {
            row[first.Slot] = null;
        }
    }

    private IEnumerable<int> Candidates(NodePattern n, Plan? plan, object?[] row)
    {
        var startId = plan?.StartId;
        if (_preBound![n.Slot] || row[n.Slot] is not null)
        {
            if (row[n.Slot] is NodeRef bound)
            {
                return [bound.Index];
            }

            if (row[n.Slot] is null)
            {
                return [];
            }

            throw new QueryTypeException($"Variable `{n.Variable}` is a {Values.TypeName(row[n.Slot])}, not a node.", "VariableTypeConflict");
        }

        if (startId is not null)
        {
            var id = Evaluator.Eval(startId, row, _ctx);
            return id is string s && _graph.TryIndexOf(s, out int ix) ? [ix] : [];
        }

        // {id: …} and {name: …} in the pattern: no entity hides its id or name behind a property of its
        // own, so the value is a string or matches nothing, and the indexes hold every match.
        if (plan?.StartIdProperty is { } idValue)
        {
            return Evaluator.Eval(idValue, row, _ctx) is string s && _graph.TryIndexOf(s, out int ix) ? [ix] : [];
        }

        if (plan?.StartName is { } nameValue)
        {
            if (Evaluator.Eval(nameValue, row, _ctx) is not string s)
            {
                return [];
            }

            if (_graph.NameCandidates(s) is { } named)
            {
                return named;
            }
        }

        if (n.Labels.Count > 0)
        {
            int[] best = _index.WithLabel(n.Labels[0]);
            foreach (var l in n.Labels)
            {
                var c = _index.WithLabel(l);
                if (c.Length < best.Length)
                {
                    best = c;
                }
            }

            return best;
        }

        return plan?.StartTypeNodes ?? Enumerable.Range(0, _graph.EntityCount);
    }

    /// <summary>Binds (or checks) a node slot; <paramref name="bound"/> says whether the caller must unbind it.</summary>
    private bool TryBindNode(NodePattern n, int v, object?[] row, out bool bound)
    {
        bound = false;
        var current = row[n.Slot];
        if (current is NodeRef existing)
        {
            if (existing.Index != v)
            {
                return false;
            }
        }
        else if (current is not null || _preBound![n.Slot])
        {
            return false;
        }

        if (n.Labels.Count > 0 || n.Properties is not null)
        {
            var entity = _graph.EntityAt(v);
            foreach (var l in n.Labels)
            {
                if (!Values.HasLabel(entity, l))
                {
                    return false;
                }
            }

            if (n.Properties is not null && !NodePropertiesMatch(n.Properties, entity, row))
            {
                return false;
            }
        }

        if (current is null)
        {
            row[n.Slot] = _index.Node(v, _graph.EntityCount);
            bound = true;
        }

        return true;
    }

    /// <summary>Kept apart from <see cref="TryBindNode"/> so that binding a node allocates no closure state.</summary>
    private bool NodePropertiesMatch(Expr properties, Entity entity, object?[] row) =>
        PropertiesMatch(Evaluator.Eval(properties, row, _ctx), key => Values.TryGetProperty(entity, key, out var pv) ? Values.FromProperty(pv) : null);

    private static bool PropertiesMatch(object? expected, Func<string, object?> actual)
    {
        if (expected is null)
        {
            return true;
        }

        if (expected is not Dictionary<string, object?> map)
        {
            throw new QueryTypeException($"A pattern's properties must be a map; found {Values.TypeName(expected)}.", "InvalidArgumentType");
        }

        foreach (var kv in map)
        {
            if (Values.Equal(actual(kv.Key), kv.Value) != true)
            {
                return false;
            }
        }

        return true;
    }

    private bool EdgeMatches(RelPattern r, int[] codes, int e, object?[] row, bool checkUsed = true, bool checkType = true)
    {
        if (checkUsed && _used.Contains(e))
        {
            return false;
        }

        if (checkType && r.Types.Count > 0 && Array.IndexOf(codes, _graph.Topology.EdgeType[e]) < 0)
        {
            return false;
        }

        if (r.Properties is not null)
        {
            var q = _graph.QualifiersAt(e);
            if (!PropertiesMatch(Evaluator.Eval(r.Properties, row, _ctx), key => q.TryGetValue(key, out var pv) ? Values.FromProperty(pv) : null))
            {
                return false;
            }
        }

        return true;
    }

    private void Neighbors(RelDirection dir, int v, List<(int Edge, int Other)> into)
    {
        var t = _graph.Topology;
        if (dir != RelDirection.In)
        {
            for (int e = t.OutOffsets[v]; e < t.OutOffsets[v + 1]; e++)
            {
                into.Add((e, t.EdgeTarget[e]));
            }
        }

        if (dir != RelDirection.Out)
        {
            for (int s = t.InOffsets[v]; s < t.InOffsets[v + 1]; s++)
            {
                int e = t.InEdges[s];
                if (dir == RelDirection.Both && t.EdgeSource[e] == v)
                {
                    continue; // a self-loop, already seen as an out-edge
                }

                into.Add((e, t.InSources[s]));
            }
        }
    }

    private static RelDirection Effective(RelPattern r, bool reversed) =>
        !reversed || r.Direction == RelDirection.Both ? r.Direction : r.Direction == RelDirection.Out ? RelDirection.In : RelDirection.Out;

    private void Expand(Plan plan, int i, int v, object?[] row, Action<object?[]> emit)
    {
        if (i == plan.Rels.Length)
        {
            // Only the two ends matter downstream and duplicates do not: emit each end once per start.
            if (_distinctEnds)
            {
                var stamp = _stamp ??= new int[_graph.EntityCount];
                if (stamp[v] == _stampValue)
                {
                    return;
                }

                stamp[v] = _stampValue;
            }

            emit(row);
            return;
        }

        var rel = plan.Rels[i];
        var next = plan.Nodes[i + 1];
        var dir = Effective(rel, plan.Reversed);
        int[] codes = plan.TypeCodes[i];
        if (rel.Types.Count > 0 && codes.Length == 0)
        {
            return;
        }

        if (!rel.VarLength)
        {
            var preEdge = row[rel.Slot];
            var t = _graph.Topology;
            if (dir == RelDirection.Out && preEdge is null && codes.Length == 1)
            {
                // Edges are sorted by (source, type, target): binary-search the type's range in the out-row.
                int lo = t.OutOffsets[v], hi = t.OutOffsets[v + 1];
                int code = codes[0];
                int a = GraphTopology.TypeStart(t.EdgeType, lo, hi, code);
                if (_batch is not null && i == plan.Rels.Length - 1 && plan.CanBatchLast && row[next.Slot] is null && ReferenceEquals(plan, _plans![^1]))
                {
                    // The last step binds only its end node and checks nothing: hand the ends on at once.
                    int b = a;
                    while (b < hi && t.EdgeType[b] == code)
                    {
                        b++;
                    }

                    Tick();
                    if (b > a)
                    {
                        _batch(row, next.Slot, t.EdgeTarget.AsSpan(a, b - a));
                    }

                    return;
                }

                for (int e = a; e < hi && t.EdgeType[e] == code; e++)
                {
                    Step(plan, i, rel, next, e, t.EdgeTarget[e], row, emit, codes, typeChecked: true);
                }

                return;
            }

            var list = new List<(int Edge, int Other)>();
            Neighbors(dir, v, list);
            foreach (var (e, other) in list)
            {
                if (preEdge is not null && !(preEdge is EdgeRef pe && pe.Edge == e))
                {
                    continue;
                }

                Step(plan, i, rel, next, e, other, row, emit, codes, typeChecked: false);
            }

            return;
        }

        ExpandVarLength(plan, i, v, row, emit, rel, next, dir, codes);
    }

    /// <summary>A variable-length step; kept apart so that the fixed-length path allocates no closure state.</summary>
    private void ExpandVarLength(Plan plan, int i, int v, object?[] row, Action<object?[]> emit, RelPattern rel, NodePattern next, RelDirection dir, int[] codes)
    {
        long min = rel.Min ?? 1;
        long max = rel.Max ?? _ctx.Options.MaxUnboundedPathLength;
        if (min < 0 || max < min)
        {
            return;
        }

        // Depth-first over the edges, with an explicit stack: a path may be as long as the graph, the stack is not.
        var path = new List<int>();
        var preList = row[rel.Slot];
        var frames = new List<WalkFrame>();
        bool Visit(int at)
        {
            Tick();
            int depth = path.Count;
            if (depth >= min && (preList is null || SameEdges(preList, path, plan.Reversed)))
            {
                var edges = path.Select(x => (object?)new EdgeRef(x)).ToList();
                if (plan.Reversed)
                {
                    edges.Reverse();
                }

                var saved = row[rel.Slot];
                row[rel.Slot] = edges;
                if (TryBindNode(next, at, row, out bool bound))
                {
                    Expand(plan, i + 1, at, row, emit);
                    if (bound)
                    {
                        row[next.Slot] = null;
                    }
                }

                row[rel.Slot] = saved;
            }

            if (depth >= max)
            {
                return false;
            }

            var list = new List<(int Edge, int Other)>();
            Neighbors(dir, at, list);
            frames.Add(new WalkFrame(list));
            return true;
        }

        Visit(v);
        while (frames.Count > 0)
        {
            var frame = frames[^1];
            if (frame.Index == frame.Next.Count)
            {
                frames.RemoveAt(frames.Count - 1);
                if (frames.Count > 0)
                {
                    path.RemoveAt(path.Count - 1);
                    _used.RemoveAt(_used.Count - 1);
                }

                continue;
            }

            var (e, other) = frame.Next[frame.Index++];
            if (!EdgeMatches(rel, codes, e, row))
            {
                continue;
            }

            _used.Add(e);
            path.Add(e);
            if (!Visit(other))
            {
                path.RemoveAt(path.Count - 1);
                _used.RemoveAt(_used.Count - 1);
            }
        }
    }

    /// <summary>One level of the depth-first walk of a variable-length step: the edges to try and the next one.</summary>
    private sealed class WalkFrame(List<(int Edge, int Other)> next)
    {
        public List<(int Edge, int Other)> Next { get; } = next;

        public int Index { get; set; }
    }

    private static bool SameEdges(object? pre, List<int> path, bool reversed)
    {
        if (pre is not List<object?> list || list.Count != path.Count)
        {
            return false;
        }

        for (int k = 0; k < path.Count; k++)
        {
            int want = path[reversed ? path.Count - 1 - k : k];
            if (list[k] is not EdgeRef r || r.Edge != want)
            {
                return false;
            }
        }

        return true;
    }

    private void Step(Plan plan, int i, RelPattern rel, NodePattern next, int e, int other, object?[] row, Action<object?[]> emit, int[] codes, bool typeChecked)
    {
        Tick();
        bool isolated = plan.Isolated[i];
        if ((!isolated || !typeChecked || rel.Properties is not null) && !EdgeMatches(rel, codes, e, row, checkUsed: !isolated, checkType: !typeChecked))
        {
            return;
        }

        bool bound = false;
        if (!(next.Anonymous && !plan.BindAll && next.Labels.Count == 0 && next.Properties is null) && !TryBindNode(next, other, row, out bound))
        {
            return;
        }

        var saved = row[rel.Slot];
        if (saved is null && (plan.BindAll || !rel.Anonymous))
        {
            row[rel.Slot] = _index.Edge(e, _graph.RelationCount);
        }
        if (isolated)
        {
            Expand(plan, i + 1, other, row, emit);
        }
        else
        {
            _used.Add(e);
            Expand(plan, i + 1, other, row, emit);
            _used.RemoveAt(_used.Count - 1);
        }

        row[rel.Slot] = saved;
        if (bound)
        {
            row[next.Slot] = null;
        }
    }

    private PathValue BuildPath(PatternPart part, object?[] row)
    {
        var t = _graph.Topology;
        var nodes = new List<int>();
        var edges = new List<int>();
        int at = ((NodeRef)row[part.Nodes[0].Slot]!).Index;
        nodes.Add(at);
        foreach (var rel in part.Rels)
        {
            IEnumerable<int> es = row[rel.Slot] switch
            {
                EdgeRef r => [r.Edge],
                List<object?> list => list.Select(x => ((EdgeRef)x!).Edge),
                _ => [],
            };
            foreach (int e in es)
            {
                at = t.EdgeSource[e] == at ? t.EdgeTarget[e] : t.EdgeSource[e];
                edges.Add(e);
                nodes.Add(at);
            }
        }

        return new PathValue([.. nodes], [.. edges]);
    }

    private void MatchShortest(Plan plan, object?[] row, Action<object?[]> emit)
    {
        var p = plan.Part;
        if (p.Rels.Count != 1)
        {
            throw new QuerySemanticException("shortestPath needs a pattern with exactly one relationship.", "InvalidArgumentType");
        }

        var rel = p.Rels[0];
        long min = rel.Min ?? 1;
        long max = rel.VarLength ? rel.Max ?? _ctx.Options.MaxUnboundedPathLength : 1;
        if (min > 1)
        {
            throw new QuerySemanticException("shortestPath only supports a minimal length of 0 or 1.", "InvalidArgumentType");
        }

        int[] codes = plan.TypeCodes[0];
        if (rel.Types.Count > 0 && codes.Length == 0)
        {
            return;
        }

        var a = p.Nodes[0];
        var b = p.Nodes[1];
        foreach (int s in Candidates(a, null, row).ToArray())
        {
            if (!TryBindNode(a, s, row, out bool boundA))
            {
                continue;
            }

            foreach (int goal in Candidates(b, null, row).ToArray())
            {
                if (!TryBindNode(b, goal, row, out bool boundB))
                {
                    continue;
                }

                foreach (var edges in ShortestPaths(s, goal, rel, codes, min, max, row, all: p.Shortest == ShortestKind.All))
                {
                    var saved = row[rel.Slot];
                    row[rel.Slot] = rel.VarLength ? edges.Select(x => (object?)new EdgeRef(x)).ToList() : new EdgeRef(edges[0]);
                    emit(row);
                    row[rel.Slot] = saved;
                }

                if (boundB)
                {
                    row[b.Slot] = null;
                }
            }

            if (boundA)
            {
                row[a.Slot] = null;
            }
        }
    }

    private List<List<int>> ShortestPaths(int s, int goal, RelPattern rel, int[] codes, long min, long max, object?[] row, bool all)
    {
        var results = new List<List<int>>();
        if (s == goal && min == 0)
        {
            results.Add([]);
            return results;
        }

        // Breadth-first levels on the library's one core; parents keep every shortest way in.
        var dist = new Dictionary<int, int> { [s] = 0 };
        var parents = new Dictionary<int, List<(int From, int Edge)>>();
        var visitor = new ShortestPathVisitor(this, rel, codes, row, dist, parents, goal);
        var direction = rel.Direction switch
        {
            RelDirection.Out => Direction.Out,
            RelDirection.In => Direction.In,
            _ => Direction.Both,
        };
        var t = _graph.Topology;
        int[] queue = System.Buffers.ArrayPool<int>.Shared.Rent(t.NodeCount);
        try
        {
            queue[0] = s;
            int head = 0, tail = 1;
            while (head < tail && visitor.Depth < max && !visitor.Found)
            {
                visitor.Depth++;
                BreadthFirstCore.ExpandLevel(t, queue, ref head, ref tail, direction, null, ref visitor, _ctx.Cancellation);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(queue);
        }

        if (visitor.Found)
        {
            CollectShortestPaths(s, goal, parents, all, results);
        }

        return results;
    }

    /// <summary>
    /// Walks the parents back from the goal to the start, depth-first with an explicit stack, giving
    /// every shortest path (or the first when <paramref name="all"/> is false) as its edges in order.
    /// </summary>
    private static void CollectShortestPaths(int s, int goal, Dictionary<int, List<(int From, int Edge)>> parents, bool all, List<List<int>> results)
    {
        var edges = new List<int>();
        var frames = new List<(int Node, int Next)> { (goal, 0) };
        while (frames.Count > 0 && (all || results.Count == 0))
        {
            var (v, next) = frames[^1];
            var ps = v == s ? null : parents[v];
            if (ps is null || next >= ps.Count)
            {
                if (ps is null)
                {
                    var path = new List<int>(edges);
                    path.Reverse();
                    results.Add(path);
                }

                frames.RemoveAt(frames.Count - 1);
                if (frames.Count > 0)
                {
                    edges.RemoveAt(edges.Count - 1);
                }

                continue;
            }

            frames[^1] = (v, next + 1);
            var (from, e) = ps[next];
            if (edges.Contains(e))
            {
                continue;
            }

            edges.Add(e);
            frames.Add((from, 0));
        }
    }

    /// <summary>The matcher's shortest-path search: relationships must match the pattern; every shortest way in is kept.</summary>
    private struct ShortestPathVisitor(
        Matcher matcher, RelPattern rel, int[] codes, object?[] row,
        Dictionary<int, int> dist, Dictionary<int, List<(int From, int Edge)>> parents, int goal) : IBreadthFirstVisitor
    {
        /// <summary>The depth of the level being reached.</summary>
        public int Depth { get; set; }

        /// <summary>True once the goal is reached (the level is finished, for every way in).</summary>
        public bool Found { get; private set; }

        public BreadthFirstStep Reach(int from, int to, int edge, bool forward)
        {
            matcher.Tick();
            if (!matcher.EdgeMatches(rel, codes, edge, row))
            {
                return BreadthFirstStep.Skip;
            }

            var step = BreadthFirstStep.Skip;
            if (dist.TryGetValue(to, out int d))
            {
                if (d < Depth)
                {
                    return BreadthFirstStep.Skip;
                }
            }
            else
            {
                dist[to] = Depth;
                step = BreadthFirstStep.Enqueue;
            }

            if (!parents.TryGetValue(to, out var ps))
            {
                parents[to] = ps = [];
            }

            ps.Add((from, edge));
            if (to == goal)
            {
                Found = true;
            }

            return step;
        }
    }
}
