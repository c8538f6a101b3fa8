using System.Text;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.Tests.IO;

public class JsonGraphTests
{
    private const string Minimal = """
        {
          "format": "knowledge-graph",
          "version": 1,
          "documents": [],
          "entities": [
            { "id": "person:a", "kind": "Person", "name": "A", "aliases": [], "properties": {} },
            { "id": "event:e", "kind": "Event", "name": "E", "aliases": [], "properties": {} }
          ],
          "relations": [
            { "source": "person:a", "type": "ATTENDS", "target": "event:e", "qualifiers": {}, "evidence": [] }
          ]
        }
        """;

    [Fact]
    public void RoundTrip_SmallGraph_IsLosslessAndByteStable()
    {
        var g = TestGraphs.Small();
        string json = g.ToJson();
        var back = JsonGraphReader.Parse(json);
        Assert.Equal(g.Entities, back.Entities);
        Assert.Equal(g.Relations, back.Relations);
        Assert.Equal(g.Documents.ToArray(), back.Documents.ToArray());
        Assert.Equal(json, back.ToJson());
        Assert.DoesNotContain("\r", json);
        Assert.EndsWith("}\n", json);
    }

    [Fact]
    public void RoundTrip_TrickyValues_SurviveEscapingAndTyping()
    {
        var b = new GraphBuilder(Schema.Open);
        string name = "Quote \" backslash \\ newline \n tab \t <tag> & ünïcödé 🚀 \u2028";
        b.AddEntity(new Entity("x:1", "Thing", name, ["alias \"1\""], PropertyMap.Create(
            ("int", long.MaxValue), ("neg", -5L), ("float", 2.0), ("small", 1e-300), ("bool", false), ("null", PropertyValue.Null),
            ("list", PropertyValue.From([PropertyValue.From(1L), PropertyValue.From("two"), PropertyValue.From(3.5)]))), ["Extra"]));
        b.AddEntity(new Entity("x:2", "Thing", ""));
        b.AddRelation(new Relation("x:1", "REL", "x:2", PropertyMap.Create(("amount", "$5"))));
        var g = b.Build();
        var back = JsonGraphReader.Parse(g.ToJson(), new GraphReadOptions { Schema = Schema.Open });
        Assert.Equal(g.Entities, back.Entities);
        Assert.Equal(g.Relations, back.Relations);
        var props = back.Entities[0].Properties;
        Assert.Equal(PropertyValueKind.Float, props["float"].Kind);
        Assert.Equal(PropertyValueKind.Integer, props["int"].Kind);
        Assert.Equal(name, back.Entities[0].Name);
    }

    [Fact]
    public void Write_NaN_IsRefusedClearly()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("x:1", "T", "n", properties: PropertyMap.Create(("v", double.NaN))));
        var ex = Assert.Throws<NotSupportedException>(() => b.Build().ToJson());
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void Read_Minimal_Works()
    {
        var g = JsonGraphReader.Parse(Minimal);
        Assert.Equal("Graph with 2 entities and 1 relation", g.ToString());
    }

    [Fact]
    public void Read_Bom_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();
        Assert.Equal(2, JsonGraphReader.Read(new MemoryStream(bytes)).EntityCount);
    }

    [Fact]
    public void Read_LargeDocumentAcrossBufferRefills_Works()
    {
        var b = new GraphBuilder();
        string text = new string('x', 300_000) + "Alice met Bob.";
        b.AddDocument(new Document("d", "big", text));
        for (int i = 0; i < 3000; i++)
        {
            b.AddEntity(new Entity($"person:p{i}", EntityKind.Person, $"Person {i} “quoted” é"));
        }

        for (int i = 1; i < 3000; i++)
        {
            b.AddRelation(new Relation($"person:p{i}", RelationType.Meets, $"person:p{i - 1}", null, [new Evidence("d", 300_000, 14, "Alice met Bob.")]));
        }

        var g = b.Build();
        using var ms = new MemoryStream();
        g.Save(ms);
        ms.Position = 0;
        var back = JsonGraphReader.Read(new TrickleStream(ms));
        Assert.Equal(g.Relations, back.Relations);
        Assert.Equal(text, back.Documents[0].Text);
    }

    [Theory]
    [InlineData("", "Malformed JSON", 1, 1)]
    [InlineData("{\n  \"format\": \"knowledge-graph\",\n  \"version\": 1,\n  \"entities\": [ { \"id\": \"a\" \"kind\": \"X\" } ]\n}", "Malformed JSON", 4, 29)]
    [InlineData("[]", "Not a knowledge-graph document", 1, 1)]
    [InlineData("{\"format\": \"other\", \"version\": 1}", "Unknown format", 1, 12)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 2}", "Unsupported format version", 1, 42)]
    [InlineData("{\"format\": \"knowledge-graph\"}", "Missing property", 1, 1)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"extra\": 1}", "Unknown property", 1, 45)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [{\"id\": 5}]}", "Unexpected value", 1, 65)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [{\"id\": \"a\", \"kind\": \"Has Space\", \"name\": \"n\"}]}", "Invalid name", 1, 78)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"n\"}]}", "Missing property", 1, 58)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [{\"id\": \"a\", \"kind\": \"K\", \"name\": \"n\", \"properties\": {\"x\": {}}}]}", "Invalid property value", 1, 116)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [{\"id\": \"a\", \"kind\": \"K\", \"name\": \"n\", \"properties\": {\"x\": 99999999999999999999}}]}", "Integer out of range", 1, 116)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1} {}", "Malformed JSON", 1, 45)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"relations\": [{\"source\": \"a\", \"type\": \"T\", \"target\": \"b\", \"evidence\": [{\"document\": \"d\", \"start\": -1, \"length\": 1, \"text\": \"x\"}]}]}", "Invalid number", 1, 143)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"format\": \"knowledge-graph\"}", "Duplicate property", 1, 45)]
    [InlineData("{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [", "Malformed JSON", 1, 58)]
    public void Read_BadInput_ThrowsGraphFormatExceptionWithPosition(string json, string what, int line, int column)
    {
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse(json));
        Assert.StartsWith(what, ex.Message);
        Assert.Equal(what, ex.What.Split(" (")[0]);
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains("<string>(", ex.Message);
        Assert.NotNull(ex.Expected);
    }

    [Fact]
    public void Read_UnknownVersion_MessageSaysWhereWhatAndExpected()
    {
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse("{\"format\": \"knowledge-graph\", \"version\": 2}"));
        Assert.Equal("Unsupported format version at <string>(1,42) [$.version]: found the number 2, expected 1.", ex.Message);
    }

    [Fact]
    public void Read_SchemaProblems_ThrowSchemaViolationExceptionWithLines()
    {
        string json = Minimal
            .Replace("\"target\": \"event:e\"", "\"target\": \"event:missing\"", StringComparison.Ordinal)
            .Replace("\"id\": \"event:e\"", "\"id\": \"person:a\"", StringComparison.Ordinal);
        var ex = Assert.Throws<SchemaViolationException>(() => JsonGraphReader.Parse(json));
        Assert.Equal(2, ex.Violations.Length);
        Assert.Equal(SchemaViolationKind.DuplicateEntity, ex.Violations[0].Kind);
        Assert.Equal(7, ex.Violations[0].Origin!.Line);
        Assert.Equal("$.entities[1]", ex.Violations[0].Origin!.Path);
        Assert.Equal(SchemaViolationKind.UnknownEntity, ex.Violations[1].Kind);
        Assert.Contains("<string>(10,5) [$.relations[0]]", ex.Message);
    }

    [Fact]
    public void Read_TooDeep_IsRefused()
    {
        string json = "{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [{\"id\": \"a\", \"kind\": \"K\", \"name\": \"n\", \"properties\": {\"x\": 1}}]}";
        Assert.Equal(1, JsonGraphReader.Parse(json, new GraphReadOptions { MaxDepth = 4, Schema = Schema.Open }).EntityCount);
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse(json, new GraphReadOptions { MaxDepth = 3 }));
        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_TooLongString_IsRefused()
    {
        string json = "{\"format\": \"knowledge-graph\", \"version\": 1, \"documents\": [{\"id\": \"d\", \"title\": \"" + new string('x', 5000) + "\", \"text\": \"\"}]}";
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse(json, new GraphReadOptions { MaxStringLength = 1000 }));
        Assert.StartsWith("String too long", ex.Message);
    }

    [Fact]
    public void Read_InvalidUtf8_IsAFormatError()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"format\": \"knowledge-graph\", \"version\": 1, \"documents\": [{\"id\": \"d\", \"title\": \"X\", \"text\": \"\"}]}");
        int at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xFF;
        Assert.Throws<GraphFormatException>(() => JsonGraphReader.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var json = TestGraphs.Small().ToJson();
        Assert.ThrowsAny<OperationCanceledException>(() => JsonGraphReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), null, cts.Token));
    }

    [Fact]
    public async Task SaveAndLoadAsync_File_RoundTrips()
    {
        string dir = Directory.CreateTempSubdirectory("kg-test").FullName;
        try
        {
            string path = Path.Combine(dir, "g.json");
            var g = TestGraphs.Small();
            await g.SaveAsync(path);
            var back = await Graph.LoadAsync(path);
            Assert.Equal(g.ToJson(), back.ToJson());
            Assert.Equal(g.ToJson(), await File.ReadAllTextAsync(path));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Save_FailingMidway_LeavesThePreviousFileIntact()
    {
        string dir = Directory.CreateTempSubdirectory("kg-test").FullName;
        try
        {
            string path = Path.Combine(dir, "g.json");
            File.WriteAllText(path, "previous");
            var b = new GraphBuilder(Schema.Open);
            b.AddEntity(new Entity("x:1", "T", "n", properties: PropertyMap.Create(("v", double.PositiveInfinity))));
            Assert.Throws<NotSupportedException>(() => b.Build().Save(path));
            Assert.Equal("previous", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsIOException()
    {
        Assert.ThrowsAny<IOException>(() => Graph.Load(Path.Combine(Path.GetTempPath(), "no-such-kg-file.json")));
    }

    [Fact]
    public void Load_File_UsesFileNameInMessages()
    {
        string dir = Directory.CreateTempSubdirectory("kg-test").FullName;
        try
        {
            string path = Path.Combine(dir, "broken.json");
            File.WriteAllText(path, "{\n  \"format\": \"knowledge-graph\",\n  \"version\": 1,\n  \"entities\": [ oops ]\n}");
            var ex = Assert.Throws<GraphFormatException>(() => Graph.Load(path));
            Assert.Equal("broken.json", ex.Location.Source);
            Assert.Equal((4, 17), (ex.Line, ex.Column));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Hands out at most 7 bytes a read, to exercise buffer refills.</summary>
    private sealed class TrickleStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
