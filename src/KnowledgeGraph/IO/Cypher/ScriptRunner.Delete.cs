using System.Globalization;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>DELETE and DETACH DELETE on the staging graph.</summary>
internal sealed partial class ScriptRunner
{
    /// <summary>The nodes a plain DELETE removed in the statement: when it ends, none may keep a relationship.</summary>
    private readonly List<ScriptNode> _deletedPlain = [];

    /// <summary>Deletes what each item of the clause gives for one row: a node, a relationship, a path's nodes and relationships, or nothing for null.</summary>
    private void Delete(DeleteClause clause, object?[] row)
    {
        foreach (var item in clause.Items)
        {
            var value = Evaluator.Eval(item, row, _ctx);
            switch (value)
            {
                case null:
                    break;
                case ScriptNode or NodeRef:
                    DeleteNode(NodeOf(value, null)!, clause.Detach);
                    break;
                case ScriptRel or EdgeRef:
                    Graph.Delete((ScriptRel)ElementOf(value, string.Empty));
                    break;
                case PathValue path:
                    foreach (int e in path.Edges)
                    {
                        Graph.Delete(Graph.Rels[_edgeOrigin[e]]);
                    }

                    foreach (int n in path.Nodes)
                    {
                        DeleteNode(_fromSnapshot[n], clause.Detach);
                    }

                    break;
                default:
                    throw QueryErrors.DeleteNonEntityValue(clause.Name, value);
            }
        }
    }

    private void DeleteNode(ScriptNode n, bool detach)
    {
        if (n.Deleted)
        {
            return;
        }

        if (detach)
        {
            foreach (var r in ScriptGraph.LiveRelationships(n).ToList())
            {
                Graph.Delete(r);
            }
        }
        else
        {
            _deletedPlain.Add(n);
        }

        Graph.Delete(n);
    }

    /// <summary>When a statement ends: a node a plain DELETE removed must have lost every relationship (deleted in the same statement).</summary>
    private void CheckDeletedNodes()
    {
        try
        {
            foreach (var n in _deletedPlain)
            {
                int left = ScriptGraph.LiveRelationships(n).Count();
                if (left > 0)
                {
                    throw QueryErrors.DeleteConnectedNode(Describe(n), left);
                }
            }
        }
        finally
        {
            _deletedPlain.Clear();
        }
    }

    /// <summary>A node for a message: its labels and, when it has one, its id or name, as in <c>(:Person {name: 'Ann'})</c>.</summary>
    private static string Describe(ScriptNode n)
    {
        string labels = string.Concat(n.Labels.Select(l => ":" + l));
        foreach (var key in new[] { "id", "name" })
        {
            switch (n.GetProperty(key))
            {
                case string s:
                    string quoted = s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
                    return $"({labels} {{{key}: '{quoted}'}})";
                case long l:
                    return string.Create(CultureInfo.InvariantCulture, $"({labels} {{{key}: {l}}})");
            }
        }

        return $"({labels})";
    }

    /// <summary>A node or relationship that a statement writes to after deleting it.</summary>
    private static T Live<T>(T element)
        where T : IScriptElement
    {
        bool deleted = element switch
        {
            ScriptNode n => n.Deleted,
            ScriptRel r => r.Deleted,
            _ => false,
        };
        return deleted ? throw QueryErrors.DeletedEntityAccess(element.ValueTypeName, "it cannot be changed or get new relationships") : element;
    }

    /// <summary>Whether a value of the statement's rows is a node or relationship deleted earlier in it.</summary>
    private bool IsDeleted(object value) => value switch
    {
        ScriptNode n => n.Deleted,
        ScriptRel r => r.Deleted,
        NodeRef n => _fromSnapshot[n.Index].Deleted,
        EdgeRef e => Graph.Rels[_edgeOrigin[e.Edge]].Deleted,
        _ => false,
    };
}
