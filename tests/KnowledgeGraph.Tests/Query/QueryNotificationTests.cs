using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;
using KnowledgeGraph.Rendering;

namespace KnowledgeGraph.Tests.Query;

/// <summary>Unknown labels, relationship types and property keys answer with a notification, as Neo4j's do.</summary>
public sealed class QueryNotificationTests
{
    private static readonly Graph Seed = Graph.LoadSeed();

    [Fact]
    public void UnknownLabel_NotifiesWithPositionAndSuggestion()
    {
        var r = Seed.Query("MATCH (n:Persn) RETURN n");
        Assert.Empty(r);
        var n = Assert.Single(r.Notifications);
        Assert.Equal("UnknownLabelWarning", n.Code);
        Assert.Equal("Person", n.Suggestion);
        Assert.Equal((1, 10, 9), (n.Line, n.Column, n.Offset));
        Assert.Equal("warning UnknownLabelWarning (line 1, column 10): the label `Persn` is not in the graph, so a pattern with it matches nothing. Did you mean `Person`?", n.ToString());
    }

    [Fact]
    public void UnknownPropertyKey_NotifiesAndSuggestsTheGraphsKey()
    {
        var r = Seed.Query("MATCH (p:Person)\nRETURN p.nme");
        Assert.All(r, row => Assert.Null(row[0]));
        var n = Assert.Single(r.Notifications);
        Assert.Equal("UnknownPropertyKeyWarning", n.Code);
        Assert.Equal("name", n.Suggestion);
        Assert.Equal((2, 10), (n.Line, n.Column));
        Assert.Contains("reading it gives null", n.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRelationshipType_NotifiesAndSuggests()
    {
        var r = Seed.Query("MATCH (a)-[:PRAISE]->(b) RETURN a.name");
        Assert.Empty(r);
        var n = Assert.Single(r.Notifications);
        Assert.Equal("UnknownRelationshipTypeWarning", n.Code);
        Assert.Equal("PRAISES", n.Suggestion);
        Assert.Equal(12, n.Offset);
    }

    [Fact]
    public void NamesInsideExistsSubqueries_AreCheckedToo_NestedOnesAsWell()
    {
        var r = Seed.Query("MATCH (a:Person) WHERE EXISTS { (a)-[:PRAISE]->(:Persn) } AND EXISTS { MATCH (b) WHERE EXISTS { (b)-->(c:Cuntry) } RETURN b } RETURN a.name");
        Assert.Equal(
            ["UnknownRelationshipTypeWarning PRAISE PRAISES", "UnknownLabelWarning Persn Person", "UnknownLabelWarning Cuntry Country"],
            r.Notifications.Select(n => $"{n.Code} {n.Message.Split('`')[1]} {n.Suggestion}"));
    }

    [Fact]
    public void NamesInMapsWhereAndLabelChecks_AreCheckedToo_EachOnce()
    {
        var r = Seed.Query("MATCH (a:Person {nmae: 'x'})-[r]->(b) WHERE b:Cuntry AND r.certanty = 'x' AND b:Cuntry RETURN a.nmae");
        Assert.Equal(
            ["UnknownPropertyKeyWarning nmae name", "UnknownLabelWarning Cuntry Country", "UnknownPropertyKeyWarning certanty certainty"],
            r.Notifications.Select(n => $"{n.Code} {n.Message.Split('`')[1]} {n.Suggestion}"));
    }

    [Fact]
    public void NameWithNothingClose_ListsWhatTheGraphHas()
    {
        var n = Assert.Single(Seed.Query("MATCH (n:Spaceship) RETURN n").Notifications);
        Assert.Null(n.Suggestion);
        Assert.Contains("The graph has: `Country`, `Event`", n.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MATCH (p:Person)-[:PRAISES]->(t) WHERE t:Person RETURN p.name, t.id, p.aliases")]
    [InlineData("WITH {nme: 1} AS m RETURN m.nme")]
    [InlineData("MATCH (a)-[r]->(b) WHERE r:PRAISES RETURN count(*)")]
    [InlineData("UNWIND [1, 2] AS x RETURN x")]
    public void KnownNamesAndMapKeys_GiveNoNotification(string query) =>
        Assert.Empty(Seed.Query(query).Notifications);

    [Fact]
    public void ReadOnlySyntaxError_NeverOffersWriteClauses_ScriptsDo()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Seed.Query("MATCH (n) RETRN n"));
        Assert.Equal("MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH, RETURN or end of input", ex.Expected);
        Assert.DoesNotContain("CREATE", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DELETE", ex.Message, StringComparison.Ordinal);
        var script = Assert.ThrowsAny<QueryException>(() => CypherScript.Apply(new GraphBuilder(Schema.Open), "FOO (n)"));
        Assert.Contains("CREATE, MERGE, SET, REMOVE, DELETE or DETACH DELETE", script.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotebookView_ShowsNotificationsAboveTheTable()
    {
        string html = HtmlRenderer.Render(Seed.Query("MATCH (n:Persn) RETURN n"));
        int note = html.IndexOf("kg-notification", StringComparison.Ordinal);
        Assert.InRange(note, 0, html.IndexOf("<table>", StringComparison.Ordinal));
        Assert.Contains("Did you mean `Person`?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kg-notification", HtmlRenderer.Render(Seed.Query("MATCH (n:Person) RETURN n")), StringComparison.Ordinal);
    }
}
