namespace KnowledgeGraph.Query;

/// <summary>The REMOVE, DELETE and DETACH DELETE clauses.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// <c>REMOVE n.key, n:Label:Other, …</c>, as a <see cref="SetClause"/> named REMOVE: <c>n.key</c> becomes
    /// <c>SET n.key = null</c> and <c>n:Label</c> a <see cref="SetKind.RemoveLabels"/> item.
    /// </summary>
    private SetClause ParseRemove()
    {
        var items = new List<SetItem>();
        do
        {
            if (items.Count > 0)
            {
                Advance();
            }

            var (t, target) = ParseItemTarget("a variable name (REMOVE n.key or REMOVE n:Label)");
            if (Current.Is(":"))
            {
                items.Add(new SetItem(SetKind.RemoveLabels, target, null, ParseLabels(), null) { Offset = t.Offset });
                continue;
            }

            if (!Current.Is("."))
            {
                throw Unexpected("`.` or `:` after the variable");
            }

            Advance();
            string key = ParseSymbolicName("a property name");
            items.Add(new SetItem(SetKind.Property, target, key, null, new LiteralExpr(null)) { Offset = t.Offset });
        }
        while (Current.Is(","));

        return new SetClause(items) { Name = "REMOVE" };
    }

    /// <summary><c>DELETE expr, …</c> or <c>DETACH DELETE expr, …</c>; the analyzer checks what the expressions may be.</summary>
    private DeleteClause ParseDelete()
    {
        bool detach = Current.IsKeyword("DETACH");
        Advance();
        if (detach)
        {
            ExpectKeyword("DELETE");
        }

        var items = new List<Expr> { ParseExpr() };
        while (Current.Is(","))
        {
            Advance();
            items.Add(ParseExpr());
        }

        return new DeleteClause(items, detach);
    }
}
