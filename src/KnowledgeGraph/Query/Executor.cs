namespace KnowledgeGraph.Query;

/// <summary>
/// Runs an analysed query as a push pipeline: each clause is an operator that receives rows (arrays of
/// slots) one at a time and hands its own rows to the next. Rows stream through MATCH, UNWIND and plain
/// projections without being copied; only operators that must hold rows (grouping, ORDER BY, DISTINCT,
/// the result) copy what they keep. An operator may set one of its own slots in a row it receives while
/// it hands that row on, and restores it afterwards; it never keeps a row it did not copy.
/// </summary>
internal sealed partial class Executor
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
        ctx.Subqueries = Exists;
    }

    /// <summary>Runs CREATE, MERGE, SET and DELETE clauses when running a script: the rows one input row (a copy) becomes.</summary>
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
        List<string> columns = [];
        var ops = BuildOps(q, new bool[_width], ref columns, out var result);
        if (result is null)
        {
            ops.Add(new Collector(this, null));
        }

        Run(ops);
        return (columns, result?.Rows ?? []);
    }

    /// <summary>
    /// The operators of a query part, given the slots bound before it; <paramref name="result"/> is the collector
    /// of its RETURN (or standalone CALL), the last operator, or null when the part ends without one.
    /// </summary>
    private List<Op> BuildOps(SingleQuery q, bool[] bound, ref List<string> columns, out Collector? result)
    {
        var ops = new List<Op>();
        result = null;
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
                case SetClause or DeleteClause:
                    ops.Add(clause is DeleteClause ? new EagerWriteOp(this, clause) : new WriteOp(this, clause));
                    writes = true;
                    break;
                case CallClause call:
                    ops.Add(new CallOp(this, call));
                    foreach (var y in call.Yields!)
                    {
                        bound[y.Slot] = true;
                    }

                    if (call.Standalone)
                    {
                        columns = call.Yields.Select(y => y.Variable).ToList();
                        result = new Collector(this, call.Yields.Select(y => y.Slot).ToArray());
                        ops.Add(result);
                    }

                    break;
                case ProjectionClause p:
                    result = AddProjection(ops, p, bound, writes, ref columns);
                    break;
            }

            if (result is not null)
            {
                break;
            }
        }

        return ops;
    }

    /// <summary>
    /// Adds the operators of a WITH or RETURN: a projection, or a grouping when it aggregates; for RETURN also
    /// the collector of the result, which it gives back (null for WITH).
    /// </summary>
    private Collector? AddProjection(List<Op> ops, ProjectionClause p, bool[] bound, bool writes, ref List<string> columns)
    {
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

        if (!p.IsReturn)
        {
            return null;
        }

        columns = p.Items.Select(i => i.Name).ToList();
        var result = new Collector(this, p.Items.Select(i => i.Slot).ToArray());
        ops.Add(result);
        return result;
    }

    /// <summary>Chains the operators and pushes one empty row through them, finishing each in turn.</summary>
    private void Run(List<Op> ops, object?[]? start = null)
    {
        for (int k = 0; k + 1 < ops.Count; k++)
        {
            ops[k].Next = ops[k + 1];
        }

        // An operator that has all the rows it wants (LIMIT) stops the operators before it by throwing
        // a signal; the run resumes by finishing the operators after it. A signal from the last one ends the run.
        Op? resume = null;
        while (true)
        {
            try
            {
                if (resume is null)
                {
                    ops[0].Push(start ?? new object?[_width]);
                    ops[0].Finish();
                }
                else
                {
                    resume.Next!.Finish();
                }

                break;
            }
            catch (StopSignal stop) when (stop.Op.Next is not null)
            {
                resume = stop.Op;
            }
            catch (StopSignal)
            {
                break;
            }
        }
    }

    private void CheckRows(int count)
    {
        if (count > _ctx.Options.MaxRows)
        {
            throw QueryErrors.TooManyRows(_ctx.Options.MaxRows);
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
            else if (e is ExistsExpr ex)
            {
                referenced.UnionWith(ex.OuterSlots);
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
            throw QueryErrors.NotAnInteger(clause, v, known: true);
        }

        if (n < 0)
        {
            throw QueryErrors.Negative(clause, n);
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
}
