using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>What a statement needs before it runs: the MATCH clauses the staging graph answers, and whether it needs a snapshot.</summary>
internal sealed partial class ScriptRunner
{
    private sealed class StatementPlan
    {
        public HashSet<MatchClause> Fast { get; } = [];

        public bool NeedsSnapshot { get; set; }
    }

    /// <summary>
    /// Which MATCH clauses the staging graph answers itself (single node patterns, no WHERE), and whether the
    /// statement needs a snapshot: a MATCH with relationships, paths or WHERE, a pattern expression, or a node
    /// or relationship variable used other than by reading a property (labels(n), n:Label, collect(n), …).
    /// </summary>
    private static StatementPlan Inspect(QueryAst ast)
    {
        var plan = new StatementPlan();
        foreach (var part in ast.Parts)
        {
            var inspector = new PartInspector(plan);
            foreach (var clause in part.Clauses)
            {
                inspector.Visit(clause);
            }
        }

        return plan;
    }

    private static bool IsFast(MatchClause m) =>
        m.Where is null
        && m.Patterns.All(p => p.Rels.Count == 0 && p.PathVariable is null && p.Shortest == ShortestKind.None && p.Nodes[0].Properties is null or MapExpr);

    /// <summary>Whether an expression uses a node or relationship variable other than to read one of its properties.</summary>
    private static bool ReadsElements(Expr e, HashSet<int> tainted) => e switch
    {
        PatternExpr => true,
        VariableExpr v => tainted.Contains(v.Slot),
        PropertyExpr { Target: VariableExpr } => false,
        _ => Analyzer.Children(e).Any(c => ReadsElements(c, tainted)),
    };

    /// <summary>The inspection of one query part: which variables hold nodes, relationships or paths ("tainted"), and whether a write came before.</summary>
    private sealed class PartInspector(StatementPlan plan)
    {
        private readonly HashSet<int> _tainted = [];
        private bool _wrote;

        public void Visit(Clause clause)
        {
            switch (clause)
            {
                case MatchClause m:
                    VisitMatch(m);
                    break;
                case UnwindClause u:
                    Scan(u.Source);
                    if (u.Source is VariableExpr uv ? _tainted.Contains(uv.Slot) : ReadsElements(u.Source, _tainted))
                    {
                        _tainted.Add(u.Slot);
                    }

                    break;
                case CreateClause c:
                    foreach (var p in c.Patterns)
                    {
                        ScanPattern(p);
                        Taint(p);
                    }

                    _wrote = true;
                    break;
                case MergeClause mc:
                    ScanPattern(mc.Pattern);
                    Taint(mc.Pattern);
                    ScanItems(mc.OnCreate);
                    ScanItems(mc.OnMatch);
                    _wrote = true;
                    break;
                case SetClause sc:
                    ScanItems(sc.Items);
                    _wrote = true;
                    break;
                case DeleteClause dc:
                    // Deleting a variable's node or relationship reads nothing of it.
                    foreach (var item in dc.Items.Where(e => e is not VariableExpr))
                    {
                        Scan(item);
                    }

                    _wrote = true;
                    break;
                case ProjectionClause pc:
                    VisitProjection(pc);
                    break;
            }
        }

        private void VisitMatch(MatchClause m)
        {
            if (IsFast(m))
            {
                plan.Fast.Add(m);
            }
            else if (_wrote)
            {
                throw QueryErrors.ScriptMatchAfterWrite();
            }
            else
            {
                plan.NeedsSnapshot = true;
            }

            foreach (var p in m.Patterns)
            {
                ScanPattern(p);
                Taint(p);
            }

            Scan(m.Where);
        }

        private void VisitProjection(ProjectionClause pc)
        {
            foreach (var item in pc.Items)
            {
                if (item.Expression is not VariableExpr v)
                {
                    if (ReadsElements(item.Expression, _tainted))
                    {
                        plan.NeedsSnapshot = true;
                        _tainted.Add(item.Slot);
                    }
                }
                else if (_tainted.Contains(v.Slot))
                {
                    _tainted.Add(item.Slot);
                }
            }

            foreach (var s in pc.OrderBy)
            {
                Scan(s.Expression);
            }

            Scan(pc.Where);
        }

        private void Scan(Expr? e)
        {
            if (e is not null && ReadsElements(e, _tainted))
            {
                plan.NeedsSnapshot = true;
            }
        }

        private void Taint(PatternPart p)
        {
            _tainted.UnionWith(p.Nodes.Select(n => n.Slot));
            _tainted.UnionWith(p.Rels.Select(r => r.Slot));
            if (p.PathSlot >= 0)
            {
                _tainted.Add(p.PathSlot);
            }
        }

        private void ScanPattern(PatternPart p)
        {
            foreach (var n in p.Nodes)
            {
                Scan(n.Properties);
            }

            foreach (var r in p.Rels)
            {
                Scan(r.Properties);
            }
        }

        private void ScanItems(List<SetItem> items)
        {
            foreach (var item in items)
            {
                Scan(item.Value);
            }
        }
    }
}
