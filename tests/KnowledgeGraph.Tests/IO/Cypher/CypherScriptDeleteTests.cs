using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;

using static KnowledgeGraph.Tests.IO.Cypher.CypherScriptRuns;

namespace KnowledgeGraph.Tests.IO.Cypher;

/// <summary>DELETE and DETACH DELETE in scripts run by <see cref="CypherScript"/>.</summary>
public class CypherScriptDeleteTests
{
    /// <summary>Ann and Bob (people), Ann knows Bob, and a document.</summary>
    private static GraphBuilder AnnAndBob()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddDocument(new Document("doc:1", "T", "Ann met Bob."));
        b.AddEntity(new Entity("person:ann", EntityKind.Person, "Ann"));
        b.AddEntity(new Entity("person:bob", EntityKind.Person, "Bob"));
        b.AddEntity(new Entity("person:cid", EntityKind.Person, "Cid"));
        b.AddRelation(new Relation("person:ann", new RelationType("KNOWS"), "person:bob"));
        b.AddRelation(new Relation("person:bob", new RelationType("KNOWS"), "person:cid"));
        return b;
    }

    [Fact]
    public void Delete_Node_IsGoneForLaterStatementsAndFromTheGraph()
    {
        var g = Run("""
            CREATE (:N {i: 1}), (:N {i: 2}), (:N {i: 3});
            MATCH (n:N {i: 2}) DELETE n;
            MATCH (n:N) CREATE (:Seen {i: n.i});
            MERGE (:N {i: 2})
            """);
        Assert.Equal([1L, 2L, 3L], Column(g, "MATCH (n:N) RETURN n.i ORDER BY n.i"));
        Assert.Equal([1L, 3L], Column(g, "MATCH (n:Seen) RETURN n.i ORDER BY n.i"));
    }

    [Fact]
    public void DetachDelete_Node_RemovesItsRelationshipsToo()
    {
        var g = Run("""
            CREATE (a:A {name: 'a'})-[:T]->(b:B {name: 'b'}), (a)-[:T]->(:C {name: 'c'}), (b)-[:T]->(a);
            MATCH (a:A) DETACH DELETE a
            """);
        Assert.Equal(["b", "c"], Column(g, "MATCH (n) RETURN n.name ORDER BY n.name"));
        Assert.Equal(0, g.RelationCount);
    }

    [Fact]
    public void Delete_Relationship_KeepsItsEnds()
    {
        var g = Run("""
            CREATE (a:A)-[:T {k: 1}]->(b:B), (a)-[:T {k: 2}]->(b);
            MATCH (:A)-[r:T {k: 1}]->(:B) DELETE r
            """);
        Assert.Equal(2, g.EntityCount);
        Assert.Equal([2L], Column(g, "MATCH ()-[r:T]->() RETURN r.k"));
    }

    [Fact]
    public void Delete_RelationshipsThenTheirNodes_InOneStatement_IsAllowed()
    {
        var g = Run("""
            CREATE (:A)-[:T]->(:B)-[:T]->(:C);
            MATCH (a)-[r]->(b) DELETE a, r, b
            """);
        Assert.Equal(0, g.EntityCount);
    }

    [Fact]
    public void Delete_PathNullAndListElement_DeleteWhatTheyHold()
    {
        var g = Run("""
            CREATE (:X {i: 0})-[:T]->(:X {i: 1})-[:T]->(:X {i: 2}), (:Y {i: 3}), (:Y {i: 4});
            MATCH p = (:X {i: 0})-[:T]->(:X {i: 1}) DETACH DELETE p;
            OPTIONAL MATCH (n:Nothing) DELETE n;
            MATCH (y:Y) WITH y ORDER BY y.i WITH collect(y) AS ys DELETE ys[0]
            """);
        Assert.Equal([2L, 4L], Column(g, "MATCH (n) RETURN n.i ORDER BY n.i"));
        Assert.Equal(0, g.RelationCount);
    }

    [Fact]
    public void Delete_AfterWithLimit_DeletesOnlyTheRowsLeft_AndALimitAfterItNeverLimitsTheDeletes()
    {
        var g = Run("""
            UNWIND range(1, 6) AS i CREATE (:N {i: i});
            MATCH (n:N) WITH n ORDER BY n.i LIMIT 2 DELETE n;
            MATCH (n:N {i: 6}) DELETE n RETURN 1 AS one LIMIT 0
            """);
        Assert.Equal([3L, 4L, 5L], Column(g, "MATCH (n:N) RETURN n.i ORDER BY n.i"));
    }

    [Fact]
    public void Delete_AfterDelete_MergeDoesNotMatchWhatWasDeleted()
    {
        var g = Run("""
            CREATE (:A {k: 1}), (:A {k: 2});
            MATCH (a:A) DELETE a MERGE (b:A) ON CREATE SET b.fresh = true
            """);
        Assert.Equal([true], Column(g, "MATCH (a:A) RETURN a.fresh"));
    }

    [Fact]
    public void Delete_CreatedInTheSameStatement_LeavesNothing()
    {
        var g = Run("CREATE (:Keep); MATCH (k:Keep) CREATE (n:Gone)-[:T]->(k) DETACH DELETE n");
        Assert.Equal(1, g.EntityCount);
        Assert.Equal(0, g.RelationCount);
    }

    [Fact]
    public void Apply_DeletesWhatTheBuilderHeld_EntitiesRelationsAndDocuments()
    {
        var b = AnnAndBob();
        CypherScript.Apply(b, """
            MATCH (:Entity {id: 'person:bob'})-[r:KNOWS]->(:Entity {id: 'person:cid'}) DELETE r;
            MATCH (a:Entity {id: 'person:ann'}) DETACH DELETE a;
            MATCH (d:Document {id: 'doc:1'}) DELETE d;
            MATCH (c:Entity {id: 'person:cid'}) SET c.age = 30
            """);
        Assert.Equal(["person:bob", "person:cid"], b.Entities.Select(e => e.Id.Value));
        Assert.Empty(b.Relations);
        Assert.Empty(b.Documents);
        var g = b.Build();
        Assert.Equal([30L], Column(g, "MATCH (c {age: 30}) RETURN c.age"));
        Assert.False(g.ContainsEntity(new EntityId("person:ann")));
    }

    [Fact]
    public void Apply_DeletedEntity_ItsIdCanBeUsedAgain()
    {
        var b = AnnAndBob();
        CypherScript.Apply(b, """
            MATCH (a:Entity {id: 'person:ann'}) DETACH DELETE a;
            CREATE (:Entity:Person {id: 'person:ann', name: 'Ann Again'})
            """);
        Assert.Equal("Ann Again", b.FindEntity(new EntityId("person:ann"))!.Name);
        Assert.Equal(3, b.EntityCount);
        Assert.Single(b.Relations);
        Assert.Empty(b.Validate());
    }

    [Fact]
    public void Delete_NodeThatKeepsARelationship_FailsAtTheStatement_AndLeavesTheBuilderAsItWas()
    {
        var b = AnnAndBob();
        var ex = Assert.Throws<QueryTypeException>(() => CypherScript.Apply(b, "CREATE (:New);\n\n  MATCH (a:Entity {id: 'person:ann'}) DELETE a"));
        Assert.Equal(("ConstraintVerificationFailed", "DeleteConnectedNode"), (ex.Category, ex.Code));
        Assert.Equal(
            "In the statement at line 3, column 3: Cannot delete the node (:Entity:Person {id: 'person:ann'}): it still has 1 relationship; delete its relationships in the same statement or use DETACH DELETE.",
            ex.Message);
        Assert.Equal(3, b.EntityCount);
        Assert.Equal(2, b.RelationCount);
    }

    [Theory]
    [InlineData("MATCH (n)\nDELETE n:Person", "SyntaxError", "InvalidDelete", "In the statement at line 1, column 1: DELETE n:Person: DELETE removes nodes, relationships and paths, not labels or types; use REMOVE n:Label to remove a label.")]
    [InlineData("MATCH (n) DELETE 1 + 1", "SyntaxError", "InvalidArgumentType", "In the statement at line 1, column 1: DELETE needs a node, a relationship or a path (or null); `1 + 1` is never one.")]
    [InlineData("CREATE (:A);\nMATCH (a) DETACH DELETE x", "SyntaxError", "UndefinedVariable", "In the statement at line 2, column 1: Variable `x` not defined.")]
    [InlineData("CREATE (:A);\nUNWIND [1] AS x DELETE x", "TypeError", "InvalidArgumentType", "In the statement at line 2, column 1: DELETE needs a node, a relationship or a path (or null); found Integer.")]
    [InlineData("CREATE (:A {k: 1});\nMATCH (a:A) DELETE a RETURN a.k", "EntityNotFound", "DeletedEntityAccess", "In the statement at line 2, column 1: The node was deleted earlier in the statement; its properties and labels can no longer be read.")]
    [InlineData("CREATE ()-[:T {k: 1}]->();\nMATCH ()-[r:T]->() DELETE r RETURN r.k", "EntityNotFound", "DeletedEntityAccess", "In the statement at line 2, column 1: The relationship was deleted earlier in the statement; its properties and labels can no longer be read.")]
    [InlineData("CREATE (:A {k: 1});\nMATCH (a:A) DELETE a SET a.k = 2", "EntityNotFound", "DeletedEntityAccess", "In the statement at line 2, column 1: The node was deleted earlier in the statement; it cannot be changed or get new relationships.")]
    public void Delete_Errors_NameTheStatementAndTheOpenCypherCode(string script, string category, string code, string message)
    {
        var ex = Assert.ThrowsAny<QueryException>(() => Run(script));
        Assert.Equal((category, code, message), (ex.Category, ex.Code, ex.Message));
    }

    [Fact]
    public void Detach_WithoutDelete_IsASyntaxErrorAtItsLineAndColumn()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Run("CREATE (:A);\nMATCH (n)\n  DETACH n"));
        Assert.Equal((3, 10, "identifier `n`", "DELETE"), (ex.Line, ex.Column, ex.Found, ex.Expected));
    }

    [Fact]
    public void Delete_TypeOfADeletedRelationship_CanStillBeRead()
    {
        var b = new GraphBuilder(Schema.Open);
        CypherScript.Apply(b, "CREATE (:A)-[:T]->(:B); MATCH ()-[r]->() DELETE r WITH type(r) AS t CREATE (:Was {type: t})");
        Assert.Equal(["T"], Column(b.Build(), "MATCH (w:Was) RETURN w.type"));
    }

    [Fact]
    public void Delete_OneNodePerStatement_OverManyStatements_KeepsLookupsRight()
    {
        // Enough deletions for the staging graph to drop deleted nodes from its look-up lists on the way.
        var script = new System.Text.StringBuilder("UNWIND range(1, 3000) AS i CREATE (:N {i: i})-[:NEXT]->(:M {i: i});\n");
        for (int i = 1; i <= 2500; i++)
        {
            script.Append("MATCH (n:N {i: ").Append(i).Append("}) DETACH DELETE n;\n");
        }

        script.Append("MERGE (:N {i: 2999}); MERGE (:N {i: 1})");
        var g = Run(script.ToString());
        Assert.Equal(3000 + 501, g.EntityCount);
        Assert.Equal(500, g.RelationCount);
        Assert.Equal([1L, 2501L], Column(g, "MATCH (n:N) RETURN n.i ORDER BY n.i LIMIT 2"));
    }

    [Fact]
    public void DetachDelete_NodeWithASelfLoop_CountsTheLoopOnce()
    {
        var ex = Assert.Throws<QueryTypeException>(() => Run("CREATE (a:A {name: 'a'})-[:T]->(a);\nMATCH (a:A) DELETE a"));
        Assert.Contains("(:A {name: 'a'}): it still has 1 relationship;", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, Run("CREATE (a:A)-[:T]->(a);\nMATCH (a:A) DETACH DELETE a").EntityCount);
    }

    [Fact]
    public void Read_ScriptFile_DeletesAndNamesTheFailingStatement()
    {
        static Graph Read(string script) =>
            GraphFormat.Cypher.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(script)), new GraphReadOptions { SourceName = "s.cypher" });

        Assert.Equal(1, Read("CREATE (:A)-[:T]->(:B);\nMATCH (b:B) DETACH DELETE b").EntityCount);
        var ex = Assert.Throws<GraphFormatException>(() => Read("CREATE (:A)-[:T]->(:B);\n\nMATCH (b:B) DELETE b"));
        Assert.Equal((3, 1), (ex.Line, ex.Column));
        Assert.Equal("Cypher script failed: Cannot delete the node (:B): it still has 1 relationship; delete its relationships in the same statement or use DETACH DELETE at s.cypher(3,1).", ex.Message);
    }

    [Fact]
    public void GraphQuery_RefusesDelete_PointingToCypherScript()
    {
        var g = Run("CREATE (:A)");
        var ex = Assert.Throws<QuerySemanticException>(() => g.Query("MATCH (n) DETACH DELETE n"));
        Assert.Equal("UnsupportedClause", ex.Code);
        Assert.Contains("CypherScript.Apply", ex.Message, StringComparison.Ordinal);
    }
}
