namespace KnowledgeGraph.IO;

/// <summary>Options and limits of the graph readers.</summary>
public sealed class GraphReadOptions
{
    /// <summary>The default options: <see cref="KnowledgeGraph.Schema.Default"/>, strict, default limits.</summary>
    public static GraphReadOptions Default { get; } = new();

    /// <summary>The schema to build against; <see cref="KnowledgeGraph.Schema.Default"/> when null.</summary>
    public Schema? Schema { get; init; }

    /// <summary>Build despite schema violations (see <see cref="GraphBuildOptions.Lenient"/>).</summary>
    public bool Lenient { get; init; }

    /// <summary>The name of the input used in error messages; the file name when reading a file, else <c>&lt;stream&gt;</c>.</summary>
    public string? SourceName { get; init; }

    /// <summary>The deepest nesting of JSON arrays and objects accepted: 64 by default.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The longest string accepted, in characters: 16 Mi by default.</summary>
    public int MaxStringLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Told how far the read has come (<see cref="GraphReadProgress"/>): after every 64 KiB of input, and once more with
    /// the graph's counts when it is built; null (default) for no reports. Reports come on the reading thread.
    /// </summary>
    /// <example><code>
    /// var options = new GraphReadOptions { Progress = new Progress&lt;GraphReadProgress&gt;(p => Console.Error.Write($"\r{p.BytesRead:N0} of {p.BytesTotal:N0} bytes")) };
    /// Graph g = Graph.Load("big.json", GraphFormat.Json, options);
    /// </code></example>
    public IProgress<GraphReadProgress>? Progress { get; init; }

    /// <summary>The options with <see cref="SourceName"/> set to <paramref name="source"/> unless they already name one.</summary>
    internal static GraphReadOptions WithSource(GraphReadOptions? options, string source)
    {
        options ??= Default;
        return options.SourceName is not null
            ? options
            : new GraphReadOptions
            {
                Schema = options.Schema,
                Lenient = options.Lenient,
                SourceName = source,
                MaxDepth = options.MaxDepth,
                MaxStringLength = options.MaxStringLength,
                Progress = options.Progress,
            };
    }
}
