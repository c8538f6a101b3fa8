using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>A hand-written recursive-descent parser for the openCypher subset.</summary>
internal sealed partial class Parser
{
    private const string ReadClauses = "MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN";
    private const string AllClauses = "MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE or SET";

    /// <summary>The clauses that may start here, as the expected list of a syntax error: read-only queries never offer writes.</summary>
    private readonly string _clauseStart;
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _pos;
    private int _depth;
    private int _anonymous;

    private Parser(string text, int maxDepth, bool readOnly = false)
    {
        _clauseStart = readOnly ? ReadClauses : AllClauses;
        _text = text;
        _tokens = Lexer.Tokenize(text);
        _maxDepth = maxDepth;
    }

    private Token Current => _tokens[_pos];

    private Token Peek(int k) => _tokens[Math.Min(_pos + k, _tokens.Count - 1)];

    public static QueryAst Parse(string text, int maxDepth = 256, bool readOnly = false)
    {
        var p = new Parser(text, maxDepth, readOnly);
        return p.ParseQuery();
    }

    /// <summary>
    /// Parses a script: statements separated by <c>;</c>, with empty statements allowed and the last <c>;</c>
    /// optional. Each statement's AST keeps the whole script as its text, so offsets (and error positions) are
    /// the script's.
    /// </summary>
    public static List<(QueryAst Ast, int Offset)> ParseScript(string text, int maxDepth = 256)
    {
        var p = new Parser(text, maxDepth);
        var statements = new List<(QueryAst, int)>();
        while (true)
        {
            while (p.Current.Is(";"))
            {
                p.Advance();
            }

            if (p.Current.Kind == TokenKind.End)
            {
                return statements;
            }

            int offset = p.Current.Offset;
            statements.Add((p.ParseStatement(), offset));
            if (p.Current.Is(";"))
            {
                p.Advance();
            }
            else if (p.Current.Kind != TokenKind.End)
            {
                throw p.Unexpected(p._clauseStart.Replace(" or ", ", ", StringComparison.Ordinal) + ", `;` or end of input");
            }
        }
    }

    private QueryAst ParseQuery()
    {
        var ast = ParseStatement();
        if (Current.Is(";"))
        {
            Advance();
        }

        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected(_clauseStart.Replace(" or ", ", ", StringComparison.Ordinal) + " or end of input");
        }

        return ast;
    }

    private QueryAst ParseStatement()
    {
        var parts = new List<SingleQuery> { ParseSingle() };
        var all = new List<bool>();
        while (Current.IsKeyword("UNION"))
        {
            Advance();
            bool isAll = false;
            if (Current.IsKeyword("ALL"))
            {
                Advance();
                isAll = true;
            }

            all.Add(isAll);
            parts.Add(ParseSingle());
        }

        return new QueryAst(parts, all, _text);
    }

    private SingleQuery ParseSingle()
    {
        var clauses = new List<Clause>();
        while (true)
        {
            var t = Current;
            Clause? clause = null;

            // Clauses run as a chain, each handing its rows to the next: the chain is nesting too.
            if (clauses.Count >= _maxDepth && (t.IsKeyword("MATCH") || t.IsKeyword("OPTIONAL") || t.IsKeyword("UNWIND") || t.IsKeyword("WITH")
                || t.IsKeyword("RETURN") || t.IsKeyword("CREATE") || t.IsKeyword("MERGE") || t.IsKeyword("SET")))
            {
                throw new QuerySyntaxException(_text, t.Offset, t.Describe(), $"at most {_maxDepth} clauses in one query part", "NestingTooDeep");
            }

            if (t.IsKeyword("MATCH"))
            {
                Advance();
                clause = ParseMatch(false);
            }
            else if (t.IsKeyword("OPTIONAL"))
            {
                Advance();
                ExpectKeyword("MATCH");
                clause = ParseMatch(true);
            }
            else if (t.IsKeyword("UNWIND"))
            {
                Advance();
                var e = ParseExpr();
                ExpectKeyword("AS");
                clause = new UnwindClause(e, ParseVariableName());
            }
            else if (t.IsKeyword("WITH") || t.IsKeyword("RETURN"))
            {
                Advance();
                clause = ParseProjection(t.IsKeyword("RETURN"));
            }
            else if (t.IsKeyword("CREATE"))
            {
                Advance();
                clause = new CreateClause(ParsePatternList());
            }
            else if (t.IsKeyword("MERGE"))
            {
                Advance();
                clause = ParseMerge();
            }
            else if (t.IsKeyword("SET") || t.IsKeyword("REMOVE"))
            {
                Advance();
                clause = t.IsKeyword("SET") ? new SetClause(ParseSetItems()) : ParseRemove();
            }
            else if (t.IsKeyword("DELETE") || t.IsKeyword("DETACH")
                || t.IsKeyword("CALL") || t.IsKeyword("FOREACH") || t.IsKeyword("LOAD"))
            {
                throw new QuerySyntaxException(_text, t.Offset, t.Describe(), "a supported clause (" + _clauseStart + "); " + t.Text.ToUpperInvariant() + " is not supported", "UnsupportedClause");
            }

            if (clause is null)
            {
                if (clauses.Count == 0)
                {
                    throw Unexpected(_clauseStart);
                }

                break;
            }

            clause.Offset = t.Offset;
            clauses.Add(clause);
            if (clause is ProjectionClause { IsReturn: true })
            {
                break;
            }
        }

        return new SingleQuery(clauses);
    }

    private MatchClause ParseMatch(bool optional)
    {
        var patterns = ParsePatternList();
        Expr? where = null;
        if (Current.IsKeyword("WHERE"))
        {
            Advance();
            where = ParseExpr();
        }

        return new MatchClause(optional, patterns, where);
    }

    private MergeClause ParseMerge()
    {
        var pattern = ParsePatternPart();
        var onCreate = new List<SetItem>();
        var onMatch = new List<SetItem>();
        while (Current.IsKeyword("ON"))
        {
            Advance();
            List<SetItem> into;
            if (Current.IsKeyword("CREATE"))
            {
                into = onCreate;
            }
            else if (Current.IsKeyword("MATCH"))
            {
                into = onMatch;
            }
            else
            {
                throw Unexpected("CREATE or MATCH after ON");
            }

            Advance();
            ExpectKeyword("SET");
            into.AddRange(ParseSetItems());
        }

        return new MergeClause(pattern, onCreate, onMatch);
    }

    private List<SetItem> ParseSetItems()
    {
        var items = new List<SetItem> { ParseSetItem() };
        while (Current.Is(","))
        {
            Advance();
            items.Add(ParseSetItem());
        }

        return items;
    }

    /// <summary><c>n.key = expr</c>, <c>n:Label:Other</c>, <c>n = expr</c> or <c>n += expr</c>.</summary>
    private SetItem ParseSetItem()
    {
        var t = Current;
        if (!IsName(t))
        {
            throw Unexpected("a variable name (SET n.key = value, SET n:Label, SET n = {…} or SET n += {…})");
        }

        Advance();
        var target = new VariableExpr(t.Text) { Start = t.Offset, End = t.Offset + t.Length };
        if (Current.Is(":"))
        {
            var labels = new List<string>();
            while (Current.Is(":"))
            {
                Advance();
                labels.Add(ParseSymbolicName("a label name"));
            }

            return new SetItem(SetKind.Labels, target, null, labels, null) { Offset = t.Offset };
        }

        if (Current.Is("."))
        {
            Advance();
            string key = ParseSymbolicName("a property name");
            Expect("=");
            return new SetItem(SetKind.Property, target, key, null, ParseExpr()) { Offset = t.Offset };
        }

        if (Current.Is("=") || Current.Is("+="))
        {
            var kind = Current.Is("=") ? SetKind.Replace : SetKind.Merge;
            Advance();
            return new SetItem(kind, target, null, null, ParseExpr()) { Offset = t.Offset };
        }

        throw Unexpected("`.`, `:`, `=` or `+=` after the variable");
    }

    private List<PatternPart> ParsePatternList()
    {
        var list = new List<PatternPart> { ParsePatternPart() };
        while (Current.Is(","))
        {
            Advance();
            list.Add(ParsePatternPart());
        }

        return list;
    }

    private PatternPart ParsePatternPart()
    {
        int offset = Current.Offset;
        string? pathVar = null;
        if (IsName(Current) && Peek(1).Is("="))
        {
            pathVar = NameText(Current);
            Advance();
            Advance();
        }

        PatternPart part;
        if ((Current.IsKeyword("shortestPath") || Current.IsKeyword("allShortestPaths")) && Peek(1).Is("("))
        {
            var kind = Current.IsKeyword("shortestPath") ? ShortestKind.Shortest : ShortestKind.All;
            Advance();
            Advance();
            part = ParseChain();
            part.Shortest = kind;
            Expect(")");
        }
        else
        {
            part = ParseChain();
        }

        part.PathVariable = pathVar;
        part.Offset = offset;
        return part;
    }

    private PatternPart ParseChain()
    {
        var part = new PatternPart();
        if (Current.Is("(") && IsParenthesizedPattern())
        {
            Advance();
            Enter();
            part = ParseChain();
            Leave();
            Expect(")");
            return part;
        }

        part.Nodes.Add(ParseNode());
        while (Current.Is("-") || (Current.Is("<") && Peek(1).Is("-")))
        {
            // The matcher takes a pattern's steps one inside the other: a pattern's length is nesting too.
            int maxRels = Math.Max(1, _maxDepth / 4);
            if (part.Rels.Count >= maxRels)
            {
                throw new QuerySyntaxException(_text, Current.Offset, Current.Describe(), $"at most {maxRels} relationships in one pattern", "NestingTooDeep");
            }

            part.Rels.Add(ParseRel());
            part.Nodes.Add(ParseNode());
        }

        return part;
    }

    private bool IsParenthesizedPattern() => Peek(1).Is("(");

    private NodePattern ParseNode()
    {
        var node = new NodePattern { Offset = Current.Offset };
        Expect("(");
        Enter();
        if (IsName(Current))
        {
            node.Variable = NameText(Current);
            Advance();
        }
        else
        {
            node.Variable = "  anon" + (++_anonymous).ToString(CultureInfo.InvariantCulture);
            node.Anonymous = true;
        }

        while (Current.Is(":"))
        {
            Advance();
            node.Labels.Add(ParseSymbolicName("a label name"));
        }

        if (Current.Is("{"))
        {
            node.Properties = ParseMap();
        }
        else if (Current.Kind == TokenKind.Parameter)
        {
            node.Properties = ParseAtom();
        }

        Expect(")");
        Leave();
        return node;
    }

    private RelPattern ParseRel()
    {
        var rel = new RelPattern { Offset = Current.Offset };
        bool left = false, right = false;
        if (Current.Is("<"))
        {
            left = true;
            Advance();
        }

        Expect("-");
        if (Current.Is("["))
        {
            Advance();
            if (IsName(Current))
            {
                rel.Variable = NameText(Current);
                Advance();
            }

            if (Current.Is(":"))
            {
                Advance();
                rel.Types.Add(ParseSymbolicName("a relationship type"));
                while (Current.Is("|"))
                {
                    Advance();
                    if (Current.Is(":"))
                    {
                        Advance();
                    }

                    rel.Types.Add(ParseSymbolicName("a relationship type"));
                }
            }

            if (Current.Is("*"))
            {
                Advance();
                rel.VarLength = true;
                if (Current.Kind == TokenKind.Integer)
                {
                    rel.Min = ParseIntegerToken();
                    rel.Max = rel.Min;
                }

                if (Current.Is(".."))
                {
                    Advance();
                    rel.Max = null;
                    if (Current.Kind == TokenKind.Integer)
                    {
                        rel.Max = ParseIntegerToken();
                    }
                }
                else if (rel.Min is null)
                {
                    rel.Max = null;
                }
            }

            if (Current.Is("{"))
            {
                rel.Properties = ParseMap();
            }
            else if (Current.Kind == TokenKind.Parameter)
            {
                rel.Properties = ParseAtom();
            }

            if (Current.Is("..") || Current.Is("-") || Current.Kind == TokenKind.Integer)
            {
                throw new QuerySyntaxException(_text, Current.Offset, Current.Describe(), "`]`; a variable length is written *, *n, *n..m, *..m with non-negative bounds", "InvalidRelationshipPattern");
            }

            Expect("]");
        }

        Expect("-");
        if (Current.Is(">"))
        {
            right = true;
            Advance();
        }

        rel.Direction = left && !right ? RelDirection.In : right && !left ? RelDirection.Out : RelDirection.Both;
        if (rel.Variable is null)
        {
            rel.Variable = "  anon" + (++_anonymous).ToString(CultureInfo.InvariantCulture);
            rel.Anonymous = true;
        }

        return rel;
    }

    private long ParseIntegerToken()
    {
        var t = Current;
        if (!long.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long v))
        {
            throw new QuerySyntaxException(_text, t.Offset, t.Describe(), "an integer that fits in 64 bits", "IntegerOverflow");
        }

        Advance();
        return v;
    }

    private ProjectionClause ParseProjection(bool isReturn)
    {
        var p = new ProjectionClause { IsReturn = isReturn };
        if (Current.IsKeyword("DISTINCT"))
        {
            Advance();
            p.Distinct = true;
        }

        if (Current.Is("*"))
        {
            Advance();
            p.Star = true;
            if (Current.Is(","))
            {
                Advance();
                ParseItems(p);
            }
        }
        else
        {
            ParseItems(p);
        }

        if (Current.IsKeyword("ORDER"))
        {
            Advance();
            ExpectKeyword("BY");
            do
            {
                if (p.OrderBy.Count > 0)
                {
                    Advance();
                }

                var e = ParseExpr();
                bool desc = false;
                if (Current.IsKeyword("DESC") || Current.IsKeyword("DESCENDING"))
                {
                    desc = true;
                    Advance();
                }
                else if (Current.IsKeyword("ASC") || Current.IsKeyword("ASCENDING"))
                {
                    Advance();
                }

                p.OrderBy.Add(new SortItem(e, desc));
            }
            while (Current.Is(","));
        }

        if (Current.IsKeyword("SKIP"))
        {
            Advance();
            p.Skip = ParseExpr();
        }

        if (Current.IsKeyword("LIMIT"))
        {
            Advance();
            p.Limit = ParseExpr();
        }

        if (!isReturn && Current.IsKeyword("WHERE"))
        {
            Advance();
            p.Where = ParseExpr();
        }

        return p;
    }

    private void ParseItems(ProjectionClause p)
    {
        do
        {
            if (p.Items.Count > 0)
            {
                Advance();
            }

            int start = Current.Offset;
            var e = ParseExpr();
            string text = _text[start..e.End].Trim();
            string? alias = null;
            if (Current.IsKeyword("AS"))
            {
                Advance();
                alias = ParseVariableName();
            }

            p.Items.Add(new ProjectionItem(e, alias, text));
        }
        while (Current.Is(","));
    }

    // ---- expressions ----
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
                    throw new QuerySyntaxException(_text, t.Offset, $"number `-{n.Text}`", "an integer that fits in 64 bits", "IntegerOverflow");
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
        if (next.Is("("))
        {
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
            else if (!Current.Is(")"))
            {
                args.Add(ParseExpr());
                while (Current.Is(","))
                {
                    Advance();
                    args.Add(ParseExpr());
                }
            }

            var end = Current;
            Expect(")");
            if (star && lower != "count")
            {
                throw new QuerySyntaxException(_text, start, $"`{t.Text}(*)`", "count(*); only count takes *");
            }

            return new FunctionExpr(t.Text, distinct, args, star) { Start = start, End = end.Offset + 1 };
        }

        if (next.Is(".") && Peek(2).Kind == TokenKind.Identifier && Peek(3).Is("("))
        {
            return ParseNamespacedCall(t.Text, start);
        }

        Advance();
        return new VariableExpr(t.Text) { Start = start, End = start + t.Length };
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
        if (!Current.Is("]"))
        {
            items.Add(ParseExpr());
            while (Current.Is(","))
            {
                Advance();
                items.Add(ParseExpr());
            }
        }

        var end = Current;
        Expect("]");
        return new ListExpr(items) { Start = start, End = end.Offset + 1 };
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

    // ---- helpers ----
    private static bool IsName(Token t) => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier;

    private static string NameText(Token t) => t.Text;

    private string ParseVariableName()
    {
        if (!IsName(Current))
        {
            throw Unexpected("a variable name");
        }

        string name = Current.Text;
        Advance();
        return name;
    }

    private string ParseSymbolicName(string what)
    {
        if (!IsName(Current))
        {
            throw Unexpected(what);
        }

        string name = Current.Text;
        Advance();
        return name;
    }

    private BinaryExpr Bin(string op, Expr l, Expr r) => new(op, l, r) { Start = l.Start, End = r.End };

    /// <summary>
    /// One level deeper in the parser's own descent (a bracket costs two: the expression and the atom). The parser
    /// descends through a dozen methods per level, so it allows a quarter of <see cref="QueryOptions.MaxNestingDepth"/>.
    /// </summary>
    private void Enter()
    {
        int limit = Math.Max(2, _maxDepth / 4);
        if (++_depth > limit)
        {
            throw new QuerySyntaxException(_text, Current.Offset, Current.Describe(), $"at most {limit} levels of nesting", "NestingTooDeep");
        }
    }

    private void Leave() => _depth--;

    private void Advance()
    {
        if (_pos < _tokens.Count - 1)
        {
            _pos++;
        }
    }

    private void Expect(string symbol)
    {
        if (!Current.Is(symbol))
        {
            throw Unexpected("`" + symbol + "`");
        }

        Advance();
    }

    private void ExpectKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Unexpected(keyword);
        }

        Advance();
    }

    private QuerySyntaxException Unexpected(string expected) =>
        new(_text, Current.Offset, Current.Describe(), expected);
}
