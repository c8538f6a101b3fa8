using System.Runtime.CompilerServices;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Query;

/// <summary>
/// Takes the rows a pattern's last step makes from one row at once: the row with every slot but one bound,
/// and the nodes that slot takes in turn. Used when the last step binds nothing else and needs no check.
/// </summary>
/// <param name="row">The row; <paramref name="slot"/> is null in it. It must not be kept.</param>
/// <param name="slot">The slot of the last node.</param>
/// <param name="nodes">The last node of each row, in order; may repeat a node.</param>
internal delegate void BatchEmit(object?[] row, int slot, ReadOnlySpan<int> nodes);

/// <summary>Matches patterns against the compressed sparse rows of the graph, binding slots of a row.</summary>
internal sealed partial class Matcher
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

            throw QueryErrors.NotANode(n.Variable!, row[n.Slot]);
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
            throw QueryErrors.PatternPropertiesNotMap(expected);
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
                if (dir == RelDirection.Both && t.InSources[s] == v)
                {
                    continue; // a self-loop, already seen as an out-edge
                }

                into.Add((e, t.InSources[s]));
            }
        }
    }

    private static RelDirection Effective(RelPattern r, bool reversed) =>
        !reversed || r.Direction == RelDirection.Both ? r.Direction : r.Direction == RelDirection.Out ? RelDirection.In : RelDirection.Out;
}
