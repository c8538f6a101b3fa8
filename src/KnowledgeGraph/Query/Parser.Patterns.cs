using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>The pattern grammar of the parser: pattern lists, parts, chains, node and relationship patterns.</summary>
internal sealed partial class Parser
{
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
                throw QueryErrors.TooManyRelationships(_text, Current, maxRels);
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
            ParseRelDetail(rel);
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

    /// <summary>The bracketed part of a relationship pattern, from <c>[</c> to <c>]</c>: variable, types, length, properties.</summary>
    private void ParseRelDetail(RelPattern rel)
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
            ParseVarLength(rel);
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
            throw QueryErrors.BadVariableLength(_text, Current);
        }

        Expect("]");
    }

    /// <summary>A variable length: <c>*</c>, <c>*n</c>, <c>*n..</c>, <c>*..m</c>, <c>*n..m</c>.</summary>
    private void ParseVarLength(RelPattern rel)
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

    private long ParseIntegerToken()
    {
        var t = Current;
        if (!long.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long v))
        {
            throw QueryErrors.IntegerTooLarge(_text, t.Offset, t.Describe());
        }

        Advance();
        return v;
    }
}
