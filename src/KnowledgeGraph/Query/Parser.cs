using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>A hand-written recursive-descent parser for the openCypher subset.</summary>
internal sealed partial class Parser
{
    private const string ReadClauses = "MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH or RETURN";
    private const string AllClauses = "MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH, RETURN, CREATE, MERGE, SET, REMOVE, DELETE or DETACH DELETE";

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
            var union = Current;
            Advance();
            bool isAll = false;
            if (Current.IsKeyword("ALL"))
            {
                Advance();
                isAll = true;
            }

            if (all.Count > 0 && all[0] != isAll)
            {
                throw QueryErrors.MixedUnion(_text, union, all[0]);
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
            Clause? clause;

            // Clauses run as a chain, each handing its rows to the next: the chain is nesting too.
            if (clauses.Count >= _maxDepth && (t.IsKeyword("MATCH") || t.IsKeyword("OPTIONAL") || t.IsKeyword("UNWIND") || t.IsKeyword("WITH")
                || t.IsKeyword("RETURN") || t.IsKeyword("CREATE") || t.IsKeyword("MERGE") || t.IsKeyword("SET") || t.IsKeyword("CALL")
                || t.IsKeyword("REMOVE") || t.IsKeyword("DELETE") || t.IsKeyword("DETACH")))
            {
                throw QueryErrors.TooManyClauses(_text, t, _maxDepth);
            }

            clause = ParseClause(t);
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

        if (clauses is [CallClause call])
        {
            call.Standalone = true;
        }

        return new SingleQuery(clauses);
    }

    /// <summary>The clause the keyword <paramref name="t"/> starts, or null when it starts none (the end of the query part).</summary>
    private Clause? ParseClause(Token t)
    {
        if (t.IsKeyword("MATCH"))
        {
            Advance();
            return ParseMatch(false);
        }

        if (t.IsKeyword("OPTIONAL"))
        {
            Advance();
            ExpectKeyword("MATCH");
            return ParseMatch(true);
        }

        if (t.IsKeyword("UNWIND"))
        {
            Advance();
            var e = ParseExpr();
            ExpectKeyword("AS");
            return new UnwindClause(e, ParseVariableName());
        }

        if (t.IsKeyword("WITH") || t.IsKeyword("RETURN"))
        {
            Advance();
            return ParseProjection(t.IsKeyword("RETURN"));
        }

        if (t.IsKeyword("CREATE"))
        {
            Advance();
            return new CreateClause(ParsePatternList());
        }

        if (t.IsKeyword("MERGE"))
        {
            Advance();
            return ParseMerge();
        }

        if (t.IsKeyword("SET") || t.IsKeyword("REMOVE"))
        {
            Advance();
            return t.IsKeyword("SET") ? new SetClause(ParseSetItems()) : ParseRemove();
        }

        if (t.IsKeyword("CALL"))
        {
            Advance();
            return ParseCall();
        }

        if (t.IsKeyword("DELETE") || t.IsKeyword("DETACH"))
        {
            return ParseDelete();
        }

        if (t.IsKeyword("FOREACH") || t.IsKeyword("LOAD"))
        {
            throw QueryErrors.UnsupportedClause(_text, t, _clauseStart);
        }

        return null;
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

    /// <summary>The variable a SET or REMOVE item starts with.</summary>
    private (Token Name, VariableExpr Target) ParseItemTarget(string expected)
    {
        var t = Current;

        // A parenthesised variable, as in SET (n).key = …: the same target.
        if (t.Is("(") && IsName(Peek(1)) && Peek(2).Is(")"))
        {
            Advance();
            var name = Current;
            Advance();
            Advance();
            return (name, new VariableExpr(name.Text) { Start = name.Offset, End = name.Offset + name.Length });
        }

        if (!IsName(t))
        {
            throw Unexpected(expected);
        }

        Advance();
        return (t, new VariableExpr(t.Text) { Start = t.Offset, End = t.Offset + t.Length });
    }

    /// <summary><c>:Label:Other</c> after a SET or REMOVE item's variable.</summary>
    private List<string> ParseLabels()
    {
        var labels = new List<string>();
        while (Current.Is(":"))
        {
            Advance();
            labels.Add(ParseSymbolicName("a label name"));
        }

        return labels;
    }

    /// <summary><c>n.key = expr</c>, <c>n:Label:Other</c>, <c>n = expr</c> or <c>n += expr</c>.</summary>
    private SetItem ParseSetItem()
    {
        var (t, target) = ParseItemTarget("a variable name (SET n.key = value, SET n:Label, SET n = {…} or SET n += {…})");
        if (Current.Is(":"))
        {
            return new SetItem(SetKind.Labels, target, null, ParseLabels(), null) { Offset = t.Offset };
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

    // ---- helpers ----

    /// <summary>Comma-separated expressions into <paramref name="into"/>, none when the next token is <paramref name="close"/> (left for the caller).</summary>
    private void ParseExprsUntil(string close, List<Expr> into)
    {
        if (Current.Is(close))
        {
            return;
        }

        into.Add(ParseExpr());
        while (Current.Is(","))
        {
            Advance();
            into.Add(ParseExpr());
        }
    }
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
            throw QueryErrors.NestingTooDeep(_text, Current, limit);
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

    private QuerySyntaxException Unexpected(string expected) => QueryErrors.Unexpected(_text, Current, expected);
}
