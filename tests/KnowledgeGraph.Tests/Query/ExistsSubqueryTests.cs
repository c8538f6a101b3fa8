using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;
using KnowledgeGraph.Tests.Reliability;

namespace KnowledgeGraph.Tests.Query;

/// <summary><c>EXISTS { … }</c> subqueries: the simple and the full form, their scope, nesting and errors.</summary>
public class ExistsSubqueryTests
{
    // a -R-> b, a -R-> c, b -S-> c; d alone. Values of p: a 1, b 1, c 2, d 3.
    private static readonly Graph G = CypherScript.Load(
        """
        CREATE (a:Entity:Person {id: 'a', name: 'A', p: 1}), (b:Entity:Person {id: 'b', name: 'B', p: 1}),
               (c:Entity:Person {id: 'c', name: 'C', p: 2}), (d:Entity:Person {id: 'd', name: 'D', p: 3}),
               (a)-[:R]->(b), (a)-[:R]->(c), (b)-[:S]->(c)
        """,
        Schema.Open);

    private static string Names(string query) =>
        string.Join(",", G.Query(query).Select(r => (string)r["x"]!).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("MATCH (n) WHERE EXISTS { (n)-->() } RETURN n.name AS x", "A,B")]
    [InlineData("MATCH (n) WHERE exists { (n)-[:S]->() } RETURN n.name AS x", "B")]
    [InlineData("MATCH (n) WHERE EXISTS { (n)-->(m) WHERE m.p = n.p } RETURN n.name AS x", "A")]
    [InlineData("MATCH (n) WHERE NOT EXISTS { (n)--() } RETURN n.name AS x", "D")]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) RETURN m } RETURN n.name AS x", "A,B")]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WITH n, count(*) AS k WHERE k = 2 RETURN k } RETURN n.name AS x", "A")]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WITH m LIMIT 1 WHERE m.p = 2 RETURN m } RETURN n.name AS x", "B")]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (m) WHERE EXISTS { (n)-->(m)-->() } RETURN true } RETURN n.name AS x", "A")]
    [InlineData("MATCH (n) WHERE EXISTS { UNWIND [1, 2] AS k WITH n, k WHERE k = n.p RETURN k } RETURN n.name AS x", "A,B,C")]
    public void Exists_FiltersByWhetherTheSubqueryGivesARow(string query, string expected) =>
        Assert.Equal(expected, Names(query));

    [Fact]
    public void Exists_IsABooleanValue_AndItsVariablesStayInside()
    {
        var rows = G.Query("MATCH (n) RETURN n.name AS name, EXISTS { (n)-->(m) } AS out ORDER BY name");
        Assert.Equal([true, true, false, false], rows.Select(r => (bool)r["out"]!));

        var ex = Assert.Throws<QuerySemanticException>(() => G.Query("MATCH (n) WHERE EXISTS { (n)-->(m) } RETURN m"));
        Assert.Equal("UndefinedVariable", ex.Code);
    }

    [Fact]
    public void Exists_RunsOnceForEveryRow_WithTheRowsOwnBindings()
    {
        // The inner MATCH binds m anew for every outer row; the outer pattern's matching is left intact.
        var rows = G.Query("MATCH (n)-[:R]->(t) WHERE EXISTS { MATCH (t)-[:S]->(u) RETURN u } RETURN n.name AS n, t.name AS t");
        Assert.Equal(("A", "B"), ((string)rows.Single()["n"]!, (string)rows.Single()["t"]!));
        Assert.Equal(3L, G.Query("MATCH (n)-[r]->(t) WHERE EXISTS { MATCH (x) WHERE x.p >= 1 RETURN x } RETURN count(*) AS c").Single()["c"]);
    }

    [Theory]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.p = 0 } RETURN n", 42)]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) CREATE (m)-[:T]->(n) RETURN m } RETURN n", 42)]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) DETACH DELETE m } RETURN n", 42)]
    public void Exists_WithAWriteClause_IsASyntaxErrorWhereItStarts(string query, int column)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => G.Query(query));
        Assert.Equal("InvalidClauseComposition", ex.Code);
        Assert.Equal(column, ex.Column);
        Assert.Contains("a read-only subquery in EXISTS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exists_NestedBeyondTheLimit_IsRefusedCleanlyOnASmallStack()
    {
        string deep = "MATCH (n) WHERE " + string.Concat(Enumerable.Repeat("EXISTS { MATCH (m) WHERE ", 5000)) + "true" + new string('}', 5000) + " RETURN n";
        var (_, error) = SmallStack.Call(() => G.Query(deep));
        var syntax = Assert.IsType<QuerySyntaxException>(error);
        Assert.Equal("NestingTooDeep", syntax.Code);

        string fine = "MATCH (n) WHERE " + string.Concat(Enumerable.Repeat("EXISTS { MATCH (m) WHERE ", 20)) + "true" + new string('}', 20) + " RETURN n.name AS x";
        var (rows, fineError) = SmallStack.Call(() => G.Query(fine));
        Assert.Null(fineError);
        Assert.Equal(4, rows!.Count);
    }
}
