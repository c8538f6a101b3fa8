using System.Runtime.CompilerServices;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Query;

/// <summary>Planning a clause: its start (id, name or relation-type indexes), the conjuncts of its WHERE, and the order of its steps.</summary>
internal sealed partial class Matcher
{
    /// <summary>Plans a clause (kept apart so that matching a row allocates no closure state).</summary>
    private void Prepare(MatchClause clause, bool[] preBound)
    {
        var idLookups = IdLookups(clause, preBound);
        _clause = clause;
        var values = idLookups.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
        _plans = clause.Patterns.Select(p => MakePlan(p, preBound, values, clause.Patterns)).ToArray();

        // A conjunct that chose the start entity holds for every row the plan makes: do not evaluate it again.
        var consumed = new HashSet<Expr>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in _plans)
        {
            if (plan.StartId is not null && !seen.Contains(plan.Nodes[0].Variable!))
            {
                consumed.Add(idLookups[plan.Nodes[0].Variable!].Conjunct);
            }

            seen.UnionWith(plan.Nodes.Select(n => n.Variable!));
        }

        _residual = null;
        foreach (var c in Conjuncts(clause.Where))
        {
            if (!consumed.Contains(c))
            {
                _residual = _residual is null ? c : new BinaryExpr("AND", _residual, c);
            }
        }
    }

    /// <summary>WHERE id(v) = expr conjuncts, where expr does not depend on this clause: the planner starts from that entity.</summary>
    private static Dictionary<string, (Expr Value, Expr Conjunct)> IdLookups(MatchClause m, bool[] preBound)
    {
        var result = new Dictionary<string, (Expr Value, Expr Conjunct)>(StringComparer.Ordinal);
        var conjuncts = Matcher.Conjuncts(m.Where);
        bool Independent(Expr e) => e switch
        {
            VariableExpr v => v.Slot >= 0 && preBound[v.Slot],
            PatternExpr => false,
            ComprehensionExpr => false,
            ExistsExpr => false,
            _ => Analyzer.Children(e).All(Independent),
        };

        foreach (var c in conjuncts)
        {
            if (c is BinaryExpr { Op: "=" } eq)
            {
                foreach (var (fn, other) in new[] { (eq.Left, eq.Right), (eq.Right, eq.Left) })
                {
                    if (fn is FunctionExpr { Lower: "id", Args: [VariableExpr v] } && !preBound[v.Slot] && Independent(other))
                    {
                        result.TryAdd(v.Name, (other, c));
                    }
                }
            }
        }

        return result;
    }

    public static List<Expr> Conjuncts(Expr? where)
    {
        var conjuncts = new List<Expr>();
        void Split(Expr e)
        {
            if (e is BinaryExpr { Op: "AND" } b)
            {
                Split(b.Left);
                Split(b.Right);
            }
            else
            {
                conjuncts.Add(e);
            }
        }

        if (where is not null)
        {
            Split(where);
        }

        return conjuncts;
    }

    /// <summary>A pattern used as an expression: the list of paths it matches from the row's bindings.</summary>
    public List<object?> MatchPatternExpression(PatternPart part, object?[] row)
    {
        var savedUsed = _used.ToArray();
        var savedPre = _preBound;
        var savedBatch = _batch;
        _batch = null;
        _used.Clear();
        var pre = new bool[row.Length];
        for (int i = 0; i < row.Length; i++)
        {
            pre[i] = true;
        }

        foreach (var n in part.Nodes)
        {
            if (n.Anonymous)
            {
                pre[n.Slot] = false;
            }
        }

        foreach (var r in part.Rels)
        {
            if (r.Anonymous)
            {
                pre[r.Slot] = false;
            }
        }

        _preBound = pre;
        var plan = MakePlan(part, pre, [], [part], bindAll: true);
        var results = new List<object?>();
        var work = (object?[])row.Clone();
        foreach (var n in part.Nodes.Where(n => n.Anonymous))
        {
            work[n.Slot] = null;
        }

        foreach (var r in part.Rels.Where(r => r.Anonymous))
        {
            work[r.Slot] = null;
        }

        bool savedDistinct = _distinctEnds;
        _distinctEnds = false;
        MatchParts([plan], 0, work, r => results.Add(BuildPath(part, r)));
        _distinctEnds = savedDistinct;
        _used.Clear();
        _used.AddRange(savedUsed);
        _preBound = savedPre;
        _batch = savedBatch;
        return results;
    }

    private Plan MakePlan(PatternPart p, bool[] preBound, Dictionary<string, Expr> idLookups, IReadOnlyList<PatternPart> clauseParts, bool bindAll = false)
    {
        bool reverse = p.Shortest == ShortestKind.None && p.Nodes.Count > 1 && StartCost(p.Nodes[^1], p.Rels[^1], preBound, idLookups) < StartCost(p.Nodes[0], p.Rels[0], preBound, idLookups);
        var nodes = p.Nodes.ToArray();
        var rels = p.Rels.ToArray();
        if (reverse)
        {
            Array.Reverse(nodes);
            Array.Reverse(rels);
        }

        var codes = rels.Select(r => r.Types.Count == 0 ? [] : r.Types.Select(t => _graph.TypeCode(new RelationType(t))).Where(c => c >= 0).Distinct().ToArray()).ToArray();
        var others = clauseParts.SelectMany(part => part.Rels).ToList();
        bool IsIsolated(RelPattern r) =>
            !r.VarLength && r.Types.Count > 0
            && others.All(o => ReferenceEquals(o, r) || (o.Types.Count > 0 && !o.Types.Intersect(r.Types, StringComparer.Ordinal).Any()));
        var isolated = rels.Select(IsIsolated).ToArray();
        bool canBatch = CanBatchLast(p, nodes, rels, codes, isolated, preBound, reverse, clauseParts, bindAll);
        var first = nodes[0];
        var startId = idLookups.TryGetValue(first.Variable!, out var e) && !preBound[first.Slot] ? e : null;
        Expr? startIdProperty = null, startName = null;
        int[]? startTypeNodes = null;
        if (!preBound[first.Slot] && startId is null && p.Shortest == ShortestKind.None)
        {
            startIdProperty = IdProperty(first);
            startName = startIdProperty is null ? NameProperty(first) : null;
            if (startIdProperty is null && startName is null && first.Labels.Count == 0 && rels.Length > 0 && TypeStart(rels[0]) is int code)
            {
                startTypeNodes = _index.WithEdgeOfType(code, Effective(rels[0], reverse));
            }
        }

        return new Plan
        {
            StartIdProperty = startIdProperty,
            StartName = startName,
            StartTypeNodes = startTypeNodes,
            Isolated = isolated,
            CanBatchLast = canBatch,
            Part = p,
            Nodes = nodes,
            Rels = rels,
            Reversed = reverse,
            TypeCodes = codes,
            StartId = startId,
            BindAll = bindAll || p.PathSlot >= 0 || p.Shortest != ShortestKind.None,
        };
    }

    /// <summary>
    /// The cost of starting a pattern at an end node: bound already, an id or name lookup, a label, or the
    /// nodes with an edge of the adjacent relationship's type; else every node.
    /// </summary>
    private int StartCost(NodePattern n, RelPattern? adjacent, bool[] preBound, Dictionary<string, Expr> idLookups)
    {
        if (preBound[n.Slot])
        {
            return 0;
        }

        if (idLookups.ContainsKey(n.Variable!) || IdProperty(n) is not null)
        {
            return 1;
        }

        if (NameProperty(n) is not null)
        {
            return 2;
        }

        if (n.Labels.Count > 0)
        {
            return 2 + n.Labels.Min(l => _index.WithLabel(l).Length);
        }

        return TypeStart(adjacent) is int code ? 2 + _graph.EdgesOfType(code).Length : int.MaxValue;
    }

    /// <summary>Whether the plan's last step only binds an end node nothing else names, so its targets can be handed on as one batch.</summary>
    private static bool CanBatchLast(PatternPart p, NodePattern[] nodes, RelPattern[] rels, int[][] codes, bool[] isolated, bool[] preBound, bool reverse, IReadOnlyList<PatternPart> clauseParts, bool bindAll)
    {
        if (rels.Length == 0 || p.Shortest != ShortestKind.None || p.PathSlot >= 0 || bindAll)
        {
            return false;
        }

        var lastRel = rels[^1];
        var end = nodes[^1];
        return isolated[^1] && lastRel.Anonymous && lastRel.Properties is null && codes[^1].Length == 1
            && Effective(lastRel, reverse) == RelDirection.Out
            && end.Labels.Count == 0 && end.Properties is null && !preBound[end.Slot]
            && clauseParts.SelectMany(part => part.Nodes).Count(n => n.Slot == end.Slot) == 1;
    }

    /// <summary>The value of a node pattern's <c>id</c> property, when the entity id index answers it (no entity hides its id).</summary>
    private Expr? IdProperty(NodePattern n) => _index.HasIdProperty ? null : PatternProperty(n, "id");

    /// <summary>The value of a node pattern's <c>name</c> property, when the name index answers it (no entity hides its name).</summary>
    private Expr? NameProperty(NodePattern n) => _index.HasNameProperty ? null : PatternProperty(n, "name");

    private static Expr? PatternProperty(NodePattern n, string key)
    {
        if (n.Properties is MapExpr map)
        {
            foreach (var kv in map.Entries)
            {
                if (kv.Key == key)
                {
                    return kv.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The type code of a fixed-length relationship of one type that exists in the graph, or null.</summary>
    private int? TypeStart(RelPattern? r)
    {
        if (r is null || r.VarLength || r.Types.Count != 1)
        {
            return null;
        }

        int code = _graph.TypeCode(new RelationType(r.Types[0]));
        return code >= 0 ? code : null;
    }
}
