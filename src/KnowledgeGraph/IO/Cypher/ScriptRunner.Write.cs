using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>CREATE, MERGE and SET on the staging graph (DELETE is in its own file).</summary>
internal sealed partial class ScriptRunner
{
    private IEnumerable<object?[]> Write(Clause clause, object?[] row)
    {
        switch (clause)
        {
            case CreateClause c:
                Create(c, row);
                return [row];
            case MergeClause m:
                return Merge(m, row);
            case SetClause s:
                ApplySet(s.Items, row);
                return [row];
            case DeleteClause d:
                Delete(d, row);
                return [row];
            default:
                throw QueryErrors.ScriptClauseUnsupported();
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> NonNull(Dictionary<string, object?>? map) =>
        map is null ? [] : map.Where(p => p.Value is not null);

    private void Create(CreateClause c, object?[] row)
    {
        foreach (var part in c.Patterns)
        {
            var nodes = new ScriptNode[part.Nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                var n = part.Nodes[i];
                if (row[n.Slot] is { } existing)
                {
                    nodes[i] = Live(NodeOf(existing, n.Variable)!);
                    continue;
                }

                nodes[i] = CreateNode(n, EvalMap(n.Properties, row));
                row[n.Slot] = NodeValue(nodes[i]);
            }

            for (int i = 0; i < part.Rels.Count; i++)
            {
                var r = part.Rels[i];
                var (from, to) = r.Direction == RelDirection.In ? (nodes[i + 1], nodes[i]) : (nodes[i], nodes[i + 1]);
                row[r.Slot] = CreateRel(r, from, to, EvalMap(r.Properties, row));
            }
        }
    }

    /// <summary>Creates the node of a pattern, which keeps the pattern's position for the mapping's errors.</summary>
    private ScriptNode CreateNode(NodePattern pattern, Dictionary<string, object?>? properties)
    {
        var n = Graph.CreateNode(pattern.Labels, NonNull(properties));
        n.Position = At(pattern.Offset);
        return n;
    }

    /// <summary>Creates the relationship of a pattern, which keeps the pattern's position for the mapping's errors.</summary>
    private ScriptRel CreateRel(RelPattern pattern, ScriptNode from, ScriptNode to, Dictionary<string, object?>? properties)
    {
        var r = Graph.CreateRel(from, pattern.Types[0], to, NonNull(properties));
        r.Position = At(pattern.Offset);
        return r;
    }

    private Dictionary<string, object?>? MergeMap(Expr? e, object?[] row, string what)
    {
        var map = EvalMap(e, row);
        if (map is not null)
        {
            foreach (var (key, value) in map)
            {
                if (value is null)
                {
                    throw QueryErrors.MergeNullProperty(what, key);
                }
            }
        }

        return map;
    }

    private IEnumerable<object?[]> Merge(MergeClause m, object?[] row)
    {
        var p = m.Pattern;
        int k = p.Nodes.Count;
        var nodeProps = new Dictionary<string, object?>?[k];
        var fixedNodes = new ScriptNode?[k];
        var sameAs = new int[k];
        for (int i = 0; i < k; i++)
        {
            var n = p.Nodes[i];
            nodeProps[i] = MergeMap(n.Properties, row, "node");
            sameAs[i] = -1;
            for (int j = 0; j < i; j++)
            {
                if (p.Nodes[j].Slot == n.Slot)
                {
                    sameAs[i] = j;
                    break;
                }
            }

            if (m.BoundBefore.Contains(n.Slot))
            {
                fixedNodes[i] = Live(NodeOf(row[n.Slot], n.Variable)
                    ?? throw QueryErrors.MergeNullNode(n.Variable!));
            }
        }

        var relProps = p.Rels.Select(r => MergeMap(r.Properties, row, "relationship")).ToArray();
        var search = new MergeSearch(this, p, nodeProps, relProps, fixedNodes, sameAs);
        var matches = search.Run();
        if (matches.Count > 0)
        {
            var result = new List<object?[]>(matches.Count);
            foreach (var (nodes, rels) in matches)
            {
                var r = (object?[])row.Clone();
                BindPattern(m, r, nodes, rels);
                result.Add(r);
            }

            foreach (var r in result)
            {
                ApplySet(m.OnMatch, r);
            }

            return result;
        }

        var created = new ScriptNode[k];
        for (int i = 0; i < k; i++)
        {
            var n = p.Nodes[i];
            created[i] = fixedNodes[i] ?? (sameAs[i] >= 0 ? created[sameAs[i]] : CreateNode(n, nodeProps[i]));
        }

        var createdRels = new ScriptRel[p.Rels.Count];
        for (int i = 0; i < createdRels.Length; i++)
        {
            var r = p.Rels[i];
            var (from, to) = r.Direction == RelDirection.In ? (created[i + 1], created[i]) : (created[i], created[i + 1]);
            createdRels[i] = CreateRel(r, from, to, relProps[i]);
        }

        BindPattern(m, row, created, createdRels);
        ApplySet(m.OnCreate, row);
        return [row];
    }

    private void BindPattern(MergeClause m, object?[] row, ScriptNode[] nodes, ScriptRel[] rels)
    {
        for (int i = 0; i < nodes.Length; i++)
        {
            var n = m.Pattern.Nodes[i];
            if (!m.BoundBefore.Contains(n.Slot))
            {
                row[n.Slot] = NodeValue(nodes[i]);
            }
        }

        for (int i = 0; i < rels.Length; i++)
        {
            row[m.Pattern.Rels[i].Slot] = rels[i];
        }
    }

    private void ApplySet(List<SetItem> items, object?[] row)
    {
        foreach (var item in items)
        {
            if (row[item.Target.Slot] is { } target)
            {
                ApplySet(item, Live(ElementOf(target, item.Target.Name)), row);
            }
        }
    }

    private void ApplySet(SetItem item, IScriptElement element, object?[] row)
    {
        switch (item.Kind)
        {
            case SetKind.Labels or SetKind.RemoveLabels:
                SetLabels(item, element);
                break;
            case SetKind.Property:
                Set(element, item.Key!, Evaluator.Eval(item.Value!, row, _ctx));
                break;
            default:
                SetProperties(item, element, Evaluator.Eval(item.Value!, row, _ctx));
                break;
        }

        // A node or relationship the builder held keeps the position of the first item that changed it.
        switch (element)
        {
            case ScriptNode { Changed: true, Position: null } n:
                n.Position = At(item.Offset);
                break;
            case ScriptRel { Changed: true, Position: null } r:
                r.Position = At(item.Offset);
                break;
        }
    }

    private void SetLabels(SetItem item, IScriptElement element)
    {
        if (element is not ScriptNode node)
        {
            throw QueryErrors.LabelOnRelationshipValue(item.Target.Name, item.Labels[0]);
        }

        foreach (var l in item.Labels)
        {
            Graph.ChangeLabel(node, l, add: item.Kind == SetKind.Labels);
        }
    }

    /// <summary>SET x = map (replacing every property) or SET x += map (adding to them); the map may be a node's or a relationship's properties.</summary>
    private void SetProperties(SetItem item, IScriptElement element, object? value)
    {
        var map = value switch
        {
            Dictionary<string, object?> d => d.ToList(),
            ScriptNode or NodeRef or ScriptRel or EdgeRef => Properties(ElementOf(value, item.Target.Name)).ToList(),
            _ => throw QueryErrors.SetNeedsMap(item.Target.Name, item.Kind == SetKind.Replace ? "=" : "+=", value),
        };
        if (item.Kind == SetKind.Replace)
        {
            var keep = new HashSet<string>(map.Select(p => p.Key), StringComparer.Ordinal);
            foreach (var key in Properties(element).Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                Set(element, key, null);
            }
        }

        foreach (var (key, v) in map)
        {
            Set(element, key, v);
        }
    }

    private static Dictionary<string, object?> Properties(IScriptElement e) => e is ScriptNode n ? n.Properties : ((ScriptRel)e).Properties;

    private void Set(IScriptElement element, string key, object? value)
    {
        if (element is ScriptNode n)
        {
            Graph.SetProperty(n, key, value);
        }
        else
        {
            Graph.SetProperty((ScriptRel)element, key, value);
        }
    }
}
