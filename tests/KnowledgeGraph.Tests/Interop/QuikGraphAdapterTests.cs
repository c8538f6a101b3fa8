using KnowledgeGraph.Interop;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Observers;
using QuikGraph.Algorithms.Search;

namespace KnowledgeGraph.Tests.Interop;

public class QuikGraphAdapterTests
{
    [Fact]
    public void Adapter_ExposesTheGraph()
    {
        var g = TestGraphs.Small();
        var view = g.AsQuikGraph();
        Assert.Equal(g.EntityCount, view.VertexCount);
        Assert.Equal(g.RelationCount, view.EdgeCount);
        Assert.Equal(2, view.OutDegree("person:alice"));
        Assert.Equal(["person:carol"], view.InEdges("person:alice").Select(r => r.Source.Value));
        Assert.True(view.ContainsEdge("person:alice", "person:bob"));
        Assert.False(view.ContainsEdge("person:bob", "person:alice"));
        Assert.True(view.TryGetOutEdges("person:bob", out var outs));
        Assert.Equal(2, outs.Count());
        Assert.False(view.TryGetOutEdges("person:none", out _));
    }

    [Fact]
    public void QuikGraphBfs_AgreesWithNeighborhood_OnTheSeed()
    {
        var g = Graph.LoadSeed();
        var view = g.AsQuikGraph();
        var start = g.Resolve("Mark Rutte").Id;
        var bfs = new BreadthFirstSearchAlgorithm<EntityId, Relation>(view);
        var distances = new Dictionary<EntityId, int> { [start] = 0 };
        bfs.TreeEdge += e => distances[e.Target] = distances[e.Source] + 1;
        bfs.Compute(start);

        var ours = g.Neighborhood(start, int.MaxValue, Direction.Out).ToDictionary(r => r.Entity.Id, r => r.Distance);
        Assert.Equal(ours.OrderBy(p => p.Key.Value, StringComparer.Ordinal), distances.OrderBy(p => p.Key.Value, StringComparer.Ordinal));
        Assert.True(ours.Count > 5);
    }

    [Fact]
    public void QuikGraphDijkstra_AgreesWithShortestPath_OnEveryPairFromOneSource()
    {
        var g = Graph.LoadSeed();
        var view = g.AsQuikGraph();
        var source = g.Resolve("Donald Trump").Id;
        var tryPath = view.ShortestPathsDijkstra(_ => 1.0, source);
        foreach (var target in g.Entities)
        {
            var ours = g.ShortestPath(source, target.Id, Direction.Out);
            bool found = tryPath(target.Id, out var theirs);
            if (target.Id == source)
            {
                continue;
            }

            Assert.Equal(ours is not null, found);
            if (ours is not null)
            {
                Assert.Equal(ours.Length, theirs!.Count());
            }
        }
    }
}
