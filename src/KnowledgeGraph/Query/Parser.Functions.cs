namespace KnowledgeGraph.Query;

/// <summary>The parser's calls of namespaced functions.</summary>
internal sealed partial class Parser
{
    /// <summary>Parses <c>ns.name(args)</c> (such as <c>date.truncate('day', d)</c>); the current token is the namespace.</summary>
    private FunctionExpr ParseNamespacedCall(string ns, int start)
    {
        string name = ns + "." + Peek(2).Text;
        Advance();
        Advance();
        Advance();
        Advance();
        var args = new List<Expr>();
        ParseExprsUntil(")", args);

        var end = Current;
        Expect(")");
        return new FunctionExpr(name, false, args, false) { Start = start, End = end.Offset + 1 };
    }
}
