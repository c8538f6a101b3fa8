namespace KnowledgeGraph.Tests.Algorithms;

public class TraversalTests
{
    private readonly Graph _g = TestGraphs.Small();

    [Fact]
    public void Lookup_ByIdNameAliasKind()
    {
        Assert.Equal("Alice Smith", _g["person:alice"].Name);
        Assert.True(_g.ContainsEntity("person:bob"));
        Assert.False(_g.TryGetEntity("person:nobody", out _));
        var ex = Assert.Throws<KeyNotFoundException>(() => _g["person:nobody"]);
        Assert.Equal("No entity with id 'person:nobody' in the graph.", ex.Message);
        Assert.Equal("person:alice", _g.Find("ms smith")!.Id.Value);
        Assert.Equal("person:alice", _g.Find("ALICE")!.Id.Value);
        Assert.Equal("person:bob", _g.Find("Mr. Jones")!.Id.Value);
        Assert.Equal("person:bob", _g.Find("Jones")!.Id.Value);
        Assert.Equal("person:bob", _g.Find("President Bob Jones")!.Id.Value);
        Assert.Null(_g.Find("Zed"));
        Assert.Equal("person:alice,person:bob,person:carol,person:dave", TestGraphs.Ids(_g.EntitiesOfKind(EntityKind.Person)));
        Assert.Empty(_g.EntitiesOfKind("Robot"));
        Assert.Equal(2, _g.RelationsOfType(RelationType.Attends).Count);
        Assert.Empty(_g.RelationsOfType(RelationType.Supports));
    }

    [Fact]
    public void Resolve_UnknownName_SuggestsCloseNames()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => _g.Resolve("Alise Smith"));
        Assert.Equal("No entity named 'Alise Smith' in the graph. Did you mean 'Alice Smith'?", ex.Message);
        Assert.Contains("Carol King", _g.Suggest("carol"));
    }

    [Fact]
    public void OutInBoth_FilterByType()
    {
        Assert.Equal("event:summit,person:bob", TestGraphs.Ids(_g.Out("person:alice")));
        Assert.Equal("event:summit", TestGraphs.Ids(_g.Out("person:alice", RelationType.Attends)));
        Assert.Equal("person:carol", TestGraphs.Ids(_g.In("person:alice")));
        Assert.Equal("event:summit,person:bob,person:carol", TestGraphs.Ids(_g.Both("person:alice")));
        Assert.Equal("person:bob,person:carol", TestGraphs.Ids(_g.Both("person:alice", RelationType.Meets, RelationType.Praises)));
        Assert.Empty(_g.Both("person:dave"));
        Assert.Empty(_g.Out("person:alice", "UNKNOWN_TYPE"));
        Assert.Throws<KeyNotFoundException>(() => _g.Out("person:nobody"));
    }

    [Fact]
    public void RelationsOf_CarryEvidence()
    {
        var rels = _g.RelationsOf("person:alice", Direction.Both, RelationType.Meets);
        var meets = Assert.Single(rels);
        Assert.Equal("Alice met Bob in Paris.", Assert.Single(meets.Evidence).Text);
        Assert.Equal("explicit", meets.Qualifiers.GetString("certainty"));
        Assert.Equal(3, _g.RelationsOf("person:bob").Count);
        Assert.Equal(2, _g.RelationsOf("person:bob", Direction.Out).Count);
    }

    [Fact]
    public void Neighborhood_KHops_OrderedByDistanceThenId()
    {
        var reached = _g.Neighborhood("person:carol", 2);
        Assert.Equal(
            ["person:carol:0", "person:alice:1", "event:summit:2", "person:bob:2"],
            reached.Select(r => $"{r.Entity.Id}:{r.Distance}"));
        Assert.Single(_g.Neighborhood("person:carol", 0));
        Assert.Single(_g.Neighborhood("person:carol", 3, Direction.In));
        Assert.Throws<ArgumentOutOfRangeException>(() => _g.Neighborhood("person:carol", -1));
    }

    [Fact]
    public void ShortestPath_DirectedAndUndirected()
    {
        var path = _g.ShortestPath("person:carol", "country:france");
        Assert.NotNull(path);
        Assert.Equal(4, path.Length);
        Assert.Equal("Carol King -[PRAISES]-> Alice Smith -[MEETS]-> Bob Jones -[LEADS]-> Acme -[LOCATED_IN]-> France", path.ToString());
        Assert.Equal(path.Length + 1, path.Entities.Length);
        Assert.Equal("Carol praises Alice.", path.Steps[0].Relation.Evidence[0].Text);

        var undirected = _g.ShortestPath("place:paris", "person:carol");
        Assert.NotNull(undirected);
        Assert.Equal("Paris <-[HELD_IN]- The Summit <-[ATTENDS]- Alice Smith <-[PRAISES]- Carol King", undirected.ToString());
        Assert.False(undirected.Steps[0].Forward);
        Assert.Equal("place:paris", undirected.Steps[0].From.Value);

        Assert.Null(_g.ShortestPath("place:paris", "person:carol", Direction.Out));
        Assert.Null(_g.ShortestPath("person:alice", "person:dave"));
        Assert.Equal(0, _g.ShortestPath("person:alice", "person:alice")!.Length);
        Assert.True(_g.TryFindPath("person:carol", "place:paris", out var p, Direction.Out));
        Assert.Equal(3, p.Length);
        Assert.Null(_g.ShortestPath("person:carol", "country:france", Direction.Both, RelationType.Praises, RelationType.Meets));
    }

    [Fact]
    public void AllSimplePaths_UpToLength()
    {
        var paths = _g.AllSimplePaths("person:alice", "person:bob", 3);
        Assert.Equal(
            ["Alice Smith -[MEETS]-> Bob Jones", "Alice Smith -[ATTENDS]-> The Summit <-[ATTENDS]- Bob Jones"],
            paths.Select(p => p.ToString()));
        Assert.Single(_g.AllSimplePaths("person:alice", "person:bob", 1));
        Assert.Single(_g.AllSimplePaths("person:alice", "person:bob", 3, maxPaths: 1));
        Assert.Empty(_g.AllSimplePaths("person:alice", "person:dave", 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => _g.AllSimplePaths("person:alice", "person:bob", 0));
    }

    [Fact]
    public void Subgraphs_AreGraphs()
    {
        var people = _g.Subgraph(e => e.Kind == EntityKind.Person);
        Assert.Equal("Graph with 4 entities and 2 relations", people.ToString());
        var around = _g.NeighborhoodGraph("organization:acme", 1);
        Assert.Equal("country:france,organization:acme,person:bob", TestGraphs.Ids(around.Entities));
        Assert.Equal(2, around.RelationCount);
        Assert.Equal(_g.Documents.ToArray(), around.Documents.ToArray());
    }

    [Fact]
    public void Degree_CountsParallelRelations()
    {
        Assert.Equal(2, _g.Degree("person:alice", Direction.Out));
        Assert.Equal(1, _g.Degree("person:alice", Direction.In));
        Assert.Equal(3, _g.Degree("person:alice"));
        Assert.Equal(0, _g.Degree("person:dave"));
    }
}
