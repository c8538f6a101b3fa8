namespace KnowledgeGraph.IO.Cypher;

/// <summary>Deleted nodes and relationships of the staging graph.</summary>
internal sealed partial class ScriptGraph
{
    private readonly HashSet<object> _deleted = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a node is still in the graph (not deleted).</summary>
    public bool IsLive(ScriptNode n) => !_deleted.Contains(n);

    /// <summary>Whether a relationship is still in the graph (not deleted).</summary>
    public bool IsLive(ScriptRel r) => !_deleted.Contains(r);

    /// <summary>Adds (SET n:Label) or removes (REMOVE n:Label) a label.</summary>
    public void ChangeLabel(ScriptNode n, string label, bool add)
    {
        if (add)
        {
            AddLabel(n, label);
        }
        else
        {
            RemoveLabel(n, label);
        }
    }

    /// <summary>Removes a label from a node (nothing when it does not have it).</summary>
    public void RemoveLabel(ScriptNode n, string label)
    {
        if (!n.HasLabel(label))
        {
            return;
        }

        n.Labels.RemoveAll(l => string.Equals(l, label, StringComparison.Ordinal));
        if (_byLabel.TryGetValue(label, out var list))
        {
            list.Remove(n);
        }

        if (_index.TryGetValue(label, out var byKey))
        {
            foreach (var (key, values) in byKey)
            {
                if (n.Properties.TryGetValue(key, out var v) && IndexKey(v) is { } k)
                {
                    Remove(values, k, n);
                }
            }
        }

        Touch(n);
    }
}
