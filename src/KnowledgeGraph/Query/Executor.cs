namespace KnowledgeGraph.Query;

/// <summary>Runs an analysed query: each clause turns a stream of rows (arrays of slots) into another.</summary>
internal sealed class Executor
{
    private readonly ExecContext _ctx;
    private readonly int _width;
    private readonly Matcher _matcher;

    public Executor(ExecContext ctx, int width)
    {
        _ctx = ctx;
        _width = width;
        _matcher = new Matcher(ctx);
        ctx.Matcher = _matcher;
    }

    /// <summary>Runs CREATE, MERGE and SET clauses when running a script: the rows one input row (a copy) becomes.</summary>
    public Func<Clause, object?[], IEnumerable<object?[]>>? OnWrite { get; init; }

    /// <summary>When running a script: answers a MATCH clause itself (given the slots bound before it), or returns null to leave it to the matcher.</summary>
    public Func<MatchClause, IEnumerable<object?[]>, bool[], IEnumerable<object?[]>?>? OnMatch { get; init; }

    public (List<string> Columns, List<object?[]> Rows, List<int> Slots) Run(QueryAst ast)
    {
        List<string>? columns = null;
        var all = new List<object?[]>();
        List<int>? firstSlots = null;
        for (int p = 0; p < ast.Parts.Count; p++)
        {
            var (cols, rows, slots) = RunSingle(ast.Parts[p]);
            columns ??= cols;
            if (firstSlots is null)
            {
                firstSlots = slots;
                all.AddRange(rows.Select(r => slots.Select(s => r[s]).ToArray()));
            }
            else
            {
                all.AddRange(rows.Select(r => slots.Select(s => r[s]).ToArray()));
            }

            if (p > 0 && !ast.UnionAll[p - 1])
            {
                all = all.Distinct(Values.KeyComparer.Instance).ToList();
            }
        }

        columns ??= [];
        return (columns, all, Enumerable.Range(0, columns.Count).ToList());
    }

    private (List<string> Columns, List<object?[]> Rows, List<int> Slots) RunSingle(SingleQuery q)
    {
        IEnumerable<object?[]> rows = [new object?[_width]];
        var bound = new bool[_width];
        for (int ci = 0; ci < q.Clauses.Count; ci++)
        {
            var clause = q.Clauses[ci];
            switch (clause)
            {
                case MatchClause m:
                    if (OnMatch?.Invoke(m, rows, (bool[])bound.Clone()) is { } answered)
                    {
                        rows = answered;
                    }
                    else
                    {
                        bool distinctEnds = ci + 1 < q.Clauses.Count && q.Clauses[ci + 1] is ProjectionClause next && DuplicatesIrrelevant(m, next, bound);
                        rows = Match(m, rows, (bool[])bound.Clone(), distinctEnds);
                    }

                    MarkPatternSlots(m.Patterns, bound);
                    break;
                case UnwindClause u:
                    rows = Unwind(u, rows);
                    bound[u.Slot] = true;
                    break;
                case CreateClause c:
                    rows = Write(c, rows);
                    MarkPatternSlots(c.Patterns, bound);
                    break;
                case MergeClause mc:
                    rows = Write(mc, rows);
                    MarkPatternSlots([mc.Pattern], bound);
                    break;
                case SetClause sc:
                    rows = Write(sc, rows);
                    break;
                case ProjectionClause p:
                    rows = Project(p, rows);
                    Array.Clear(bound);
                    foreach (var item in p.Items)
                    {
                        bound[item.Slot] = true;
                    }

                    if (p.IsReturn)
                    {
                        return (p.Items.Select(i => i.Name).ToList(), Materialize(rows), p.Items.Select(i => i.Slot).ToList());
                    }

                    break;
            }
        }

        Materialize(rows);
        return ([], [], []);
    }

    private List<object?[]> Materialize(IEnumerable<object?[]> rows)
    {
        var list = new List<object?[]>();
        foreach (var r in rows)
        {
            _ctx.Cancellation.ThrowIfCancellationRequested();
            list.Add(r);
            CheckRows(list.Count);
        }

        return list;
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

    private IEnumerable<object?[]> Match(MatchClause m, IEnumerable<object?[]> input, bool[] preBound, bool distinctEnds)
    {
        var lookups = IdLookups(m, preBound);

        // Every consumer copies what it keeps, so the row arrays are reused from one input row to the next.
        var sink = new RowSink(this);
        Action<object?[]> emit = sink.Add;
        foreach (var row in input)
        {
            _ctx.Cancellation.ThrowIfCancellationRequested();
            sink.Count = 0;
            _matcher.MatchClauseRows(m, row, preBound, lookups, distinctEnds, emit);
            if (sink.Count == 0 && m.Optional)
            {
                yield return (object?[])row.Clone();
                continue;
            }

            for (int k = 0; k < sink.Count; k++)
            {
                yield return sink.Pool[k];
            }
        }
    }

    /// <summary>Collects the rows one input row matches into reused arrays.</summary>
    private sealed class RowSink(Executor owner)
    {
        public List<object?[]> Pool { get; } = [];

        public int Count { get; set; }

        public void Add(object?[] r)
        {
            if (Count == Pool.Count)
            {
                owner.CheckRows(Count + 1);
                Pool.Add(new object?[owner._width]);
            }

            Array.Copy(r, Pool[Count++], owner._width);
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

    private IEnumerable<object?[]> Unwind(UnwindClause u, IEnumerable<object?[]> input)
    {
        foreach (var row in input)
        {
            _ctx.Cancellation.ThrowIfCancellationRequested();
            var v = Evaluator.Eval(u.Source, row, _ctx);
            if (v is null)
            {
                continue;
            }

            if (v is not List<object?> list)
            {
                var single = (object?[])row.Clone();
                single[u.Slot] = v;
                yield return single;
                continue;
            }

            foreach (var item in list)
            {
                var r = (object?[])row.Clone();
                r[u.Slot] = item;
                yield return r;
            }
        }
    }

    private IEnumerable<object?[]> Write(Clause c, IEnumerable<object?[]> input)
    {
        if (OnWrite is null)
        {
            throw new QuerySemanticException("CREATE, MERGE and SET need a GraphBuilder; use CypherScript.Apply.", "UnsupportedClause");
        }

        foreach (var row in input)
        {
            _ctx.Cancellation.ThrowIfCancellationRequested();
            foreach (var r in OnWrite(c, (object?[])row.Clone()))
            {
                yield return r;
            }
        }
    }

    private IEnumerable<object?[]> Project(ProjectionClause p, IEnumerable<object?[]> input)
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

        List<object?[]> rows;
        if (aggregates.Count == 0)
        {
            rows = [];
            HashSet<object?[]>? seen = p.Distinct ? new(Values.KeyComparer.Instance) : null;
            foreach (var row in input)
            {
                _ctx.Cancellation.ThrowIfCancellationRequested();
                var r = (object?[])row.Clone();
                foreach (var item in p.Items)
                {
                    r[item.Slot] = Evaluator.Eval(item.Expression, row, _ctx);
                }

                if (seen is not null && !seen.Add(p.Items.Select(i => r[i.Slot]).ToArray()))
                {
                    continue;
                }

                rows.Add(r);
                CheckRows(rows.Count);
                if (p.OrderBy.Count == 0 && p.Skip is null && p.Limit is not null && rows.Count > Count(p.Limit, "LIMIT"))
                {
                    break;
                }
            }
        }
        else
        {
            rows = Aggregate(p, input, aggregates);
        }

        if (p.OrderBy.Count > 0)
        {
            var keys = rows.Select(r => p.OrderBy.Select(s => Evaluator.Eval(s.Expression, r, _ctx)).ToArray()).ToList();
            var order = Enumerable.Range(0, rows.Count).ToArray();
            Array.Sort(order, (a, b) =>
            {
                for (int k = 0; k < p.OrderBy.Count; k++)
                {
                    int c = Values.OrderCompare(keys[a][k], keys[b][k]);
                    if (c != 0)
                    {
                        return p.OrderBy[k].Descending ? -c : c;
                    }
                }

                return a.CompareTo(b);
            });
            rows = order.Select(i => rows[i]).ToList();
        }

        IEnumerable<object?[]> result = rows;
        if (p.Skip is not null)
        {
            result = result.Skip((int)Math.Min(int.MaxValue, Count(p.Skip, "SKIP")));
        }

        if (p.Limit is not null)
        {
            result = result.Take((int)Math.Min(int.MaxValue, Count(p.Limit, "LIMIT")));
        }

        if (p.Where is not null)
        {
            result = result.Where(r => Evaluator.Predicate(p.Where, r, _ctx) == true);
        }

        return result;
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

    private List<object?[]> Aggregate(ProjectionClause p, IEnumerable<object?[]> input, List<FunctionExpr> aggregates)
    {
        var keyItems = p.Items.Where(i => !Analyzer.ContainsAggregate(i.Expression)).ToList();
        var aggregateItems = p.Items.Where(i => Analyzer.ContainsAggregate(i.Expression)).ToList();
        var groups = new Dictionary<object?[], (object?[] First, Accumulator[] Acc)>(Values.KeyComparer.Instance);
        var order = new List<object?[]>();
        var probe = new object?[keyItems.Count];

        // Rows of one group tend to arrive together (one input row's matches): check the last group before hashing.
        var lastKey = new object?[keyItems.Count];
        (object?[] First, Accumulator[] Acc) g = ([], []);
        bool hasLast = false;
        foreach (var row in input)
        {
            _ctx.Cancellation.ThrowIfCancellationRequested();
            for (int k = 0; k < probe.Length; k++)
            {
                probe[k] = Evaluator.Eval(keyItems[k].Expression, row, _ctx);
            }

            if (hasLast && Values.KeyComparer.Instance.Equals(probe, lastKey))
            {
                // Same group as the previous row.
            }
            else if (!groups.TryGetValue(probe, out g))
            {
                var key = (object?[])probe.Clone();
                var first = (object?[])row.Clone();
                for (int k = 0; k < keyItems.Count; k++)
                {
                    first[keyItems[k].Slot] = key[k];
                }

                var accumulators = new Accumulator[aggregates.Count];
                for (int k = 0; k < accumulators.Length; k++)
                {
                    accumulators[k] = new Accumulator(aggregates[k]);
                }

                g = (first, accumulators);
                groups[key] = g;
                order.Add(key);
                CheckRows(order.Count);
            }

            (probe, lastKey) = (lastKey, probe);
            hasLast = true;

            var acc = g.Acc;
            for (int k = 0; k < acc.Length; k++)
            {
                acc[k].Add(row, _ctx);
            }
        }

        if (groups.Count == 0 && keyItems.Count == 0)
        {
            var empty = new object?[_width];
            groups[[]] = (empty, aggregates.Select(a => new Accumulator(a)).ToArray());
            order.Add([]);
        }

        var rows = new List<object?[]>(order.Count);
        HashSet<object?[]>? seen = p.Distinct ? new(Values.KeyComparer.Instance) : null;
        foreach (var key in order)
        {
            var (r, acc) = groups[key];
            for (int k = 0; k < aggregates.Count; k++)
            {
                r[aggregates[k].AggregateSlot] = acc[k].Result();
            }

            foreach (var item in aggregateItems)
            {
                r[item.Slot] = Evaluator.Eval(item.Expression, r, _ctx);
            }

            if (seen is not null && !seen.Add(p.Items.Select(i => r[i.Slot]).ToArray()))
            {
                continue;
            }

            rows.Add(r);
        }

        return rows;
    }

    private sealed class Accumulator(FunctionExpr f)
    {
        private readonly bool _isDistinct = f.Distinct;
        private readonly List<object?>? _items = f.Lower == "collect" ? [] : null;
        private HashSet<object?>? _distinct;
        private HashSet<int>? _distinctNodes;
        private readonly string _kind = string.Intern(f.Lower);
        private long _count;
        private object? _best;
        private long _sumInt;
        private double _sumFloat;
        private bool _isFloat;
        private bool _any;

        public void Add(object?[] row, ExecContext ctx)
        {
            if (f.Star)
            {
                _count++;
                return;
            }

            var v = Evaluator.Eval(f.Args[0], row, ctx);
            if (v is null)
            {
                return;
            }

            if (_isDistinct)
            {
                // A node equals only a node with the same index: nodes go to a set of ints.
                bool added = v is NodeRef node
                    ? (_distinctNodes ??= []).Add(node.Index)
                    : (_distinct ??= new(Values.KeyComparer.Instance)).Add(v);
                if (!added)
                {
                    return;
                }
            }

            _count++;
            if (ReferenceEquals(_kind, "count"))
            {
                return;
            }

            switch (_kind)
            {
                case "collect":
                    _items!.Add(v);
                    break;
                case "min":
                    if (_best is null || Values.OrderCompare(v, _best) < 0)
                    {
                        _best = v;
                    }

                    break;
                case "max":
                    if (_best is null || Values.OrderCompare(v, _best) > 0)
                    {
                        _best = v;
                    }

                    break;
                case "sum":
                case "avg":
                    _any = true;
                    if (v is long l && !_isFloat)
                    {
                        try
                        {
                            _sumInt = checked(_sumInt + l);
                        }
                        catch (OverflowException)
                        {
                            throw new QueryTypeException("Integer overflow in " + f.Name + "().", "IntegerOverflow", "ArithmeticError");
                        }
                    }
                    else if (v is long or double)
                    {
                        if (!_isFloat)
                        {
                            _isFloat = true;
                            _sumFloat = _sumInt;
                        }

                        _sumFloat += Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        throw new QueryTypeException($"{f.Name}() needs numbers; found {Values.TypeName(v)}.", "InvalidArgumentType");
                    }

                    break;
                case "count":
                    break;
                default:
                    throw new QuerySemanticException($"Aggregate {f.Name}() is not supported.", "UnknownFunction");
            }
        }

        public object? Result() => f.Lower switch
        {
            "count" => _count,
            "collect" => _items,
            "min" or "max" => _best,
            "sum" => _isFloat ? (object)_sumFloat : _sumInt,
            "avg" => !_any ? null : (_isFloat ? _sumFloat : _sumInt) / (double)_count,
            _ => null,
        };
    }
}
