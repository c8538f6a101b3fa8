using System.Text;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Rdf;
using KnowledgeGraph.IO.Sparql;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg sparql URL "QUERY" [--format table|json|csv]</c>; <c>kg sparql URL -</c> reads the query from standard input.</summary>
internal static class SparqlCommand
{
    private const string Usage = "sparql URL \"SELECT ...\" [--format table|json|csv]";

    public static int Run(Arguments a, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        a.ExpectPositional(2, Usage);
        string query = a.Positional[1] == "-" ? stdin.ReadToEnd() : a.Positional[1];
        string format = (a.Format ?? "table").ToLowerInvariant();
        if (format is not ("table" or "json" or "csv"))
        {
            throw new UsageException($"--format for sparql expects table, json or csv; found '{a.Format}'");
        }

        using var endpoint = Endpoint(a.Positional[0]);
        try
        {
            switch (Form(query))
            {
                case "ASK":
                    stdout.Write(endpoint.AskAsync(query).GetAwaiter().GetResult() ? "true\n" : "false\n");
                    break;
                case "CONSTRUCT" or "DESCRIBE":
                    var graph = endpoint.ConstructAsync(query, new GraphReadOptions { Schema = Schema.Open }).GetAwaiter().GetResult();
                    stdout.Write(NTriplesWriter.ToNTriples(graph));
                    break;
                default:
                    QueryCommand.WriteResult(endpoint.SelectAsync(query).GetAwaiter().GetResult(), format, stdout);
                    break;
            }

            return CliApp.Ok;
        }
        catch (SparqlEndpointException ex)
        {
            stderr.Write("kg: " + ex.Message + "\n");
            return CliApp.Failure;
        }
    }

    /// <summary>An endpoint for a URL from the command line, or a usage error.</summary>
    public static SparqlEndpoint Endpoint(string url, string? graphStore = null)
    {
        var uri = HttpUrl(url, "a SPARQL endpoint is an http or https URL such as http://127.0.0.1:18890/sparql");
        var gsp = graphStore is null ? null : HttpUrl(graphStore, "--graph-store is the store's Graph Store Protocol endpoint, an http or https URL such as http://127.0.0.1:18890/sparql-graph-crud");
        return new SparqlEndpoint(uri, options: new SparqlEndpointOptions { GraphStoreEndpoint = gsp });
    }

    private static Uri HttpUrl(string url, string what) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{what}; found '{url}'");

    /// <summary>The query form (SELECT, ASK, CONSTRUCT, DESCRIBE): the first word after comments and PREFIX/BASE declarations.</summary>
    internal static string Form(string query)
    {
        int i = 0;
        while (i < query.Length)
        {
            char c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#')
            {
                int end = query.IndexOf('\n', i);
                i = end < 0 ? query.Length : end + 1;
            }
            else if (c == '<')
            {
                int end = query.IndexOf('>', i);
                i = end < 0 ? query.Length : end + 1;
            }
            else
            {
                int start = i++;
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('<' or '{' or '#'))
                {
                    i++;
                }

                string word = query[start..i].ToUpperInvariant();
                if (word is "SELECT" or "ASK" or "CONSTRUCT" or "DESCRIBE")
                {
                    return word;
                }
            }
        }

        return "SELECT";
    }
}
