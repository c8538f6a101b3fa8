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

    private void Report(string reader, int inputs, Dictionary<string, int> outcomes) =>
        output.WriteLine($"{reader}: {inputs} inputs; " + string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
}
