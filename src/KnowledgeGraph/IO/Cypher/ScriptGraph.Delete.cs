namespace KnowledgeGraph.IO.Cypher;

/// <summary>
/// Deleting nodes and relationships of the staging graph, and removing labels. A deleted node or relationship
/// keeps its place (and index) in <see cref="Nodes"/> or <see cref="Rels"/> but is marked deleted: look-ups
/// skip it at once, and the lists that still hold it (nodes by label and by property value, relationships
/// of a node and between two nodes) drop it when <see cref="Compact"/> runs, between statements, once
/// enough has been deleted to pay for the pass.
/// </summary>
internal sealed partial class ScriptGraph
{
    /// <summary>How many entries of the look-up lists belong to deleted nodes and relationships.</summary>
    private int _stale;

    /// <summary>Whether a node is still in the graph (not deleted).</summary>
    public bool IsLive(ScriptNode n) => !n.Deleted;

    /// <summary>Whether a relationship is still in the graph (not deleted).</summary>
    public bool IsLive(ScriptRel r) => !r.Deleted;

    /// <summary>The relationships of a node that are not deleted, each once (a self-loop is in both lists).</summary>
    public static IEnumerable<ScriptRel> LiveRelationships(ScriptNode n) =>
        n.Out.Where(r => !r.Deleted).Concat(n.In.Where(r => !r.Deleted && !ReferenceEquals(r.Start, r.End)));

    /// <summary>Deletes a node (nothing when it is deleted already); its relationships are the caller's concern.</summary>
    public void Delete(ScriptNode n)
    {
        if (n.Deleted)
        {
            return;
        }

        n.Deleted = true;
        _stale += n.Labels.Count + 1;
        Version++;
    }

    /// <summary>Deletes a relationship (nothing when it is deleted already).</summary>
    public void Delete(ScriptRel r)
    {
        if (r.Deleted)
        {
            return;
        }

        r.Deleted = true;
        _stale += 3;
        Version++;
    }

    /// <summary>
    /// Drops deleted nodes and relationships from the look-up lists when they make up a good part of them (so
    /// that a script deleting one node per statement does not pay a pass per statement). Call it only while no
    /// look-up is being enumerated: between statements.
    /// </summary>
    public void Compact()
    {
        if (_stale < 1024 || _stale * 2 < Nodes.Count + Rels.Count)
        {
            return;
        }

        foreach (var list in _byLabel.Values)
        {
            list.RemoveAll(n => n.Deleted);
        }

        foreach (var byKey in _index.Values)
        {
            foreach (var values in byKey.Values)
            {
                foreach (var bucket in values.Values)
                {
                    bucket.RemoveAll(n => n.Deleted);
                }
            }
        }

        foreach (var list in _between.Values)
        {
            list.RemoveAll(r => r.Deleted);
        }

        foreach (var n in Nodes)
        {
            n.Out.RemoveAll(r => r.Deleted);
            n.In.RemoveAll(r => r.Deleted);
        }

        _stale = 0;
    }

    /// <summary>
    /// Gives deleted nodes and relationships that have no entity or relation yet one (with a hidden id), so
    /// that a statement's rows can still show what it deleted.
    /// </summary>
    private void SnapshotDeleted()
    {
        foreach (var n in Nodes)
        {
            if (n.Deleted && n.Snapshot is null)
            {
                SnapshotOf(n, HiddenId(n));
            }
        }

        foreach (var r in Rels)
        {
            if (r.Deleted && r.Snapshot is null)
            {
                SnapshotOf(r);
            }
        }
    }

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
