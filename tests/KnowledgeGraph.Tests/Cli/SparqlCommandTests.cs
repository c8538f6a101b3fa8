using KnowledgeGraph.Cli;
using KnowledgeGraph.Cli.Commands;
using KnowledgeGraph.Tests.IO.Sparql;

namespace KnowledgeGraph.Tests.Cli;

/// <summary><c>kg push</c> and <c>kg sparql</c>; the live ones against the store of <see cref="Store"/>.</summary>
public class SparqlCommandTests
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e, new StringReader(stdin));
        return (code, o.ToString(), e.ToString());
    }

    [SkippableFact]
    public void PushThenSparql_Seed_AnswersSelectAskAndConstruct()
    {
        string url = Store.RequireUrl();
        string g = Store.NewGraphIri("cli");
        try
        {
            var (code, output, err) = Run(string.Empty, "push", "--sparql", url, "--graph-iri", g);
            Assert.True(code == 0, err);
            Assert.Equal($"Pushed 2,141 triples into <{g}> at {url}\n", output);
            Assert.EndsWith("  2,141 of 2,141 triples\n", err, StringComparison.Ordinal);

            // Pushing again replaces the named graph's triples instead of adding to them.
            Assert.Equal(0, Run(string.Empty, "push", "--sparql", url, "--graph-iri", g).Code);
            (code, output, err) = Run(string.Empty, "sparql", url, $"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}", "--format", "csv");
            Assert.True(code == 0, err);
            Assert.Equal("n\n2141\n", output);

            (code, output, _) = Run(
                $"PREFIX schema: <http://schema.org/>\n# who praises Trump\nSELECT ?who FROM <{g}> WHERE {{ ?p <https://knowledge-graph.dev/vocab#PRAISES> ?t . ?t schema:name \"Donald Trump\" . ?p schema:name ?who }}",
                "sparql", url, "-");
            Assert.Equal(0, code);
            Assert.Equal("who\n----------\nMark Rutte\n(1 row)\n", output);

            (code, output, _) = Run(string.Empty, "sparql", url, $"ASK {{ GRAPH <{g}> {{ ?s <http://schema.org/name> \"Mark Rutte\" }} }}");
            Assert.Equal((0, "true\n"), (code, output));

            (code, output, _) = Run(string.Empty, "sparql", url, $"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}");
            Assert.Equal(0, code);
            Assert.Equal(KnowledgeGraph.IO.Rdf.NTriplesWriter.ToNTriples(Graph.LoadSeed()), output);
        }
        finally
        {
            using var store = Store.Require();
            store.ClearAsync(g).GetAwaiter().GetResult();
        }
    }

    [SkippableFact]
    public void Push_ThroughTheGraphStore_PutsTheSameTriples()
    {
        string url = Store.RequireUrl();
        string gsp = new Uri(new Uri(url), "sparql-graph-crud").ToString();
        string g = Store.NewGraphIri("cli-gsp");
        try
        {
            var (code, output, err) = Run(string.Empty, "push", "--sparql", url, "--graph-iri", g, "--graph-store", gsp);
            Assert.True(code == 0, err);
            Assert.Equal($"Pushed 2,141 triples into <{g}> at {url} through {gsp}\n", output);

            // Replaces, as without --graph-store.
            Assert.Equal(0, Run(string.Empty, "push", "--sparql", url, "--graph-iri", g, "--graph-store", gsp).Code);
            (code, output, err) = Run(string.Empty, "sparql", url, $"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}");
            Assert.True(code == 0, err);
            Assert.Equal(KnowledgeGraph.IO.Rdf.NTriplesWriter.ToNTriples(Graph.LoadSeed()), output);
        }
        finally
        {
            using var store = Store.Require();
            store.ClearAsync(g).GetAwaiter().GetResult();
        }
    }

    [SkippableFact]
    public void Sparql_StoreRefusesTheQuery_ExitsOneWithTheStoresMessage()
    {
        string url = Store.RequireUrl();
        var (code, output, err) = Run(string.Empty, "sparql", url, "SELEC * WHERE { ?s ?p ?o }");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith($"kg: The SPARQL store at {url} refused the SELECT query: HTTP 400 BadRequest: ", err, StringComparison.Ordinal);
        Assert.Contains("SELEC", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "push" }, "push needs --sparql URL")]
    [InlineData(new[] { "push", "--sparql", "ftp://x/sparql" }, "a SPARQL endpoint is an http or https URL")]
    [InlineData(new[] { "push", "--sparql", "http://127.0.0.1:9/sparql", "--graph-iri", "not an iri" }, "--graph-iri: A named graph needs an absolute IRI")]
    [InlineData(new[] { "push", "--sparql", "http://127.0.0.1:9/sparql", "--graph-store", "gsp" }, "--graph-store is the store's Graph Store Protocol endpoint, an http or https URL")]
    [InlineData(new[] { "sparql", "http://127.0.0.1:9/sparql" }, "'sparql' needs 2 arguments")]
    [InlineData(new[] { "sparql", "http://127.0.0.1:9/sparql", "ASK {}", "--format", "xml" }, "--format for sparql expects table, json or csv")]
    public void PushAndSparql_BadCommandLine_ExitTwo(string[] args, string message)
    {
        var (code, _, err) = Run(string.Empty, args);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparql_NoStoreListening_ExitsOne()
    {
        var (code, _, err) = Run(string.Empty, "sparql", "http://127.0.0.1:9/sparql", "ASK {}");
        Assert.Equal(1, code);
        Assert.StartsWith("kg: The SPARQL store at http://127.0.0.1:9/sparql refused the ASK query: no answer: ", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * {}", "SELECT")]
    [InlineData("PREFIX a: <http://x/ask#> # CONSTRUCT\n ask { }", "ASK")]
    [InlineData("BASE <http://x/> PREFIX : <y> CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT")]
    [InlineData("describe <http://x/>", "DESCRIBE")]
    [InlineData("SELEC * WHERE { ?s ?p ?o }", "SELECT")]
    [InlineData("{ } <", "SELECT")]
    public void Form_Query_IsTheFirstKeywordAfterThePrologue(string query, string form) =>
        Assert.Equal(form, SparqlCommand.Form(query));
}
