namespace KnowledgeGraph;

/// <summary>Options of <see cref="GraphBuilder.Build(GraphBuildOptions?)"/>.</summary>
public sealed class GraphBuildOptions
{
    /// <summary>The default options: strict.</summary>
    public static GraphBuildOptions Strict { get; } = new();

    /// <summary>Lenient options: build despite violations.</summary>
    public static GraphBuildOptions LenientMode { get; } = new() { Lenient = true };

    /// <summary>
    /// When true, the graph is built despite schema violations: relations that name an unknown entity
    /// or document are dropped, the rest are kept, and every violation is listed in
    /// <see cref="Graph.Violations"/>. When false (the default), any violation throws
    /// <see cref="SchemaViolationException"/>.
    /// </summary>
    public bool Lenient { get; init; }
}
