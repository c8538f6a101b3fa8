using System.Net;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.IO.Rdf;
using KnowledgeGraph.IO.Sparql;

namespace KnowledgeGraph.Tests.IO.Sparql;

/// <summary>The endpoint against a real SPARQL 1.1 store (Virtuoso in .ci/run; see <see cref="Store"/>).</summary>
public class SparqlStoreTests
{
    [SkippableFact]
    public async Task PushThenConstruct_Seed_ReadsBackToTheSeed()
    {
        using var store = Store.Require(new SparqlEndpointOptions { BatchSize = 500 });
        string g = Store.NewGraphIri("seed");
        var seed = Graph.LoadSeed();
        try
        {
            var reports = new List<SparqlPushProgress>();
            long sent = await store.PushAsync(seed, g, new Progress(reports.Add));
            int lines = NTriplesWriter.ToNTriples(seed).Count(c => c == '\n');
            Assert.Equal(lines, sent);
            Assert.Equal(sent, reports[^1].TriplesSent);
            var count = await store.SelectAsync($"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}");
            Assert.Equal(sent, count[0]["n"]);
            var back = await store.ConstructAsync($"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}");
            Assert.Equal(JsonGraphWriter.ToJson(seed), JsonGraphWriter.ToJson(back));
        }
        finally
        {
            await store.ClearAsync(g);
        }
    }

    [SkippableFact]
    public async Task PushThenConstruct_TrickyNames_ReadBackEqual()
    {
        using var store = Store.Require();
        string g = Store.NewGraphIri("tricky");
        var tricky = TestGraphs.Tricky();
        try
        {
            await store.PushAsync(tricky, g);
            var back = await store.ConstructAsync($"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}", new GraphReadOptions { Schema = Schema.Open });
            Assert.Equal(JsonGraphWriter.ToJson(tricky), JsonGraphWriter.ToJson(back));
        }
        finally
        {
            await store.ClearAsync(g);
        }
    }

    [SkippableFact]
    public async Task ClearAsync_PushedGraph_LeavesItEmpty()
    {
        using var store = Store.Require();
        string g = Store.NewGraphIri("clear");
        await store.PushAsync(Graph.LoadSeed(), g);
        Assert.True(await store.AskAsync($"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"));
        await store.ClearAsync(g);
        Assert.False(await store.AskAsync($"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"));
        await store.ClearAsync(g); // clearing an absent graph is no error
    }

    [SkippableFact]
    public async Task SelectAsync_SyntaxError_CarriesTheStoresMessage()
    {
        using var store = Store.Require();
        var ex = await Assert.ThrowsAsync<SparqlEndpointException>(() => store.SelectAsync("SELEC * WHERE { ?s ?p ?o }"));
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("SELEC", ex.StoreMessage, StringComparison.Ordinal);
        Assert.Contains(ex.StoreMessage, ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SelectAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var store = Store.Require();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SelectAsync("SELECT * WHERE { ?s ?p ?o } LIMIT 1", cts.Token));
    }

    /// <summary>Reports synchronously (System.Progress posts to the thread pool, so the last report could come late).</summary>
    private sealed class Progress(Action<SparqlPushProgress> report) : IProgress<SparqlPushProgress>
    {
        public void Report(SparqlPushProgress value) => report(value);
    }
}
