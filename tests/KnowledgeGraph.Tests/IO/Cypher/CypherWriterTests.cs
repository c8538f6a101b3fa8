using ApprovalTests;
using KnowledgeGraph.IO.Cypher;

namespace KnowledgeGraph.Tests.IO.Cypher;

public class CypherWriterTests
{
    [Fact]
    public void Seed_Snapshot()
    {
        Approvals.Verify(CypherWriter.ToCypher(Graph.LoadSeed()));
    }

    [Fact]
    public void TrickyGraph_Snapshot()
    {
        Approvals.Verify(CypherWriter.ToCypher(TestGraphs.Tricky()));
    }

    [Fact]
    public void Write_SmallGraph_MergesEntitiesAndRelations()
    {
        string cypher = CypherWriter.ToCypher(TestGraphs.Small());
        Assert.Contains("MERGE (n:Entity {id: 'person:alice'}) SET n:Person, n.name = 'Alice Smith', n.aliases = ['Alice', 'Ms. Smith'], n.role = 'Envoy';\n", cypher);
        Assert.Contains("MATCH (a:Entity {id: 'person:alice'}), (b:Entity {id: 'person:bob'}) MERGE (a)-[:MEETS {certainty: 'explicit', evidenceDocument: ['doc:1'], evidenceStart: [0], evidenceLength: [23], evidenceText: ['Alice met Bob in Paris.']}]->(b);\n", cypher);
        Assert.Contains("MATCH (a:Entity {id: 'person:alice'}), (b:Entity {id: 'event:summit'}) MERGE (a)-[:ATTENDS]->(b);\n", cypher);
    }

    [Fact]
    public void Write_TrickyGraph_EscapesStringsAndNames()
    {
        string cypher = CypherWriter.ToCypher(TestGraphs.Tricky());
        Assert.Contains("n.name = 'Quote \" and \\'apostrophe\\''", cypher);
        Assert.Contains("n.name = 'Back\\\\slash \\\\n not a newline'", cypher);
        Assert.Contains("n.name = 'Line\\nbreak\\r\\nand\\ttab'", cypher);
        Assert.Contains("n.name = 'Ünïcödé — 北京 🚀 \\u2028\\u2029'", cypher);
        Assert.Contains("SET n:`Weird\"<Kind>&`", cypher);
        Assert.Contains("MERGE (a)-[:`REL\"|<&>```", cypher);
        Assert.Contains("n.`key with space \"q\"` = 'v'", cypher);
        Assert.Contains("n.float = 1E-300", cypher);
        Assert.Contains("n.whole = 2.0", cypher);
        Assert.Equal(2 + 1 + TestGraphs.Tricky().EntityCount + TestGraphs.Tricky().RelationCount, cypher.Count(c => c == '\n'));
    }
}
