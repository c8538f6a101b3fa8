namespace KnowledgeGraph.IO.Sparql;

/// <summary>Settings of a <see cref="SparqlEndpoint"/>; every one has a default.</summary>
/// <threadsafety>Immutable once built; safe to share across threads.</threadsafety>
public sealed class SparqlEndpointOptions
{
    /// <summary>The defaults.</summary>
    public static SparqlEndpointOptions Default { get; } = new();

    /// <summary>Where updates (<c>INSERT DATA</c>, <c>CLEAR</c>) go when the store has a separate update endpoint; null (default) uses the query endpoint.</summary>
    public Uri? UpdateEndpoint { get; init; }

    /// <summary>Triples per <c>INSERT DATA</c> request when pushing a graph; default 1,000 (Virtuoso refuses an update whose generated SQL passes 10,000 lines, which 5,000 triples do), at least 1.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>
    /// The store's SPARQL 1.1 Graph Store HTTP Protocol endpoint (Virtuoso: <c>http://host:port/sparql-graph-crud</c>,
    /// Fuseki: <c>http://host:port/dataset/data</c>); null (default) for none. When set,
    /// <see cref="SparqlEndpoint.PushAsync"/> POSTs N-Triples there (<c>?graph=iri</c>, adding to the named graph) in
    /// batches of <see cref="GraphStoreBatchSize"/> triples instead of sending <c>INSERT DATA</c> updates: the store
    /// parses plain N-Triples, some ten times faster.
    /// </summary>
    public Uri? GraphStoreEndpoint { get; init; }

    /// <summary>Triples per Graph Store Protocol POST when pushing a graph (see <see cref="GraphStoreEndpoint"/>); default 50,000, at least 1.</summary>
    public int GraphStoreBatchSize { get; init; } = 50_000;

    /// <summary>How long one request may take when the endpoint makes its own <see cref="HttpClient"/>; default 10 minutes. A client passed in keeps its own timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>How far a push has come: reported after each batch of triples the store accepted.</summary>
/// <param name="TriplesSent">Triples the store has accepted so far.</param>
/// <param name="TriplesTotal">Triples the push sends in all.</param>
/// <param name="Batches">Requests sent so far.</param>
public readonly record struct SparqlPushProgress(long TriplesSent, long TriplesTotal, int Batches);
