using KnowledgeGraph.IO.Sparql;
using KnowledgeGraph.Tests.IO.Consumers;

namespace KnowledgeGraph.Tests.IO.Sparql;

/// <summary>
/// The live SPARQL store of the tests: <c>KG_SPARQL_URL</c>, else the URL that
/// <c>tests/consumers/virtuoso/start.sh</c> wrote to <c>$TMPDIR/kg-virtuoso/env</c>. When none answers, a test
/// that needs it is skipped on a developer's machine and fails on CI (<c>CI=true</c>, where .ci/run starts one).
/// </summary>
internal static class Store
{
    private static readonly Lazy<string?> Url = new(Find);

    /// <summary>The store's SPARQL endpoint URL, once it answers an ASK; else skip (fail on CI).</summary>
    public static string RequireUrl()
    {
        string? url = Url.Value;
        if (url is null)
        {
            Tool.Missing("No SPARQL store answers (KG_SPARQL_URL unset or not running); start one with tests/consumers/virtuoso/start.sh (apt-get install -y virtuoso-opensource), as .ci/run does");
        }

        return url!;
    }

    /// <summary>An endpoint on the store (see <see cref="RequireUrl"/>).</summary>
    public static SparqlEndpoint Require(SparqlEndpointOptions? options = null) => new(new Uri(RequireUrl()), options: options);

    /// <summary>
    /// An endpoint on the store that pushes through its Graph Store HTTP Protocol endpoint: <c>KG_GRAPH_STORE_URL</c>, else
    /// Virtuoso's <c>sparql-graph-crud</c> beside the SPARQL endpoint.
    /// </summary>
    public static SparqlEndpoint RequireGraphStore(int batchSize)
    {
        string url = RequireUrl();
        string? gsp = Environment.GetEnvironmentVariable("KG_GRAPH_STORE_URL");
        var graphStore = string.IsNullOrEmpty(gsp) ? new Uri(new Uri(url), "sparql-graph-crud") : new Uri(gsp);
        return new(new Uri(url), options: new SparqlEndpointOptions { GraphStoreEndpoint = graphStore, GraphStoreBatchSize = batchSize });
    }

    /// <summary>A named graph of its own for one test, so tests running at once do not meet.</summary>
    public static string NewGraphIri(string what) => "https://knowledge-graph.dev/test/" + what + "/" + Guid.NewGuid().ToString("N");

    private static string? Find()
    {
        string? url = Environment.GetEnvironmentVariable("KG_SPARQL_URL");
        if (string.IsNullOrEmpty(url))
        {
            string env = Path.Combine(Environment.GetEnvironmentVariable("KG_VIRTUOSO_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "kg-virtuoso"), "env");
            url = File.Exists(env)
                ? File.ReadAllLines(env).Where(l => l.StartsWith("export KG_SPARQL_URL=", StringComparison.Ordinal)).Select(l => l["export KG_SPARQL_URL=".Length..]).FirstOrDefault()
                : null;
        }

        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        try
        {
            using var endpoint = new SparqlEndpoint(new Uri(url), options: new SparqlEndpointOptions { Timeout = TimeSpan.FromSeconds(10) });
            endpoint.AskAsync("ASK {}").GetAwaiter().GetResult();
            return url;
        }
        catch (SparqlEndpointException)
        {
            return null;
        }
    }
}
