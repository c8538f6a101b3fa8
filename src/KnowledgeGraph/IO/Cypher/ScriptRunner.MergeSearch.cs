using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

internal sealed partial class ScriptRunner
{
    /// <summary>Finds every match of a MERGE pattern in the staging graph: node by node, relationship by relationship.</summary>
    private sealed class MergeSearch(
        ScriptRunner owner,
        PatternPart pattern,
        Dictionary<string, object?>?[] nodeProps,
        Dictionary<string, object?>?[] relProps,
        ScriptNode?[] fixedNodes,
        int[] sameAs)
    {
        private readonly ScriptNode[] _nodes = new ScriptNode[pattern.Nodes.Count];
        private readonly ScriptRel[] _rels = new ScriptRel[pattern.Rels.Count];
        private readonly List<(ScriptNode[], ScriptRel[])> _matches = [];

        public List<(ScriptNode[] Nodes, ScriptRel[] Rels)> Run()
        {
            var n = pattern.Nodes[0];
            IEnumerable<ScriptNode> starts = fixedNodes[0] is { } f ? [f] : owner.Graph.Candidates(n.Labels, nodeProps[0], int.MaxValue);
            foreach (var s in starts)
            {
                TryNode(0, s);
            }

            return _matches;
        }

        private bool Fits(int i, ScriptNode node)
        {
            // A node a plain DELETE removed may keep its relationships until the statement ends: MERGE skips it.
            if (node.Deleted || (fixedNodes[i] is { } f && !ReferenceEquals(f, node)))
            {
                return false;
            }

            if (sameAs[i] >= 0 && !ReferenceEquals(_nodes[sameAs[i]], node))
            {
                return false;
            }

            return ScriptGraph.Matches(node, pattern.Nodes[i].Labels, nodeProps[i]);
        }

        private void TryNode(int i, ScriptNode node)
        {
            if (!Fits(i, node))
            {
                return;
            }

            _nodes[i] = node;
            if (i == _nodes.Length - 1)
            {
                _matches.Add(((ScriptNode[])_nodes.Clone(), (ScriptRel[])_rels.Clone()));
                if (_matches.Count > owner._options.MaxRows)
                {
                    throw QueryErrors.TooManyRows(owner._options.MaxRows);
                }

                return;
            }

            var r = pattern.Rels[i];
            string type = r.Types[0];
            var known = fixedNodes[i + 1] ?? (sameAs[i + 1] >= 0 && sameAs[i + 1] <= i ? _nodes[sameAs[i + 1]] : null);
            if (r.Direction != RelDirection.In)
            {
                var rels = known is not null ? owner.Graph.Between(node, type, known) : node.Out;
                foreach (var rel in rels)
                {
                    TryRel(i, rel, rel.End);
                }
            }

            if (r.Direction != RelDirection.Out)
            {
                var rels = known is not null ? owner.Graph.Between(known, type, node) : node.In;
                foreach (var rel in rels)
                {
                    if (r.Direction == RelDirection.Both && ReferenceEquals(rel.Start, rel.End))
                    {
                        continue; // a self-loop was seen as outgoing already
                    }

                    TryRel(i, rel, rel.Start);
                }
            }
        }

        private void TryRel(int i, ScriptRel rel, ScriptNode other)
        {
            if (rel.Deleted
                || !string.Equals(rel.Type, pattern.Rels[i].Types[0], StringComparison.Ordinal)
                || (relProps[i] is { } want && !ScriptGraph.PropertiesMatch(rel.Properties, want)))
            {
                return;
            }

            for (int j = 0; j < i; j++)
            {
                if (ReferenceEquals(_rels[j], rel))
                {
                    return;
                }
            }

            _rels[i] = rel;
            TryNode(i + 1, other);
        }
    }
}
