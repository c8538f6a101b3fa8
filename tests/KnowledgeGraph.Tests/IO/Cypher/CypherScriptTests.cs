using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;

using static KnowledgeGraph.Tests.IO.Cypher.CypherScriptRuns;

namespace KnowledgeGraph.Tests.IO.Cypher;

/// <summary>MERGE, SET, REMOVE and multi-statement scripts run by <see cref="CypherScript"/> (DELETE in <see cref="CypherScriptDeleteTests"/>).</summary>
public class CypherScriptTests
{
    // ---- MERGE ----
    [Fact]
    public void Merge_NodeAbsent_CreatesIt_NodePresent_MatchesIt()
    {
        var g = Run("MERGE (a:A {k: 1}); MERGE (a:A {k: 1}); MERGE (a:A {k: 2}); MERGE (a:B {k: 1})");
        Assert.Equal(3, g.EntityCount);
        Assert.Equal([1L, 2L], Column(g, "MATCH (a:A) RETURN a.k ORDER BY a.k"));
    }

    [Fact]
    public void Merge_SeesItsOwnWritesAcrossRows()
    {
        var g = Run("UNWIND [1, 1, 2, 1] AS x MERGE (:N {v: x})");
        Assert.Equal([1L, 2L], Column(g, "MATCH (n:N) RETURN n.v ORDER BY n.v"));
    }

    [Fact]
    public void Merge_OnCreateAndOnMatch_RunTheRightSet()
    {
        var g = Run("""
            MERGE (c:Counter {id: 'c'}) ON CREATE SET c.n = 1, c.created = true ON MATCH SET c.n = c.n + 1;
            MERGE (c:Counter {id: 'c'}) ON CREATE SET c.n = 1 ON MATCH SET c.n = c.n + 1;
            MERGE (c:Counter {id: 'c'}) ON MATCH SET c.n = c.n + 10
            """);
        Assert.Equal([12L], Column(g, "MATCH (c:Counter) RETURN c.n"));
        Assert.Equal([true], Column(g, "MATCH (c:Counter) RETURN c.created"));
    }

    [Fact]
    public void Merge_CounterWithinOneStatement_ReadsItsOwnWrites()
    {
        var g = Run("UNWIND range(1, 4) AS i MERGE (c:Counter {id: 'c'}) ON CREATE SET c.n = 1 ON MATCH SET c.n = c.n + 1");
        Assert.Equal([4L], Column(g, "MATCH (c:Counter) RETURN c.n"));
    }

    [Fact]
    public void Merge_RelationshipBetweenBoundNodes_IsCreatedOnceAndMatchedByProperties()
    {
        var g = Run("""
            CREATE (:P {name: 'a'}), (:P {name: 'b'});
            MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) MERGE (a)-[:KNOWS {since: 2020}]->(b);
            MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) MERGE (a)-[:KNOWS {since: 2020}]->(b);
            MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) MERGE (a)-[:KNOWS]->(b);
            MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) MERGE (a)-[:KNOWS {since: 2021}]->(b);
            MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) MERGE (b)-[:KNOWS]->(a)
            """);
        Assert.Equal(3, g.RelationCount);
        Assert.Equal([2020L, 2021L, null], Column(g, "MATCH ()-[r:KNOWS]->() RETURN r.since ORDER BY r.since"));
    }

    [Fact]
    public void Merge_UndirectedRelationship_MatchesEitherDirection_CreatesLeftToRight()
    {
        var g = Run("""
            CREATE (:P {name: 'a'})-[:T]->(:P {name: 'b'});
            MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) MERGE (b)-[:T]-(a);
            MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) MERGE (b)-[:U]-(a)
            """);
        Assert.Equal(2, g.RelationCount);
        Assert.Equal(["b"], Column(g, "MATCH (x)-[:U]->() RETURN x.name"));
    }

    [Fact]
    public void Merge_WholePattern_CreatesAllOfItWhenAnyPartIsMissing()
    {
        // As in Neo4j: the pattern is matched as a whole, so a missing relationship creates new nodes too.
        var g = Run("""
            CREATE (:City {name: 'Paris'});
            MERGE (:Person {name: 'Ann'})-[:LIVES_IN]->(:City {name: 'Paris'});
            MERGE (:Person {name: 'Ann'})-[:LIVES_IN]->(:City {name: 'Paris'})
            """);
        Assert.Equal([2L], Column(g, "MATCH (c:City) RETURN count(c)"));
        Assert.Equal(1, g.RelationCount);
    }

    [Fact]
    public void Merge_PathWithUnboundEnd_FindsItThroughTheBoundNode()
    {
        var g = Run("""
            CREATE (:P {name: 'a'})-[:OWNS]->(:Car {plate: 'X'});
            MATCH (p:P {name: 'a'}) MERGE (p)-[:OWNS]->(c:Car) SET c.seen = true;
            MATCH (p:P {name: 'a'}) MERGE (p)-[:OWNS]->(c:Bike) SET c.seen = true
            """);
        Assert.Equal([true], Column(g, "MATCH (c:Car) RETURN c.seen"));
        Assert.Equal([true], Column(g, "MATCH (b:Bike) RETURN b.seen"));
        Assert.Equal(2, g.RelationCount);
    }

    [Fact]
    public void Merge_NullProperty_IsAnErrorNamingTheStatement()
    {
        var ex = Assert.Throws<QuerySemanticException>(() => Run("MERGE (a:A {k: 1});\nMERGE (b:B {k: null})"));
        Assert.Equal("In the statement at line 2, column 1: Cannot MERGE a node with a null value for property 'k'.", ex.Message);
        Assert.Equal(("SemanticError", "MergeReadOwnWrites"), (ex.Category, ex.Code)); // the TCK's code for it
    }

    [Fact]
    public void Merge_BoundVariableWithLabels_IsRejectedBeforeAnythingRuns()
    {
        var b = new GraphBuilder(Schema.Open);
        var ex = Assert.Throws<QuerySemanticException>(() => CypherScript.Apply(b, "CREATE (x:X);\nMATCH (a:X) MERGE (a:Y)-[:T]->(c)"));
        Assert.StartsWith("In the statement at line 2, column 1: Variable `a` already declared", ex.Message);
        Assert.Equal("VariableAlreadyBound", ex.Code);
        Assert.Equal(0, b.EntityCount);
    }

    [Theory]
    [InlineData("CREATE (:Entity:Person {id: 'p:1', aliases: [' ']})", "The aliases of entity 'p:1' must be a list of strings that are not empty or blank; found a list holding String.")]
    [InlineData("CREATE (:Entity:Person {id: 'p:1', aliases: ['\t\n']})", "The aliases of entity 'p:1' must be a list of strings that are not empty or blank; found a list holding String.")]
    public void Script_EntityTheModelRefuses_IsAMappingError(string script, string message)
    {
        var b = new GraphBuilder(Schema.Open);
        var ex = Assert.Throws<QuerySemanticException>(() => CypherScript.Apply(b, script));
        Assert.Equal("InvalidGraphMapping", ex.Code);
        Assert.EndsWith(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, b.EntityCount);
    }

    [Fact]
    public void Set_ParenthesisedVariable_IsTheSameTarget()
    {
        var g = Run("CREATE (:A)-[:T]->(:B); MATCH (a:A)-[r:T]->(b) SET (a).name = 'x', (r).w = 2 REMOVE (b).missing");
        Assert.Equal(["x"], Column(g, "MATCH (a:A) RETURN a.name"));
        Assert.Equal([2L], Column(g, "MATCH ()-[r:T]->() RETURN r.w"));
        Assert.Throws<QuerySyntaxException>(() => Run("MATCH (a) SET (a.name) = 'x'"));
    }

    [Fact]
    public void Script_LimitAfterWrite_LimitsRowsNotWrites()
    {
        var g = Run("UNWIND range(1, 3) AS i CREATE (n:N {i: i}) WITH n ORDER BY n.i LIMIT 1 SET n.x = 1");
        Assert.Equal([3L], Column(g, "MATCH (n:N) RETURN count(*)"));
        Assert.Equal([1L], Column(g, "MATCH (n:N) WHERE n.x = 1 RETURN n.i"));
        g = Run("UNWIND range(1, 3) AS i CREATE (n:N {i: i}) WITH n LIMIT 1 SET n.x = 1");
        Assert.Equal([3L, 1L], [.. Column(g, "MATCH (n:N) RETURN count(*)"), .. Column(g, "MATCH (n:N) WHERE n.x = 1 RETURN count(*)")]);
    }

    [Theory]
    [InlineData("MERGE (a)-[:T*2]->(b)", "CreatingVarLength")]
    [InlineData("MERGE (a)-[:T|U]->(b)", "NoSingleRelationshipType")]
    [InlineData("MERGE p = (a)-[:T]->(b)", "InvalidRelationshipPattern")]
    [InlineData("MERGE (a $props)", "InvalidParameterUse")]
    [InlineData("MERGE (a:`has space`)", "InvalidName")]
    [InlineData("MERGE (a) SET b.x = 1", "UndefinedVariable")]
    [InlineData("MATCH (a) SET a.x = count(a)", "InvalidAggregation")]
    [InlineData("MERGE (a)-[r:T]->(b) SET r:Label", "InvalidArgumentType")]
    [InlineData("MERGE (a:A) MATCH (a)-->(b) SET b.x = 1", "UnsupportedClause")]
    [InlineData("MATCH (a)", "InvalidClauseComposition")]
    public void Script_MeaninglessStatement_IsASemanticError(string script, string code)
    {
        var ex = Assert.Throws<QuerySemanticException>(() => Run(script));
        Assert.Equal(code, ex.Code);
        Assert.StartsWith("In the statement at line 1, column 1: ", ex.Message);
    }

    [Theory]
    [InlineData("MERGE (a:A {k: 1) RETURN a", 1, 17, "`)`", "`}`")]
    [InlineData("MERGE (a:A)\nON DELETE SET a.x = 1", 2, 4, "identifier `DELETE`", "CREATE or MATCH after ON")]
    [InlineData("MERGE (a:A) SET a", 1, 18, "end of input", "`.`, `:`, `=` or `+=` after the variable")]
    [InlineData("MERGE (a:A) SET a.x", 1, 20, "end of input", "`=`")]
    [InlineData("MERGE (a:A) SET 1 = 2", 1, 17, "number `1`", "a variable name (SET n.key = value, SET n:Label, SET n = {…} or SET n += {…})")]
    [InlineData("CREATE (a);\nCREATE (b)\nCREATE (c) CREATE", 3, 18, "end of input", "`(`")]
    public void Script_SyntaxError_NamesLineAndColumnInTheWholeScript(string script, int line, int column, string found, string expected)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Run(script));
        Assert.Equal((line, column, found, expected), (ex.Line, ex.Column, ex.Found, ex.Expected));
    }

    // ---- SET ----
    [Fact]
    public void Set_PropertiesLabelsAndNullRemoval()
    {
        var g = Run("""
            CREATE (:P {name: 'a', drop: 1, keep: 2});
            MATCH (p:P) SET p.x = 'y', p.drop = null, p:Extra:More, p:Extra
            """);
        var e = Assert.Single(g.Entities);
        Assert.Equal("P", e.Kind.Name);
        Assert.Equal(["Extra", "More"], e.Labels.ToArray());
        Assert.Equal(["keep", "x"], e.Properties.Keys);
        Assert.Equal("a", e.Name);
    }

    [Fact]
    public void Set_MergeAndReplaceMaps()
    {
        var g = Run("""
            CREATE (:P {name: 'a', x: 1, y: 2}), (:Q {name: 'b', x: 1, y: 2});
            MATCH (p:P) SET p += {y: 20, z: 30, x: null};
            MATCH (q:Q) SET q = {name: 'b', z: 3}
            """);
        Assert.Equal(["y", "z"], g.Entities.Single(e => e.Name == "a").Properties.Keys);
        Assert.Equal(20L, g.Entities.Single(e => e.Name == "a").Properties["y"].AsInteger);
        Assert.Equal(["z"], g.Entities.Single(e => e.Name == "b").Properties.Keys);
    }

    [Fact]
    public void Set_RelationshipProperties_OnMatchedAndCreatedRelationships()
    {
        var g = Run("""
            CREATE (a:P {name: 'a'})-[r:T {w: 1}]->(b:P {name: 'b'}) SET r.w = r.w + 1, r.fresh = true;
            MATCH (:P {name: 'a'})-[r:T]->() SET r.w = r.w * 10, r.fresh = null
            """);
        var rel = Assert.Single(g.Relations);
        Assert.Equal(20L, rel.Qualifiers["w"].AsInteger);
        Assert.False(rel.Qualifiers.ContainsKey("fresh"));
    }

    [Fact]
    public void Set_MapValue_IsATypeErrorNamingTheStatement()
    {
        var ex = Assert.Throws<QueryTypeException>(() => Run("CREATE (a:A);\n\n  MATCH (a:A) SET a.x = {k: 1}"));
        Assert.Equal("In the statement at line 3, column 3: Property 'x' cannot hold a Map.", ex.Message);
        Assert.Equal("InvalidPropertyType", ex.Code);
    }

    [Fact]
    public void Set_NullTarget_DoesNothing()
    {
        var g = Run("CREATE (:A); OPTIONAL MATCH (b:B) SET b.x = 1");
        Assert.Single(g.Entities);
    }

    [Fact]
    public void Apply_FailingScript_LeavesTheBuilderAsItWas()
    {
        var b = new GraphBuilder(Schema.Open);
        CypherScript.Apply(b, "CREATE (:A {name: 'kept'})");
        Assert.Throws<QueryTypeException>(() => CypherScript.Apply(b, "CREATE (:B); MATCH (a:A) SET a.x = {no: 'maps'}"));
        Assert.Equal("kept", Assert.Single(b.Entities).Name);
    }

    [Fact]
    public void Apply_SecondScript_SeesAndChangesWhatTheBuilderHeld()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("person:ann", EntityKind.Person, "Ann"));
        CypherScript.Apply(b, "CREATE (:Thing {name: 'x'})");
        CypherScript.Apply(b, """
            MATCH (a:Entity {id: 'person:ann'}) SET a.age = 30, a:Speaker;
            MATCH (a:Person {name: 'Ann'}), (t:Thing) MERGE (a)-[:OWNS]->(t);
            MATCH (t:Thing) SET t.shiny = true
            """);
        var g = b.Build();
        var ann = g["person:ann"];
        Assert.Equal(("Person", 30L), (ann.Kind.Name, ann.Properties["age"].AsInteger));
        Assert.Equal(["Speaker"], ann.Labels.ToArray());
        var thing = Assert.Single(g.Entities, e => e.Kind.Name == "Thing");
        Assert.Equal("_:2", thing.Id.Value);
        Assert.True(thing.Properties["shiny"].AsBoolean);
        Assert.Equal("(person:ann)-[OWNS]->(_:2)", Assert.Single(g.Relations).ToString());
    }

    [Fact]
    public void Apply_IdFunction_IsTheEntityIdInScriptsAsInQueries()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("person:ann", EntityKind.Person, "Ann"));
        CypherScript.Apply(b, """
            MERGE (n:Entity {id: 'person:bob'}) SET n:Person, n.name = 'Bob';
            MATCH (a), (b) WHERE id(a) = 'person:ann' AND id(b) = 'person:bob' CREATE (a)-[:KNOWS]->(b);
            MATCH (a)-[:KNOWS]->(b) SET b.knownBy = id(a)
            """);
        var g = b.Build();
        Assert.Equal("(person:ann)-[KNOWS]->(person:bob)", Assert.Single(g.Relations).ToString());
        Assert.Equal("person:ann", g["person:bob"].Properties.GetString("knownBy"));
    }

    [Fact]
    public void Load_TwoNodesWithOneEntityId_AreMatchedApartAndReportedAsDuplicates()
    {
        string script = "CREATE (:Entity {id: 'x', n: 1}), (:Entity {id: 'x', n: 2}); MATCH (a), (b) WHERE a.n < b.n CREATE (a)-[:T]->(b)";
        var ex = Assert.Throws<SchemaViolationException>(() => CypherScript.Load(script, Schema.Open));
        Assert.Contains("an entity with this id was added before", ex.Message);
    }

    [Fact]
    public void Apply_ChangingTheIdOfAHeldEntity_IsRefused()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("person:ann", EntityKind.Person, "Ann"));
        var ex = Assert.Throws<QuerySemanticException>(() => CypherScript.Apply(b, "MATCH (a:Entity {id: 'person:ann'}) SET a.id = 'person:bob'"));
        Assert.Contains("changed the id of entity 'person:ann' to 'person:bob'", ex.Message);
    }

    // ---- mapping ----
    [Fact]
    public void Load_MapsEntityAndDocumentConventions()
    {
        var g = CypherScript.Load("""
            MERGE (d:Document {id: 'doc:1'}) SET d.title = 'T', d.text = 'Ann met Bob.';
            MERGE (n:Entity {id: 'p:ann'}) SET n:Person:Speaker, n.name = 'Ann', n.aliases = ['A.'], n.property_name = 'prop', n.age = 30;
            MERGE (n:Entity {id: 'p:bob'}) SET n:Person, n.name = 'Bob';
            MATCH (a:Entity {id: 'p:ann'}), (b:Entity {id: 'p:bob'})
            MERGE (a)-[:MEETS {certainty: 'explicit', evidenceDocument: ['doc:1'], evidenceStart: [0], evidenceLength: [12], evidenceText: ['Ann met Bob.']}]->(b);
            """);
        var doc = Assert.Single(g.Documents);
        Assert.Equal(("doc:1", "T", "Ann met Bob."), (doc.Id, doc.Title, doc.Text));
        var ann = g["p:ann"];
        Assert.Equal(("Person", "Ann"), (ann.Kind.Name, ann.Name));
        Assert.Equal(["Speaker"], ann.Labels.ToArray());
        Assert.Equal(["A."], ann.Aliases.ToArray());
        Assert.Equal(["age", "name"], ann.Properties.Keys);
        Assert.Equal("prop", ann.Properties.GetString("name"));
        var rel = Assert.Single(g.Relations);
        Assert.Equal("explicit", rel.Qualifiers.GetString("certainty"));
        Assert.Equal(new Evidence("doc:1", 0, 12, "Ann met Bob."), Assert.Single(rel.Evidence));
    }

    [Theory]
    [InlineData("CREATE (:Entity {id: 'a', name: 5})", "At line 1, column 8: The name of entity 'a' must be a string; found Integer.")]
    [InlineData("CREATE (:Entity {id: 'a', aliases: ['x', 2]})", "At line 1, column 8: The aliases of entity 'a' must be a list of strings that are not empty or blank; found a list holding String, Integer.")]
    [InlineData("CREATE (:Entity {id: 'a'})-[:T {evidenceDocument: ['d']}]->(:Entity {id: 'b'})", "At line 1, column 27: The relationship (a)-[:T]->(b) has evidence properties, but not all four of evidenceDocument, evidenceStart, evidenceLength and evidenceText as lists of the same length.")]
    [InlineData("CREATE (:Entity {id: 'a'})-[:T {evidenceDocument: ['d'], evidenceStart: [-1], evidenceLength: [1], evidenceText: ['x']}]->(:Entity {id: 'b'})", "At line 1, column 27: The relationship (a)-[:T]->(b): evidence 1 must be a document id (string), a start and a length (integers from 0) and a text (string).")]
    [InlineData("CREATE (:Document {id: 'd'})-[:CITES]->(:Entity {id: 'b'})", "At line 1, column 29: A relationship :CITES touches the Document node 'd'; a document cannot be an end of a relation.")]
    public void Load_BrokenConventions_AreReportedNotHalfBuilt(string script, string message)
    {
        var ex = Assert.Throws<QuerySemanticException>(() => CypherScript.Load(script, Schema.Open));
        Assert.Equal(message, ex.Message);
        Assert.Equal("InvalidGraphMapping", ex.Code);
    }

    [Fact]
    public void Load_NodesWithoutConventions_KeepTheCreateMapping()
    {
        var g = CypherScript.Load("CREATE (:Document {id: 'x', pages: 3}), (:Entity {id: 7, name: 'Seven'}), ({name: ''})", Schema.Open);
        Assert.Empty(g.Documents);
        Assert.Equal(["_:1", "_:2", "_:3"], g.Entities.Select(e => e.Id.Value));
        Assert.Equal(["Document", "Entity", CypherScript.UnlabeledKind], g.Entities.Select(e => e.Kind.Name));
        Assert.Equal("Seven", g["_:2"].Name);
        Assert.Equal(string.Empty, g["_:3"].Properties.GetString("name"));
    }

    // ---- where the mapping's errors are ----
    private const string AnnAndBob = """
        MERGE (d:Document {id: 'doc:1'}) SET d.title = 'T', d.text = 'Ann met Bob.';
        MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
        MERGE (n:Entity {id: 'person:bob'}) SET n:Person, n.name = 'Bob';

        """;

    private static Graph ReadScript(string script) =>
        GraphFormat.Cypher.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(script)), new GraphReadOptions { SourceName = "s.cypher" });

    [Fact]
    public void Read_EvidenceListsOfDifferentLengths_NameTheRelationshipPattern()
    {
        // The statement begins on line 4; the relationship pattern that made the relation on line 5, column 12.
        string script = AnnAndBob + """
            MATCH (a:Entity {id: 'person:ann'}), (b:Entity {id: 'person:bob'})
              MERGE (a)-[:MEETS {evidenceDocument: ['doc:1', 'doc:1'], evidenceStart: [0], evidenceLength: [12], evidenceText: ['Ann met Bob.']}]->(b);
            """;
        const string what = "The relationship (person:ann)-[:MEETS]->(person:bob) has evidence properties, but not all four of evidenceDocument, evidenceStart, evidenceLength and evidenceText as lists of the same length";

        var ex = Assert.Throws<GraphFormatException>(() => ReadScript(script));
        Assert.Equal((5, 12), (ex.Line, ex.Column));
        Assert.Equal($"Cypher script failed: {what} at s.cypher(5,12).", ex.Message);

        var applied = Assert.Throws<QuerySemanticException>(() => CypherScript.Apply(new GraphBuilder(), script));
        Assert.Equal($"At line 5, column 12: {what}.", applied.Message);
        Assert.Equal("InvalidGraphMapping", applied.Code);
    }

    [Fact]
    public void Read_RelationshipToADocument_NamesTheRelationshipPattern()
    {
        string script = AnnAndBob + "MATCH (a:Entity {id: 'person:ann'}), (d:Document {id: 'doc:1'}) MERGE (a)-[:MENTIONED_IN]->(d);\n";

        var ex = Assert.Throws<GraphFormatException>(() => ReadScript(script));
        Assert.Equal((4, 74), (ex.Line, ex.Column));
        Assert.Equal("Cypher script failed: A relationship :MENTIONED_IN touches the Document node 'doc:1'; a document cannot be an end of a relation at s.cypher(4,74).", ex.Message);
    }

    [Fact]
    public void Read_RelationTypeTheSchemaDoesNotKnow_IsAViolationAtTheRelationshipPattern()
    {
        string script = AnnAndBob + "MATCH (a:Entity {id: 'person:ann'}), (b:Entity {id: 'person:bob'}) MERGE (a)-[:ADMIRES]->(b);\n";

        var v = Assert.Single(Assert.Throws<SchemaViolationException>(() => ReadScript(script)).Violations);
        Assert.Equal(SchemaViolationKind.UnknownRelationType, v.Kind);
        Assert.Equal(new SourceLocation("s.cypher", 4, 77), v.Origin);
        Assert.StartsWith("s.cypher(4,77): (person:ann)-[ADMIRES]->(person:bob): unknown relation type 'ADMIRES'", v.ToString(), StringComparison.Ordinal);

        var loaded = Assert.Single(Assert.Throws<SchemaViolationException>(() => CypherScript.Load(script)).Violations);
        Assert.Equal(new SourceLocation("<string>", 4, 77), loaded.Origin);
    }

    [Fact]
    public void Read_EntityTheMappingRefuses_NamesItsNodePattern_NotTheStatement()
    {
        var ex = Assert.Throws<GraphFormatException>(() => ReadScript("CREATE (:Entity {id: 'a'});\nCREATE (:Entity {id: 'b'}), (:Entity {id: 'c', name: 5})"));
        Assert.Equal((2, 29), (ex.Line, ex.Column));
        Assert.Equal("Cypher script failed: The name of entity 'c' must be a string; found Integer at s.cypher(2,29).", ex.Message);
    }

    [Theory]
    [InlineData(
        "MATCH (a:Entity {id: 'person:ann'}) SET a.name = 'Ann';\nMATCH (x:Entity {id: 'person:bob'}) SET x.age = 40;\nMATCH (a:Entity {id: 'person:ann'})\n  SET a.id = 'person:eve'",
        "At line 4, column 7: The script changed the id of entity 'person:ann' to 'person:eve'; the builder cannot rename an entity it holds.")]
    [InlineData(
        "MATCH (a:Entity {id: 'person:ann'})\nREMOVE a.name, a:Entity:Person SET a:Document",
        "At line 2, column 8: The script turned entity 'person:ann' into a document; the builder cannot do that.")]
    [InlineData(
        "MATCH (d:Document {id: 'doc:1'}) SET d.title = 'T';\nMATCH (d:Document {id: 'doc:1'}) SET d.pages = 3",
        "At line 2, column 38: The script changed document 'doc:1' so that it is no longer a document node (label Document; string id, title and text only) with that id.")]
    public void Apply_HeldElementChangedAgainstTheMapping_NamesTheSetItemThatFirstChangedIt(string script, string message)
    {
        // Setting a property to the value it has (SET a.name = 'Ann', SET d.title = 'T') is no change.
        var b = new GraphBuilder(Schema.Open);
        b.AddDocument(new Document("doc:1", "T", "Ann met Bob."));
        b.AddEntity(new Entity("person:ann", EntityKind.Person, "Ann"));
        b.AddEntity(new Entity("person:bob", EntityKind.Person, "Bob"));
        var ex = Assert.Throws<QuerySemanticException>(() => CypherScript.Apply(b, script));
        Assert.Equal(message, ex.Message);
        Assert.Equal(["person:ann", "person:bob"], b.Entities.Select(e => e.Id.Value));
    }

    // ---- scripts ----
    [Fact]
    public void Script_StatementsSeeEarlierStatements()
    {
        var g = Run("""
            CREATE (:N {i: 1});
            MATCH (n:N) CREATE (:N {i: n.i + 1});
            MATCH (n:N) WITH max(n.i) AS top CREATE (:N {i: top + 1});
            MATCH (a:N {i: 1}), (b:N {i: 3}) CREATE (a)-[:TO]->(b);
            MATCH (a)-[:TO]->(b) SET b.reached = true
            """);
        Assert.Equal([1L, 2L, 3L], Column(g, "MATCH (n:N) RETURN n.i ORDER BY n.i"));
        Assert.Equal([3L], Column(g, "MATCH (n {reached: true}) RETURN n.i"));
    }

    [Fact]
    public void Script_CommentsEmptyStatementsAndSemicolonsInStrings()
    {
        var g = Run("""
            // a comment; with a semicolon
            ;;
            CREATE (:A {s: 'x;y', q: "it's; \"fine\""}) ; /* block; comment */ ;
            CREATE (:`B;C` {`k;ey`: 1}) // trailing comment without a semicolon
            """);
        Assert.Equal(["x;y"], Column(g, "MATCH (a:A) RETURN a.s"));
        Assert.Equal(["it's; \"fine\""], Column(g, "MATCH (a:A) RETURN a.q"));
        Assert.Equal([1L], Column(g, "MATCH (b:`B;C`) RETURN b.`k;ey`"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ;\n; // nothing\n")]
    public void Script_WithoutStatements_ChangesNothing(string script)
    {
        Assert.Equal(0, Run(script).EntityCount);
    }

    [Fact]
    public void Script_UnterminatedStringInALaterStatement_IsASyntaxErrorBeforeAnythingRuns()
    {
        var b = new GraphBuilder(Schema.Open);
        var ex = Assert.Throws<QuerySyntaxException>(() => CypherScript.Apply(b, "CREATE (:A);\nCREATE (:B {s: 'open;\n})"));
        Assert.Equal((2, 16), (ex.Line, ex.Column));
        Assert.Equal(0, b.EntityCount);
    }

    [Fact]
    public void Script_TwoStatementsWithoutSemicolon_NeedOne()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Run("CREATE (a) RETURN a MATCH (b) RETURN b"));
        Assert.EndsWith("`;` or end of input", ex.Expected);
    }

    [Fact]
    public void Script_ExportShape_NeedsNoGraphSnapshot_OtherMatchesOneAfterEachChange()
    {
        // The export's statements (MERGE nodes, then MATCH two nodes by id and MERGE a relationship) are answered
        // from the staging graph's indexes; a MATCH with a relationship reads a snapshot, rebuilt only after a change.
        var export = new ScriptRunner(null, QueryOptions.Default, CancellationToken.None);
        export.Run(KnowledgeGraph.IO.Cypher.CypherWriter.ToCypher(Graph.LoadSeed()));
        Assert.Equal(0, export.SnapshotsBuilt);

        var other = new ScriptRunner(null, QueryOptions.Default, CancellationToken.None);
        other.Run("""
            CREATE (:A)-[:T]->(:B);
            MATCH (a)-[:T]->(b) SET b.seen = 1;
            MATCH (a)-[:T]->(b) SET b.seen = 1;
            MATCH (a)-[:T]->(b) WITH count(*) AS n MATCH (x:A) SET x.n = n;
            MERGE (c:C {n: 1}) SET c.m = c.n + 1;
            MATCH (a)-[:T]->(b) SET b.seen = 2
            """);
        // statement 2 builds one; 3 builds one (2 changed b); 3 changes nothing, so 4 reuses it; 5 needs none; 6 builds one.
        Assert.Equal(3, other.SnapshotsBuilt);
    }

    [Fact]
    public void Script_StatementEndingInReturn_RunsEveryWrite()
    {
        var g = Run("UNWIND range(1, 5) AS i MERGE (n:N {i: i}) RETURN n.i ORDER BY n.i");
        Assert.Equal(5, g.EntityCount);
    }

    // ---- read queries stay read-only ----
    [Theory]
    [InlineData("MATCH (n) MERGE (m:X) RETURN m", "MERGE")]
    [InlineData("MATCH (n) SET n.x = 1 RETURN n", "SET")]
    [InlineData("CREATE (n) RETURN n", "CREATE")]
    public void Query_WriteClause_IsRefusedWithAPointerToCypherScript(string query, string clause)
    {
        var ex = Assert.Throws<QuerySemanticException>(() => TestGraphs.Small().Query(query));
        Assert.StartsWith(clause + " is not allowed here: a Graph is immutable", ex.Message);
        Assert.Contains("CypherScript.Apply", ex.Message);
        Assert.Equal("UnsupportedClause", ex.Code);
    }

    [Fact]
    public void Query_TwoStatements_IsASyntaxError()
    {
        Assert.Throws<QuerySyntaxException>(() => TestGraphs.Small().Query("MATCH (n) RETURN n; MATCH (m) RETURN m"));
    }
}
