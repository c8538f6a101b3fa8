namespace KnowledgeGraph.Query;

/// <summary>The grouping projection: aggregation into groups, and counting batched last steps directly.</summary>
internal sealed partial class Executor
{
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
            PatternExpr or ComprehensionExpr or ExistsExpr => true,
            _ => Analyzer.Children(e).Any(c => ReadsOtherThan(c, slots)),
        };

        private static bool ReadsSlot(Expr e, int slot) =>
            e is VariableExpr { Slot: var s } ? s == slot : e is PatternExpr || e is ComprehensionExpr || e is ExistsExpr || Analyzer.Children(e).Any(c => ReadsSlot(c, slot));

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
}
