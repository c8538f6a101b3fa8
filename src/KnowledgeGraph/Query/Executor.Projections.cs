namespace KnowledgeGraph.Query;

/// <summary>Projections (WITH, RETURN): items written into the row they hand on, DISTINCT, ORDER BY, SKIP and LIMIT, and the result collector.</summary>
internal sealed partial class Executor
{
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
