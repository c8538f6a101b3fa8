using KnowledgeGraph.Algorithms;

namespace KnowledgeGraph.Tests.Algorithms;

public class AnalyticsTests
{
    [Fact]
    public void Strong_LongCycleAndLongPath_NoRecursionDepthLimit()
    {
        const int n = 200_000;
        var path = Enumerable.Range(0, n - 1).Select(i => (i, i + 1)).ToArray();
        var cycle = GeneratedGraphs.FromPairs(n, [.. path, (n - 1, 0)]);
        var chain = GeneratedGraphs.FromPairs(n, path);

        Assert.Equal(1, Components.Strong(cycle).Count);
        Assert.Equal(n, Components.Strong(chain).Count);
        Assert.Equal(1, Components.Weak(chain).Count);
    }

    [Fact]
    public void Components_Small_GroupsLargestFirstWithSummary()
    {
        var g = TestGraphs.Small();

        var weak = g.WeakComponents();

        Assert.Equal(2, weak.Count);
        Assert.Equal(7, weak.LargestSize);
        Assert.True(weak.Connected("person:alice", "country:france"));
        Assert.False(weak.Connected("person:alice", "person:dave"));
        Assert.Equal(
            ["2 weakly connected components over 8 entities (largest 7)", "  0: 7 — France, The Summit, Acme, Alice Smith, Bob Jones, Carol King, Paris", "  1: 1 — Dave Lee"],
            weak.ToString().Split('\n'));
        Assert.Equal(8, g.StrongComponents().Count);
    }

    [Fact]
    public void Filter_KeepsKindsAndTypes_AndNamesWhatItLeftOut()
    {
        var g = TestGraphs.Small();
        var people = new GraphFilter { Kinds = [EntityKind.Person], RelationTypes = [RelationType.Meets, RelationType.Praises] };

        var weak = Components.Weak(g, people);
        var between = Centrality.Betweenness(g, filter: people);

        Assert.Equal(4, weak.EntityCount);
        Assert.Equal(2, weak.Count);
        Assert.Equal(1.0, between.ScoreOf("person:alice"));
        var ex = Assert.Throws<KeyNotFoundException>(() => between.ScoreOf("event:summit"));
        Assert.Equal("No entity with id 'event:summit' among the 4 entities analysed (it is not in the graph, or the filter left it out).", ex.Message);
        Assert.Equal("kinds Person, types MEETS|PRAISES", people.ToString());
        Assert.Equal(0, Components.Weak(g, new GraphFilter { Kinds = [new EntityKind("Ship")] }).EntityCount);
    }

    [Fact]
    public void Betweenness_SamplesAtLeastTheEntityCount_IsExact_AndNegativeSamplesAreRejected()
    {
        var g = Graph.LoadSeed();

        var exact = g.Betweenness();
        var all = g.Betweenness(samples: g.EntityCount + 5, seed: 3);
        var some = g.Betweenness(samples: 10, seed: 3);

        Assert.Equal(exact.Scores, all.Scores);
        Assert.Empty(all.Sources);
        Assert.Equal(10, some.Sources.Length);
        Assert.Equal(some.Sources.ToArray(), g.Betweenness(samples: 10, seed: 3).Sources.ToArray());
        Assert.Equal("betweenness from 10 sampled sources", some.Measure);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Betweenness(samples: -1));
        Assert.StartsWith("betweenness (both directions) of 58 entities\n", exact.ToString());
        Assert.Equal(exact.Top(1)[0].Entity, exact.Entities[exact.Scores.ToList().IndexOf(exact.Scores.Max())]);
    }

    [Fact]
    public void Louvain_SameSeed_SameCommunities_AndModularityOfItsGroups()
    {
        var g = Graph.LoadSeed();

        var a = g.Louvain(seed: 4);
        var b = g.Louvain(seed: 4);

        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(a.Modularity, Communities.Modularity(g, a.Groups.Select(c => c.Select(e => e.Id))), 12);
        Assert.True(a.Modularity > 0.3, a.ToString());
        Assert.Equal(a.Groups.Sum(c => c.Length), g.EntityCount);
        Assert.Contains("communities over 58 entities (Louvain (seed 4, resolution 1), modularity ", a.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Louvain(resolution: 0));
    }

    [Fact]
    public void LabelPropagation_EveryEntityCarriesAMostFrequentNeighbourLabel()
    {
        var g = GeneratedGraphs.Random(5, 300, 900);

        var result = g.LabelPropagation(seed: 2);

        Assert.Equal(result.ToString(), g.LabelPropagation(seed: 2).ToString());
        foreach (var e in g.Entities)
        {
            var neighbours = g.Both(e.Id).Where(x => x.Id != e.Id).DistinctBy(x => x.Id).Select(x => result.CommunityOf(x.Id)).ToList();
            if (neighbours.Count == 0)
            {
                continue;
            }

            int most = neighbours.GroupBy(c => c).Max(c => c.Count());
            Assert.Equal(most, neighbours.Count(c => c == result.CommunityOf(e.Id)));
        }
    }

    [Fact]
    public void Modularity_NotAPartition_SaysWhy()
    {
        var g = TestGraphs.Small();
        var ids = g.Entities.Select(e => e.Id).ToArray();

        var missing = Assert.Throws<ArgumentException>(() => Communities.Modularity(g, [ids[1..]]));
        var twice = Assert.Throws<ArgumentException>(() => Communities.Modularity(g, [ids, ids[..1]]));

        Assert.StartsWith($"'{ids[0]}' is in no community; expected every analysed entity in one.", missing.Message);
        Assert.StartsWith($"'{ids[0]}' is in communities 0 and 1; expected each entity in exactly one.", twice.Message);
    }

    [Fact]
    public void CoresAndTriangles_Small_CountAndPrint()
    {
        var g = TestGraphs.Small();

        var cores = g.CoreNumbers();
        var triangles = g.Triangles();

        Assert.Equal(2, cores.MaxCore);
        Assert.Equal(["event:summit", "person:alice", "person:bob"], cores.Core(2).Select(e => e.Id.Value).ToArray());
        Assert.Equal(0, cores.CoreNumberOf("person:dave"));
        Assert.Equal(1, triangles.Total);
        Assert.Equal(1.0 / 3, triangles.ClusteringOf("event:summit"), 12);
        Assert.Equal("1 triangle over 8 entities; average clustering 0.125, transitivity 0.300", triangles.ToString());
        Assert.StartsWith("k-core decomposition of 8 entities: max core 2\n  core 2: 3\n", cores.ToString());
    }

    [Fact]
    public void EveryMeasure_CancelledToken_Throws()
    {
        var g = Graph.LoadSeed();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var t = cancelled.Token;

        Assert.ThrowsAny<OperationCanceledException>(() => Components.Weak(g, cancellationToken: t));
        Assert.ThrowsAny<OperationCanceledException>(() => Components.Strong(g, cancellationToken: t));
        Assert.ThrowsAny<OperationCanceledException>(() => Communities.Louvain(g, cancellationToken: t));
        Assert.ThrowsAny<OperationCanceledException>(() => Communities.LabelPropagation(g, cancellationToken: t));
        Assert.ThrowsAny<OperationCanceledException>(() => Centrality.Betweenness(g, cancellationToken: t));
        Assert.ThrowsAny<OperationCanceledException>(() => Centrality.Closeness(g, cancellationToken: t));
        Assert.ThrowsAny<OperationCanceledException>(() => Cores.Compute(g, cancellationToken: t));
        Assert.ThrowsAny<OperationCanceledException>(() => Triangles.Compute(g, cancellationToken: t));
    }
}
