namespace KnowledgeGraph.Query;

/// <summary>
/// The bound on the depth of the expression trees the parser builds. A flat chain such as <c>1 + 1 + … + 1</c>
/// parses in a loop but builds a tree as deep as the chain is long, and every later stage (analyzer,
/// evaluator, planner) walks that tree recursively; bounding the tree's height here bounds them all.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>The height of each expression node measured so far (leaves are not stored: their height is 1).</summary>
    private readonly Dictionary<Expr, int> _heights = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The highest expression tree accepted: half of <see cref="QueryOptions.MaxNestingDepth"/>, since evaluating one
    /// level of a tree takes about three frames (Eval, Binary, Predicate).
    /// </summary>
    private int MaxHeight => Math.Max(2, _maxDepth / 2);

    /// <summary>
    /// Measures the height of the tree under <paramref name="root"/> without recursion (nodes already measured by
    /// an inner <see cref="ParseExpr"/> are not walked again) and raises <see cref="QuerySyntaxException"/> with
    /// code <c>NestingTooDeep</c> at the operator that makes it deeper than the limit.
    /// </summary>
    private Expr Bounded(Expr root)
    {
        if (_heights.ContainsKey(root))
        {
            return root;
        }

        var stack = new Stack<(Expr Node, bool Measure)>();
        var children = new List<Expr>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, measure) = stack.Pop();
            if (_heights.ContainsKey(node))
            {
                continue;
            }

            children.Clear();
            Children(node, children);
            if (!measure)
            {
                if (children.Count > 0)
                {
                    stack.Push((node, true));
                    foreach (var child in children)
                    {
                        stack.Push((child, false));
                    }
                }

                continue;
            }

            Expr? deepest = null;
            int height = 1;
            foreach (var child in children)
            {
                int h = _heights.GetValueOrDefault(child, 1) + 1;
                if (h > height)
                {
                    height = h;
                    deepest = child;
                }
            }

            if (height > MaxHeight)
            {
                var at = TokenAt(deepest!.End);
                throw QueryErrors.ExpressionTooDeep(_text, at, MaxHeight);
            }

            _heights[node] = height;
        }

        return root;
    }

    /// <summary>The first token at or after <paramref name="offset"/>.</summary>
    private Token TokenAt(int offset)
    {
        int lo = 0, hi = _tokens.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_tokens[mid].Offset < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return _tokens[lo];
    }

    /// <summary>
    /// The direct sub-expressions of a node. A kind not listed counts as a leaf: its own sub-expressions were
    /// bounded when they were parsed (each through <see cref="ParseExpr"/>), so only its own level is not counted.
    /// </summary>
    private static void Children(Expr e, List<Expr> into)
    {
        switch (e)
        {
            case BinaryExpr b:
                into.Add(b.Left);
                into.Add(b.Right);
                break;
            case UnaryExpr u:
                into.Add(u.Operand);
                break;
            case IsNullExpr n:
                into.Add(n.Operand);
                break;
            case PropertyExpr p:
                into.Add(p.Target);
                break;
            case IndexExpr i:
                into.Add(i.Target);
                into.Add(i.Index);
                break;
            case SliceExpr s:
                into.Add(s.Target);
                AddIf(s.From, into);
                AddIf(s.To, into);
                break;
            case LabelCheckExpr l:
                into.Add(l.Target);
                break;
            case ListExpr l:
                into.AddRange(l.Items);
                break;
            case MapExpr m:
                foreach (var entry in m.Entries)
                {
                    into.Add(entry.Value);
                }

                break;
            case FunctionExpr f:
                into.AddRange(f.Args);
                break;
            case CaseExpr c:
                AddIf(c.Subject, into);
                foreach (var (when, then) in c.Branches)
                {
                    into.Add(when);
                    into.Add(then);
                }

                AddIf(c.Else, into);
                break;
            case ComprehensionExpr c:
                into.Add(c.Source);
                AddIf(c.Where, into);
                AddIf(c.Map, into);
                break;
            case PatternExpr p:
                foreach (var node in p.Pattern.Nodes)
                {
                    AddIf(node.Properties, into);
                }

                foreach (var rel in p.Pattern.Rels)
                {
                    AddIf(rel.Properties, into);
                }

                break;
        }
    }

    private static void AddIf(Expr? e, List<Expr> into)
    {
        if (e is not null)
        {
            into.Add(e);
        }
    }
}
