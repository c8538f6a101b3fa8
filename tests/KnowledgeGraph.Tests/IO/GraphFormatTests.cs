using KnowledgeGraph.IO;

namespace KnowledgeGraph.Tests.IO;

public class GraphFormatTests
{
    [Theory]
    [InlineData("json", "json")]
    [InlineData("GraphML", "graphml")]
    [InlineData("nt", "ntriples")]
    [InlineData("n-triples", "ntriples")]
    [InlineData("ttl", "turtle")]
    [InlineData("json-ld", "jsonld")]
    [InlineData(".gv", "dot")]
    [InlineData("mmd", "mermaid")]
    [InlineData("cypher", "cypher")]
    [InlineData("tsv", "csv")]
    public void FromName_KnownNamesAndAliases_FindTheFormat(string name, string expected)
    {
        Assert.Equal(expected, GraphFormat.FromName(name).Name);
    }

    [Theory]
    [InlineData("x.json", "json")]
    [InlineData("dir/x.kg.json", "json")]
    [InlineData("X.GRAPHML", "graphml")]
    [InlineData("x.dot", "dot")]
    [InlineData("x.mmd", "mermaid")]
    [InlineData("x.nt", "ntriples")]
    [InlineData("x.ttl", "turtle")]
    [InlineData("x.jsonld", "jsonld")]
    [InlineData("x.cypher", "cypher")]
    [InlineData("x.csv", "csv")]
    public void FromPath_Extension_FindsTheFormat(string path, string expected)
    {
        Assert.Equal(expected, GraphFormat.FromPath(path).Name);
    }

    [Fact]
    public void FromNameAndPath_Unknown_ThrowNamingTheChoices()
    {
        var ex = Assert.Throws<ArgumentException>(() => GraphFormat.FromName("xlsx"));
        Assert.Contains("graphml", ex.Message);
        Assert.Throws<ArgumentException>(() => GraphFormat.FromPath("x.xlsx"));
        Assert.False(GraphFormat.TryFromPath("noextension", out _));
    }

    [Fact]
    public void All_HasUniqueNamesAndExtensions()
    {
        Assert.Equal(GraphFormat.All.Length, GraphFormat.All.Select(f => f.Name).Distinct().Count());
        var extensions = GraphFormat.All.SelectMany(f => f.Extensions).ToList();
        Assert.Equal(extensions.Count, extensions.Distinct().Count());
        Assert.True(GraphFormat.Json.CanRead && GraphFormat.Json.CanWrite);
        Assert.True(GraphFormat.GraphML.CanRead && GraphFormat.GraphML.CanWrite);
    }

    [Fact]
    public void Read_WriteOnlyFormat_ThrowsNotSupported()
    {
        var ex = Assert.Throws<NotSupportedException>(() => GraphFormat.Dot.Read(new MemoryStream()));
        Assert.Contains("graphml", ex.Message);
        Assert.Throws<NotSupportedException>(() => GraphFormat.Csv.Write(Graph.LoadSeed(), new MemoryStream()));
    }

    [Fact]
    public void SaveAndLoad_ByExtension_RoundTripEveryReadableFormat()
    {
        var g = TestGraphs.Small();
        string dir = Directory.CreateTempSubdirectory("kg-formats").FullName;
        try
        {
            // CSV spans two files; CsvGraphTests covers its round trip.
            foreach (var format in GraphFormat.All.Where(f => f.CanRead && f.CanWrite && f != GraphFormat.Csv))
            {
                string path = Path.Combine(dir, "small" + format.Extensions[0]);
                g.Save(path);
                Assert.Equal(format.WriteToString(g), File.ReadAllText(path));
                Assert.Equal(g.ToJson(), Graph.Load(path).ToJson());
            }

            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Save_EveryWritableFormat_IsDeterministicAndAtomic()
    {
        var g = TestGraphs.Tricky();
        string dir = Directory.CreateTempSubdirectory("kg-formats").FullName;
        try
        {
            foreach (var format in GraphFormat.All.Where(f => f.CanWrite && f != GraphFormat.Csv))
            {
                string path = Path.Combine(dir, "tricky" + format.Extensions[0]);
                g.Save(path, format);
                byte[] first = File.ReadAllBytes(path);
                g.Save(path, format);
                Assert.Equal(first, File.ReadAllBytes(path));
                Assert.NotEmpty(first);
                Assert.False(first.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), format.Name + " starts with a BOM");
                Assert.DoesNotContain((byte)'\r', first.Where((_, i) => i + 1 < first.Length && first[i + 1] == (byte)'\n'));
            }

            Assert.Empty(Directory.GetFiles(dir, ".*.tmp"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task SaveAsyncAndLoadAsync_GraphMLStream_RoundTrip()
    {
        var g = TestGraphs.Small();
        using var ms = new MemoryStream();
        await g.SaveAsync(ms, GraphFormat.GraphML);
        ms.Position = 0;
        var back = await Graph.LoadAsync(ms, GraphFormat.GraphML);
        Assert.Equal(g.ToJson(), back.ToJson());
    }

    [Fact]
    public void Load_UnknownExtension_ReadsJsonAsBefore()
    {
        string path = Path.Combine(Path.GetTempPath(), "kg-" + Guid.NewGuid().ToString("N") + ".kg");
        try
        {
            TestGraphs.Small().Save(path, GraphFormat.Json);
            Assert.StartsWith("{", File.ReadAllText(path));
            Assert.Equal(TestGraphs.Small().ToJson(), Graph.Load(path).ToJson());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("out.xyz")]
    [InlineData("out")]
    public async Task Save_ExtensionNoFormatClaims_RefusesWithTheChoices_AndWritesNothing(string name)
    {
        string dir = Directory.CreateTempSubdirectory("kg-save").FullName;
        try
        {
            string path = Path.Combine(dir, name);
            var g = TestGraphs.Small();
            var ex = Assert.Throws<ArgumentException>(() => g.Save(path));
            Assert.Contains("Cannot tell the graph format of '" + path + "'", ex.Message, StringComparison.Ordinal);
            Assert.Contains(".graphml", ex.Message, StringComparison.Ordinal);
            Assert.Contains("GraphFormat.Json", ex.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => g.Save(path, null, progress: null));
            Assert.Throws<ArgumentException>(() => { _ = g.SaveAsync(path); }); // at once, not through the task
            Assert.Empty(Directory.GetFileSystemEntries(dir));

            await g.SaveAsync(path, GraphFormat.Json);
            Assert.Equal(g.ToJson(), Graph.Load(path, GraphFormat.Json).ToJson());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Write_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        foreach (var format in GraphFormat.All.Where(f => f.CanWrite && f != GraphFormat.Csv))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => format.Write(Graph.LoadSeed(), new MemoryStream(), cts.Token));
        }
    }

    [Fact]
    public void Save_FailingWrite_LeavesThePreviousFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "kg-" + Guid.NewGuid().ToString("N") + ".graphml");
        try
        {
            TestGraphs.Small().Save(path);
            string before = File.ReadAllText(path);
            var b = new GraphBuilder(Schema.Open);
            b.AddEntity(new Entity("x:1", "Thing", "bell \u0007"));
            Assert.Throws<NotSupportedException>(() => b.Build().Save(path));
            Assert.Equal(before, File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_UnpairedSurrogate_IsRefusedByTextWriters()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("x:1", "Thing", "half \ud800 pair"));
        var g = b.Build();
        foreach (var format in new[] { GraphFormat.Dot, GraphFormat.Mermaid, GraphFormat.NTriples, GraphFormat.Turtle, GraphFormat.Cypher, GraphFormat.GraphML })
        {
            Assert.Throws<NotSupportedException>(() => format.WriteToString(g));
        }
    }
}
