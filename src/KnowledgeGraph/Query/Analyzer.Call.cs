namespace KnowledgeGraph.Query;

/// <summary>CALL: the procedure named, its arguments against its signature, and the variables YIELD binds.</summary>
internal sealed partial class Analyzer
{
    private void AnalyzeCall(CallClause c)
    {
        var p = _options.FindProcedure(c.Name) ?? throw QueryErrors.ProcedureNotFound(c.Name);
        c.Procedure = p;
        if (c.Arguments is null)
        {
            if (!c.Standalone && p.Parameters.Length > 0)
            {
                throw QueryErrors.ImplicitArgumentsInQuery(p);
            }

            c.Arguments = [.. p.Parameters.Select(f => new ParameterExpr(f.Name) { Start = c.Offset, End = c.Offset })];
        }

        if (c.Arguments.Count != p.Parameters.Length)
        {
            throw QueryErrors.ProcedureArgumentCount(p, c.Arguments.Count);
        }

        for (int i = 0; i < c.Arguments.Count; i++)
        {
            Resolve(c.Arguments[i], aggregatesAllowed: false);
            if (c.Arguments[i] is LiteralExpr literal && !Accepts(p.Parameters[i].Type, literal.Value))
            {
                throw QueryErrors.ProcedureArgumentLiteral(p, p.Parameters[i], literal.Value);
            }
        }

        if (c.YieldStar && !c.Standalone)
        {
            throw QueryErrors.YieldStarInQuery();
        }

        // Standing alone, a CALL without YIELD (or with YIELD *) yields every output; inside a query, none.
        c.Yields ??= c.Standalone || c.YieldStar ? [.. p.Outputs.Select(o => new YieldItem(o.Name, o.Name, c.Offset))] : [];
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var y in c.Yields)
        {
            y.OutputIndex = IndexOf(p, y.Output);
            if (_scope.ContainsKey(y.Variable) || !declared.Add(y.Variable))
            {
                throw QueryErrors.VariableAlreadyBound(y.Variable);
            }

            y.Slot = Declare(y.Variable, VarKind.Any);
        }

        if (c.Where is not null)
        {
            Resolve(c.Where, aggregatesAllowed: false);
        }
    }

    private static int IndexOf(QueryProcedure p, string output)
    {
        for (int i = 0; i < p.Outputs.Length; i++)
        {
            if (p.Outputs[i].Name == output)
            {
                return i;
            }
        }

        throw QueryErrors.UnknownProcedureOutput(p, output);
    }

    /// <summary>Whether a value (in the engine's form) may be passed as an argument of that type; null always may.</summary>
    internal static bool Accepts(ProcedureFieldType type, object? v) => v is null || type switch
    {
        ProcedureFieldType.Any => true,
        ProcedureFieldType.Boolean => v is bool,
        ProcedureFieldType.Integer => v is long,
        ProcedureFieldType.Float or ProcedureFieldType.Number => v is long or double,
        ProcedureFieldType.String => v is string,
        ProcedureFieldType.List => v is List<object?>,
        ProcedureFieldType.Map => v is Dictionary<string, object?>,
        ProcedureFieldType.Node => v is NodeRef,
        ProcedureFieldType.Relationship => v is EdgeRef,
        _ => v is PathValue,
    };
}
