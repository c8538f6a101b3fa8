namespace KnowledgeGraph.Query;

/// <summary>The clause operators of the push pipeline: each clause pushes rows to the next, and a stop signal ends the clauses before a LIMIT.</summary>
internal sealed partial class Executor
{
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

    /// <summary>CREATE, MERGE or SET (and REMOVE), run by the script runner (see <see cref="OnWrite"/>) row by row.</summary>
    private sealed class WriteOp(Executor owner, Clause clause) : Op(owner)
    {
        public override void Push(object?[] row)
        {
            var onWrite = Owner.OnWrite ?? throw QueryErrors.WritesNeedBuilder();
            Owner._ctx.Cancellation.ThrowIfCancellationRequested();
            foreach (var r in onWrite(clause, (object?[])row.Clone()))
            {
                Next!.Push(r);
            }
        }
    }

    /// <summary>
    /// DELETE, run by the script runner (see <see cref="OnWrite"/>) for every row before any row goes on: the
    /// clauses after it see every deletion (a MERGE after it cannot match what it deleted on a later row).
    /// </summary>
    private sealed class EagerWriteOp(Executor owner, Clause clause) : Op(owner)
    {
        private readonly List<object?[]> _rows = [];

        public override void Push(object?[] row)
        {
            _rows.Add((object?[])row.Clone());
            Owner.CheckRows(_rows.Count);
        }

        public override void Finish()
        {
            var onWrite = Owner.OnWrite ?? throw QueryErrors.WritesNeedBuilder();
            var output = new List<object?[]>(_rows.Count);
            foreach (var row in _rows)
            {
                Owner._ctx.Cancellation.ThrowIfCancellationRequested();
                output.AddRange(onWrite(clause, row));
            }

            _rows.Clear();
            foreach (var row in output)
            {
                Next!.Push(row);
            }

            Next!.Finish();
        }
    }
}
