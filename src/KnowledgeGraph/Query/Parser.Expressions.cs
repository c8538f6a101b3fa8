using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>The expression grammar of the parser: precedence levels from OR down to atoms, CASE, lists, maps and comprehensions.</summary>
internal sealed partial class Parser
{
    public Expr ParseExpr()
    {
        Enter();
        var e = Bounded(ParseOr());
        Leave();
        return e;
    }

    private Expr ParseOr()
    {
        var left = ParseXor();
        while (Current.IsKeyword("OR"))
        {
            Advance();
            left = Bin("OR", left, ParseXor());
        }

        return left;
    }

    private Expr ParseXor()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("XOR"))
        {
            Advance();
            left = Bin("XOR", left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            Advance();
            left = Bin("AND", left, ParseNot());
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            int start = Current.Offset;
            Advance();
            Enter();
            var operand = ParseNot();
            Leave();
            return new UnaryExpr("NOT", operand) { Start = start, End = operand.End };
        }

        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParsePredicate();
        Expr? result = null;
        while (Current.Kind == TokenKind.Symbol && Current.Text is "=" or "<>" or "<" or ">" or "<=" or ">=")
        {
            string op = Current.Text;
            Advance();
            var right = ParsePredicate();
            var cmp = Bin(op, left, right);
            result = result is null ? cmp : Bin("AND", result, cmp);
            left = right;
        }

        return result ?? left;
    }

    private Expr ParsePredicate()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (Current.IsKeyword("IS"))
            {
                Advance();
                bool negated = false;
                if (Current.IsKeyword("NOT"))
                {
                    negated = true;
                    Advance();
                }

                var end = Current;
                ExpectKeyword("NULL");
                left = new IsNullExpr(left, negated) { Start = left.Start, End = end.Offset + end.Length };
            }
            else if (Current.IsKeyword("IN"))
            {
                Advance();
                left = Bin("IN", left, ParseAdditive());
            }
            else if (Current.IsKeyword("STARTS") || Current.IsKeyword("ENDS"))
            {
                string op = Current.Text.ToUpperInvariant();
                Advance();
                ExpectKeyword("WITH");
                left = Bin(op, left, ParseAdditive());
            }
            else if (Current.IsKeyword("CONTAINS"))
            {
                Advance();
                left = Bin("CONTAINS", left, ParseAdditive());
            }
            else if (Current.Is("=~"))
            {
                Advance();
                left = Bin("=~", left, ParseAdditive());
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Is("+") || Current.Is("-"))
        {
            string op = Current.Text;
            Advance();
            left = Bin(op, left, ParseMultiplicative());
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParsePower();
        while (Current.Is("*") || Current.Is("/") || Current.Is("%"))
        {
            string op = Current.Text;
            Advance();
            left = Bin(op, left, ParsePower());
        }

        return left;
    }

    private Expr ParsePower()
    {
        var left = ParseUnary();
        while (Current.Is("^"))
        {
            Advance();
            left = Bin("^", left, ParseUnary());
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Is("-") || Current.Is("+"))
        {
            var t = Current;
            Advance();
            if (t.Text == "-" && Current.Kind == TokenKind.Integer && Current.Offset == t.Offset + 1)
            {
                var n = Current;
                Advance();
                if (!long.TryParse("-" + n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long neg))
                {
                    throw QueryErrors.IntegerTooLarge(_text, t.Offset, $"number `-{n.Text}`");
                }

                return ParsePostfix(new LiteralExpr(neg) { Start = t.Offset, End = n.Offset + n.Length });
            }

            Enter();
            var operand = ParseUnary();
            Leave();
            return new UnaryExpr(t.Text, operand) { Start = t.Offset, End = operand.End };
        }

        return ParsePostfix(ParseAtom());
    }

    private Expr ParsePostfix(Expr e)
    {
        while (true)
        {
            if (Current.Is("."))
            {
                Advance();
                var key = Current;
                string name = ParseSymbolicName("a property name");
                e = new PropertyExpr(e, name) { Start = e.Start, End = key.Offset + key.Length };
            }
            else if (Current.Is("["))
            {
                Advance();
                Expr? from = null, to = null;
                bool slice = false;
                if (!Current.Is(".."))
                {
                    from = ParseExpr();
                }

                if (Current.Is(".."))
                {
                    slice = true;
                    Advance();
                    if (!Current.Is("]"))
                    {
                        to = ParseExpr();
                    }
                }

                var close = Current;
                Expect("]");
                e = slice
                    ? new SliceExpr(e, from, to) { Start = e.Start, End = close.Offset + 1 }
                    : new IndexExpr(e, from!) { Start = e.Start, End = close.Offset + 1 };
            }
            else if (Current.Is(":") && e is VariableExpr or PropertyExpr)
            {
                var labels = new List<string>();
                int end = e.End;
                while (Current.Is(":"))
                {
                    Advance();
                    var t = Current;
                    labels.Add(ParseSymbolicName("a label name"));
                    end = t.Offset + t.Length;
                }

                e = new LabelCheckExpr(e, labels) { Start = e.Start, End = end };
            }
            else
            {
                return e;
            }
        }
    }

    private Expr ParseAtom()
    {
        var t = Current;
        int start = t.Offset;
        Enter();
        try
        {
            switch (t.Kind)
            {
                case TokenKind.Integer:
                    return new LiteralExpr(ParseIntegerLiteral()) { Start = start, End = start + t.Length };
                case TokenKind.Float:
                    Advance();
                    return new LiteralExpr(t.Value) { Start = start, End = start + t.Length };
                case TokenKind.String:
                    Advance();
                    return new LiteralExpr(t.Value) { Start = start, End = start + t.Length };
                case TokenKind.Parameter:
                    Advance();
                    return new ParameterExpr(t.Text) { Start = start, End = start + t.Length };
                case TokenKind.QuotedIdentifier:
                    Advance();
                    return new VariableExpr(t.Text) { Start = start, End = start + t.Length };
                case TokenKind.Symbol when t.Is("["):
                    return ParseListOrComprehension();
                case TokenKind.Symbol when t.Is("{"):
                    return ParseMap();
                case TokenKind.Symbol when t.Is("("):
                    return ParseParenthesized();
                case TokenKind.Identifier:
                    return ParseIdentifierAtom();
                default:
                    throw Unexpected("an expression");
            }
        }
        finally
        {
            Leave();
        }
    }

    private long ParseIntegerLiteral()
    {
        var t = Current;
        if (t.Value is long hex)
        {
            Advance();
            return hex;
        }

        return ParseIntegerToken();
    }

    private Expr ParseIdentifierAtom()
    {
        var t = Current;
        int start = t.Offset;
        if (t.IsKeyword("true") || t.IsKeyword("false"))
        {
            Advance();
            return new LiteralExpr(t.IsKeyword("true")) { Start = start, End = start + t.Length };
        }

        if (t.IsKeyword("null"))
        {
            Advance();
            return new LiteralExpr(null) { Start = start, End = start + t.Length };
        }

        if (t.IsKeyword("CASE"))
        {
            return ParseCase();
        }

        var next = Peek(1);
        if (t.IsKeyword("EXISTS") && next.Is("{"))
        {
            return ParseExistsSubquery();
        }

        if (next.Is("("))
        {
            return ParseCallOrQuantifier(t);
        }

        if (next.Is(".") && Peek(2).Kind == TokenKind.Identifier && Peek(3).Is("("))
        {
            return ParseNamespacedCall(t.Text, start);
        }

        Advance();
        return new VariableExpr(t.Text) { Start = start, End = start + t.Length };
    }

    /// <summary>
    /// A name followed by <c>(</c>: a list predicate (<c>all(x IN list WHERE …)</c>, <c>any</c>,
    /// <c>none</c>, <c>single</c>) or a function call, <c>count(*)</c> and <c>DISTINCT</c> included.
    /// </summary>
    private Expr ParseCallOrQuantifier(Token t)
    {
        int start = t.Offset;
        string lower = t.Text.ToLowerInvariant();
        if (lower is "all" or "any" or "none" or "single" && IsName(Peek(2)) && Peek(3).IsKeyword("IN"))
        {
            Advance();
            Advance();
            string v = ParseVariableName();
            ExpectKeyword("IN");
            var source = ParseExpr();
            Expr? where = null;
            if (Current.IsKeyword("WHERE"))
            {
                Advance();
                where = ParseExpr();
            }

            var close = Current;
            Expect(")");
            return new ComprehensionExpr(lower, v, source, where, null) { Start = start, End = close.Offset + 1 };
        }

        Advance();
        Advance();
        bool distinct = false;
        bool star = false;
        var args = new List<Expr>();
        if (Current.IsKeyword("DISTINCT"))
        {
            Advance();
            distinct = true;
        }

        if (Current.Is("*"))
        {
            Advance();
            star = true;
        }
        else
        {
            ParseExprsUntil(")", args);
        }

        var end = Current;
        Expect(")");
        if (star && lower != "count")
        {
            throw QueryErrors.StarOutsideCount(_text, start, t.Text);
        }

        return new FunctionExpr(t.Text, distinct, args, star) { Start = start, End = end.Offset + 1 };
    }

    private Expr ParseCase()
    {
        int start = Current.Offset;
        Advance();
        Expr? subject = null;
        if (!Current.IsKeyword("WHEN"))
        {
            subject = ParseExpr();
        }

        var branches = new List<(Expr, Expr)>();
        while (Current.IsKeyword("WHEN"))
        {
            Advance();
            var w = ParseExpr();
            ExpectKeyword("THEN");
            branches.Add((w, ParseExpr()));
        }

        if (branches.Count == 0)
        {
            throw Unexpected("WHEN");
        }

        Expr? otherwise = null;
        if (Current.IsKeyword("ELSE"))
        {
            Advance();
            otherwise = ParseExpr();
        }

        var end = Current;
        ExpectKeyword("END");
        return new CaseExpr(subject, branches, otherwise) { Start = start, End = end.Offset + end.Length };
    }

    private Expr ParseListOrComprehension()
    {
        int start = Current.Offset;
        Advance();
        if (IsName(Current) && Peek(1).IsKeyword("IN"))
        {
            int save = _pos;
            string v = NameText(Current);
            Advance();
            Advance();
            var source = ParseExpr();
            if (Current.IsKeyword("WHERE") || Current.Is("|") || Current.Is("]"))
            {
                Expr? where = null, map = null;
                if (Current.IsKeyword("WHERE"))
                {
                    Advance();
                    where = ParseExpr();
                }

                if (Current.Is("|"))
                {
                    Advance();
                    map = ParseExpr();
                }

                var close = Current;
                Expect("]");
                return new ComprehensionExpr("list", v, source, where, map) { Start = start, End = close.Offset + 1 };
            }

            _pos = save;
        }

        var items = new List<Expr>();
        ParseExprsUntil("]", items);

        var end = Current;
        Expect("]");
        return new ListExpr(items) { Start = start, End = end.Offset + 1 };
    }

    /// <summary>
    /// <c>EXISTS { pattern [WHERE …] }</c> or <c>EXISTS { MATCH … [WITH …] [RETURN …] }</c>; a write clause inside
    /// is a syntax error (InvalidClauseComposition).
    /// </summary>
    private ExistsExpr ParseExistsSubquery()
    {
        int start = Current.Offset;
        Advance();
        Expect("{");
        Enter();
        SingleQuery query;
        var first = Current;
        if (first.IsKeyword("MATCH") || first.IsKeyword("OPTIONAL") || first.IsKeyword("UNWIND") || first.IsKeyword("WITH") || first.IsKeyword("CALL"))
        {
            query = ParseSingle();
        }
        else
        {
            var match = ParseMatch(false);
            match.Offset = first.Offset;
            query = new SingleQuery([match]);
        }

        if (query.Clauses.Find(c => c is CreateClause or MergeClause or SetClause or DeleteClause) is { } write)
        {
            throw QueryErrors.WriteInSubquery(_text, write.Offset);
        }

        if (Current.IsKeyword("CREATE") || Current.IsKeyword("MERGE") || Current.IsKeyword("SET") || Current.IsKeyword("REMOVE") || Current.IsKeyword("DELETE") || Current.IsKeyword("DETACH"))
        {
            throw QueryErrors.WriteInSubquery(_text, Current.Offset);
        }

        var end = Current;
        Expect("}");
        Leave();
        return new ExistsExpr(query) { Start = start, End = end.Offset + 1 };
    }

    private MapExpr ParseMap()
    {
        int start = Current.Offset;
        Expect("{");
        Enter();
        var entries = new List<KeyValuePair<string, Expr>>();
        if (!Current.Is("}"))
        {
            do
            {
                if (entries.Count > 0)
                {
                    Advance();
                }

                string key = ParseSymbolicName("a property name");
                Expect(":");
                entries.Add(new(key, ParseExpr()));
            }
            while (Current.Is(","));
        }

        var end = Current;
        Expect("}");
        Leave();
        return new MapExpr(entries) { Start = start, End = end.Offset + 1 };
    }

    private Expr ParseParenthesized()
    {
        int save = _pos;
        int depth = _depth;
        int anon = _anonymous;
        if (LooksLikePattern())
        {
            try
            {
                var part = ParseChain();
                if (part.Rels.Count > 0)
                {
                    int end = _tokens[_pos - 1].Offset + _tokens[_pos - 1].Length;
                    return new PatternExpr(part) { Start = _tokens[save].Offset, End = end };
                }
            }
            catch (QuerySyntaxException)
            {
            }

            _pos = save;
            _depth = depth;
            _anonymous = anon;
        }

        int start = Current.Offset;
        Advance();
        var e = ParseExpr();
        var close = Current;
        Expect(")");
        e.Start = start;
        e.End = close.Offset + 1;
        return e;
    }

    private bool LooksLikePattern()
    {
        var a = Peek(1);
        return a.Is(")") || a.Is(":") || (IsName(a) && (Peek(2).Is(")") || Peek(2).Is(":") || Peek(2).Is("{")));
    }
}
