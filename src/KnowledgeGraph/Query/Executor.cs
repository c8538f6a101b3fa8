namespace KnowledgeGraph.Query;

/// <summary>
/// Runs an analysed query as a push pipeline: each clause is an operator that receives rows (arrays of
/// slots) one at a time and hands its own rows to the next. Rows stream through MATCH, UNWIND and plain
/// projections without being copied; only operators that must hold rows (grouping, ORDER BY, DISTINCT,
/// the result) copy what they keep. An operator may set one of its own slots in a row it receives while
/// it hands that row on, and restores it afterwards; it never keeps a row it did not copy.
/// </summary>
internal sealed class Executor
{
    private readonly ExecContext _ctx;
    private readonly int _width;
    private readonly QueryIndex _index;

    public Executor(ExecContext ctx, int width)
    {
        _ctx = ctx;
        _width = width;
        _index = QueryIndex.For(ctx.Graph);
        ctx.Matcher = new Matcher(ctx);
    }

    /// <summary>Runs CREATE, MERGE and SET clauses when running a script: the rows one input row (a copy) becomes.</summary>
    public Func<Clause, object?[], IEnumerable<object?[]>>? OnWrite { get; init; }

    /// <summary>
    /// When running a script: answers a MATCH clause itself for the given input rows (given the slots bound
    /// before it), or returns null to leave the clause to the matcher. The answer must depend on the clause only.
    /// </summary>
    public Func<MatchClause, IEnumerable<object?[]>, bool[], IEnumerable<object?[]>?>? OnMatch { get; init; }

    public (List<string> Columns, List<object?[]> Rows) Run(QueryAst ast)
    {
        List<string>? columns = null;
        var all = new List<object?[]>();
        for (int p = 0; p < ast.Parts.Count; p++)
        {
            var (cols, rows) = RunSingle(ast.Parts[p]);
            columns ??= cols;
            all.AddRange(rows);
            if (p > 0 && !ast.UnionAll[p - 1])
            {
                all = all.Distinct(Values.KeyComparer.Instance).ToList();
            }
        }

        return (columns ?? [], all);
    }

    private (List<string> Columns, List<object?[]> Rows) RunSingle(SingleQuery q)
    {
        var bound = new bool[_width];
        var ops = new List<Op>();
        Collector? result = null;
        List<string> columns = [];
        bool writes = false;
        for (int ci = 0; ci < q.Clauses.Count; ci++)
        {
            var clause = q.Clauses[ci];
            switch (clause)
            {
                case MatchClause m:
                    var preBound = (bool[])bound.Clone();
                    if (OnMatch is not null && OnMatch(m, [], preBound) is not null)
                    {
                        ops.Add(new AnsweredMatchOp(this, m, preBound));
                    }
                    else
                    {
                        bool distinctEnds = ci + 1 < q.Clauses.Count && q.Clauses[ci + 1] is ProjectionClause next && DuplicatesIrrelevant(m, next, bound);
                        ops.Add(new MatchOp(this, m, preBound, distinctEnds));
                    }

                    MarkPatternSlots(m.Patterns, bound);
                    break;
                case UnwindClause u:
                    ops.Add(new UnwindOp(this, u));
                    bound[u.Slot] = true;
                    break;
                case CreateClause c:
                    ops.Add(new WriteOp(this, c));
                    MarkPatternSlots(c.Patterns, bound);
                    writes = true;
                    break;
                case MergeClause mc:
                    ops.Add(new WriteOp(this, mc));
                    MarkPatternSlots([mc.Pattern], bound);
                    writes = true;
                    break;
                case SetClause sc:
                    ops.Add(new WriteOp(this, sc));
                    writes = true;
                    break;
                case ProjectionClause p:
                    var aggregates = new List<FunctionExpr>();
                    foreach (var item in p.Items)
                    {
                        CollectAggregates(item.Expression, aggregates);
                    }

                    foreach (var s in p.OrderBy)
                    {
                        CollectAggregates(s.Expression, aggregates);
                    }

                    ops.Add(aggregates.Count == 0 ? new ProjectOp(this, p, canStop: !writes) : new AggregateOp(this, p, aggregates));
                    Array.Clear(bound);
                    foreach (var item in p.Items)
                    {
                        bound[item.Slot] = true;
                    }

                    if (p.IsReturn)
                    {
                        columns = p.Items.Select(i => i.Name).ToList();
                        result = new Collector(this, p.Items.Select(i => i.Slot).ToArray());
                        ops.Add(result);
                    }

                    break;
            }

            if (result is not null)
            {
                break;
            }
        }

        if (result is null)
        {
            ops.Add(new Collector(this, null));
        }

        for (int k = 0; k + 1 < ops.Count; k++)
        {
            ops[k].Next = ops[k + 1];
        }

        // An operator that has all the rows it wants (LIMIT) stops the operators before it by throwing
        // a signal; the run resumes by finishing the operators after it.
        Op? resume = null;
        while (true)
        {
            try
            {
                if (resume is null)
                {
                    ops[0].Push(new object?[_width]);
                    ops[0].Finish();
                }
                else
                {
                    resume.Next!.Finish();
                }

                break;
            }
            catch (StopSignal stop)
            {
                resume = stop.Op;
            }
        }

        return (columns, result?.Rows ?? []);
    }

    private void CheckRows(int count)
    {
        if (count > _ctx.Options.MaxRows)
        {
            throw new QueryLimitException($"The query holds more than {_ctx.Options.MaxRows} rows (QueryOptions.MaxRows).");
        }
    }

    private static void MarkPatternSlots(List<PatternPart> patterns, bool[] bound)
    {
        foreach (var p in patterns)
        {
            foreach (var n in p.Nodes)
            {
                bound[n.Slot] = true;
            }

            foreach (var r in p.Rels)
            {
                bound[r.Slot] = true;
            }

            if (p.PathSlot >= 0)
            {
                bound[p.PathSlot] = true;
            }
        }
    }

    /// <summary>
    /// Whether the projection after a MATCH ignores how many paths join the same two ends: it aggregates
    /// only with DISTINCT (or min/max), or projects DISTINCT, and refers to no new variable but the ends.
    /// </summary>
    private static bool DuplicatesIrrelevant(MatchClause m, ProjectionClause p, bool[] preBound)
    {
        if (m.Optional || m.Patterns.Count != 1 || p.Star)
        {
            return false;
        }

        var part = m.Patterns[0];
        if (part.PathSlot >= 0 || part.Shortest != ShortestKind.None || part.Rels.Any(r => r.VarLength))
        {
            return false;
        }

        var aggregates = new List<FunctionExpr>();
        foreach (var item in p.Items)
        {
            CollectAggregates(item.Expression, aggregates);
        }

        foreach (var s in p.OrderBy)
        {
            CollectAggregates(s.Expression, aggregates);
        }

        bool aggregatesOk = aggregates.Count > 0 && aggregates.All(a => !a.Star && ((a.Distinct && a.Lower is "count" or "collect" or "sum" or "avg") || a.Lower is "min" or "max"));
        if (!aggregatesOk && !(p.Distinct && aggregates.Count == 0))
        {
            return false;
        }

        var referenced = new HashSet<int>();
        void Collect(Expr e)
        {
            if (e is VariableExpr v)
            {
                referenced.Add(v.Slot);
            }
            else if (e is PatternExpr pe)
            {
                referenced.UnionWith(pe.Pattern.Nodes.Select(n => n.Slot));
                referenced.UnionWith(pe.Pattern.Rels.Select(r => r.Slot));
            }

            foreach (var c in Analyzer.Children(e))
            {
                Collect(c);
            }
        }

        if (m.Where is not null)
        {
            Collect(m.Where);
        }

        foreach (var item in p.Items)
        {
            Collect(item.Expression);
        }

        foreach (var s in p.OrderBy)
        {
            Collect(s.Expression);
        }

        var ends = new HashSet<int> { part.Nodes[0].Slot, part.Nodes[^1].Slot };
        foreach (var n in part.Nodes)
        {
            if (!preBound[n.Slot] && !ends.Contains(n.Slot) && referenced.Contains(n.Slot))
            {
                return false;
            }
        }

        return part.Rels.All(r => preBound[r.Slot] || !referenced.Contains(r.Slot))
            && part.Nodes.Skip(1).SkipLast(1).All(n => part.Nodes[0].Variable != n.Variable && part.Nodes[^1].Variable != n.Variable);
    }

    private long Count(Expr e, string clause)
    {
        var v = Evaluator.Eval(e, new object?[_width], _ctx);
        if (v is not long n)
        {
            throw new QuerySemanticException($"{clause} must be an integer; found {Values.TypeName(v)}.", "InvalidArgumentType");
        }

        if (n < 0)
        {
            throw new QuerySemanticException($"{clause} must be zero or positive; found {n}.", "NegativeIntegerArgument");
        }

        return n;
    }

    private static void CollectAggregates(Expr e, List<FunctionExpr> into)
    {
        if (e is FunctionExpr { IsAggregate: true } f && f.AggregateSlot >= 0)
        {
            into.Add(f);
            return;
        }

        foreach (var c in Analyzer.Children(e))
        {
            CollectAggregates(c, into);
        }
    }

    /// <summary>Thrown by an operator that wants no more rows; caught by <see cref="RunSingle"/>.</summary>
    private sealed class StopSignal(Op op) : Exception
    {
        public Op Op { get; } = op;
    }

    /// <summary>One clause of the pipeline.</summary>
    private abstract class Op(Executor owner)
    {
        protected Executor Owner { get; } = owner;

        public Op? Next { get; set; }

        /// <summary>Takes one row; the row belongs to the caller and may change after the call returns.</summary>
        public abstract void Push(object?[] row);

        /// <summary>Called once after the last row.</summary>
        public virtual void Finish() => Next?.Finish();

        /// <summary>Takes rows that differ only in one node slot (see <see cref="BatchEmit"/>); by default one by one.</summary>
        public virtual void PushBatch(object?[] row, int slot, ReadOnlySpan<int> nodes)
        {
            var index = Owner._index;
            int count = Owner._ctx.Graph.EntityCount;
            var saved = row[slot];
            foreach (int v in nodes)
            {
                row[slot] = index.Node(v, count);
                Push(row);
            }

            row[slot] = saved;
        }
    }

    private sealed class MatchOp : Op
    {
        private readonly MatchClause _clause;
        private readonly bool[] _preBound;
        private readonly bool _distinctEnds;
        private readonly Matcher _matcher;
        private readonly Action<object?[]> _emit;
        private readonly BatchEmit _emitBatch;
        private long _emitted;

        public MatchOp(Executor owner, MatchClause clause, bool[] preBound, bool distinctEnds)
            : base(owner)
        {
            _clause = clause;
            _preBound = preBound;
            _distinctEnds = distinctEnds;
            _matcher = new Matcher(owner._ctx);
            _emit = r =>
            {
                _emitted++;
                Next!.Push(r);
            };
            _emitBatch = (r, slot, nodes) =>
            {
                _emitted += nodes.Length;
                Next!.PushBatch(r, slot, nodes);
            };
        }

        public override void Push(object?[] row)
        {
            Owner._ctx.Cancellation.ThrowIfCancellationRequested();
            long before = _emitted;
            _matcher.MatchClauseRows(_clause, row, _preBound, _distinctEnds, _emit, _emitBatch);
            if (_emitted == before && _clause.Optional)
            {
                Next!.Push(row);
            }
        }
    }

    private sealed class UnwindOp(Executor owner, UnwindClause clause) : Op(owner)
    {
        public override void Push(object?[] row)
        {
            var ctx = Owner._ctx;
            ctx.Cancellation.ThrowIfCancellationRequested();
            var v = Evaluator.Eval(clause.Source, row, ctx);
            if (v is null)
            {
                return;
            }

            int slot = clause.Slot;
            var saved = row[slot];
            if (v is not List<object?> list)
            {
                row[slot] = v;
                Next!.Push(row);
                row[slot] = saved;
                return;
            }

            for (int i = 0; i < list.Count; i++)
            {
                row[slot] = list[i];
                Next!.Push(row);
            }

            row[slot] = saved;
        }
    }

    /// <summary>A MATCH clause the script runner answers itself (see <see cref="OnMatch"/>), one input row at a time.</summary>
    private sealed class AnsweredMatchOp(Executor owner, MatchClause clause, bool[] preBound) : Op(owner)
    {
        public override void Push(object?[] row)
        {
            foreach (var r in Owner.OnMatch!(clause, [row], preBound)!)
            {
                Next!.Push(r);
            }
        }
    }

    /// <summary>CREATE, MERGE or SET, run by the script runner (see <see cref="OnWrite"/>).</summary>
    private sealed class WriteOp(Executor owner, Clause clause) : Op(owner)
    {
        public override void Push(object?[] row)
        {
            var onWrite = Owner.OnWrite ?? throw new QuerySemanticException("CREATE, MERGE and SET need a GraphBuilder; use CypherScript.Apply.", "UnsupportedClause");
            Owner._ctx.Cancellation.ThrowIfCancellationRequested();
            foreach (var r in onWrite(clause, (object?[])row.Clone()))
            {
                Next!.Push(r);
            }
        }
    }

    /// <summary>What follows a projection: DISTINCT, ORDER BY, SKIP, LIMIT and WITH … WHERE.</summary>
    private abstract class ProjectionBase : Op
    {
        private HashSet<object?[]>? _seen;
        private long _skip = -1;
        private long _limit = -1;
        private long _taken;

        protected ProjectionBase(Executor owner, ProjectionClause clause)
            : base(owner)
        {
            Clause = clause;
            _seen = clause.Distinct ? new(Values.KeyComparer.Instance) : null;
        }

        protected ProjectionClause Clause { get; }

        protected long Skip => _skip >= 0 ? _skip : (_skip = Clause.Skip is null ? 0 : Owner.Count(Clause.Skip, "SKIP"));

        protected long Limit => _limit >= 0 ? _limit : (_limit = Clause.Limit is null ? long.MaxValue : Owner.Count(Clause.Limit, "LIMIT"));

        /// <summary>Whether a projected row is new under DISTINCT (always true without DISTINCT).</summary>
        protected bool IsNew(object?[] projected)
        {
            if (_seen is null)
            {
                return true;
            }

            var items = Clause.Items;
            var key = new object?[items.Count];
            for (int k = 0; k < key.Length; k++)
            {
                key[k] = projected[items[k].Slot];
            }

            if (!_seen.Add(key))
            {
                return false;
            }

            Owner.CheckRows(_seen.Count);
            return true;
        }

        /// <summary>Orders held rows, then skips, limits, filters and hands them on.</summary>
        protected void EmitAll(List<object?[]> rows)
        {
            var ctx = Owner._ctx;
            var order = Clause.OrderBy;
            if (order.Count > 0)
            {
                var keys = new object?[rows.Count][];
                for (int i = 0; i < rows.Count; i++)
                {
                    var key = new object?[order.Count];
                    for (int k = 0; k < key.Length; k++)
                    {
                        key[k] = Evaluator.Eval(order[k].Expression, rows[i], ctx);
                    }

                    keys[i] = key;
                }

                var index = new int[rows.Count];
                for (int i = 0; i < index.Length; i++)
                {
                    index[i] = i;
                }

                Array.Sort(index, (a, b) =>
                {
                    for (int k = 0; k < order.Count; k++)
                    {
                        int c = Values.OrderCompare(keys[a][k], keys[b][k]);
                        if (c != 0)
                        {
                            return order[k].Descending ? -c : c;
                        }
                    }

                    return a.CompareTo(b);
                });
                var sorted = new List<object?[]>(rows.Count);
                foreach (int i in index)
                {
                    sorted.Add(rows[i]);
                }

                rows = sorted;
            }

            long skip = Skip, limit = Limit;
            for (long i = skip; i < rows.Count && i - skip < limit; i++)
            {
                var r = rows[(int)i];
                if (Clause.Where is null || Evaluator.Predicate(Clause.Where, r, ctx) == true)
                {
                    Next!.Push(r);
                }
            }
        }

        /// <summary>Hands on one row of a streaming projection (no ORDER BY); false once LIMIT is reached.</summary>
        protected bool EmitStreaming(object?[] r)
        {
            if (_taken >= Limit)
            {
                return false;
            }

            if (Skip > 0)
            {
                _skip--;
                return true;
            }

            _taken++;
            if (Clause.Where is null || Evaluator.Predicate(Clause.Where, r, Owner._ctx) == true)
            {
                Next!.Push(r);
            }

            return _taken < Limit;
        }
    }

    /// <summary>RETURN or WITH without aggregates: streams unless it has ORDER BY.</summary>
    private sealed class ProjectOp : ProjectionBase
    {
        private readonly bool _canStop;
        private readonly object?[] _saved;
        private readonly object?[] _values;
        private readonly List<object?[]>? _held;

        public ProjectOp(Executor owner, ProjectionClause clause, bool canStop)
            : base(owner, clause)
        {
            _canStop = canStop;
            _saved = new object?[clause.Items.Count];
            _values = new object?[clause.Items.Count];
            _held = clause.OrderBy.Count > 0 ? [] : null;
        }

        public override void Push(object?[] row)
        {
            var ctx = Owner._ctx;
            var items = Clause.Items;

            // Every item reads the incoming row before any is written, as WITH a AS b, b AS a needs.
            for (int k = 0; k < items.Count; k++)
            {
                _values[k] = Evaluator.Eval(items[k].Expression, row, ctx);
            }

            if (_held is not null)
            {
                var copy = (object?[])row.Clone();
                for (int k = 0; k < items.Count; k++)
                {
                    copy[items[k].Slot] = _values[k];
                }

                if (IsNew(copy))
                {
                    _held.Add(copy);
                    Owner.CheckRows(_held.Count);
                }

                return;
            }

            // Streaming: the items go into the incoming row's own slots while it is handed on, and the
            // slots get their values back afterwards (later clauses see only the items; slots are never reused).
            for (int k = 0; k < items.Count; k++)
            {
                int slot = items[k].Slot;
                _saved[k] = row[slot];
                row[slot] = _values[k];
            }

            bool more;
            try
            {
                more = !IsNew(row) || EmitStreaming(row);
            }
            finally
            {
                for (int k = items.Count - 1; k >= 0; k--)
                {
                    row[items[k].Slot] = _saved[k];
                }
            }

            if (!more && _canStop)
            {
                throw new StopSignal(this);
            }
        }

        public override void Finish()
        {
            if (_held is not null)
            {
                EmitAll(_held);
            }
            else
            {
                _ = Skip + Limit; // SKIP and LIMIT are checked even when no row came.
            }

            base.Finish();
        }
    }

    /// <summary>RETURN or WITH with aggregates: groups by the other items, then behaves as a projection.</summary>
    /// <remarks>
    /// Groups are numbered in order of first appearance; the aggregates keep their state in arrays indexed by
    /// group number. One grouping key is looked up by its value, several by an array of values.
    /// </remarks>
    private sealed class AggregateOp : ProjectionBase
    {
        private readonly List<FunctionExpr> _aggregates;
        private readonly AggregateState[] _states;
        private readonly ProjectionItem[] _keyItems;
        private readonly ProjectionItem[] _aggregateItems;
        private readonly bool _needsFirst;
        private readonly Dictionary<object, int>? _byValue;
        private readonly Dictionary<object?[], int>? _byValues;
        private readonly List<object?> _singleKeys = [];
        private readonly List<object?[]> _keys = [];
        private readonly List<object?[]> _firsts = [];
        private int _nullGroup = -1;
        private int _groupCount;
        private object?[] _probe;
        private object?[] _lastKey;
        private int _last = -1;
        private int _batchSlot = -1;
        private bool _batchable;

        public AggregateOp(Executor owner, ProjectionClause clause, List<FunctionExpr> aggregates)
            : base(owner, clause)
        {
            _aggregates = aggregates;
            _states = aggregates.Select(a => new AggregateState(a, owner._ctx.Graph.EntityCount)).ToArray();
            _keyItems = clause.Items.Where(i => !Analyzer.ContainsAggregate(i.Expression)).ToArray();
            _aggregateItems = clause.Items.Where(i => Analyzer.ContainsAggregate(i.Expression)).ToArray();
            _probe = new object?[_keyItems.Length];
            _lastKey = new object?[_keyItems.Length];
            if (_keyItems.Length == 1)
            {
                _byValue = new(Values.KeyComparer.Instance);
            }
            else if (_keyItems.Length > 1)
            {
                _byValues = new(Values.KeyComparer.Instance);
            }

            // A group's first row is kept only when what is computed after grouping reads more than the keys.
            var keySlots = _keyItems.Select(i => i.Slot).ToHashSet();
            _needsFirst = _aggregateItems.Select(i => i.Expression).Concat(clause.OrderBy.Select(o => o.Expression)).Any(e => ReadsOtherThan(e, keySlots))
                || (clause.Where is not null && ReadsOtherThan(clause.Where, keySlots.Concat(_aggregateItems.Select(i => i.Slot)).ToHashSet()));
        }

        /// <summary>Whether an expression evaluated after grouping reads a slot outside <paramref name="slots"/> (aggregates read their own).</summary>
        private static bool ReadsOtherThan(Expr e, HashSet<int> slots) => e switch
        {
            FunctionExpr { IsAggregate: true, AggregateSlot: >= 0 } => false,
            VariableExpr v => !slots.Contains(v.Slot),
            PatternExpr or ComprehensionExpr => true,
            _ => Analyzer.Children(e).Any(c => ReadsOtherThan(c, slots)),
        };

        private static bool ReadsSlot(Expr e, int slot) =>
            e is VariableExpr { Slot: var s } ? s == slot : e is PatternExpr || e is ComprehensionExpr || Analyzer.Children(e).Any(c => ReadsSlot(c, slot));

        public override void Push(object?[] row)
        {
            var ctx = Owner._ctx;
            int g = GroupOf(row);
            foreach (var state in _states)
            {
                state.Add(g, row, ctx);
            }
        }

        /// <summary>
        /// Rows that differ only in one node: when no grouping key reads that slot and every aggregate is
        /// count(*) or count([DISTINCT] slot), they all fall in one group and are counted without binding the slot.
        /// </summary>
        public override void PushBatch(object?[] row, int slot, ReadOnlySpan<int> nodes)
        {
            if (_batchSlot != slot)
            {
                _batchSlot = slot;
                _batchable = _keyItems.All(i => !ReadsSlot(i.Expression, slot)) && _states.All(a => a.CountsNodesOf(slot));
            }

            if (!_batchable)
            {
                base.PushBatch(row, slot, nodes);
                return;
            }

            int g = GroupOf(row);
            foreach (var state in _states)
            {
                state.AddNodes(g, nodes);
            }
        }

        private int GroupOf(object?[] row)
        {
            var ctx = Owner._ctx;
            if (_byValue is not null)
            {
                // One key: rows of one group tend to arrive together (one input row's matches), so check the last group first.
                var v = Evaluator.Eval(_keyItems[0].Expression, row, ctx);
                if (_last >= 0 && Values.KeyComparer.Instance.Equals(v, _lastKey[0]))
                {
                    return _last;
                }

                int g;
                if (v is null)
                {
                    if (_nullGroup < 0)
                    {
                        _nullGroup = NewGroup(row);
                        _singleKeys.Add(null);
                    }

                    g = _nullGroup;
                }
                else
                {
                    // One hash to find the entry or add it.
                    ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byValue, v, out bool exists);
                    if (!exists)
                    {
                        slot = NewGroup(row);
                        _singleKeys.Add(v);
                    }

                    g = slot;
                }

                _lastKey[0] = v;
                return _last = g;
            }

            if (_byValues is null)
            {
                return _groupCount == 0 ? NewGroup(row) : 0;
            }

            for (int k = 0; k < _probe.Length; k++)
            {
                _probe[k] = Evaluator.Eval(_keyItems[k].Expression, row, ctx);
            }

            if (_last >= 0 && Values.KeyComparer.Instance.Equals(_probe, _lastKey))
            {
                return _last;
            }

            if (!_byValues.TryGetValue(_probe, out int group))
            {
                group = NewGroup(row);
                var key = (object?[])_probe.Clone();
                _keys.Add(key);
                _byValues[key] = group;
            }

            (_probe, _lastKey) = (_lastKey, _probe);
            return _last = group;
        }

        private int NewGroup(object?[] row)
        {
            int g = _groupCount++;
            Owner.CheckRows(_groupCount);
            foreach (var state in _states)
            {
                state.Grow(_groupCount);
            }

            if (_needsFirst)
            {
                _firsts.Add((object?[])row.Clone());
            }

            return g;
        }

        public override void Finish()
        {
            if (_groupCount == 0 && _keyItems.Length == 0)
            {
                NewGroup(new object?[Owner._width]);
            }

            // Without ORDER BY or DISTINCT the groups' rows go on one by one, through one reused row.
            var ctx = Owner._ctx;
            bool stream = Clause.OrderBy.Count == 0 && !Clause.Distinct;
            var buffer = stream && !_needsFirst ? new object?[Owner._width] : null;
            _ = Skip + Limit; // SKIP and LIMIT are checked even when no group came.
            var rows = new List<object?[]>(stream ? 0 : _groupCount);
            for (int g = 0; g < _groupCount; g++)
            {
                var r = _needsFirst ? _firsts[g] : buffer ?? new object?[Owner._width];
                if (_byValue is not null)
                {
                    r[_keyItems[0].Slot] = _singleKeys[g];
                }
                else if (_byValues is not null)
                {
                    for (int k = 0; k < _keyItems.Length; k++)
                    {
                        r[_keyItems[k].Slot] = _keys[g][k];
                    }
                }

                for (int k = 0; k < _aggregates.Count; k++)
                {
                    r[_aggregates[k].AggregateSlot] = _states[k].Result(g);
                }

                foreach (var item in _aggregateItems)
                {
                    r[item.Slot] = Evaluator.Eval(item.Expression, r, ctx);
                }

                if (stream)
                {
                    if (!EmitStreaming(r))
                    {
                        break;
                    }
                }
                else if (IsNew(r))
                {
                    rows.Add(r);
                }
            }

            foreach (var state in _states)
            {
                state.Release();
            }

            if (!stream)
            {
                EmitAll(rows);
            }

            base.Finish();
        }
    }

    /// <summary>The end of the pipeline: keeps the RETURN columns of each row (or, without RETURN, nothing).</summary>
    private sealed class Collector(Executor owner, int[]? slots) : Op(owner)
    {
        public List<object?[]> Rows { get; } = [];

        public override void Push(object?[] row)
        {
            if (slots is null)
            {
                return;
            }

            var r = new object?[slots.Length];
            for (int k = 0; k < slots.Length; k++)
            {
                r[k] = row[slots[k]];
            }

            Rows.Add(r);
            Owner.CheckRows(Rows.Count);
        }

        public override void Finish()
        {
        }
    }
}
