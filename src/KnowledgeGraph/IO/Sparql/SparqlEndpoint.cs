using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KnowledgeGraph.IO.Rdf;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Sparql;

/// <summary>
/// A client of any SPARQL 1.1 store (Virtuoso, GraphDB, Stardog, Neptune, Fuseki, …) over the SPARQL 1.1
/// Protocol, on <see cref="HttpClient"/> alone: push a graph into a named graph (batched <c>INSERT DATA</c>
/// in the mapping of <see cref="RdfMapping"/>), run <c>SELECT</c> and <c>ASK</c> into a <see cref="QueryResult"/>
/// or a boolean, read a <c>CONSTRUCT</c> back into a <see cref="Graph"/>, run any update, clear a named graph.
/// </summary>
/// <remarks>
/// <para>Queries are POSTed as <c>application/x-www-form-urlencoded</c> (<c>query=…</c>) and ask for
/// <c>application/sparql-results+json</c> (SELECT, ASK) or <c>application/n-triples</c> (CONSTRUCT, DESCRIBE);
/// updates are POSTed as <c>application/sparql-update</c>. See <see cref="SparqlResultsReader"/> for how result
/// values map to the library's query values (IRIs as text, XSD integers as <see cref="long"/>, …).</para>
/// <para>Everything the store does wrong surfaces as <see cref="SparqlEndpointException"/>: an error answer (its
/// status and the store's message), no answer (connection refused, the client's timeout), or an answer that is not
/// the expected format. A bad argument is an <see cref="ArgumentException"/>; cancellation through the token an
/// <see cref="OperationCanceledException"/>.</para>
/// </remarks>
/// <example><code>
/// using var store = new SparqlEndpoint(new Uri("http://127.0.0.1:18890/sparql"));
/// await store.ClearAsync("https://knowledge-graph.dev/graph/seed");
/// await store.PushAsync(Graph.LoadSeed(), "https://knowledge-graph.dev/graph/seed");
/// QueryResult r = await store.SelectAsync("SELECT ?name WHERE { GRAPH ?g { ?p a &lt;http://schema.org/Person&gt; ; &lt;http://schema.org/name&gt; ?name } } ORDER BY ?name");
/// </code></example>
/// <threadsafety>Immutable apart from the <see cref="HttpClient"/>, which is safe for concurrent requests: one endpoint may serve many threads.</threadsafety>
public sealed class SparqlEndpoint : IDisposable
{
    private const int MaxStoreMessage = 2000;

    /// <summary>The media types an update's answer may come in, in order of preference.</summary>
    private static readonly string[] UpdateAccepts = ["application/sparql-results+json", "*/*;q=0.1"];

    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private readonly SparqlEndpointOptions _options;

    /// <summary>Creates a client of the store at <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The store's SPARQL endpoint, such as <c>http://127.0.0.1:18890/sparql</c>.</param>
    /// <param name="httpClient">The client to send requests with (left open on <see cref="Dispose"/>); null makes one, disposed with the endpoint.</param>
    /// <param name="options">Settings; null for <see cref="SparqlEndpointOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http or https URI, or <see cref="SparqlEndpointOptions.BatchSize"/> is below 1.</exception>
    public SparqlEndpoint(Uri endpoint, HttpClient? httpClient = null, SparqlEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _options = options ?? SparqlEndpointOptions.Default;
        Endpoint = CheckHttp(endpoint, nameof(endpoint));
        UpdateEndpoint = _options.UpdateEndpoint is { } u ? CheckHttp(u, nameof(options)) : endpoint;
        GraphStoreEndpoint = _options.GraphStoreEndpoint is { } g ? CheckHttp(g, nameof(options)) : null;
        if (_options.BatchSize < 1)
        {
            throw new ArgumentException($"SparqlEndpointOptions.BatchSize must be at least 1; found {_options.BatchSize}.", nameof(options));
        }

        if (_options.GraphStoreBatchSize < 1)
        {
            throw new ArgumentException($"SparqlEndpointOptions.GraphStoreBatchSize must be at least 1; found {_options.GraphStoreBatchSize}.", nameof(options));
        }

        _ownsClient = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = _options.Timeout };
    }

    /// <summary>The query endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The update endpoint (the query endpoint unless <see cref="SparqlEndpointOptions.UpdateEndpoint"/> says otherwise).</summary>
    public Uri UpdateEndpoint { get; }

    /// <summary>The Graph Store HTTP Protocol endpoint pushes go to (<see cref="SparqlEndpointOptions.GraphStoreEndpoint"/>); null when pushes send <c>INSERT DATA</c> updates.</summary>
    public Uri? GraphStoreEndpoint { get; }

    /// <summary>Runs a <c>SELECT</c> query.</summary>
    /// <param name="query">The SPARQL query.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The variables as columns, the solutions as rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="SparqlEndpointException">The store refused the query or its answer is not SPARQL JSON results.</exception>
    public async Task<QueryResult> SelectAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string operation = "SELECT query";
        using var response = await SendQueryAsync(query, "application/sparql-results+json", operation, cancellationToken).ConfigureAwait(false);
        return await ReadAnswerAsync(response, operation, s => SparqlResultsReader.ReadSelect(s, Source(operation), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs an <c>ASK</c> query.</summary>
    /// <param name="query">The SPARQL query.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="SparqlEndpointException">The store refused the query or its answer is not a SPARQL JSON boolean.</exception>
    public async Task<bool> AskAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string operation = "ASK query";
        using var response = await SendQueryAsync(query, "application/sparql-results+json", operation, cancellationToken).ConfigureAwait(false);
        return await ReadAnswerAsync(response, operation, s => SparqlResultsReader.ReadAsk(s, Source(operation), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a <c>CONSTRUCT</c> (or <c>DESCRIBE</c>) query, asking for N-Triples, and reads the triples back into a
    /// graph through <see cref="NTriplesReader"/> and the RDF mapping (<see cref="RdfMapping"/>): our own export reads
    /// back to the graph that was pushed, foreign triples as <see cref="RdfReadOptions"/> describes.
    /// </summary>
    /// <param name="query">The SPARQL query.</param>
    /// <param name="options">How to build the graph (schema, leniency); null for the defaults.</param>
    /// <param name="rdf">How to map foreign triples (class and predicate maps); null for the defaults.</param>
    /// <param name="cancellationToken">Stops the request and the read.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="SparqlEndpointException">The store refused the query or its answer is not N-Triples.</exception>
    /// <exception cref="SchemaViolationException">The triples map to a graph the schema rejects.</exception>
    public async Task<Graph> ConstructAsync(string query, GraphReadOptions? options = null, RdfReadOptions? rdf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string operation = "CONSTRUCT query";
        using var response = await SendQueryAsync(query, "application/n-triples", operation, cancellationToken).ConfigureAwait(false);
        var read = options ?? GraphReadOptions.Default;
        if (read.SourceName is null)
        {
            read = new GraphReadOptions
            {
                Schema = read.Schema, Lenient = read.Lenient, MaxDepth = read.MaxDepth, MaxStringLength = read.MaxStringLength, Progress = read.Progress,
                SourceName = Source(operation),
            };
        }

        return await ReadAnswerAsync(response, operation, s => NTriplesReader.Read(s, read, rdf, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a SPARQL 1.1 update (<c>INSERT DATA</c>, <c>DELETE WHERE</c>, <c>CLEAR</c>, <c>LOAD</c>, …).</summary>
    /// <param name="update">The update.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>A task that completes when the store has accepted the update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> is null.</exception>
    /// <exception cref="SparqlEndpointException">The store refused the update.</exception>
    public async Task UpdateAsync(string update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await PostTextAsync(UpdateEndpoint, UpdateEndpoint, update, "application/sparql-update", UpdateAccepts, "update", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes every triple of a named graph (<c>CLEAR SILENT GRAPH &lt;iri&gt;</c>: a graph that does not exist is no error).</summary>
    /// <param name="graphIri">The named graph's IRI.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>A task that completes when the graph is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="graphIri"/> is not an absolute IRI that SPARQL can write between <c>&lt;</c> and <c>&gt;</c>.</exception>
    /// <exception cref="SparqlEndpointException">The store refused the update.</exception>
    public Task ClearAsync(string graphIri, CancellationToken cancellationToken = default) =>
        UpdateAsync("CLEAR SILENT GRAPH " + SparqlText.GraphIri(graphIri, nameof(graphIri)), cancellationToken);

    /// <summary>
    /// Adds a graph's triples (the mapping of <see cref="RdfMapping"/>, the triples of <see cref="NTriplesWriter"/>) to a
    /// named graph, one request after the other: N-Triples POSTed to the Graph Store HTTP Protocol endpoint in batches of
    /// <see cref="SparqlEndpointOptions.GraphStoreBatchSize"/> triples when <see cref="GraphStoreEndpoint"/> is set, else
    /// <c>INSERT DATA</c> updates of <see cref="SparqlEndpointOptions.BatchSize"/> triples. Triples already in the named
    /// graph stay; call <see cref="ClearAsync"/> first to replace it. The mapping writes no blank nodes, so batches
    /// never split one.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="graphIri">The named graph's IRI.</param>
    /// <param name="progress">Told after each batch the store accepted; null for none.</param>
    /// <param name="cancellationToken">Stops the push between batches (the batches sent stay in the store).</param>
    /// <returns>The number of triples sent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="graphIri"/> is not an absolute IRI that SPARQL can write between <c>&lt;</c> and <c>&gt;</c>.</exception>
    /// <exception cref="SparqlEndpointException">The store refused a batch (the earlier batches stay in the store).</exception>
    public async Task<long> PushAsync(Graph graph, string graphIri, IProgress<SparqlPushProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        string target = SparqlText.GraphIri(graphIri, nameof(graphIri));
        var triples = RdfMapping.Triples(graph, cancellationToken);
        var store = GraphStoreEndpoint is { } gsp ? SparqlText.GraphStoreTarget(gsp, graphIri) : null;
        int batchSize = store is null ? _options.BatchSize : _options.GraphStoreBatchSize;
        long sent = 0;
        int batches = 0;
        var sb = new StringBuilder(Math.Min(batchSize, 1 << 16) * 160);
        for (int start = 0; start < triples.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(triples.Count, start + batchSize);
            if (store is null)
            {
                SparqlText.InsertData(sb, target, triples, start, end);
                await UpdateAsync(sb.ToString(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                SparqlText.NTriples(sb, triples, start, end);
                await PostTriplesAsync(store, sb.ToString(), cancellationToken).ConfigureAwait(false);
            }

            sent += end - start;
            batches++;
            progress?.Report(new SparqlPushProgress(sent, triples.Count, batches));
        }

        return sent;
    }

    /// <summary>POSTs N-Triples to a Graph Store Protocol target (the endpoint with <c>?graph=</c>): the store adds them to that graph.</summary>
    private Task PostTriplesAsync(Uri target, string ntriples, CancellationToken cancellationToken) =>
        PostTextAsync(target, GraphStoreEndpoint!, ntriples, "application/n-triples", ["*/*"], "graph store push", cancellationToken);

    /// <summary>
    /// POSTs a UTF-8 text body of a media type to <paramref name="target"/>, accepting the given answer types, and returns
    /// when the store has accepted it; errors name <paramref name="endpoint"/> and <paramref name="operation"/>.
    /// </summary>
    private async Task PostTextAsync(Uri target, Uri endpoint, string body, string mediaType, string[] accept, string operation, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, new UTF8Encoding(false), mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        foreach (string type in accept)
        {
            request.Headers.Accept.ParseAdd(type);
        }

        using var response = await SendAsync(request, endpoint, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if the endpoint made it; one passed in stays open.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _http.Dispose();
        }
    }

    /// <summary>The endpoint's URI.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Endpoint.ToString();

    private static Uri CheckHttp(Uri uri, string parameter) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"A SPARQL endpoint must be an absolute http or https URI; found '{uri}'.", parameter);

    private string Source(string operation) => $"{operation} answer from {Endpoint}";

    private async Task<HttpResponseMessage> SendQueryAsync(string query, string accept, string operation, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("query", query)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await SendAsync(request, Endpoint, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request; an error answer or no answer becomes a <see cref="SparqlEndpointException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri endpoint, string operation, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SparqlEndpointException(endpoint, operation, null, ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SparqlEndpointException(endpoint, operation, null, $"no answer within the HTTP client's timeout ({_http.Timeout})", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                body = ex.Message;
            }

            throw new SparqlEndpointException(endpoint, operation, response.StatusCode, StoreMessage(body, response.ReasonPhrase));
        }
    }

    private async Task<T> ReadAnswerAsync<T>(HttpResponseMessage response, string operation, Func<Stream, T> read, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return read(stream);
        }
        catch (GraphFormatException ex)
        {
            throw new SparqlEndpointException(Endpoint, operation, response.StatusCode, "the answer is not what was asked for: " + ex.Message, ex);
        }
        catch (IOException ex)
        {
            throw new SparqlEndpointException(Endpoint, operation, response.StatusCode, "the answer broke off: " + ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SparqlEndpointException(Endpoint, operation, response.StatusCode, "the answer broke off: " + ex.Message, ex);
        }
    }

    /// <summary>The store's error text: trimmed, line ends normalised, at most <see cref="MaxStoreMessage"/> characters.</summary>
    internal static string StoreMessage(string body, string? reason)
    {
        string text = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return reason is { Length: > 0 } ? reason : "(the store gave no message)";
        }

        return text.Length <= MaxStoreMessage ? text : text[..MaxStoreMessage] + "…";
    }
}
