namespace KnowledgeGraph.IO.Cypher;

/// <summary>Deleted nodes and relationships of the staging graph.</summary>
internal sealed partial class ScriptGraph
{
    private readonly HashSet<object> _deleted = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a node is still in the graph (not deleted).</summary>
    public bool IsLive(ScriptNode n) => !_deleted.Contains(n);

    /// <summary>Whether a relationship is still in the graph (not deleted).</summary>
    public bool IsLive(ScriptRel r) => !_deleted.Contains(r);
}
