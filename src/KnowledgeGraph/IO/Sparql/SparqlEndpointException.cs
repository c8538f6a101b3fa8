using System.Net;

namespace KnowledgeGraph.IO.Sparql;

/// <summary>
/// A SPARQL store refused a request, could not be reached, or answered with something that is not the
/// expected result format: the one exception <see cref="SparqlEndpoint"/> raises for what the store does.
/// The message names the endpoint, the operation, the HTTP status and the store's own message
/// (<c>The SPARQL store at http://127.0.0.1:18890/sparql refused the SELECT query: HTTP 400 Bad Request:
/// Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'SELEC' before '*'</c>).
/// </summary>
/// <remarks>Cancellation through the caller's token is an <see cref="OperationCanceledException"/>, not this exception;
/// a request that outlives the <see cref="HttpClient"/>'s timeout is this exception with no status.</remarks>
public sealed class SparqlEndpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="endpoint">The endpoint that was asked.</param>
    /// <param name="operation">What was asked, such as <c>SELECT query</c> or <c>update</c>.</param>
    /// <param name="statusCode">The HTTP status, or null when no answer came.</param>
    /// <param name="storeMessage">The store's message (the body of its error answer), or what went wrong.</param>
    /// <param name="inner">The underlying exception, or null.</param>
    public SparqlEndpointException(Uri endpoint, string operation, HttpStatusCode? statusCode, string storeMessage, Exception? inner = null)
        : base(Format(endpoint, operation, statusCode, storeMessage), inner)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(storeMessage);
        Endpoint = endpoint;
        Operation = operation;
        StatusCode = statusCode;
        StoreMessage = storeMessage;
    }

    /// <summary>The endpoint that was asked.</summary>
    public Uri Endpoint { get; }

    /// <summary>What was asked: <c>SELECT query</c>, <c>ASK query</c>, <c>CONSTRUCT query</c> or <c>update</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the store's answer, or null when none came (connection refused, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The store's own message (its error answer, trimmed to at most 2,000 characters), or what went wrong.</summary>
    public string StoreMessage { get; }

    private static string Format(Uri endpoint, string operation, HttpStatusCode? status, string message)
    {
        string answer = status is { } s ? $"HTTP {(int)s} {s}" : "no answer";
        return $"The SPARQL store at {endpoint} refused the {operation}: {answer}: {message}";
    }
}
