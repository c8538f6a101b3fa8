using KnowledgeGraph.Algorithms;
using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace KnowledgeGraph.Tests.Algorithms;

public class AlgorithmTests
{
    private static readonly Graph Seed = Graph.LoadSeed();
    private static readonly Direction[] Directions = [Direction.Out, Direction.In, Direction.Both];

    [Fact]
    public void Distance_EveryPairOfTheSeed_EqualsShortestPathLength()
    {
        var ids = Seed.Entities.Select(e => e.Id).ToArray();
        foreach (var direction in Directions)
        {
            var pairs = ids.SelectMany(a => ids.Select(b => (a, b))).ToArray();
            var distances = ShortestPaths.Distances(Seed, pairs, direction);
            for (int i = 0; i < pairs.Length; i++)
            {
                var path = Seed.ShortestPath(pairs[i].a, pairs[i].b, direction);
                Assert.Equal(path?.Length ?? -1, distances[i]);
            }
        }
    }

    [Fact]
    public void Levels_OutFromEachSeedEntity_MatchQuikGraphBreadthFirstSearch()
    {
        var quik = new BidirectionalGraph<int, Edge<int>>(allowParallelEdges: true);
        quik.AddVertexRange(Enumerable.Range(0, Seed.EntityCount));
        var t = Seed.Topology;
        for (int e = 0; e < t.EdgeCount; e++)
        {
            quik.AddEdge(new Edge<int>(t.SourceOf(e), t.EdgeTarget[e]));
        }

        for (int s = 0; s < Seed.EntityCount; s++)
        {
            var depth = new Dictionary<int, int> { [s] = 0 };
            var bfs = new BreadthFirstSearchAlgorithm<int, Edge<int>>(quik);
            bfs.TreeEdge += e => depth[e.Target] = depth[e.Source] + 1;
            bfs.Compute(s);

            var ours = BreadthFirst.Levels(Seed, Seed.Entities[s].Id, Direction.Out);
            Assert.Equal(depth.Count, ours.VisitedCount);
            Assert.Equal(depth.Values.Sum(), ours.DepthSum);
            foreach (var (v, d) in depth)
            {
                Assert.Equal(d, ours.DepthOf(Seed.Entities[v].Id));
            }
        }
    }

    [Fact]
    public void KHop_MatchesANaiveBreadthFirstSearch()
    {
        foreach (var start in Seed.Entities.Select(e => e.Id))
        {
            foreach (var direction in Directions)
            {
                var expected = NaiveKHop(start, 2, direction);
                var actual = BreadthFirst.KHop(Seed, start, 2, direction);
                Assert.Equal(expected, actual.Select(r => (r.Entity.Id.Value, r.Distance)));
            }
        }
    }

    [Fact]
    public void Reach_PraisesThenMemberOf_MatchesALoopOverRelations()
    {
        RelationType[] steps = [RelationType.Praises, RelationType.MemberOf];
        foreach (var start in Seed.Entities.Select(e => e.Id))
        {
            var expected = Seed.Relations.Where(r => r.Source == start && r.Type == steps[0])
                .SelectMany(r => Seed.Relations.Where(q => q.Source == r.Target && q.Type == steps[1]))
                .Select(q => q.Target.Value).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(expected, TypedExpansion.Reach(Seed, start, steps).Select(e => e.Id.Value));
        }
    }

    [Fact]
    public void Reach_UnknownTypeOrNoSteps_IsEmptyOrRejected()
    {
        var start = Seed.Entities[0].Id;

        Assert.Empty(TypedExpansion.Reach(Seed, start, [new RelationType("NOT_THERE")]));
        Assert.Throws<ArgumentException>(() => TypedExpansion.Reach(Seed, start, []));
    }

    [Fact]
    public void PageRank_MatchesTheDefinitionComputedNaively()
    {
        var result = PageRank.Compute(Seed);

        int n = Seed.EntityCount;
        var index = Seed.Entities.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var outDeg = new int[n];
        foreach (var r in Seed.Relations)
        {
            outDeg[index[r.Source]]++;
        }

        var x = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (int it = 0; it < 20; it++)
        {
            double dangling = Enumerable.Range(0, n).Where(v => outDeg[v] == 0).Sum(v => x[v]);
            var next = Enumerable.Repeat((0.15 / n) + (0.85 * dangling / n), n).ToArray();
            foreach (var r in Seed.Relations)
            {
                next[index[r.Target]] += 0.85 * x[index[r.Source]] / outDeg[index[r.Source]];
            }

            x = next;
        }

        for (int v = 0; v < n; v++)
        {
            Assert.Equal(x[v], result.Scores[v], 12);
        }

        Assert.Equal(1.0, result.Sum, 9);
        var top = result.Top(3);
        Assert.Equal(3, top.Count);
        Assert.True(top[0].Score >= top[1].Score && top[1].Score >= top[2].Score);
    }

    [Fact]
    public void ByKind_MatchesDegreePerEntity()
    {
        var rows = Degrees.ByKind(Seed);

        Assert.Equal(Seed.Kinds, rows.Select(r => r.Kind));
        foreach (var row in rows)
        {
            var members = Seed.EntitiesOfKind(row.Kind);
            Assert.Equal(members.Length, row.Count);
            Assert.Equal(members.Sum(e => (long)Seed.Degree(e.Id, Direction.Out)), row.OutDegreeSum);
            Assert.Equal(members.Sum(e => (long)Seed.Degree(e.Id, Direction.In)), row.InDegreeSum);
            Assert.Equal(members.Max(e => Seed.Degree(e.Id)), row.MaxDegree);
        }
    }

    [Fact]
    public void Algorithms_CancelledToken_Throw()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var id = Seed.Entities[0].Id;

        Assert.ThrowsAny<OperationCanceledException>(() => PageRank.Compute(Seed, cancellationToken: cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Degrees.ByKind(Seed, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ShortestPaths.Distance(Seed, id, Seed.Entities[^1].Id, cancellationToken: cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => TypedExpansion.Reach(Seed, id, [RelationType.Attends], cancellationToken: cts.Token));
    }

    [Fact]
    public void Algorithms_BadArguments_Throw()
    {
        Assert.Throws<KeyNotFoundException>(() => BreadthFirst.Levels(Seed, "nobody:here"));
        Assert.Throws<ArgumentOutOfRangeException>(() => BreadthFirst.KHop(Seed, Seed.Entities[0].Id, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Compute(Seed, damping: 1.5));
        Assert.Throws<ArgumentNullException>(() => Degrees.ByKind(null!));
    }

    private static List<(string, int)> NaiveKHop(EntityId start, int hops, Direction direction)
    {
        var dist = new Dictionary<string, int> { [start.Value] = 0 };
        var frontier = new List<string> { start.Value };
        for (int d = 1; d <= hops; d++)
        {
            var next = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var v in frontier)
            {
                foreach (var r in Seed.Relations)
                {
                    if (direction != Direction.In && r.Source.Value == v && !dist.ContainsKey(r.Target.Value))
                    {
                        next.Add(r.Target.Value);
                    }

                    if (direction != Direction.Out && r.Target.Value == v && !dist.ContainsKey(r.Source.Value))
                    {
                        next.Add(r.Source.Value);
                    }
                }
            }

            foreach (var u in next)
            {
                dist[u] = d;
            }

            frontier = [.. next];
        }

        return [.. dist.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }
}
