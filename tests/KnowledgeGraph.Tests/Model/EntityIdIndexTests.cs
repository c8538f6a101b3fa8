namespace KnowledgeGraph.Tests.Model;

/// <summary>The id index of a graph: filled as a loader reads, grown, renumbered, and built from an id-ordered array.</summary>
public class EntityIdIndexTests
{
    private static Entity E(string id) => new(id, EntityKind.Person, "n" + id);

    [Fact]
    public void TryAdd_GrowsFromNothing_RefusesARepeatedId_AndFindsEveryId()
    {
        var index = new EntityIdIndex(0);
        var entities = new Entity[1];
        for (int i = 0; i < 1000; i++)
        {
            if (i == entities.Length)
            {
                Array.Resize(ref entities, i * 2);
            }

            entities[i] = E("id" + i);
            Assert.True(index.TryAdd(entities[i].Id.Value, i));
        }

        Assert.False(index.TryAdd("id7", 1000));
        for (int i = 0; i < 1000; i++)
        {
            Assert.True(index.TryGetValue("id" + i, out int at));
            Assert.Equal(i, at);
        }

        Assert.False(index.TryGetValue("id1000", out int none));
        Assert.Equal(-1, none);
        Assert.False(index.ContainsKey(string.Empty));
    }

    [Fact]
    public void Renumber_FollowsAReordering()
    {
        Entity[] entities = [E("c"), E("a"), E("b")];
        var index = new EntityIdIndex(3);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(index.TryAdd(entities[i].Id.Value, i));
        }

        Entity[] sorted = [entities[1], entities[2], entities[0]];
        index.Renumber(sorted, [2, 0, 1]);
        Assert.True(index.TryGetValue("a", out int a));
        Assert.True(index.TryGetValue("b", out int b));
        Assert.True(index.TryGetValue("c", out int c));
        Assert.Equal((0, 1, 2), (a, b, c));
    }

    [Fact]
    public void Constructor_IndexesAnArray_OfAnySize()
    {
        foreach (int n in new[] { 0, 1, 2, 5, 300 })
        {
            var entities = Enumerable.Range(0, n).Select(i => E("e" + i)).ToArray();
            var index = new EntityIdIndex(entities);
            for (int i = 0; i < n; i++)
            {
                Assert.True(index.TryGetValue("e" + i, out int at));
                Assert.Equal(i, at);
            }

            Assert.False(index.ContainsKey("missing"));
        }
    }
}
