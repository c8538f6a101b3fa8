using KnowledgeGraph.IO;

namespace KnowledgeGraph.Tests.IO;

/// <summary>Progress of loading (<see cref="GraphReadOptions.Progress"/>) and saving (<c>graph.Save(…, progress)</c>).</summary>
public sealed class ProgressTests : IDisposable
{
    private static readonly Lazy<Graph> Big = new(() => TestGraphs.Large(6000));

    private readonly string _dir = Directory.CreateTempSubdirectory("kg-progress").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> ReadWriteFormats => new() { "json", "graphml", "ntriples", "turtle", "jsonld", "cypher", "csv" };

    public static TheoryData<string> WriteFormats => new() { "json", "graphml", "dot", "mermaid", "ntriples", "turtle", "jsonld", "cypher", "csv" };

    [Fact]
    public void Load_LargeJsonFile_ReportsEvery64KiBAndEndsAtTheFileSizeWithTheCounts()
    {
        var graph = Big.Value;
        string path = Path.Combine(_dir, "big.json");
        graph.Save(path);
        long size = new FileInfo(path).Length;
        var reports = new Reports<GraphReadProgress>();

        var back = Graph.Load(path, GraphFormat.Json, new GraphReadOptions { Progress = reports });

        Assert.Equal(graph.ToJson(), back.ToJson());
        Assert.True(reports.Count > 3, $"{reports.Count} reports for {size} bytes");
        Assert.InRange(reports.Count, 2, (size / ReadProgress.Step) + 2);
        Assert.All(reports.Values, r => Assert.Equal(size, r.BytesTotal));
        var intermediate = reports.Values.Take(reports.Count - 1).ToList();
        Assert.All(intermediate, r => Assert.Equal((0, 0), (r.Entities, r.Relations)));
        Assert.Equal(intermediate.Select(r => r.BytesRead).Order(), intermediate.Select(r => r.BytesRead));
        Assert.Equal(intermediate.Count, intermediate.Select(r => r.BytesRead).Distinct().Count());
        Assert.Equal(new GraphReadProgress(size, size, graph.EntityCount, graph.RelationCount), reports.Values[^1]);
    }

    [Theory]
    [MemberData(nameof(ReadWriteFormats))]
    public void Load_EveryReadableFormat_ReportsIncreasingBytesEndingAtTheTotal(string name)
    {
        var format = GraphFormat.FromName(name);
        var graph = Big.Value;
        string path = Path.Combine(_dir, "big" + format.Extensions[0]);
        graph.Save(path, format);
        long size = format == GraphFormat.Csv
            ? new FileInfo(GraphFormat.CsvPair(path).Nodes).Length + new FileInfo(GraphFormat.CsvPair(path).Edges).Length
            : new FileInfo(path).Length;
        var reports = new Reports<GraphReadProgress>();

        var back = Graph.Load(path, format, new GraphReadOptions { Progress = reports });

        Assert.True(reports.Count >= 2, $"{reports.Count} reports for {size} bytes of {name}");
        var bytes = reports.Values.Select(r => r.BytesRead).ToList();
        Assert.Equal(bytes.Order(), bytes);
        Assert.Equal(new GraphReadProgress(size, size, back.EntityCount, back.RelationCount), reports.Values[^1]);
        Assert.Equal(graph.RelationCount, back.RelationCount);
    }

    [Fact]
    public void Load_StreamThatCannotSeek_ReportsNoTotal_AndNoProgressWhenNoneIsAsked()
    {
        byte[] json = System.Text.Encoding.UTF8.GetBytes(Big.Value.ToJson());
        var reports = new Reports<GraphReadProgress>();

        var graph = Graph.Load(new ForwardOnly(json), GraphFormat.Json, new GraphReadOptions { Progress = reports });

        Assert.All(reports.Values, r => Assert.Null(r.BytesTotal));
        Assert.Equal(new GraphReadProgress(json.Length, null, graph.EntityCount, graph.RelationCount), reports.Values[^1]);
        Assert.Equal(graph.ToJson(), Graph.Load(new ForwardOnly(json), GraphFormat.Json).ToJson());
    }

    [Theory]
    [MemberData(nameof(WriteFormats))]
    public void Save_EveryWritableFormat_ReportsIncreasingCountsEndingAtTheTotals(string name)
    {
        var format = GraphFormat.FromName(name);
        var graph = Big.Value;
        string path = Path.Combine(_dir, "out" + format.Extensions[0]);
        var reports = new Reports<GraphWriteProgress>();

        graph.Save(path, format, reports);

        Assert.True(reports.Count > 3, $"{reports.Count} reports writing {name}");
        Assert.InRange(reports.Count, 2, ((graph.EntityCount + graph.RelationCount) / WriteProgress.Step) + 2);
        Assert.All(reports.Values, r => Assert.Equal((graph.EntityCount, graph.RelationCount), (r.EntityTotal, r.RelationTotal)));
        var done = reports.Values.Select(r => r.EntitiesWritten + r.RelationsWritten).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Equal(new GraphWriteProgress(graph.EntityCount, graph.EntityCount, graph.RelationCount, graph.RelationCount), reports.Values[^1]);
        string written = format == GraphFormat.Csv ? GraphFormat.CsvPair(path).Edges : path;
        Assert.True(File.Exists(written), written);
    }

    [Fact]
    public void Save_ToAStreamWithProgress_WritesTheSameBytesAsWithout()
    {
        var graph = Big.Value;
        using var plain = new MemoryStream();
        using var watched = new MemoryStream();
        var reports = new Reports<GraphWriteProgress>();

        graph.Save(plain, GraphFormat.Turtle);
        graph.Save(watched, GraphFormat.Turtle, reports);

        Assert.Equal(plain.ToArray(), watched.ToArray());
        Assert.Equal(graph.RelationCount, reports.Values[^1].RelationsWritten);
    }

    /// <summary>A stream that reads forward only and does not know its length.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}

/// <summary>Every report, in order, as it comes (on the reporting thread, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class Reports<T> : IProgress<T>
{
    public List<T> Values { get; } = [];

    public int Count => Values.Count;

    public void Report(T value) => Values.Add(value);
}
