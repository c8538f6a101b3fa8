using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Query;

/// <summary>
/// Finds the labels, relationship types and property keys a query names that the graph has none of
/// (<see cref="QueryNotification"/>). It reads the analysed tree and the graph's vocabulary only; a
/// name is reported once, at its first place.
/// </summary>
internal static class Notifications
{
    private static readonly ConditionalWeakTable<Graph, Vocabulary> Vocabularies = new();

    public static ImmutableArray<QueryNotification> Check(Graph graph, QueryAst ast)
    {
        var vocabulary = Vocabularies.GetValue(graph, g => new Vocabulary(g));
        var walk = new Walk(ast, vocabulary);
        foreach (var part in ast.Parts)
        {
            walk.Part(part);
        }

        // EXISTS subqueries found on the way, walked one after the other (nested ones join the queue).
        while (walk.Subqueries.TryDequeue(out var subquery))
        {
            walk.Part(subquery);
        }

        return [.. walk.Found.OrderBy(n => n.Offset)];
    }

    /// <summary>Every label, relationship type and property key of one graph.</summary>
    private sealed class Vocabulary
    {
        public Vocabulary(Graph graph)
        {
            var labels = new SortedSet<string>(StringComparer.Ordinal);
            var keys = new SortedSet<string>(StringComparer.Ordinal) { "id", "name", "aliases" };
            foreach (var e in graph.Entities)
            {
                foreach (string label in e.AllLabels)
                {
                    labels.Add(label);
                }

                keys.UnionWith(e.Properties.Keys);
            }

            foreach (var r in graph.Relations)
            {
                keys.UnionWith(r.Qualifiers.Keys);
            }

            Labels = [.. labels];
            Types = [.. graph.RelationTypes.Select(t => t.Name).Order(StringComparer.Ordinal)];
            Keys = [.. keys];
        }

        public ImmutableArray<string> Labels { get; }

        public ImmutableArray<string> Types { get; }

        public ImmutableArray<string> Keys { get; }
    }

    private sealed class Walk(QueryAst ast, Vocabulary vocabulary)
    {
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
        private readonly HashSet<string> _patternVariables = new(StringComparer.Ordinal);

        public List<QueryNotification> Found { get; } = [];

        /// <summary>The EXISTS subqueries met in expressions, still to walk.</summary>
        public Queue<SingleQuery> Subqueries { get; } = new();

        public void Part(SingleQuery part)
        {
            var exprs = new List<Expr>();
            foreach (var clause in part.Clauses)
            {
                switch (clause)
                {
                    case MatchClause m:
                        foreach (var p in m.Patterns)
                        {
                            Pattern(p, exprs);
                        }

                        Add(exprs, m.Where);
                        break;
                    case UnwindClause u:
                        exprs.Add(u.Source);
                        break;
                    case ProjectionClause pc:
                        exprs.AddRange(pc.Items.Select(i => i.Expression));
                        exprs.AddRange(pc.OrderBy.Select(o => o.Expression));
                        Add(exprs, pc.Where);
                        break;
                }
            }

            Expressions(exprs);
        }

        private static void Add(List<Expr> list, Expr? e)
        {
            if (e is not null)
            {
                list.Add(e);
            }
        }

        private void Pattern(PatternPart p, List<Expr> exprs)
        {
            foreach (var n in p.Nodes)
            {
                if (n.Variable is not null)
                {
                    _patternVariables.Add(n.Variable);
                }

                foreach (string label in n.Labels)
                {
                    Label(label, n.Offset);
                }

                PropertyMap(n.Properties, n.Offset, exprs);
            }

            foreach (var r in p.Rels)
            {
                if (r.Variable is not null)
                {
                    _patternVariables.Add(r.Variable);
                }

                foreach (string type in r.Types)
                {
                    Report("UnknownRelationshipTypeWarning", "The provided relationship type is not in the graph.", "relationship type", type, r.Offset, vocabulary.Types);
                }

                PropertyMap(r.Properties, r.Offset, exprs);
            }
        }

        private void PropertyMap(Expr? properties, int offset, List<Expr> exprs)
        {
            if (properties is MapExpr map)
            {
                foreach (var (key, value) in map.Entries)
                {
                    Key(key, offset);
                    exprs.Add(value);
                }
            }
            else
            {
                Add(exprs, properties);
            }
        }

        private void Label(string label, int offset) =>
            Report("UnknownLabelWarning", "The provided label is not in the graph.", "label", label, offset, vocabulary.Labels);

        private void Key(string key, int offset) =>
            Report("UnknownPropertyKeyWarning", "The provided property key is not in the graph.", "property key", key, offset, vocabulary.Keys);

        /// <summary>Walks expressions with an explicit stack (no recursion), looking at property reads and label checks.</summary>
        private void Expressions(List<Expr> roots)
        {
            var stack = new Stack<Expr>(roots.AsEnumerable().Reverse());
            var nestedPatterns = new List<Expr>();
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case PropertyExpr p:
                        if (p.Target is VariableExpr v && _patternVariables.Contains(v.Name))
                        {
                            Key(p.Key, p.End - p.Key.Length);
                        }

                        stack.Push(p.Target);
                        break;
                    case LabelCheckExpr l:
                        foreach (string label in l.Labels.Where(l => !vocabulary.Types.Contains(l)))
                        {
                            Label(label, l.Start);
                        }

                        stack.Push(l.Target);
                        break;
                    case IndexExpr i:
                        stack.Push(i.Index);
                        stack.Push(i.Target);
                        break;
                    case SliceExpr s:
                        Push(stack, s.To, s.From, s.Target);
                        break;
                    case UnaryExpr u:
                        stack.Push(u.Operand);
                        break;
                    case BinaryExpr b:
                        stack.Push(b.Right);
                        stack.Push(b.Left);
                        break;
                    case IsNullExpr n:
                        stack.Push(n.Operand);
                        break;
                    case ListExpr list:
                        Push(stack, [.. list.Items]);
                        break;
                    case MapExpr map:
                        Push(stack, [.. map.Entries.Select(e => e.Value)]);
                        break;
                    case FunctionExpr f:
                        Push(stack, [.. f.Args]);
                        break;
                    case CaseExpr c:
                        Push(stack, [c.Subject, .. c.Branches.SelectMany(b => new[] { b.When, b.Then }), c.Else]);
                        break;
                    case ComprehensionExpr c:
                        Push(stack, c.Source, c.Where, c.Map);
                        break;
                    case PatternExpr pe:
                        Pattern(pe.Pattern, nestedPatterns);
                        Push(stack, [.. nestedPatterns]);
                        nestedPatterns.Clear();
                        break;
                    case ExistsExpr ex:
                        Subqueries.Enqueue(ex.Query);
                        break;
                }
            }
        }

        private static void Push(Stack<Expr> stack, params Expr?[] items)
        {
            for (int i = items.Length - 1; i >= 0; i--)
            {
                if (items[i] is { } e)
                {
                    stack.Push(e);
                }
            }
        }

        private void Report(string code, string title, string what, string name, int near, ImmutableArray<string> known)
        {
            if (known.Contains(name) || !_reported.Add(code + "\n" + name))
            {
                return;
            }

            int at = near >= 0 && near < ast.Text.Length ? ast.Text.IndexOf(name, near, StringComparison.Ordinal) : -1;
            var suggestions = EditDistance.Closest(name, known, 1);
            string? suggestion = suggestions.Count > 0 ? suggestions[0] : null;
            string effect = what == "property key" ? "reading it gives null and matching on it finds nothing" : "a pattern with it matches nothing";
            string message = $"the {what} `{name}` is not in the graph, so {effect}.{EditDistance.DidYouMean(suggestions, '`')}";
            if (suggestion is null && known.Length > 0)
            {
                message += $" The graph has: {string.Join(", ", known.Take(12).Select(k => "`" + k + "`"))}{(known.Length > 12 ? ", …" : string.Empty)}.";
            }

            Found.Add(new QueryNotification(code, title, message, ast.Text, at >= 0 ? at : near, suggestion));
        }
    }
}
