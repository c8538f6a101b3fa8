using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>MATCH of single node patterns, answered from the staging graph's indexes.</summary>
internal sealed partial class ScriptRunner
{
    private IEnumerable<object?[]> FastMatch(MatchClause m, IEnumerable<object?[]> input, bool[] bound)
    {
        var nodes = m.Patterns.Select(p => p.Nodes[0]).ToArray();
        var results = new List<object?[]>();
        foreach (var inRow in input)
        {
            _ct.ThrowIfCancellationRequested();
            var row = (object?[])inRow.Clone();
            results.Clear();
            Bind(nodes, 0, row, bound, results);
            if (results.Count == 0 && m.Optional)
            {
                foreach (var n in nodes)
                {
                    if (!bound[n.Slot])
                    {
                        row[n.Slot] = null;
                    }
                }

                yield return row;
                continue;
            }

            foreach (var r in results)
            {
                yield return r;
            }
        }
    }

    private void Bind(NodePattern[] nodes, int i, object?[] row, bool[] bound, List<object?[]> results)
    {
        if (i == nodes.Length)
        {
            results.Add((object?[])row.Clone());
            if (results.Count > _options.MaxRows)
            {
                throw QueryErrors.TooManyRows(_options.MaxRows);
            }

            return;
        }

        var n = nodes[i];
        var properties = EvalMap(n.Properties, row);
        var current = row[n.Slot];
        if (bound[n.Slot] || current is not null)
        {
            var node = NodeOf(current, n.Variable);
            if (node is not null && ScriptGraph.Matches(node, n.Labels, properties))
            {
                Bind(nodes, i + 1, row, bound, results);
            }

            return;
        }

        foreach (var c in Graph.Candidates(n.Labels, properties, _startCount))
        {
            row[n.Slot] = NodeValue(c);
            Bind(nodes, i + 1, row, bound, results);
        }

        row[n.Slot] = null;
    }
}
