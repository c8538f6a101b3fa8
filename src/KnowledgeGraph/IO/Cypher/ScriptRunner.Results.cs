using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>The rows of the last statement, kept when <see cref="ScriptRunner.KeepLastRows"/> asks for them.</summary>
internal sealed partial class ScriptRunner
{
    /// <summary>The deepest list or map nesting a kept row may hold.</summary>
    private const int MaxValueDepth = 1000;

    /// <summary>Whether to keep the rows each statement returns (see <see cref="LastColumns"/> and <see cref="LastRows"/>).</summary>
    public bool KeepLastRows { get; init; }

    /// <summary>The columns of the last statement that ran (empty when it ends with a write clause).</summary>
    public List<string> LastColumns { get; private set; } = [];

    /// <summary>
    /// The rows of the last statement, with nodes and relationships as the staging graph's own
    /// <see cref="ScriptNode"/> and <see cref="ScriptRel"/> and paths as <see cref="ScriptPath"/>; empty when it ends with a write clause.
    /// </summary>
    public List<object?[]> LastRows { get; private set; } = [];

    private void KeepRows((List<string> Columns, List<object?[]> Rows) result)
    {
        if (!KeepLastRows)
        {
            return;
        }

        LastColumns = result.Columns ?? [];
        LastRows = LastColumns.Count == 0 ? [] : result.Rows.Select(r => r.Select(v => Resolve(v, 0)).ToArray()).ToList();
    }

    /// <summary>Replaces references into the statement's snapshot by the staging graph's elements.</summary>
    private object? Resolve(object? v, int depth)
    {
        if (depth > MaxValueDepth)
        {
            throw QueryErrors.ValueTooDeep(MaxValueDepth);
        }

        return v switch
        {
            NodeRef r => _fromSnapshot[r.Index],
            EdgeRef e => Graph.Rels[_edgeOrigin[e.Edge]],
            PathValue p => new ScriptPath([.. p.Nodes.Select(i => _fromSnapshot[i])], [.. p.Edges.Select(e => Graph.Rels[_edgeOrigin[e]])]),
            List<object?> list => list.Select(x => Resolve(x, depth + 1)).ToList(),
            Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Resolve(p.Value, depth + 1), StringComparer.Ordinal),
            _ => v,
        };
    }
}

/// <summary>A path of the staging graph: its nodes and the relationships between them.</summary>
internal sealed record ScriptPath(ScriptNode[] Nodes, ScriptRel[] Rels);
