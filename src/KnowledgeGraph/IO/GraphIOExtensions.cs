using System.Reflection;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph;

/// <summary>
/// Reading and writing graphs: <c>Graph.Load</c>, <c>Graph.LoadSeed</c>, <c>graph.Save</c> and the text
/// forms, declared by the IO layer on <see cref="Graph"/> so that the model never names a file format.
/// </summary>
public static class GraphIOExtensions
{
    private const string SeedArticleResource = "KnowledgeGraph.Seeds.nato-brussels-munich.txt";
    private const string SeedGraphResource = "KnowledgeGraph.Seeds.nato-brussels-munich.kg.json";
    private static readonly Lazy<Graph> Seed = new(ReadSeed, LazyThreadSafetyMode.ExecutionAndPublication);

    extension(Graph graph)
    {

        /// <summary>
        /// The seed graph embedded in the library: the curated annotation of the article
        /// "With trust in US wavering, NATO allies meet in Brussels and Munich to forge new ties",
        /// every relation with the sentence that states it. Loading checks each evidence span
        /// against the embedded article text. The same instance is returned every time.
        /// </summary>
        /// <returns>The seed graph.</returns>
        /// <example><code>
        /// Graph g = Graph.LoadSeed();
        /// Console.WriteLine(g); // Graph with … entities and … relations
        /// </code></example>
        public static Graph LoadSeed() => Seed.Value;

        /// <summary>The seed article's text exactly as embedded.</summary>
        /// <returns>The text.</returns>
        public static string SeedArticle()
        {
            using var stream = OpenResource(SeedArticleResource);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            return reader.ReadToEnd();
        }

        /// <summary>
        /// Loads a graph from a file in the format its extension names (<see cref="GraphFormat.FromPath"/>):
        /// <c>.graphml</c> is read as GraphML, <c>.json</c> and any extension no format claims as canonical JSON
        /// (which names what it found when the file is not a knowledge-graph document).
        /// </summary>
        /// <param name="path">The file's path.</param>
        /// <param name="cancellationToken">Stops the load.</param>
        /// <returns>The graph.</returns>
        /// <exception cref="NotSupportedException">The extension names a format the library only writes (DOT, Turtle, …).</exception>
        /// <exception cref="GraphFormatException">The file is not a valid graph.</exception>
        /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static Graph Load(string path, CancellationToken cancellationToken = default) =>
            Graph.Load(path, FormatOf(path), null, cancellationToken);

        /// <summary>Loads a graph from a file in a given format.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="format">The format.</param>
        /// <param name="options">Reader options; the defaults when null.</param>
        /// <param name="cancellationToken">Stops the load.</param>
        /// <returns>The graph.</returns>
        /// <exception cref="NotSupportedException">The library does not read <paramref name="format"/>.</exception>
        /// <exception cref="GraphFormatException">The file is not a valid graph.</exception>
        /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static Graph Load(string path, GraphFormat format, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(format);
            return format.Read(path, options, cancellationToken);
        }

        /// <summary>Loads a graph from a canonical JSON stream.</summary>
        /// <param name="stream">The stream.</param>
        /// <param name="options">Reader options.</param>
        /// <param name="cancellationToken">Stops the load.</param>
        /// <returns>The graph.</returns>
        /// <exception cref="GraphFormatException">The input is not a valid graph.</exception>
        /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
        public static Graph Load(Stream stream, GraphReadOptions? options = null, CancellationToken cancellationToken = default) =>
            JsonGraphReader.Read(stream, options, cancellationToken);

        /// <summary>Loads a graph from a stream in a given format.</summary>
        /// <param name="stream">The stream.</param>
        /// <param name="format">The format.</param>
        /// <param name="options">Reader options.</param>
        /// <param name="cancellationToken">Stops the load.</param>
        /// <returns>The graph.</returns>
        /// <exception cref="NotSupportedException">The library does not read <paramref name="format"/>.</exception>
        /// <exception cref="GraphFormatException">The input is not a valid graph.</exception>
        /// <exception cref="SchemaViolationException">The graph breaks its schema.</exception>
        public static Graph Load(Stream stream, GraphFormat format, GraphReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(format);
            return format.Read(stream, options, cancellationToken);
        }

        /// <summary>Loads a graph from a file, in the format its extension names, on a worker thread.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="cancellationToken">Stops the load.</param>
        /// <returns>The graph.</returns>
        public static Task<Graph> LoadAsync(string path, CancellationToken cancellationToken = default) =>
            Task.Run(() => Graph.Load(path, cancellationToken), cancellationToken);

        /// <summary>Loads a graph from a file in a given format on a worker thread.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="format">The format.</param>
        /// <param name="options">Reader options.</param>
        /// <param name="cancellationToken">Stops the load.</param>
        /// <returns>The graph.</returns>
        public static Task<Graph> LoadAsync(string path, GraphFormat format, GraphReadOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.Run(() => Graph.Load(path, format, options, cancellationToken), cancellationToken);

        /// <summary>Loads a graph from a stream in a given format on a worker thread.</summary>
        /// <param name="stream">The stream.</param>
        /// <param name="format">The format.</param>
        /// <param name="options">Reader options.</param>
        /// <param name="cancellationToken">Stops the load.</param>
        /// <returns>The graph.</returns>
        public static Task<Graph> LoadAsync(Stream stream, GraphFormat format, GraphReadOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.Run(() => Graph.Load(stream, format, options, cancellationToken), cancellationToken);

        /// <summary>Saves the graph atomically (a temporary file, then a rename) in the format its extension names.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <exception cref="ArgumentException">No format claims the extension of <paramref name="path"/>: name one with the overload that takes a <see cref="GraphFormat"/>.</exception>
        /// <exception cref="NotSupportedException">The format cannot be written or cannot represent a value of the graph.</exception>
        /// <exception cref="IOException">The file cannot be written.</exception>
        public void Save(string path, CancellationToken cancellationToken) => graph.Save(path, null, cancellationToken);

        /// <summary>Saves the graph atomically (a temporary file, then a rename).</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="format">The format; when null, the one the extension names.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <exception cref="ArgumentException"><paramref name="format"/> is null and no format claims the extension of <paramref name="path"/>.</exception>
        /// <exception cref="NotSupportedException">The format cannot be written or cannot represent a value of the graph.</exception>
        /// <exception cref="IOException">The file cannot be written.</exception>
        /// <example><code>
        /// g.Save("seed.ttl");                       // Turtle, from the extension
        /// g.Save("seed.txt", GraphFormat.Mermaid);  // Mermaid, whatever the extension
        /// </code></example>
        public void Save(string path, GraphFormat? format = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(path);
            (format ?? GraphFormat.FromPath(path)).Write(graph, path, cancellationToken);
        }

        /// <summary>
        /// Saves the graph atomically (a temporary file, then a rename), telling <paramref name="progress"/> how far it
        /// has come: after every 1,024 entities or relations written, and once more, with the totals, when the file is in place.
        /// </summary>
        /// <param name="path">The file's path.</param>
        /// <param name="format">The format; when null, the one the extension names.</param>
        /// <param name="progress">Told how far the save has come (on the saving thread); null for no reports.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <exception cref="ArgumentException"><paramref name="format"/> is null and no format claims the extension of <paramref name="path"/>.</exception>
        /// <exception cref="NotSupportedException">The format cannot be written or cannot represent a value of the graph.</exception>
        /// <exception cref="IOException">The file cannot be written.</exception>
        /// <example><code>
        /// g.Save("big.nt", null, new Progress&lt;GraphWriteProgress&gt;(p => Console.Error.Write($"\r{p.RelationsWritten:N0} of {p.RelationTotal:N0} relations")));
        /// </code></example>
        public void Save(string path, GraphFormat? format, IProgress<GraphWriteProgress>? progress, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(path);
            (format ?? GraphFormat.FromPath(path)).Write(graph, path, progress, cancellationToken);
        }

        /// <summary>Saves the graph as canonical JSON to a stream.</summary>
        /// <param name="stream">The stream; left open.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        public void Save(Stream stream, CancellationToken cancellationToken) => graph.Save(stream, null, cancellationToken);

        /// <summary>Saves the graph to a stream.</summary>
        /// <param name="stream">The stream; left open.</param>
        /// <param name="format">The format; canonical JSON when null.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <exception cref="NotSupportedException">The format cannot be written or cannot represent a value of the graph.</exception>
        public void Save(Stream stream, GraphFormat? format = null, CancellationToken cancellationToken = default) =>
            (format ?? GraphFormat.Json).Write(graph, stream, cancellationToken);

        /// <summary>Saves the graph to a stream, telling <paramref name="progress"/> how far it has come (see <see cref="GraphWriteProgress"/>).</summary>
        /// <param name="stream">The stream; left open.</param>
        /// <param name="format">The format; canonical JSON when null.</param>
        /// <param name="progress">Told how far the save has come (on the saving thread); null for no reports.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <exception cref="NotSupportedException">The format cannot be written or cannot represent a value of the graph.</exception>
        public void Save(Stream stream, GraphFormat? format, IProgress<GraphWriteProgress>? progress, CancellationToken cancellationToken = default) =>
            (format ?? GraphFormat.Json).Write(graph, stream, progress, cancellationToken);

        /// <summary>Saves the graph atomically on a worker thread, in the format its extension names.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <returns>A task that completes when saved.</returns>
        /// <exception cref="ArgumentException">No format claims the extension of <paramref name="path"/> (thrown at once, not through the task).</exception>
        public Task SaveAsync(string path, CancellationToken cancellationToken) => graph.SaveAsync(path, null, cancellationToken);

        /// <summary>Saves the graph atomically on a worker thread.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="format">The format; when null, the one the extension names.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <returns>A task that completes when saved.</returns>
        /// <exception cref="ArgumentException"><paramref name="format"/> is null and no format claims the extension of <paramref name="path"/> (thrown at once, not through the task).</exception>
        public Task SaveAsync(string path, GraphFormat? format = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(path);
            var chosen = format ?? GraphFormat.FromPath(path);
            return Task.Run(() => graph.Save(path, chosen, cancellationToken), cancellationToken);
        }

        /// <summary>Saves the graph to a stream on a worker thread.</summary>
        /// <param name="stream">The stream; left open.</param>
        /// <param name="format">The format; canonical JSON when null.</param>
        /// <param name="cancellationToken">Stops the save.</param>
        /// <returns>A task that completes when saved.</returns>
        public Task SaveAsync(Stream stream, GraphFormat? format = null, CancellationToken cancellationToken = default) =>
            Task.Run(() => graph.Save(stream, format, cancellationToken), cancellationToken);

        /// <summary>The graph as canonical JSON text.</summary>
        /// <returns>The JSON.</returns>
        public string ToJson() => JsonGraphWriter.ToJson(graph);

        /// <summary>The graph as a Mermaid flowchart (see <see cref="IO.Mermaid.MermaidWriter"/>), for notebooks, GitHub and docs.</summary>
        /// <returns>The Mermaid text.</returns>
        public string ToMermaid() => IO.Mermaid.MermaidWriter.ToMermaid(graph);
    }

    private static Graph ReadSeed()
    {
        string article = SeedArticle();
        using var stream = OpenResource(SeedGraphResource);
        var graph = JsonGraphReader.Read(stream, new GraphReadOptions { SourceName = "nato-brussels-munich.kg.json" });
        var document = graph.Documents.SingleOrDefault(d => d.Id == Graph.SeedDocumentId);
        if (document is null || document.Text != article)
        {
            throw new GraphFormatException(
                "Seed annotation does not match the seed article",
                new SourceLocation("nato-brussels-munich.kg.json", 0, 0, "$.documents"),
                document is null ? "no document " + Graph.SeedDocumentId : "a different text",
                "the text of nato-brussels-munich.txt");
        }

        return graph;
    }

    private static GraphFormat FormatOf(string path) =>
        GraphFormat.TryFromPath(path, out var format) ? format : GraphFormat.Json;

    private static Stream OpenResource(string name) =>
        typeof(Graph).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The resource '{name}' is missing from {typeof(Graph).Assembly.GetName().Name}.");
}
