using KnowledgeGraph.IO;
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

    [Fact]
    public void JsonReader_MutatedSeed_LoadsOrRaisesDocumentedExceptions()
    {
        byte[] valid = System.Text.Encoding.UTF8.GetBytes(Graph.LoadSeed().ToJson());
        var (inputs, outcomes) = Fuzz.Run(
            valid,
            bytes => JsonGraphReader.Read(new MemoryStream(bytes), new GraphReadOptions { SourceName = "fuzz.json" }),
            [typeof(GraphFormatException), typeof(SchemaViolationException)],
            iterations: 3000,
            PerInput);
        Report("canonical JSON (seed)", inputs, outcomes);
        Assert.Equal(3000, inputs);
        Assert.True(outcomes.GetValueOrDefault(nameof(GraphFormatException)) > 1000, "the mutations should mostly break the input");
    }

    [Fact]
    public void JsonReader_MutatedSmallGraph_LoadsOrRaisesDocumentedExceptions()
    {
        byte[] valid = System.Text.Encoding.UTF8.GetBytes(TestGraphs.Small().ToJson());
        var (inputs, outcomes) = Fuzz.Run(
            valid,
            bytes => JsonGraphReader.Read(new MemoryStream(bytes), new GraphReadOptions { MaxDepth = 16, MaxStringLength = 4096 }),
            [typeof(GraphFormatException), typeof(SchemaViolationException)],
            iterations: 3000,
            PerInput);
        Report("canonical JSON (small graph, tight limits)", inputs, outcomes);
        Assert.Equal(3000, inputs);
    }

    [Fact]
    public void GraphMLReader_MutatedSeed_LoadsOrRaisesDocumentedExceptions()
    {
        byte[] valid = System.Text.Encoding.UTF8.GetBytes(KnowledgeGraph.IO.GraphML.GraphMLWriter.ToGraphML(Graph.LoadSeed()));
        var (inputs, outcomes) = Fuzz.Run(
            valid,
            bytes => KnowledgeGraph.IO.GraphML.GraphMLReader.Read(new MemoryStream(bytes), new GraphReadOptions { SourceName = "fuzz.graphml" }),
            [typeof(GraphFormatException), typeof(SchemaViolationException)],
            iterations: 2000,
            PerInput);
        Report("GraphML (seed)", inputs, outcomes);
        Assert.Equal(2000, inputs);
        Assert.True(outcomes.GetValueOrDefault(nameof(GraphFormatException)) > 500, "the mutations should mostly break the input");
    }

    [Fact]
    public void CsvReader_MutatedNodeAndEdgeFiles_LoadOrRaiseDocumentedExceptions()
    {
        string dir = Directory.CreateTempSubdirectory("kg-fuzz-csv").FullName;
        try
        {
            KnowledgeGraph.IO.Csv.CsvGraphWriter.Write(Graph.LoadSeed(), Path.Combine(dir, "n.csv"), Path.Combine(dir, "e.csv"));
            byte[] nodes = File.ReadAllBytes(Path.Combine(dir, "n.csv"));
            byte[] edges = File.ReadAllBytes(Path.Combine(dir, "e.csv"));
            Type[] documented = [typeof(GraphFormatException), typeof(SchemaViolationException)];
            var (nodeInputs, nodeOutcomes) = Fuzz.Run(
                nodes,
                bytes => KnowledgeGraph.IO.Csv.CsvGraphReader.Read(new MemoryStream(bytes), new MemoryStream(edges), ',', new GraphReadOptions { SourceName = "fuzz" }),
                documented,
                iterations: 1500,
                PerInput);
            Report("CSV nodes (seed)", nodeInputs, nodeOutcomes);
            var (edgeInputs, edgeOutcomes) = Fuzz.Run(
                edges,
                bytes => KnowledgeGraph.IO.Csv.CsvGraphReader.Read(new MemoryStream(nodes), new MemoryStream(bytes), ',', new GraphReadOptions { SourceName = "fuzz" }),
                documented,
                iterations: 1500,
                PerInput);
            Report("CSV edges (seed)", edgeInputs, edgeOutcomes);
            Assert.Equal(3000, nodeInputs + edgeInputs);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void QueryParser_MutatedQueries_ParseOrRaiseQueryExceptions()
    {
        var g = Graph.LoadSeed();
        byte[] valid = System.Text.Encoding.UTF8.GetBytes(
            "MATCH (p:Person {name: 'Mark Rutte'})-[r:PRAISES|MEETS*1..2]->(t) WHERE t.name STARTS WITH 'D' AND NOT p.name IS NULL "
            + "WITH p, collect(DISTINCT t.name) AS names UNWIND names AS n RETURN p.name AS who, n, size(names) ORDER BY n DESC SKIP 0 LIMIT 5");
        var (inputs, outcomes) = Fuzz.Run(
            valid,
            bytes => g.Query(System.Text.Encoding.UTF8.GetString(bytes)),
            [typeof(KnowledgeGraph.Query.QueryException)],
            iterations: 3000,
            PerInput);
        Report("Cypher query", inputs, outcomes);
        Assert.Equal(3000, inputs);
    }

    private void Report(string reader, int inputs, Dictionary<string, int> outcomes) =>
        output.WriteLine($"{reader}: {inputs} inputs; " + string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
}
