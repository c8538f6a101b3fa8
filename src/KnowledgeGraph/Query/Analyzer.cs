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
internal sealed class Analyzer
{
    private readonly bool _allowWrites;
    private readonly string _text;
    private Dictionary<string, (int Slot, VarKind Kind)> _scope = new(StringComparer.Ordinal);
    private Dictionary<string, (int Slot, VarKind Kind)>? _aggregateScope;

    private Analyzer(bool allowWrites, string text)
    {
        _allowWrites = allowWrites;
        _text = text;
    }

    public int SlotCount { get; private set; }

    /// <summary>Resolves and checks a query; <paramref name="allowWrites"/> admits CREATE, MERGE and SET (scripts only).</summary>
    public static int Analyze(QueryAst ast, bool allowWrites)
    {
        var a = new Analyzer(allowWrites, ast.Text);
        List<string>? columns = null;
        foreach (var part in ast.Parts)
        {
            a._scope = new(StringComparer.Ordinal);
            var cols = a.AnalyzeSingle(part);
            if (columns is not null && (cols is null || !columns.SequenceEqual(cols)))
            {
                throw new QuerySemanticException("All parts of a UNION must return the same columns.", "DifferentColumnsInUnion");
            }

            columns = cols;
        }

        return a.SlotCount;
    }

    private List<string>? AnalyzeSingle(SingleQuery q)
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
                        throw new QuerySemanticException($"Variable `{u.Variable}` already declared.", "VariableAlreadyBound");
                    }

                    u.Slot = Declare(u.Variable, VarKind.Any);
                    break;
                case CreateClause c:
                    if (!_allowWrites)
                    {
                        throw new QuerySemanticException("CREATE is not allowed here: a Graph is immutable; apply CREATE to a GraphBuilder with CypherScript.Apply.", "UnsupportedClause");
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
                case ProjectionClause p:
                    AnalyzeProjection(p);
                    if (p.IsReturn)
                    {
                        return p.Items.Select(x => x.Name).ToList();
                    }

                    break;
            }
        }

        if (q.Clauses[^1] is not (CreateClause or MergeClause or SetClause))
        {
            throw new QuerySemanticException("A query must end with RETURN (or, in a script, CREATE, MERGE or SET).", "InvalidClauseComposition");
        }

        return null;
    }

    private int Declare(string name, VarKind kind)
    {
        int slot = SlotCount++;
        _scope[name] = (slot, kind);
        return slot;
    }

    private void DeclarePattern(PatternPart p, HashSet<string> declaredHere)
    {
        foreach (var n in p.Nodes)
        {
            n.Slot = DeclareNode(n.Variable!);
            if (n.Properties is ParameterExpr)
            {
                throw new QuerySemanticException("A parameter cannot be used as a node's properties in MATCH; write {key: $param}.", "InvalidParameterUse");
            }

            if (n.Properties is not null)
            {
                Resolve(n.Properties, false);
            }
        }

        foreach (var r in p.Rels)
        {
            var kind = r.VarLength ? VarKind.RelationshipList : VarKind.Relationship;
            if (_scope.TryGetValue(r.Variable!, out var existing))
            {
                if (existing.Kind is VarKind.Node or VarKind.Path || (existing.Kind == VarKind.Value && !r.VarLength) || (existing.Kind == VarKind.Relationship && r.VarLength))
                {
                    throw new QuerySemanticException($"Variable `{r.Variable}` is a {existing.Kind} and cannot be used as a relationship.", "VariableTypeConflict");
                }

                if (declaredHere.Contains(r.Variable!))
                {
                    throw new QuerySemanticException($"Cannot use the same relationship variable `{r.Variable}` twice in one MATCH.", "RelationshipUniquenessViolation");
                }

                r.Slot = existing.Slot;
            }
            else
            {
                r.Slot = Declare(r.Variable!, kind);
                declaredHere.Add(r.Variable!);
            }

            if (r.Properties is ParameterExpr)
            {
                throw new QuerySemanticException("A parameter cannot be used as a relationship's properties in MATCH; write {key: $param}.", "InvalidParameterUse");
            }

            if (r.Properties is not null)
            {
                Resolve(r.Properties, false);
            }

            if (r.Min is long min && r.Max is long max && min > max)
            {
                // Legal, matches nothing.
            }
        }

        if (p.PathVariable is not null)
        {
            if (_scope.ContainsKey(p.PathVariable))
            {
                throw new QuerySemanticException($"Variable `{p.PathVariable}` already declared.", "VariableAlreadyBound");
            }

            p.PathSlot = Declare(p.PathVariable, VarKind.Path);
        }
    }

    private int DeclareNode(string name)
    {
        if (_scope.TryGetValue(name, out var existing))
        {
            if (existing.Kind is VarKind.Relationship or VarKind.RelationshipList or VarKind.Path or VarKind.Value)
            {
                throw new QuerySemanticException($"Variable `{name}` is a {existing.Kind} and cannot be used as a node.", "VariableTypeConflict");
            }

            return existing.Slot;
        }

        return Declare(name, VarKind.Node);
    }

    private void DeclareCreate(PatternPart p)
    {
        foreach (var n in p.Nodes)
        {
            if (_scope.TryGetValue(n.Variable!, out var existing))
            {
                if (n.Labels.Count > 0 || n.Properties is not null || p.Rels.Count == 0)
                {
                    throw new QuerySemanticException($"Variable `{n.Variable}` already declared.", "VariableAlreadyBound");
                }

                n.Slot = existing.Slot;
            }
            else
            {
                n.Slot = Declare(n.Variable!, VarKind.Node);
            }

            if (n.Properties is not null)
            {
                Resolve(n.Properties, false);
            }
        }

        foreach (var n in p.Nodes)
        {
            foreach (var l in n.Labels)
            {
                CheckName(l, "label");
            }
        }

        foreach (var r in p.Rels)
        {
            if (r.Types.Count != 1 || r.Direction == RelDirection.Both || r.VarLength)
            {
                throw new QuerySemanticException("CREATE needs each relationship to have one type and a direction.", r.VarLength ? "CreatingVarLength" : r.Types.Count != 1 ? "NoSingleRelationshipType" : "RequiresDirectedRelationship");
            }

            CheckName(r.Types[0], "relationship type");

            if (_scope.ContainsKey(r.Variable!))
            {
                throw new QuerySemanticException($"Variable `{r.Variable}` already declared.", "VariableAlreadyBound");
            }

            r.Slot = Declare(r.Variable!, VarKind.Relationship);
            if (r.Properties is not null)
            {
                Resolve(r.Properties, false);
            }
        }

        if (p.PathVariable is not null)
        {
            p.PathSlot = Declare(p.PathVariable, VarKind.Path);
        }
    }

    private void CheckWritesAllowed(string clause)
    {
        if (!_allowWrites)
        {
            throw new QuerySemanticException($"{clause} is not allowed here: a Graph is immutable; run writes (CREATE, MERGE, SET) against a GraphBuilder with CypherScript.Apply, or load a script with CypherScript.Load.", "UnsupportedClause");
        }
    }

    private static void CheckName(string name, string what)
    {
        if (!Names.IsValidLabel(name))
        {
            throw new QuerySemanticException($"The {what} `{name}` cannot be stored: {what}s must be non-empty names without whitespace or control characters.", "InvalidName", "SemanticError");
        }
    }

    private void DeclareMerge(MergeClause m)
    {
        var p = m.Pattern;
        if (p.Shortest != ShortestKind.None)
        {
            throw new QuerySemanticException("MERGE cannot use shortestPath or allShortestPaths.", "InvalidRelationshipPattern");
        }

        if (p.PathVariable is not null)
        {
            throw new QuerySemanticException($"MERGE does not bind a path variable (`{p.PathVariable}`); name the nodes and relationships instead.", "InvalidRelationshipPattern");
        }

        var declaredHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in p.Nodes)
        {
            if (_scope.TryGetValue(n.Variable!, out var existing) && !declaredHere.Contains(n.Variable!))
            {
                if (n.Labels.Count > 0 || n.Properties is not null || p.Rels.Count == 0)
                {
                    throw new QuerySemanticException($"Variable `{n.Variable}` already declared; MERGE can reuse a bound node only without labels or properties, in a pattern with a relationship.", "VariableAlreadyBound");
                }

                if (existing.Kind is VarKind.Relationship or VarKind.RelationshipList or VarKind.Path or VarKind.Value)
                {
                    throw new QuerySemanticException($"Variable `{n.Variable}` is a {existing.Kind} and cannot be used as a node.", "VariableTypeConflict");
                }

                n.Slot = existing.Slot;
                m.BoundBefore.Add(n.Slot);
            }
            else if (declaredHere.Contains(n.Variable!))
            {
                n.Slot = _scope[n.Variable!].Slot;
            }
            else
            {
                n.Slot = Declare(n.Variable!, VarKind.Node);
                declaredHere.Add(n.Variable!);
            }

            foreach (var l in n.Labels)
            {
                CheckName(l, "label");
            }
        }

        foreach (var r in p.Rels)
        {
            if (r.Types.Count != 1 || r.VarLength)
            {
                throw new QuerySemanticException("MERGE needs each relationship to have exactly one type and no variable length.", r.VarLength ? "CreatingVarLength" : "NoSingleRelationshipType");
            }

            CheckName(r.Types[0], "relationship type");
            if (_scope.ContainsKey(r.Variable!))
            {
                throw new QuerySemanticException($"Variable `{r.Variable}` already declared.", "VariableAlreadyBound");
            }

            r.Slot = Declare(r.Variable!, VarKind.Relationship);
        }

        foreach (var n in p.Nodes)
        {
            ResolveWriteProperties(n.Properties, "MERGE", "node");
        }

        foreach (var r in p.Rels)
        {
            ResolveWriteProperties(r.Properties, "MERGE", "relationship");
        }
    }

    private void ResolveWriteProperties(Expr? properties, string clause, string what)
    {
        if (properties is ParameterExpr)
        {
            throw new QuerySemanticException($"A parameter cannot be used as a {what}'s properties in {clause}; write {{key: $param}}.", "InvalidParameterUse");
        }

        if (properties is not null)
        {
            Resolve(properties, false);
        }
    }

    private void ResolveSetItems(List<SetItem> items)
    {
        foreach (var item in items)
        {
            if (!_scope.TryGetValue(item.Target.Name, out var info))
            {
                throw new QuerySemanticException($"Variable `{item.Target.Name}` not defined.", "UndefinedVariable");
            }

            if (info.Kind is VarKind.Path or VarKind.RelationshipList or VarKind.Value)
            {
                throw new QuerySemanticException($"SET needs a node or a relationship; `{item.Target.Name}` is a {(info.Kind == VarKind.RelationshipList ? "list of relationships" : info.Kind.ToString().ToLowerInvariant())}.", "InvalidArgumentType");
            }

            if (item.Kind is SetKind.Labels or SetKind.RemoveLabels)
            {
                if (info.Kind == VarKind.Relationship)
                {
                    throw new QuerySemanticException($"SET {item.Target.Name}:{item.Labels[0]}: only nodes have labels; `{item.Target.Name}` is a relationship.", "InvalidArgumentType");
                }

                foreach (var l in item.Labels)
                {
                    CheckName(l, "label");
                }
            }

            if (item.Key is { Length: 0 })
            {
                throw new QuerySemanticException("SET needs a non-empty property name.", "InvalidName", "SemanticError");
            }

            item.Target.Slot = info.Slot;
            if (item.Value is not null)
            {
                Resolve(item.Value, aggregatesAllowed: false);
            }
        }
    }

    private void AnalyzeProjection(ProjectionClause p)
    {
        var old = _scope;
        if (p.Star)
        {
            var names = old.Keys.Where(k => !k.StartsWith("  ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            if (names.Count == 0 && p.Items.Count == 0)
            {
                throw new QuerySemanticException("RETURN * needs at least one variable in scope.", "NoVariablesInScope");
            }

            p.Items.InsertRange(0, names.Select(n => new ProjectionItem(new VariableExpr(n), null, n)));
        }

        bool aggregating = false;
        foreach (var item in p.Items)
        {
            aggregating |= Resolve(item.Expression, aggregatesAllowed: true);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in p.Items)
        {
            if (!seen.Add(item.Name))
            {
                throw new QuerySemanticException($"Multiple result columns with the same name `{item.Name}`.", "ColumnNameConflict");
            }

            if (!p.IsReturn && item.Alias is null && item.Expression is not VariableExpr)
            {
                throw new QuerySemanticException($"Expression `{item.Text}` in WITH must be aliased (use AS).", "NoExpressionAlias");
            }
        }

        var keyTexts = new HashSet<string>(p.Items.Where(i => !ContainsAggregate(i.Expression)).Select(i => Text(i.Expression)), StringComparer.Ordinal);
        if (aggregating)
        {
            foreach (var item in p.Items.Where(i => ContainsAggregate(i.Expression)))
            {
                CheckAmbiguousAggregation(item.Expression, keyTexts);
            }
        }

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

        // ORDER BY sees the projected names and, unless projecting distinct or aggregated rows, the old variables too.
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
            }

            Resolve(s.Expression, aggregatesAllowed: aggregating);
            _scope = restricted ? next : orderScope;
        }

        _aggregateScope = null;

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
            throw new QuerySemanticException($"The expression `{Text(e)}` is used beside an aggregate but is not a grouping key.", "AmbiguousAggregationExpression");
        }

        foreach (var c in Children(e))
        {
            CheckAmbiguousAggregation(c, keyTexts);
        }
    }

    private void CheckOrderAggregation(Expr e, ProjectionClause p, Dictionary<string, (int Slot, VarKind Kind)> next)
    {
        if (e is FunctionExpr { IsAggregate: true })
        {
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
                throw new QuerySemanticException($"Variable `{v.Name}` not defined (ORDER BY after an aggregation sees only the projected columns).", "UndefinedVariable");
            }

            return;
        }

        if (p.Items.Any(i => Text(i.Expression) == Text(e)))
        {
            throw new QuerySemanticException($"The expression `{Text(e)}` is used beside an aggregate in ORDER BY; refer to its column name instead.", "AmbiguousAggregationExpression");
        }

        foreach (var c in Children(e))
        {
            CheckOrderAggregation(c, p, next);
        }
    }

    public static bool ContainsAggregate(Expr e) =>
        e is FunctionExpr { IsAggregate: true } || Children(e).Any(ContainsAggregate);

    public static IEnumerable<Expr> Children(Expr e)
    {
        switch (e)
        {
            case PropertyExpr p: yield return p.Target; break;
            case IndexExpr i: yield return i.Target; yield return i.Index; break;
            case SliceExpr s:
                yield return s.Target;
                if (s.From is not null)
                {
                    yield return s.From;
                }

                if (s.To is not null)
                {
                    yield return s.To;
                }

                break;
            case LabelCheckExpr l: yield return l.Target; break;
            case UnaryExpr u: yield return u.Operand; break;
            case BinaryExpr b: yield return b.Left; yield return b.Right; break;
            case IsNullExpr n: yield return n.Operand; break;
            case ListExpr l:
                foreach (var x in l.Items)
                {
                    yield return x;
                }

                break;
            case MapExpr m:
                foreach (var x in m.Entries)
                {
                    yield return x.Value;
                }

                break;
            case FunctionExpr f:
                foreach (var x in f.Args)
                {
                    yield return x;
                }

                break;
            case CaseExpr c:
                if (c.Subject is not null)
                {
                    yield return c.Subject;
                }

                foreach (var (w, t) in c.Branches)
                {
                    yield return w;
                    yield return t;
                }

                if (c.Else is not null)
                {
                    yield return c.Else;
                }

                break;
            case ComprehensionExpr c:
                yield return c.Source;
                if (c.Where is not null)
                {
                    yield return c.Where;
                }

                if (c.Map is not null)
                {
                    yield return c.Map;
                }

                break;
        }
    }

    private void CheckConstant(Expr e, string clause)
    {
        if (HasVariables(e))
        {
            throw new QuerySemanticException($"{clause} must be a constant expression; it cannot refer to variables.", "NonConstantExpression");
        }

        Resolve(e, false);
        if (e is LiteralExpr { Value: long n } && n < 0)
        {
            throw new QuerySemanticException($"{clause} must be zero or positive; found {n}.", "NegativeIntegerArgument");
        }

        if (e is LiteralExpr { Value: not long })
        {
            throw new QuerySemanticException($"{clause} must be an integer.", "InvalidArgumentType");
        }
    }

    private static bool HasVariables(Expr e) => e is VariableExpr or PatternExpr || Children(e).Any(HasVariables);

    /// <summary>Resolves variables in an expression; returns whether it contains an aggregate.</summary>
    private bool Resolve(Expr e, bool aggregatesAllowed, bool insideAggregate = false)
    {
        switch (e)
        {
            case VariableExpr v:
                if (!_scope.TryGetValue(v.Name, out var info))
                {
                    throw new QuerySemanticException($"Variable `{v.Name}` not defined.", "UndefinedVariable");
                }

                v.Slot = info.Slot;
                return false;
            case PropertyExpr { Target: VariableExpr pv } pe when _scope.TryGetValue(pv.Name, out var pinfo) && pinfo.Kind is VarKind.Path or VarKind.RelationshipList:
                throw new QuerySemanticException($"Cannot read property '{pe.Key}' of `{pv.Name}`, a {(pinfo.Kind == VarKind.Path ? "path" : "list of relationships")}.", "InvalidArgumentType");
            case FunctionExpr f:
                return ResolveFunction(f, aggregatesAllowed, insideAggregate);
            case ComprehensionExpr c:
                return ResolveComprehension(c, aggregatesAllowed, insideAggregate);
            case PatternExpr pe:
                ResolvePattern(pe);
                return false;
            default:
                bool result = false;
                foreach (var c in Children(e))
                {
                    result |= Resolve(c, aggregatesAllowed, insideAggregate);
                }

                return result;
        }
    }

    // Kept apart from Resolve so that its frame, taken once per level of an expression tree, stays small.
    private bool ResolveFunction(FunctionExpr f, bool aggregatesAllowed, bool insideAggregate)
    {
        Functions.FunctionTable.CheckKnown(f);

        if (f.IsAggregate)
        {
            if (!aggregatesAllowed)
            {
                throw new QuerySemanticException($"Aggregate function {f.Name}() is not allowed here.", "InvalidAggregation");
            }

            if (insideAggregate)
            {
                throw new QuerySemanticException($"Aggregate function {f.Name}() cannot be nested in another aggregate.", "NestedAggregation");
            }

            if (!f.Star && f.Args.Count != 1)
            {
                throw new QuerySemanticException($"Aggregate function {f.Name}() takes exactly one argument; found {f.Args.Count}.", "InvalidNumberOfArguments");
            }

            var outer = _scope;
            _scope = _aggregateScope ?? _scope;
            foreach (var a in f.Args)
            {
                Resolve(a, aggregatesAllowed, insideAggregate: true);
            }

            _scope = outer;

            f.AggregateSlot = SlotCount++;
            return true;
        }

        bool any = false;
        foreach (var a in f.Args)
        {
            any |= Resolve(a, aggregatesAllowed, insideAggregate);
        }

        return any;
    }

    private bool ResolveComprehension(ComprehensionExpr c, bool aggregatesAllowed, bool insideAggregate)
    {
        bool agg = Resolve(c.Source, aggregatesAllowed, insideAggregate);
        bool had = _scope.TryGetValue(c.Variable, out var prev);
        c.Slot = Declare(c.Variable, VarKind.Any);
        if (c.Where is not null)
        {
            agg |= Resolve(c.Where, false, insideAggregate);
        }

        if (c.Map is not null)
        {
            agg |= Resolve(c.Map, aggregatesAllowed, insideAggregate);
        }

        if (had)
        {
            _scope[c.Variable] = prev;
        }
        else
        {
            _scope.Remove(c.Variable);
        }

        return agg;
    }

    private void ResolvePattern(PatternExpr pe)
    {
        foreach (var n in pe.Pattern.Nodes)
        {
            if (!n.Anonymous)
            {
                if (!_scope.TryGetValue(n.Variable!, out var ni))
                {
                    throw new QuerySemanticException($"Variable `{n.Variable}` not defined (a pattern expression cannot introduce variables).", "UndefinedVariable");
                }

                n.Slot = ni.Slot;
            }
            else
            {
                n.Slot = SlotCount++;
            }

            if (n.Properties is not null)
            {
                Resolve(n.Properties, false);
            }
        }

        foreach (var r in pe.Pattern.Rels)
        {
            if (!r.Anonymous)
            {
                if (!_scope.TryGetValue(r.Variable!, out var ri))
                {
                    throw new QuerySemanticException($"Variable `{r.Variable}` not defined (a pattern expression cannot introduce variables).", "UndefinedVariable");
                }

                r.Slot = ri.Slot;
            }
            else
            {
                r.Slot = SlotCount++;
            }

            if (r.Properties is not null)
            {
                Resolve(r.Properties, false);
            }
        }
    }
}
