namespace KnowledgeGraph.Query;

/// <summary>
/// ORDER BY after an aggregating (or DISTINCT) projection sees only the projected columns: a part of a sort
/// expression written as a projected item is read from that item's column, an aggregate over anything else is an
/// undefined variable, and a projected expression other than a variable or property beside an aggregate is ambiguous.
/// </summary>
internal sealed partial class Analyzer
{
    /// <summary>A projected item's expression (other than a variable or property) inside a sort expression with an aggregate.</summary>
    private void CheckOrderByAmbiguity(ProjectionClause p)
    {
        var projected = new HashSet<string>(
            p.Items.Where(i => i.Expression is not (VariableExpr or PropertyExpr or LiteralExpr) && !ContainsAggregate(i.Expression)).Select(i => Text(i.Expression)),
            StringComparer.Ordinal);
        if (projected.Count == 0)
        {
            return;
        }

        foreach (var s in p.OrderBy.Where(s => ContainsAggregate(s.Expression)))
        {
            if (Descendants([s.Expression]).FirstOrDefault(e => !ReferenceEquals(e, s.Expression) && projected.Contains(Text(e))) is { } part)
            {
                throw QueryErrors.AggregateInOrderBy(Text(part));
            }
        }
    }

    /// <summary>
    /// The sort expression with every part written as a projected item (not the whole of it, which the caller
    /// handles) read from that item's column: <c>WITH a.name AS name, count(*) AS c ORDER BY a.name + 'x'</c> sorts
    /// by <c>name + 'x'</c>. Binary and unary operators are rebuilt; function arguments and list items are replaced
    /// in place.
    /// </summary>
    private Expr ReadProjectedParts(Expr e, ProjectionClause p)
    {
        if (e is not (VariableExpr or LiteralExpr or ParameterExpr)
            && p.Items.FirstOrDefault(i => !ContainsAggregate(i.Expression) && Text(i.Expression) == Text(e)) is { } item)
        {
            return new VariableExpr(item.Name) { Start = e.Start, End = e.End };
        }

        switch (e)
        {
            case BinaryExpr b:
                var left = ReadProjectedParts(b.Left, p);
                var right = ReadProjectedParts(b.Right, p);
                return ReferenceEquals(left, b.Left) && ReferenceEquals(right, b.Right) ? b : new BinaryExpr(b.Op, left, right) { Start = b.Start, End = b.End };
            case UnaryExpr u:
                var operand = ReadProjectedParts(u.Operand, p);
                return ReferenceEquals(operand, u.Operand) ? u : new UnaryExpr(u.Op, operand) { Start = u.Start, End = u.End };
            case FunctionExpr { IsAggregate: false } f:
                for (int i = 0; i < f.Args.Count; i++)
                {
                    f.Args[i] = ReadProjectedParts(f.Args[i], p);
                }

                return f;
            case ListExpr l:
                for (int i = 0; i < l.Items.Count; i++)
                {
                    l.Items[i] = ReadProjectedParts(l.Items[i], p);
                }

                return l;
            default:
                return e;
        }
    }

    /// <summary>An aggregate in ORDER BY that is not a projected item may read only projected columns.</summary>
    private static void CheckOrderAggregateReadsColumns(FunctionExpr aggregate, Dictionary<string, (int Slot, VarKind Kind)> next)
    {
        if (Descendants(aggregate.Args).OfType<VariableExpr>().FirstOrDefault(v => !next.ContainsKey(v.Name)) is { } undefined)
        {
            throw QueryErrors.UndefinedVariable(undefined.Name, "ORDER BY after an aggregation sees only the projected columns");
        }
    }
}
