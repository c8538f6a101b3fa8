using System.Net;
using System.Text;
using KnowledgeGraph.IO.Sparql;

namespace KnowledgeGraph.Tests.IO.Sparql;

/// <summary>SPARQL JSON results and store errors, through an endpoint whose HTTP answers are canned (no store needed).</summary>
public class SparqlResultsReaderTests
{
    private const string Select = """
        { "head": { "link": [], "vars": ["s", "n", "x", "d", "b", "u"] },
          "results": { "distinct": false, "ordered": true, "bindings": [
            { "s": { "type": "uri", "value": "https://knowledge-graph.dev/id/person:a" },
              "n": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "42" },
              "x": { "type": "literal", "xml:lang": "en", "value": "caf\u00e9" },
              "d": { "type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#double", "value": "2.5E0" },
              "b": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "1" } },
            { "s": { "type": "bnode", "value": "b0" },
              "n": { "type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#date", "value": "2025-02-14" } } ] } }
        """;

    [Fact]
    public async Task SelectAsync_SparqlJsonResults_MapsTermsToQueryValues()
    {
        using var endpoint = Canned(HttpStatusCode.OK, Select, "application/sparql-results+json");
        var r = await endpoint.SelectAsync("SELECT * WHERE { ?s ?p ?o }");
        Assert.Equal(["s", "n", "x", "d", "b", "u"], r.Columns.ToArray());
        Assert.Equal(2, r.Count);
        Assert.Equal<object?>(["https://knowledge-graph.dev/id/person:a", 42L, "café", 2.5, true, null], r[0].Values.ToArray());
        Assert.Equal<object?>(["_:b0", "2025-02-14", null, null, null, null], r[1].Values.ToArray());
    }

    [Theory]
    [InlineData("{ \"head\": {}, \"boolean\": true }", true)]
    [InlineData("{\"boolean\":false,\"head\":{\"link\":[]}}", false)]
    public async Task AskAsync_SparqlJsonBoolean_IsTheAnswer(string json, bool expected)
    {
        using var endpoint = Canned(HttpStatusCode.OK, json, "application/sparql-results+json");
        Assert.Equal(expected, await endpoint.AskAsync("ASK {}"));
    }

    [Theory]
    [InlineData("{ \"head\": { \"vars\": [\"s\"] }, \"results\": { \"bindings\": [ { \"s\": { \"type\": \"uri\" } } ] } }", "Incomplete RDF term", "[$.results.bindings[0].s]")]
    [InlineData("{ \"head\": { \"vars\": [\"s\"] }, \"results\": { \"bindings\": [ { \"s\": { \"type\": \"iri\", \"value\": \"x\" } } ] } }", "Unknown RDF term type", "found 'iri'")]
    [InlineData("{ \"results\": { \"bindings\": [] } }", "Not SPARQL SELECT results", "expected a JSON object with head.vars")]
    [InlineData("<sparql/>", "Malformed JSON", "(1,1)")]
    [InlineData("{ \"head\": { \"vars\": [\"s\"] }, \"results\": { \"bindings\": [", "Malformed JSON", "answer from http://store.test/sparql(1,")]
    public async Task SelectAsync_NotSparqlJson_ThrowsSparqlEndpointExceptionNamingWhere(string body, string what, string where)
    {
        using var endpoint = Canned(HttpStatusCode.OK, body, "application/sparql-results+json");
        var ex = await Assert.ThrowsAsync<SparqlEndpointException>(() => endpoint.SelectAsync("SELECT * {}"));
        Assert.IsType<GraphFormatException>(ex.InnerException);
        Assert.Contains(what, ex.Message, StringComparison.Ordinal);
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
        Assert.Equal("SELECT query", ex.Operation);
    }

    [Fact]
    public async Task AskAsync_NoBoolean_ThrowsSparqlEndpointException()
    {
        using var endpoint = Canned(HttpStatusCode.OK, "{ \"head\": { \"vars\": [] }, \"results\": { \"bindings\": [] } }", "application/sparql-results+json");
        var ex = await Assert.ThrowsAsync<SparqlEndpointException>(() => endpoint.AskAsync("ASK {}"));
        Assert.Contains("Not a SPARQL ASK result", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_StoreError_CarriesStatusAndTheStoresMessage()
    {
        const string body = "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'INSRT'\r\n";
        using var endpoint = Canned(HttpStatusCode.BadRequest, body, "text/plain");
        var ex = await Assert.ThrowsAsync<SparqlEndpointException>(() => endpoint.UpdateAsync("INSRT DATA {}"));
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'INSRT'", ex.StoreMessage);
        Assert.Equal(
            "The SPARQL store at http://store.test/sparql refused the update: HTTP 400 BadRequest: Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'INSRT'",
            ex.Message);
    }

    [Fact]
    public async Task SelectAsync_NoStoreListening_ThrowsSparqlEndpointExceptionWithoutStatus()
    {
        using var endpoint = new SparqlEndpoint(new Uri("http://127.0.0.1:9/sparql"), options: new SparqlEndpointOptions { Timeout = TimeSpan.FromSeconds(10) });
        var ex = await Assert.ThrowsAsync<SparqlEndpointException>(() => endpoint.SelectAsync("SELECT * {}"));
        Assert.Null(ex.StatusCode);
        Assert.StartsWith("The SPARQL store at http://127.0.0.1:9/sparql refused the SELECT query: no answer: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushAsync_SendsBatchesOfInsertDataAndReportsProgress()
    {
        var handler = new CannedHandler(HttpStatusCode.OK, "{}", "application/sparql-results+json");
        using var http = new HttpClient(handler);
        using var endpoint = new SparqlEndpoint(new Uri("http://store.test/sparql"), http, new SparqlEndpointOptions { BatchSize = 100 });
        var g = Graph.LoadSeed();
        int lines = KnowledgeGraph.IO.Rdf.NTriplesWriter.ToNTriples(g).Count(c => c == '\n');
        var reports = new List<SparqlPushProgress>();
        long sent = await endpoint.PushAsync(g, "https://knowledge-graph.dev/graph/seed", new SyncProgress(reports.Add));
        Assert.Equal(lines, sent);
        Assert.Equal((lines + 99) / 100, handler.Bodies.Count);
        Assert.Equal(new SparqlPushProgress(lines, lines, handler.Bodies.Count), reports[^1]);
        Assert.All(handler.Bodies, b => Assert.StartsWith("INSERT DATA {\n  GRAPH <https://knowledge-graph.dev/graph/seed> {\n", b, StringComparison.Ordinal));
        Assert.All(handler.ContentTypes, t => Assert.Equal("application/sparql-update", t));
        Assert.Equal(lines, handler.Bodies.Sum(b => b.Split('\n').Count(l => l.EndsWith(" .", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task PushAsync_WithAGraphStoreEndpoint_PostsNTriplesBatchesToTheNamedGraph()
    {
        var handler = new CannedHandler(HttpStatusCode.Created, string.Empty, "text/plain");
        using var http = new HttpClient(handler);
        var options = new SparqlEndpointOptions { GraphStoreEndpoint = new Uri("http://store.test/sparql-graph-crud?x=1"), GraphStoreBatchSize = 70, BatchSize = 5 };
        using var endpoint = new SparqlEndpoint(new Uri("http://store.test/sparql"), http, options);
        var g = Graph.LoadSeed();
        string ntriples = KnowledgeGraph.IO.Rdf.NTriplesWriter.ToNTriples(g);
        int lines = ntriples.Count(c => c == '\n');
        var reports = new List<SparqlPushProgress>();
        long sent = await endpoint.PushAsync(g, "https://knowledge-graph.dev/graph/a?b=c&d#e", new SyncProgress(reports.Add));
        Assert.Equal(lines, sent);
        Assert.Equal((lines + 69) / 70, handler.Bodies.Count);
        Assert.Equal(new SparqlPushProgress(lines, lines, handler.Bodies.Count), reports[^1]);
        Assert.All(handler.Targets, t => Assert.Equal("http://store.test/sparql-graph-crud?x=1&graph=https%3A%2F%2Fknowledge-graph.dev%2Fgraph%2Fa%3Fb%3Dc%26d%23e", t!.AbsoluteUri));
        Assert.All(handler.ContentTypes, t => Assert.Equal("application/n-triples", t));
        Assert.All(handler.Bodies[..^1], b => Assert.Equal(70, b.Count(c => c == '\n')));

        // The batches together are the N-Triples export, line for line.
        Assert.Equal(ntriples, string.Concat(handler.Bodies));
    }

    [Fact]
    public async Task PushAsync_GraphStoreRefuses_ThrowsSparqlEndpointExceptionWithTheStoresMessage()
    {
        var handler = new CannedHandler(HttpStatusCode.Forbidden, "SPARQL_UPDATE permission is missing", "text/plain");
        using var http = new HttpClient(handler);
        using var endpoint = new SparqlEndpoint(new Uri("http://store.test/sparql"), http, new SparqlEndpointOptions { GraphStoreEndpoint = new Uri("http://store.test/gsp") });
        var ex = await Assert.ThrowsAsync<SparqlEndpointException>(() => endpoint.PushAsync(Graph.LoadSeed(), "urn:kg:g"));
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("SPARQL_UPDATE permission is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("http://store.test/gsp", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Bodies);
    }

    [Fact]
    public async Task PushAsync_Cancelled_StopsBeforeTheNextBatch()
    {
        var handler = new CannedHandler(HttpStatusCode.OK, "{}", "application/sparql-results+json");
        using var http = new HttpClient(handler);
        using var endpoint = new SparqlEndpoint(new Uri("http://store.test/sparql"), http, new SparqlEndpointOptions { BatchSize = 100 });
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            endpoint.PushAsync(Graph.LoadSeed(), "urn:kg:g", new SyncProgress(p => { if (p.Batches == 2) { cts.Cancel(); } }), cts.Token));
        Assert.Equal(2, handler.Bodies.Count);
    }

    [Theory]
    [InlineData("graph")]
    [InlineData("https://example.org/a b")]
    [InlineData("https://example.org/<x>")]
    [InlineData("urn:")]
    public async Task ClearAsync_NotAnAbsoluteIri_ThrowsArgumentException(string iri)
    {
        using var endpoint = Canned(HttpStatusCode.OK, "{}", "application/json");
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => endpoint.ClearAsync(iri));
        Assert.Equal("graphIri", ex.ParamName);
        Assert.Contains($"found '{iri}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NotHttp_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new SparqlEndpoint(new Uri("file:///tmp/x")));
        Assert.Throws<ArgumentException>(() => new SparqlEndpoint(new Uri("http://x/sparql"), options: new SparqlEndpointOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => new SparqlEndpoint(new Uri("http://x/sparql"), options: new SparqlEndpointOptions { GraphStoreBatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => new SparqlEndpoint(new Uri("http://x/sparql"), options: new SparqlEndpointOptions { GraphStoreEndpoint = new Uri("ftp://x/gsp") }));
    }

    private static SparqlEndpoint Canned(HttpStatusCode status, string body, string contentType) =>
        new(new Uri("http://store.test/sparql"), new HttpClient(new CannedHandler(status, body, contentType)));

    private sealed class SyncProgress(Action<SparqlPushProgress> report) : IProgress<SparqlPushProgress>
    {
        public void Report(SparqlPushProgress value) => report(value);
    }

    private sealed class CannedHandler(HttpStatusCode status, string body, string contentType) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        public List<string?> ContentTypes { get; } = [];

        public List<Uri?> Targets { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Targets.Add(request.RequestUri);
            Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
            ContentTypes.Add(request.Content?.Headers.ContentType?.MediaType);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        }
    }
}
