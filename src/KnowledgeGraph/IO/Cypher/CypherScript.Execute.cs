using System.Collections.Immutable;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>Running a script for its last statement's rows and the changes it made (used to check writes against the openCypher TCK).</summary>
public static partial class CypherScript
{
    /// <summary>
    /// Runs a script as <see cref="Apply"/> does and returns the last statement's rows (nodes as
    /// <see cref="Entity"/>, relationships as <see cref="Relation"/>, paths as <see cref="GraphPath"/>, lists and
    /// maps as in a <see cref="QueryResult"/>) and what the script changed in the staging graph.
    /// </summary>
    internal static ScriptOutcome Execute(GraphBuilder builder, string cypher, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cypher);
        var runner = new ScriptRunner(parameters, QueryOptions.Default, cancellationToken) { KeepLastRows = true };
        ScriptMapping.Import(builder, runner.Graph);
        var before = ScriptState.Of(runner.Graph);
        runner.Run(cypher);
        var effects = ScriptState.Of(runner.Graph).Since(before);
        runner.Graph.Snapshot(out _, out _, out _);
        var rows = runner.LastRows.Select(r => r.Select(v => ToPublic(v, 0)).ToImmutableArray()).ToList();
        ScriptMapping.Commit(builder, runner.Graph, ScriptSource);
        return new ScriptOutcome(runner.LastColumns, rows, effects);
    }

    private static object? ToPublic(object? v, int depth) => v switch
    {
        ScriptNode n => n.Snapshot,
        ScriptRel r => r.Snapshot,
        ScriptPath p => new GraphPath(
            [.. p.Nodes.Select(n => n.Snapshot!)],
            [.. p.Rels.Select((r, i) => new PathStep(r.Snapshot!, ReferenceEquals(r.Start, p.Nodes[i])))]),
        List<object?> list => list.Select(x => ToPublic(x, depth + 1)).ToImmutableArray(),
        Dictionary<string, object?> map => map.ToImmutableSortedDictionary(p => p.Key, p => ToPublic(p.Value, depth + 1), StringComparer.Ordinal),
        _ => v,
    };
}

/// <summary>The last statement's columns and rows, and the script's side effects, of <see cref="CypherScript.Execute"/>.</summary>
internal sealed record ScriptOutcome(List<string> Columns, List<ImmutableArray<object?>> Rows, ScriptSideEffects SideEffects);

/// <summary>
/// What a script changed, counted as the openCypher TCK counts: nodes and relationships created and deleted,
/// label names that came to be used or stopped being used by any node, and properties added and removed (a
/// property whose value changed counts as one removed and one added).
/// </summary>
internal sealed record ScriptSideEffects(int NodesCreated, int NodesDeleted, int RelationshipsCreated, int RelationshipsDeleted, int LabelsAdded, int LabelsRemoved, int PropertiesAdded, int PropertiesRemoved)
{
    /// <summary>The counts by the TCK's names (<c>+nodes</c>, <c>-relationships</c>, …).</summary>
    public IReadOnlyDictionary<string, int> ByName => new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["+nodes"] = NodesCreated,
        ["-nodes"] = NodesDeleted,
        ["+relationships"] = RelationshipsCreated,
        ["-relationships"] = RelationshipsDeleted,
        ["+labels"] = LabelsAdded,
        ["-labels"] = LabelsRemoved,
        ["+properties"] = PropertiesAdded,
        ["-properties"] = PropertiesRemoved,
    };
}

/// <summary>The nodes, relationships, label names and property values of a staging graph at one moment.</summary>
internal sealed class ScriptState
{
    private readonly HashSet<ScriptNode> _nodes = [];
    private readonly HashSet<ScriptRel> _rels = [];
    private readonly HashSet<string> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<(IScriptElement Element, string Key), object?> _properties = [];

    public static ScriptState Of(ScriptGraph g)
    {
        var s = new ScriptState();
        foreach (var n in g.Nodes.Where(g.IsLive))
        {
            s._nodes.Add(n);
            s._labels.UnionWith(n.Labels);
            foreach (var (k, v) in n.Properties)
            {
                s._properties[(n, k)] = v;
            }
        }

        foreach (var r in g.Rels.Where(g.IsLive))
        {
            s._rels.Add(r);
            foreach (var (k, v) in r.Properties)
            {
                s._properties[(r, k)] = v;
            }
        }

        return s;
    }

    public ScriptSideEffects Since(ScriptState before) => new(
        _nodes.Count(n => !before._nodes.Contains(n)),
        before._nodes.Count(n => !_nodes.Contains(n)),
        _rels.Count(r => !before._rels.Contains(r)),
        before._rels.Count(r => !_rels.Contains(r)),
        _labels.Count(l => !before._labels.Contains(l)),
        before._labels.Count(l => !_labels.Contains(l)),
        Changed(_properties, before._properties),
        Changed(before._properties, _properties));

    private static int Changed(Dictionary<(IScriptElement, string), object?> these, Dictionary<(IScriptElement, string), object?> others) =>
        these.Count(p => !others.TryGetValue(p.Key, out var v) || !ScriptGraph.SameValue(v, p.Value));
}
