namespace KnowledgeGraph.Query;

/// <summary>CALL: runs the procedure once per row and binds what YIELD names.</summary>
internal sealed partial class Executor
{
    /// <summary>
    /// Per input row: the arguments, converted to the declared types, go to the procedure in their public form;
    /// each row it returns binds the yielded outputs (and passes WHERE). A void procedure hands its input row
    /// on once, inside a query, and nothing when it stands alone.
    /// </summary>
    private sealed class CallOp(Executor owner, CallClause clause) : Op(owner)
    {
        public override void Push(object?[] row)
        {
            var ctx = Owner._ctx;
            ctx.Cancellation.ThrowIfCancellationRequested();
            var p = clause.Procedure!;
            var args = new object?[p.Parameters.Length];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = Argument(p, p.Parameters[i], Evaluator.Eval(clause.Arguments![i], row, ctx), ctx.Graph);
            }

            var rows = p.Invoke(args);
            if (p.Outputs.Length == 0)
            {
                foreach (var _ in rows)
                {
                    ctx.Cancellation.ThrowIfCancellationRequested();
                }

                if (!clause.Standalone)
                {
                    Next!.Push(row);
                }

                return;
            }

            var yields = clause.Yields!;
            var saved = yields.Select(y => row[y.Slot]).ToArray();
            foreach (var output in rows)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                if (output is null || output.Count != p.Outputs.Length)
                {
                    throw QueryErrors.ProcedureRowShape(p, output?.Count ?? 0);
                }

                foreach (var y in yields)
                {
                    row[y.Slot] = Values.FromClr(output[y.OutputIndex], ctx.Graph);
                }

                if (clause.Where is null || Evaluator.Predicate(clause.Where, row, ctx) == true)
                {
                    Next!.Push(row);
                }
            }

            for (int k = 0; k < yields.Count; k++)
            {
                row[yields[k].Slot] = saved[k];
            }
        }

        /// <summary>An argument in its public form, an integer widened for a FLOAT argument; a value of another type is refused.</summary>
        private static object? Argument(QueryProcedure p, ProcedureField field, object? v, Graph graph)
        {
            if (!Analyzer.Accepts(field.Type, v))
            {
                throw QueryErrors.ProcedureArgument(p, field, v);
            }

            return field.Type == ProcedureFieldType.Float && v is long l ? (double)l : QueryResult.ToPublic(v, graph);
        }
    }
}
