using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Csv;
using KnowledgeGraph.IO.GraphML;
using KnowledgeGraph.IO.Json;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.Reliability;

/// <summary>
/// Thousands of generated and mutated inputs per reader per run: each either loads or raises the
/// documented exception of its area, within a time bound, and never anything else.
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);
    private static readonly Type[] ReaderExceptions = [typeof(GraphFormatException), typeof(SchemaViolationException)];

    [Fact]
    public void JsonReader_MutatedSeed_LoadsOrRaisesDocumentedExceptions()
    {
        var outcomes = FuzzAndReport(
            "canonical JSON (seed)",
            Utf8(Graph.LoadSeed().ToJson()),
            bytes => JsonGraphReader.Read(new MemoryStream(bytes), new GraphReadOptions { SourceName = "fuzz.json" }),
            ReaderExceptions,
            iterations: 3000);
        Assert.True(outcomes.GetValueOrDefault(nameof(GraphFormatException)) > 1000, "the mutations should mostly break the input");
    }

    [Fact]
    public void JsonReader_MutatedSmallGraph_LoadsOrRaisesDocumentedExceptions() =>
        FuzzAndReport(
            "canonical JSON (small graph, tight limits)",
            Utf8(TestGraphs.Small().ToJson()),
            bytes => JsonGraphReader.Read(new MemoryStream(bytes), new GraphReadOptions { MaxDepth = 16, MaxStringLength = 4096 }),
            ReaderExceptions,
            iterations: 3000);

    [Fact]
    public void GraphMLReader_MutatedSeed_LoadsOrRaisesDocumentedExceptions()
    {
        var outcomes = FuzzAndReport(
            "GraphML (seed)",
            Utf8(GraphMLWriter.ToGraphML(Graph.LoadSeed())),
            bytes => GraphMLReader.Read(new MemoryStream(bytes), new GraphReadOptions { SourceName = "fuzz.graphml" }),
            ReaderExceptions,
            iterations: 2000);
        Assert.True(outcomes.GetValueOrDefault(nameof(GraphFormatException)) > 500, "the mutations should mostly break the input");
    }

    [Fact]
    public void CsvReader_MutatedNodeAndEdgeFiles_LoadOrRaiseDocumentedExceptions()
    {
        using var nodeStream = new MemoryStream();
        using var edgeStream = new MemoryStream();
        CsvGraphWriter.Write(Graph.LoadSeed(), nodeStream, edgeStream);
        byte[] nodes = nodeStream.ToArray();
        byte[] edges = edgeStream.ToArray();
        var options = new GraphReadOptions { SourceName = "fuzz" };
        FuzzAndReport(
            "CSV nodes (seed)",
            nodes,
            bytes => CsvGraphReader.Read(new MemoryStream(bytes), new MemoryStream(edges), ',', options),
            ReaderExceptions,
            iterations: 1500);
        FuzzAndReport(
            "CSV edges (seed)",
            edges,
            bytes => CsvGraphReader.Read(new MemoryStream(nodes), new MemoryStream(bytes), ',', options),
            ReaderExceptions,
            iterations: 1500);
    }

    [Fact]
    public void CypherReader_MutatedExport_LoadsOrRaisesDocumentedExceptions()
    {
        var outcomes = FuzzAndReport(
            "Cypher script (tricky graph export)",
            Utf8(KnowledgeGraph.IO.Cypher.CypherWriter.ToCypher(TestGraphs.Tricky())),
            bytes => GraphFormat.Cypher.Read(new MemoryStream(bytes), new GraphReadOptions { SourceName = "fuzz.cypher", Schema = Schema.Open }),
            ReaderExceptions,
            iterations: 2000);
        Assert.True(outcomes.GetValueOrDefault(nameof(GraphFormatException)) > 500, "the mutations should mostly break the input");
    }

    [Fact]
    public void CypherScript_MutatedWriteScripts_RunOrRaiseDocumentedExceptions()
    {
        const string script = """
            UNWIND range(1, 3) AS i MERGE (n:N {i: i}) ON CREATE SET n.c = 1, n:New ON MATCH SET n.c = n.c + 1;
            MATCH (a:N {i: 1}), (b:N {i: 2}) MERGE (a)-[r:T {w: 1}]->(b) ON CREATE SET r.x = [1, 2] SET a += {k: 'v'};
            MATCH (a:N)-[r:T]->(b) WHERE a.i < b.i SET r.w = r.w + 1, b = {i: b.i, seen: true};
            OPTIONAL MATCH (z:Z) SET z.q = 1;
            CREATE (d:Document {id: 'doc:1', title: 't', text: 'x;y'}), (e:Entity {id: 'e:1', aliases: ['a']})-[:R {evidenceDocument: ['doc:1'], evidenceStart: [0], evidenceLength: [1], evidenceText: ['x']}]->(:Entity {id: 'e:2'});
            MATCH (n) WITH n, labels(n) AS l MERGE (m:Seen {labels: size(l)}) SET m.last = id(n)
            """;
        FuzzAndReport(
            "Cypher write script",
            Utf8(script),
            bytes => KnowledgeGraph.IO.Cypher.CypherScript.Load(System.Text.Encoding.UTF8.GetString(bytes), Schema.Open),
            [typeof(KnowledgeGraph.Query.QueryException), typeof(SchemaViolationException)],
            iterations: 3000);
    }

    [Fact]
    public void QueryParser_MutatedQueries_ParseOrRaiseQueryExceptions()
    {
        var g = Graph.LoadSeed();
        FuzzAndReport(
            "Cypher query",
            Utf8("MATCH (p:Person {name: 'Mark Rutte'})-[r:PRAISES|MEETS*1..2]->(t) WHERE t.name STARTS WITH 'D' AND NOT p.name IS NULL "
                + "WITH p, collect(DISTINCT t.name) AS names UNWIND names AS n RETURN p.name AS who, n, size(names) ORDER BY n DESC SKIP 0 LIMIT 5"),
            bytes => g.Query(System.Text.Encoding.UTF8.GetString(bytes)),
            [typeof(KnowledgeGraph.Query.QueryException)],
            iterations: 3000);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>Runs <see cref="Fuzz.Run"/>, writes the outcome counts to the test output and checks every input ran.</summary>
    private Dictionary<string, int> FuzzAndReport(string reader, byte[] valid, Action<byte[]> read, Type[] documented, int iterations)
    {
        var (inputs, outcomes) = Fuzz.Run(valid, read, documented, iterations, PerInput);
        output.WriteLine($"{reader}: {inputs} inputs; " + string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        Assert.Equal(iterations, inputs);
        return outcomes;
    }
}
