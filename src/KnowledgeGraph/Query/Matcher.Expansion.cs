using System.Runtime.CompilerServices;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Query;

/// <summary>Expanding a planned pattern step by step: fixed-length steps, variable-length walks with an explicit stack, and the paths they bind.</summary>
internal sealed partial class Matcher
{
    private void Expand(Plan plan, int i, int v, object?[] row, Action<object?[]> emit)
    {
        if (i == plan.Rels.Length)
        {
            // Only the two ends matter downstream and duplicates do not: emit each end once per start.
            if (_distinctEnds)
            {
                var stamp = _stamp ??= new int[_graph.EntityCount];
                if (stamp[v] == _stampValue)
                {
                    return;
                }

                stamp[v] = _stampValue;
            }

            emit(row);
            return;
        }

        var rel = plan.Rels[i];
        var next = plan.Nodes[i + 1];
        var dir = Effective(rel, plan.Reversed);
        int[] codes = plan.TypeCodes[i];
        if (rel.Types.Count > 0 && codes.Length == 0)
        {
            return;
        }

        if (!rel.VarLength)
        {
            ExpandFixed(plan, i, v, row, emit, rel, next, dir, codes);
            return;
        }

        ExpandVarLength(plan, i, v, row, emit, rel, next, dir, codes);
    }

    /// <summary>A fixed-length step: a binary search of the type's range in the out-row where it can, else every neighbour.</summary>
    private void ExpandFixed(Plan plan, int i, int v, object?[] row, Action<object?[]> emit, RelPattern rel, NodePattern next, RelDirection dir, int[] codes)
    {
        var preEdge = row[rel.Slot];
        var t = _graph.Topology;
        if (dir == RelDirection.Out && preEdge is null && codes.Length == 1)
        {
            // Edges are sorted by (source, type, target): binary-search the type's range in the out-row.
            int lo = t.OutOffsets[v], hi = t.OutOffsets[v + 1];
            int code = codes[0];
            int a = GraphTopology.TypeStart(t.EdgeType, lo, hi, code);
            if (_batch is not null && i == plan.Rels.Length - 1 && plan.CanBatchLast && row[next.Slot] is null && ReferenceEquals(plan, _plans![^1]))
            {
                // The last step binds only its end node and checks nothing: hand the ends on at once.
                int b = a;
                while (b < hi && t.EdgeType[b] == code)
                {
                    b++;
                }

                Tick();
                if (b > a)
                {
                    _batch(row, next.Slot, t.EdgeTarget.AsSpan(a, b - a));
                }

                return;
            }

            for (int e = a; e < hi && t.EdgeType[e] == code; e++)
            {
                Step(plan, i, rel, next, e, t.EdgeTarget[e], row, emit, codes, typeChecked: true);
            }

            return;
        }

        var list = new List<(int Edge, int Other)>();
        Neighbors(dir, v, list);
        foreach (var (e, other) in list)
        {
            if (preEdge is not null && !(preEdge is EdgeRef pe && pe.Edge == e))
            {
                continue;
            }

            Step(plan, i, rel, next, e, other, row, emit, codes, typeChecked: false);
        }
    }

    /// <summary>A variable-length step; kept apart so that the fixed-length path allocates no closure state.</summary>
    private void ExpandVarLength(Plan plan, int i, int v, object?[] row, Action<object?[]> emit, RelPattern rel, NodePattern next, RelDirection dir, int[] codes)
    {
        long min = rel.Min ?? 1;
        long max = rel.Max ?? _ctx.Options.MaxUnboundedPathLength;
        if (min < 0 || max < min)
        {
            return;
        }

        // Depth-first over the edges, with an explicit stack: a path may be as long as the graph, the stack is not.
        var path = new List<int>();
        var preList = row[rel.Slot];
        var frames = new List<WalkFrame>();
        bool Visit(int at)
        {
            Tick();
            int depth = path.Count;
            if (depth >= min && (preList is null || SameEdges(preList, path, plan.Reversed)))
            {
                ContinueAfterWalk(plan, i, at, row, emit, rel, next, path);
            }

            if (depth >= max)
            {
                return false;
            }

            var list = new List<(int Edge, int Other)>();
            Neighbors(dir, at, list);
            frames.Add(new WalkFrame(list));
            return true;
        }

        Visit(v);
        while (frames.Count > 0)
        {
            var frame = frames[^1];
            if (frame.Index == frame.Next.Count)
            {
                frames.RemoveAt(frames.Count - 1);
                if (frames.Count > 0)
                {
                    path.RemoveAt(path.Count - 1);
                    _used.RemoveAt(_used.Count - 1);
                }

                continue;
            }

            var (e, other) = frame.Next[frame.Index++];
            if (!EdgeMatches(rel, codes, e, row))
            {
                continue;
            }

            _used.Add(e);
            path.Add(e);
            if (!Visit(other))
            {
                path.RemoveAt(path.Count - 1);
                _used.RemoveAt(_used.Count - 1);
            }
        }
    }

    /// <summary>Binds the walked edges (in pattern order) and the node reached, and expands the rest of the pattern from there.</summary>
    private void ContinueAfterWalk(Plan plan, int i, int at, object?[] row, Action<object?[]> emit, RelPattern rel, NodePattern next, List<int> path)
    {
        var edges = path.Select(x => (object?)new EdgeRef(x)).ToList();
        if (plan.Reversed)
        {
            edges.Reverse();
        }

        var saved = row[rel.Slot];
        row[rel.Slot] = edges;
        if (TryBindNode(next, at, row, out bool bound))
        {
            Expand(plan, i + 1, at, row, emit);
            if (bound)
            {
                row[next.Slot] = null;
            }
        }

        row[rel.Slot] = saved;
    }

    /// <summary>One level of the depth-first walk of a variable-length step: the edges to try and the next one.</summary>
    private sealed class WalkFrame(List<(int Edge, int Other)> next)
    {
        public List<(int Edge, int Other)> Next { get; } = next;

        public int Index { get; set; }
    }

    private static bool SameEdges(object? pre, List<int> path, bool reversed)
    {
        if (pre is not List<object?> list || list.Count != path.Count)
        {
            return false;
        }

        for (int k = 0; k < path.Count; k++)
        {
            int want = path[reversed ? path.Count - 1 - k : k];
            if (list[k] is not EdgeRef r || r.Edge != want)
            {
                return false;
            }
        }

        return true;
    }

    private void Step(Plan plan, int i, RelPattern rel, NodePattern next, int e, int other, object?[] row, Action<object?[]> emit, int[] codes, bool typeChecked)
    {
        Tick();
        bool isolated = plan.Isolated[i];
        if ((!isolated || !typeChecked || rel.Properties is not null) && !EdgeMatches(rel, codes, e, row, checkUsed: !isolated, checkType: !typeChecked))
        {
            return;
        }

        bool bound = false;
        if (!(next.Anonymous && !plan.BindAll && next.Labels.Count == 0 && next.Properties is null) && !TryBindNode(next, other, row, out bound))
        {
            return;
        }

        var saved = row[rel.Slot];
        if (saved is null && (plan.BindAll || !rel.Anonymous))
        {
            row[rel.Slot] = _index.Edge(e, _graph.RelationCount);
        }
        if (isolated)
        {
            Expand(plan, i + 1, other, row, emit);
        }
        else
        {
            _used.Add(e);
            Expand(plan, i + 1, other, row, emit);
            _used.RemoveAt(_used.Count - 1);
        }

        row[rel.Slot] = saved;
        if (bound)
        {
            row[next.Slot] = null;
        }
    }

    private PathValue BuildPath(PatternPart part, object?[] row)
    {
        var t = _graph.Topology;
        var nodes = new List<int>();
        var edges = new List<int>();
        int at = ((NodeRef)row[part.Nodes[0].Slot]!).Index;
        nodes.Add(at);
        foreach (var rel in part.Rels)
        {
            IEnumerable<int> es = row[rel.Slot] switch
            {
                EdgeRef r => [r.Edge],
                List<object?> list => list.Select(x => ((EdgeRef)x!).Edge),
                _ => [],
            };
            foreach (int e in es)
            {
                int source = t.SourceOf(e);
                at = source == at ? t.EdgeTarget[e] : source;
                edges.Add(e);
                nodes.Add(at);
            }
        }

        return new PathValue([.. nodes], [.. edges]);
    }
}
