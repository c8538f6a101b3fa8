namespace KnowledgeGraph.IO;

/// <summary>
/// Counts the bytes a reader takes from its input and tells <see cref="GraphReadOptions.Progress"/> at most once per
/// <see cref="Step"/> bytes, then once with the built graph: one counter for every reader, by wrapping its streams.
/// </summary>
internal sealed class ReadProgress(IProgress<GraphReadProgress> progress, long? total)
{
    /// <summary>The bytes between two reports.</summary>
    public const int Step = 64 * 1024;

    private long _read;
    private long _next = Step;

    /// <summary>Reads a graph from <paramref name="stream"/>, counting what <paramref name="read"/> takes from it when the options ask for progress.</summary>
    public static Graph Track(Stream stream, GraphReadOptions? options, Func<Stream, Graph> read)
    {
        if (options?.Progress is not { } progress)
        {
            return read(stream);
        }

        var counter = new ReadProgress(progress, Remaining(stream));
        return counter.Finish(read(counter.Wrap(stream)));
    }

    /// <summary>A counter for several inputs read one after the other (the CSV node and edge files), or null when the options ask for no progress.</summary>
    public static ReadProgress? For(GraphReadOptions options, params ReadOnlySpan<Stream> streams)
    {
        if (options.Progress is not { } progress)
        {
            return null;
        }

        long? total = 0;
        foreach (var s in streams)
        {
            total = Remaining(s) is { } n && total is { } t ? t + n : null;
        }

        return new ReadProgress(progress, total);
    }

    /// <summary>What is left of a stream that can tell; null for one that cannot.</summary>
    public static long? Remaining(Stream stream)
    {
        try
        {
            return stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The stream, counted; disposing the wrapper leaves <paramref name="inner"/> open.</summary>
    public Stream Wrap(Stream inner) => new CountingStream(inner, this);

    /// <summary>The last report, with the graph's counts; returns the graph.</summary>
    public Graph Finish(Graph graph)
    {
        progress.Report(new GraphReadProgress(_read, total, graph.EntityCount, graph.RelationCount));
        return graph;
    }

    private void Add(int bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        _read += bytes;
        if (_read >= _next)
        {
            _next = (_read / Step + 1) * Step;
            progress.Report(new GraphReadProgress(_read, total, 0, 0));
        }
    }

    /// <summary>A read-only view of a stream that counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner, ReadProgress counter) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            counter.Add(n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            counter.Add(n);
            return n;
        }

        public override int ReadByte()
        {
            int b = inner.ReadByte();
            counter.Add(b < 0 ? 0 : 1);
            return b;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int n = await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
            counter.Add(n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            counter.Add(n);
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException("The stream is read-only.");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The stream is read-only.");
    }
}
