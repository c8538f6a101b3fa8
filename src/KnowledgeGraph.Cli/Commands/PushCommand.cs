using System.Globalization;
using KnowledgeGraph.IO.Sparql;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg push --sparql URL [--graph-iri IRI] [--append] [--graph-store URL]</c>: the graph into a named graph of a
/// SPARQL 1.1 store, as <c>INSERT DATA</c> updates or, with <c>--graph-store</c>, N-Triples POSTed to the store's
/// Graph Store HTTP Protocol endpoint.
/// </summary>
internal static class PushCommand
{
    public const string DefaultGraphIri = "https://knowledge-graph.dev/graph";

    public static int Run(Graph graph, Arguments a, TextWriter stdout, TextWriter stderr)
    {
        a.ExpectPositional(0, "push --sparql URL [--graph-iri IRI] [--append] [--graph-store URL]");
        if (a.Sparql is null)
        {
            throw new UsageException("push needs --sparql URL (the store's SPARQL endpoint, such as http://127.0.0.1:18890/sparql)");
        }

        string graphIri = a.GraphIri ?? DefaultGraphIri;
        using var endpoint = SparqlCommand.Endpoint(a.Sparql, a.GraphStore);
        try
        {
            if (!a.Append)
            {
                endpoint.ClearAsync(graphIri).GetAwaiter().GetResult();
            }

            var progress = new Reporter(stderr);
            long sent = endpoint.PushAsync(graph, graphIri, progress).GetAwaiter().GetResult();
            string via = endpoint.GraphStoreEndpoint is { } gsp ? $" through {gsp}" : string.Empty;
            stdout.Write(string.Create(CultureInfo.InvariantCulture, $"Pushed {sent:N0} triples into <{graphIri}> at {endpoint.Endpoint}{via}\n"));
            return CliApp.Ok;
        }
        catch (ArgumentException ex)
        {
            int cut = ex.Message.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new UsageException("--graph-iri: " + (cut > 0 ? ex.Message[..cut] : ex.Message));
        }
        catch (SparqlEndpointException ex)
        {
            stderr.Write("kg: " + ex.Message + "\n");
            return CliApp.Failure;
        }
    }

    /// <summary>One line per tenth of the push on standard error.</summary>
    private sealed class Reporter(TextWriter stderr) : IProgress<SparqlPushProgress>
    {
        private int _tenths;

        public void Report(SparqlPushProgress value)
        {
            int tenths = value.TriplesTotal == 0 ? 10 : (int)(value.TriplesSent * 10 / value.TriplesTotal);
            if (tenths > _tenths)
            {
                _tenths = tenths;
                stderr.Write(string.Create(CultureInfo.InvariantCulture, $"  {value.TriplesSent:N0} of {value.TriplesTotal:N0} triples\n"));
            }
        }
    }
}
