namespace KnowledgeGraph.Query;

internal enum VarKind
{
    Any,
    Node,
    Relationship,
    RelationshipList,
    Path,
    Value,
}

/// <summary>Resolves variables to row slots and checks the query's meaning before it runs.</summary>
internal sealed partial class Analyzer
{
    private readonly bool _allowWrites;
    private readonly QueryOptions _options;
    private readonly string _text;
    private Dictionary<string, (int Slot, VarKind Kind)> _scope = new(StringComparer.Ordinal);
    private Dictionary<string, (int Slot, VarKind Kind)>? _aggregateScope;

    private Analyzer(bool allowWrites, string text, QueryOptions options)
    {
        _allowWrites = allowWrites;
        _options = options;
        _text = text;
    }

    public int SlotCount { get; private set; }

    /// <summary>
    /// Resolves and checks a query; <paramref name="allowWrites"/> admits CREATE, MERGE, SET, REMOVE and DELETE (scripts only), and
    /// CALL finds its procedures in <paramref name="options"/>.
    /// </summary>
    public static int Analyze(QueryAst ast, bool allowWrites, QueryOptions? options = null)
    {
        var a = new Analyzer(allowWrites, ast.Text, options ?? QueryOptions.Default);
        List<string>? columns = null;
        foreach (var part in ast.Parts)
        {
            a._scope = new(StringComparer.Ordinal);
            var cols = a.AnalyzeSingle(part, subquery: false);
            if (columns is not null && (cols is null || !columns.SequenceEqual(cols)))
            {
                throw QueryErrors.DifferentColumnsInUnion();
            }

            columns = cols;
        }

        return a.SlotCount;
    }

    private List<string>? AnalyzeSingle(SingleQuery q, bool subquery)
    {
        for (int i = 0; i < q.Clauses.Count; i++)
        {
            var clause = q.Clauses[i];
            switch (clause)
            {
                case MatchClause m:
                    var declared = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var p in m.Patterns)
                    {
                        DeclarePattern(p, declared);
                    }

                    if (m.Where is not null)
                    {
                        Resolve(m.Where, aggregatesAllowed: false);
                    }

                    break;
                case UnwindClause u:
                    Resolve(u.Source, false);
                    if (_scope.ContainsKey(u.Variable))
                    {
                        throw QueryErrors.VariableAlreadyBound(u.Variable);
                    }

                    u.Slot = Declare(u.Variable, VarKind.Any);
                    break;
                case CreateClause or MergeClause or SetClause or DeleteClause:
                    AnalyzeWrite(clause);
                    break;
                case CallClause call:
                    AnalyzeCall(call);
                    if (call.Standalone)
                    {
                        return call.Yields!.Select(y => y.Variable).ToList();
                    }

                    break;
                case ProjectionClause p:
                    AnalyzeProjection(p);
                    if (p.IsReturn)
                    {
                        return p.Items.Select(x => x.Name).ToList();
                    }

                    break;
            }
        }

        if (!subquery && q.Clauses[^1] is not (CreateClause or MergeClause or SetClause or DeleteClause))
        {
            throw QueryErrors.MissingReturn();
        }

        return null;
    }

    /// <summary>CREATE, MERGE, SET (and REMOVE) or DELETE: refused unless writes are allowed, then resolved.</summary>
    private void AnalyzeWrite(Clause clause)
    {
        switch (clause)
        {
            case CreateClause c:
                if (!_allowWrites)
                {
                    throw QueryErrors.CreateOnReadOnlyGraph();
                }

                foreach (var p in c.Patterns)
                {
                    DeclareCreate(p);
                }

                break;
            case MergeClause mc:
                CheckWritesAllowed("MERGE");
                DeclareMerge(mc);
                ResolveSetItems(mc.OnCreate);
                ResolveSetItems(mc.OnMatch);
                break;
            case SetClause sc:
                CheckWritesAllowed(sc.Name);
                ResolveSetItems(sc.Items);
                break;
            case DeleteClause d:
                CheckWritesAllowed(d.Name);
                ResolveDelete(d);
                break;
        }
    }

    private void AnalyzeProjection(ProjectionClause p)
    {
        var old = _scope;
        if (p.Star)
        {
            ExpandStar(p, old);
        }

        bool aggregating = false;
        foreach (var item in p.Items)
        {
            aggregating |= Resolve(item.Expression, aggregatesAllowed: true);
        }

        if (aggregating)
        {
            CheckOrderByAmbiguity(p);
        }

        CheckColumns(p);
        var keyTexts = new HashSet<string>(p.Items.Where(i => !ContainsAggregate(i.Expression)).Select(i => Text(i.Expression)), StringComparer.Ordinal);
        if (aggregating)
        {
            foreach (var item in p.Items.Where(i => ContainsAggregate(i.Expression)))
            {
                CheckAmbiguousAggregation(item.Expression, keyTexts);
            }
        }

        var next = ProjectedScope(p, old);
        AnalyzeOrderBy(p, old, next, aggregating);
        _scope = next;
        if (p.Skip is not null)
        {
            CheckConstant(p.Skip, "SKIP");
        }

        if (p.Limit is not null)
        {
            CheckConstant(p.Limit, "LIMIT");
        }

        if (p.Where is not null)
        {
            Resolve(p.Where, false);
        }
    }

    /// <summary><c>RETURN *</c> / <c>WITH *</c>: the variables in scope, in ordinal order, before the listed items.</summary>
    private static void ExpandStar(ProjectionClause p, Dictionary<string, (int Slot, VarKind Kind)> scope)
    {
        var names = scope.Keys.Where(k => !k.StartsWith("  ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        // WITH * of no variables passes the rows on (after CREATE () there is nothing to name); RETURN * must return something.
        if (names.Count == 0 && p.Items.Count == 0 && p.IsReturn)
        {
            throw QueryErrors.NoVariablesInScope();
        }

        p.Items.InsertRange(0, names.Select(n => new ProjectionItem(new VariableExpr(n), null, n)));
    }

    /// <summary>Column names are unique, and every WITH item that is not a variable has an alias.</summary>
    private static void CheckColumns(ProjectionClause p)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in p.Items)
        {
            if (!seen.Add(item.Name))
            {
                throw QueryErrors.ColumnNameConflict(item.Name);
            }

            if (!p.IsReturn && item.Alias is null && item.Expression is not VariableExpr)
            {
                throw QueryErrors.NoExpressionAlias(item.Text);
            }
        }
    }

    /// <summary>The scope after a projection: one new slot per item, of the kind its expression has.</summary>
    private Dictionary<string, (int Slot, VarKind Kind)> ProjectedScope(ProjectionClause p, Dictionary<string, (int Slot, VarKind Kind)> old)
    {
        var next = new Dictionary<string, (int Slot, VarKind Kind)>(StringComparer.Ordinal);
        foreach (var item in p.Items)
        {
            var kind = item.Expression switch
            {
                VariableExpr v when old.TryGetValue(v.Name, out var info) => info.Kind,
                LiteralExpr or ListExpr or MapExpr or BinaryExpr or UnaryExpr or IsNullExpr => VarKind.Value,
                _ => VarKind.Any,
            };
            int slot = SlotCount++;
            item.Slot = slot;
            next[item.Name] = (slot, kind);
        }

        return next;
    }

    /// <summary>
    /// ORDER BY sees the projected names and, unless projecting distinct or aggregated rows, the old variables too;
    /// over distinct or aggregated rows a sort key that repeats an item is read from that item's column.
    /// </summary>
    private void AnalyzeOrderBy(ProjectionClause p, Dictionary<string, (int Slot, VarKind Kind)> old, Dictionary<string, (int Slot, VarKind Kind)> next, bool aggregating)
    {
        var orderScope = new Dictionary<string, (int Slot, VarKind Kind)>(old, StringComparer.Ordinal);
        foreach (var kv in next)
        {
            orderScope[kv.Key] = kv.Value;
        }

        bool restricted = aggregating || p.Distinct;
        _scope = restricted ? next : orderScope;
        _aggregateScope = orderScope;
        foreach (var s in p.OrderBy)
        {
            if (restricted)
            {
                string text = Text(s.Expression);
                var same = p.Items.FirstOrDefault(i => Text(i.Expression) == text || (i.Alias is not null && i.Alias == text));
                if (same is not null)
                {
                    s.Expression = new VariableExpr(same.Name) { Start = s.Expression.Start, End = s.Expression.End };
                }
                else if (aggregating && ContainsAggregate(s.Expression))
                {
                    CheckOrderAggregation(s.Expression, p, next);
                    _scope = orderScope;
                }
                else
                {
                    s.Expression = ReadProjectedParts(s.Expression, p);
                }
            }

            Resolve(s.Expression, aggregatesAllowed: aggregating);
            _scope = restricted ? next : orderScope;
        }

        _aggregateScope = null;
    }

    private string Text(Expr e) => e.End > e.Start && e.End <= _text.Length ? _text[e.Start..e.End].Trim() : string.Empty;

    /// <summary>An expression mixing an aggregate with a variable that is not a grouping key (count(*) + n.x) is ambiguous.</summary>
    private void CheckAmbiguousAggregation(Expr e, HashSet<string> keyTexts)
    {
        if (e is FunctionExpr { IsAggregate: true } || e is LiteralExpr or ParameterExpr || (e is VariableExpr or PropertyExpr && keyTexts.Contains(Text(e))))
        {
            return;
        }

        if (e is VariableExpr)
        {
            throw QueryErrors.NotAGroupingKey(Text(e));
        }

        foreach (var c in Children(e))
        {
            CheckAmbiguousAggregation(c, keyTexts);
        }
    }

    private void CheckOrderAggregation(Expr e, ProjectionClause p, Dictionary<string, (int Slot, VarKind Kind)> next)
    {
        if (e is FunctionExpr { IsAggregate: true } aggregate)
        {
            // The same aggregate as a projected item reads that column; any other may read only projected columns.
            if (!p.Items.Any(i => Text(i.Expression) == Text(aggregate)))
            {
                CheckOrderAggregateReadsColumns(aggregate, next);
            }

            return;
        }

        if (e is VariableExpr or PropertyExpr && p.Items.Any(i => Text(i.Expression) == Text(e)))
        {
            return;
        }

        if (e is VariableExpr v)
        {
            if (!next.ContainsKey(v.Name))
            {
                throw QueryErrors.UndefinedVariable(v.Name, "ORDER BY after an aggregation sees only the projected columns");
            }

            return;
        }

        if (p.Items.Any(i => Text(i.Expression) == Text(e)))
        {
            throw QueryErrors.AggregateInOrderBy(Text(e));
        }

        foreach (var c in Children(e))
        {
            CheckOrderAggregation(c, p, next);
        }
    }

    public static bool ContainsAggregate(Expr e) =>
        e is FunctionExpr { IsAggregate: true } || Children(e).Any(ContainsAggregate);
}
