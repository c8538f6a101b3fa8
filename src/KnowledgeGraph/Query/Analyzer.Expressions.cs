namespace KnowledgeGraph.Query;

/// <summary>Resolving expressions: variables, functions, aggregates, comprehensions and pattern expressions, and walking an expression's children.</summary>
internal sealed partial class Analyzer
{
    /// <summary>Every expression under the roots, the roots included, depth first with an explicit stack (no recursion, whatever the nesting).</summary>
    public static IEnumerable<Expr> Descendants(IEnumerable<Expr> roots)
    {
        var stack = new Stack<Expr>(roots);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var c in Children(e))
            {
                stack.Push(c);
            }
        }
    }

    /// <summary>The expressions directly inside an expression.</summary>
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
            throw QueryErrors.NonConstant(clause);
        }

        Resolve(e, false);
        if (e is LiteralExpr { Value: long n } && n < 0)
        {
            throw QueryErrors.Negative(clause, n);
        }

        if (e is LiteralExpr { Value: not long })
        {
            throw QueryErrors.NotAnInteger(clause);
        }
    }

    private static bool HasVariables(Expr e) => e is VariableExpr or PatternExpr or ExistsExpr || Children(e).Any(HasVariables);

    /// <summary>
    /// Analyses an EXISTS subquery in a scope of its own that starts with the enclosing one: its new variables take
    /// new slots of the same row, and vanish again after it.
    /// </summary>
    private void ResolveExists(ExistsExpr ex)
    {
        var outer = _scope;
        var outerAggregates = _aggregateScope;
        ex.OuterSlots = [.. outer.Values.Select(v => v.Slot).Distinct()];
        _scope = new(outer, StringComparer.Ordinal);
        _aggregateScope = null;
        try
        {
            AnalyzeSingle(ex.Query, subquery: true);
        }
        finally
        {
            _scope = outer;
            _aggregateScope = outerAggregates;
        }
    }

    /// <summary>Resolves variables in an expression; returns whether it contains an aggregate.</summary>
    private bool Resolve(Expr e, bool aggregatesAllowed, bool insideAggregate = false)
    {
        switch (e)
        {
            case VariableExpr v:
                if (!_scope.TryGetValue(v.Name, out var info))
                {
                    throw QueryErrors.UndefinedVariable(v.Name);
                }

                v.Slot = info.Slot;
                return false;
            case PropertyExpr { Target: VariableExpr pv } pe when _scope.TryGetValue(pv.Name, out var pinfo) && pinfo.Kind is VarKind.Path or VarKind.RelationshipList:
                throw QueryErrors.PropertyOfNonEntity(pe.Key, pv.Name, pinfo.Kind == VarKind.Path ? "path" : "list of relationships");
            case FunctionExpr f:
                return ResolveFunction(f, aggregatesAllowed, insideAggregate);
            case ComprehensionExpr c:
                return ResolveComprehension(c, aggregatesAllowed, insideAggregate);
            case PatternExpr pe:
                ResolvePattern(pe);
                return false;
            case ExistsExpr ex:
                ResolveExists(ex);
                return false;
            case BinaryExpr b:
                bool either = Resolve(b.Left, aggregatesAllowed, insideAggregate) | Resolve(b.Right, aggregatesAllowed, insideAggregate);
                CheckArithmetic(b);
                return either;
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
                throw QueryErrors.AggregateNotAllowed(f.Name);
            }

            if (insideAggregate)
            {
                throw QueryErrors.NestedAggregate(f.Name);
            }

            if (!f.Star && f.Args.Count != 1)
            {
                throw QueryErrors.AggregateArguments(f.Name, f.Args.Count);
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

        CheckFunctionArgument(f);
        return any;
    }

    private bool ResolveComprehension(ComprehensionExpr c, bool aggregatesAllowed, bool insideAggregate)
    {
        bool agg = Resolve(c.Source, aggregatesAllowed, insideAggregate);
        bool had = _scope.TryGetValue(c.Variable, out var prev);
        var elementType = ElementTypeOf(c.Source);
        c.Slot = Declare(c.Variable, VarKind.Any);
        _elementTypes[c.Slot] = elementType;
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
                    throw QueryErrors.UndefinedVariable(n.Variable!, "a pattern expression cannot introduce variables");
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
                    throw QueryErrors.UndefinedVariable(r.Variable!, "a pattern expression cannot introduce variables");
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
