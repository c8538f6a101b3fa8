using System.Runtime.CompilerServices;
using KnowledgeGraph.Algorithms;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Query;

/// <summary>shortestPath and allShortestPaths: breadth-first levels on the library's one core, then every shortest way back.</summary>
internal sealed partial class Matcher
{
    private void MatchShortest(Plan plan, object?[] row, Action<object?[]> emit)
    {
        var p = plan.Part;
        if (p.Rels.Count != 1)
        {
            throw QueryErrors.ShortestPathShape();
        }

        var rel = p.Rels[0];
        long min = rel.Min ?? 1;
        long max = rel.VarLength ? rel.Max ?? _ctx.Options.MaxUnboundedPathLength : 1;
        if (min > 1)
        {
            throw QueryErrors.ShortestPathMinimum();
        }

        int[] codes = plan.TypeCodes[0];
        if (rel.Types.Count > 0 && codes.Length == 0)
        {
            return;
        }

        var a = p.Nodes[0];
        var b = p.Nodes[1];
        foreach (int s in Candidates(a, null, row).ToArray())
        {
            if (!TryBindNode(a, s, row, out bool boundA))
            {
                continue;
            }

            foreach (int goal in Candidates(b, null, row).ToArray())
            {
                if (!TryBindNode(b, goal, row, out bool boundB))
                {
                    continue;
                }

                foreach (var edges in ShortestPaths(s, goal, rel, codes, min, max, row, all: p.Shortest == ShortestKind.All))
                {
                    var saved = row[rel.Slot];
                    row[rel.Slot] = rel.VarLength ? edges.Select(x => (object?)new EdgeRef(x)).ToList() : new EdgeRef(edges[0]);
                    emit(row);
                    row[rel.Slot] = saved;
                }

                if (boundB)
                {
                    row[b.Slot] = null;
                }
            }

            if (boundA)
            {
                row[a.Slot] = null;
            }
        }
    }

    private List<List<int>> ShortestPaths(int s, int goal, RelPattern rel, int[] codes, long min, long max, object?[] row, bool all)
    {
        var results = new List<List<int>>();
        if (s == goal && min == 0)
        {
            results.Add([]);
            return results;
        }

        // Breadth-first levels on the library's one core; parents keep every shortest way in.
        var dist = new Dictionary<int, int> { [s] = 0 };
        var parents = new Dictionary<int, List<(int From, int Edge)>>();
        var visitor = new ShortestPathVisitor(this, rel, codes, row, dist, parents, goal);
        var direction = rel.Direction switch
        {
            RelDirection.Out => Direction.Out,
            RelDirection.In => Direction.In,
            _ => Direction.Both,
        };
        var t = _graph.Topology;
        int[] queue = System.Buffers.ArrayPool<int>.Shared.Rent(t.NodeCount);
        try
        {
            queue[0] = s;
            int head = 0, tail = 1;
            while (head < tail && visitor.Depth < max && !visitor.Found)
            {
                visitor.Depth++;
                BreadthFirstCore.ExpandLevel(t, queue, ref head, ref tail, direction, null, ref visitor, _ctx.Cancellation);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(queue);
        }

        if (visitor.Found)
        {
            CollectShortestPaths(s, goal, parents, all, results);
        }

        return results;
    }

    /// <summary>
    /// Walks the parents back from the goal to the start, depth-first with an explicit stack, giving
    /// every shortest path (or the first when <paramref name="all"/> is false) as its edges in order.
    /// </summary>
    private static void CollectShortestPaths(int s, int goal, Dictionary<int, List<(int From, int Edge)>> parents, bool all, List<List<int>> results)
    {
        var edges = new List<int>();
        var frames = new List<(int Node, int Next)> { (goal, 0) };
        while (frames.Count > 0 && (all || results.Count == 0))
        {
            var (v, next) = frames[^1];
            var ps = v == s ? null : parents[v];
            if (ps is null || next >= ps.Count)
            {
                if (ps is null)
                {
                    var path = new List<int>(edges);
                    path.Reverse();
                    results.Add(path);
                }

                frames.RemoveAt(frames.Count - 1);
                if (frames.Count > 0)
                {
                    edges.RemoveAt(edges.Count - 1);
                }

                continue;
            }

            frames[^1] = (v, next + 1);
            var (from, e) = ps[next];
            if (edges.Contains(e))
            {
                continue;
            }

            edges.Add(e);
            frames.Add((from, 0));
        }
    }

    /// <summary>The matcher's shortest-path search: relationships must match the pattern; every shortest way in is kept.</summary>
    private struct ShortestPathVisitor(
        Matcher matcher, RelPattern rel, int[] codes, object?[] row,
        Dictionary<int, int> dist, Dictionary<int, List<(int From, int Edge)>> parents, int goal) : IBreadthFirstVisitor
    {
        public static bool UsesEdge => true;

        /// <summary>The depth of the level being reached.</summary>
        public int Depth { get; set; }

        /// <summary>True once the goal is reached (the level is finished, for every way in).</summary>
        public bool Found { get; private set; }

        public BreadthFirstStep Reach(int from, int to, int edge, bool forward)
        {
            matcher.Tick();
            if (!matcher.EdgeMatches(rel, codes, edge, row))
            {
                return BreadthFirstStep.Skip;
            }

            var step = BreadthFirstStep.Skip;
            if (dist.TryGetValue(to, out int d))
            {
                if (d < Depth)
                {
                    return BreadthFirstStep.Skip;
                }
            }
            else
            {
                dist[to] = Depth;
                step = BreadthFirstStep.Enqueue;
            }

            if (!parents.TryGetValue(to, out var ps))
            {
                parents[to] = ps = [];
            }

            ps.Add((from, edge));
            if (to == goal)
            {
                Found = true;
            }

            return step;
        }
    }
}
