namespace KnowledgeGraph.Query;

/// <summary>The CALL clause: a procedure's dotted name, its arguments, and what YIELD binds.</summary>
internal sealed partial class Parser
{
    /// <summary><c>CALL ns.name [( args )] [YIELD * | YIELD out [AS v], … [WHERE expr]]</c>, after the CALL keyword.</summary>
    private CallClause ParseCall()
    {
        string name = ParseProcedureName();
        List<Expr>? args = null;
        if (Current.Is("("))
        {
            Advance();
            args = [];
            ParseExprsUntil(")", args);
            Expect(")");
        }

        if (!Current.IsKeyword("YIELD"))
        {
            return new CallClause(name, args, yieldStar: false, yields: null, where: null);
        }

        Advance();
        if (Current.Is("*"))
        {
            Advance();
            return new CallClause(name, args, yieldStar: true, yields: null, where: null);
        }

        var yields = new List<YieldItem>();
        do
        {
            if (yields.Count > 0)
            {
                Advance();
            }

            var at = Current;
            string output = ParseSymbolicName("a procedure output");
            string variable = output;
            if (Current.IsKeyword("AS"))
            {
                Advance();
                variable = ParseVariableName();
            }

            yields.Add(new YieldItem(output, variable, at.Offset));
        }
        while (Current.Is(","));

        Expr? where = null;
        if (Current.IsKeyword("WHERE"))
        {
            Advance();
            where = ParseExpr();
        }

        return new CallClause(name, args, yieldStar: false, yields, where);
    }

    /// <summary>Identifiers joined by dots: <c>db.labels</c>, <c>test.my.proc</c>.</summary>
    private string ParseProcedureName()
    {
        var parts = new List<string> { ParseSymbolicName("a procedure name") };
        while (Current.Is("."))
        {
            Advance();
            parts.Add(ParseSymbolicName("a procedure name"));
        }

        return string.Join('.', parts);
    }
}
