using System.Globalization;
using KnowledgeGraph.IO.Sparql;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.IO.Sparql;

/// <summary>
/// The same questions over the seed, asked once in Cypher of the graph in process and once in SPARQL of the
/// seed pushed into the store: the same answers (rows compared as sets, each value as text).
/// </summary>
public class SparqlParityTests(SparqlParityTests.SeedInStore seed) : IClassFixture<SparqlParityTests.SeedInStore>
{
    private const string Prefixes = """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX schema: <http://schema.org/>
        PREFIX kg: <https://knowledge-graph.dev/vocab#>

        """;

    /// <summary>Name, Cypher, SPARQL (<c>FROM {G}</c> is the seed's named graph).</summary>
    public static TheoryData<string, string, string> Questions { get; } = new()
    {
        { "people count", "MATCH (p:Person) RETURN count(*) AS n", "SELECT (COUNT(?p) AS ?n) FROM {G} WHERE { ?p a schema:Person }" },
        { "entity count", "MATCH (n) RETURN count(*) AS n", "SELECT (COUNT(?n) AS ?c) FROM {G} WHERE { ?n schema:identifier ?id FILTER(STRSTARTS(STR(?n), \"https://knowledge-graph.dev/id/\")) }" },
        { "people's names", "MATCH (p:Person) RETURN p.name", "SELECT ?name FROM {G} WHERE { ?p a schema:Person ; schema:name ?name }" },
        { "who praises Trump", "MATCH (p)-[:PRAISES]->({name: 'Donald Trump'}) RETURN p.name", "SELECT ?n FROM {G} WHERE { ?p kg:PRAISES ?t . ?t schema:name \"Donald Trump\" . ?p schema:name ?n }" },
        { "who attends which event", "MATCH (x)-[:ATTENDS]->(e:Event) RETURN x.name, e.name", "SELECT ?xn ?en FROM {G} WHERE { ?e schema:attendee ?x ; a schema:Event ; schema:name ?en . ?x schema:name ?xn }" },
        { "relations by type", "MATCH ()-[r]->() RETURN type(r), count(*)", "SELECT ?t (COUNT(?s) AS ?n) FROM {G} WHERE { ?s a rdf:Statement ; kg:relationType ?t } GROUP BY ?t" },
        { "events by place held in", "MATCH (e:Event)-[:HELD_IN]->(p) RETURN p.name, count(*)", "SELECT ?pn (COUNT(?s) AS ?n) FROM {G} WHERE { ?s kg:relationType \"HELD_IN\" ; rdf:object ?p . ?p schema:name ?pn } GROUP BY ?pn" },
        { "alias lookup", "MATCH (n) WHERE 'Mr. Rutte' IN n.aliases RETURN n.id", "SELECT ?id FROM {G} WHERE { ?n schema:alternateName \"Mr. Rutte\" ; schema:identifier ?id }" },
        { "aliases per person", "MATCH (p:Person) RETURN p.id, size(p.aliases)", "SELECT ?id (COUNT(?a) AS ?n) FROM {G} WHERE { ?p a schema:Person ; schema:identifier ?id OPTIONAL { ?p schema:alternateName ?a } } GROUP BY ?id" },
        { "people's roles", "MATCH (p:Person) WHERE p.role IS NOT NULL RETURN p.name, p.role", "SELECT ?n ?r FROM {G} WHERE { ?p a schema:Person ; schema:name ?n ; schema:jobTitle ?r }" },
        { "countries and ISO codes", "MATCH (c:Country) RETURN c.name, c.iso", "SELECT ?n ?iso FROM {G} WHERE { ?c a schema:Country ; schema:name ?n OPTIONAL { ?c kg:iso ?iso } }" },
        { "event dates", "MATCH (e:Event) RETURN e.name, e.date", "SELECT ?n ?d FROM {G} WHERE { ?e a schema:Event ; schema:name ?n OPTIONAL { ?e schema:startDate ?d } }" },
        { "two hops: attendee to place", "MATCH (p:Person)-[:ATTENDS]->(e)-[:HELD_IN]->(pl) RETURN DISTINCT p.name, pl.name", "SELECT DISTINCT ?pn ?ln FROM {G} WHERE { ?e schema:attendee ?p . ?p a schema:Person ; schema:name ?pn . ?s kg:relationType \"HELD_IN\" ; rdf:subject ?e ; rdf:object ?l . ?l schema:name ?ln }" },
        { "does anyone criticize Putin", "MATCH (a)-[:CRITICIZES]->({name: 'Vladimir Putin'}) RETURN count(*) > 0", "ASK FROM {G} WHERE { ?a kg:CRITICIZES ?b . ?b schema:name \"Vladimir Putin\" }" },
        { "does anyone praise NATO's press briefing", "MATCH (a)-[:PRAISES]->({name: 'NATO press briefing'}) RETURN count(*) > 0", "ASK FROM {G} WHERE { ?a kg:PRAISES ?b . ?b schema:name \"NATO press briefing\" }" },
        { "out-degree per entity", "MATCH (a)-[r]->() RETURN a.id, count(r)", "SELECT ?id (COUNT(?s) AS ?n) FROM {G} WHERE { ?s kg:relationType ?t ; rdf:subject ?x ; rdf:object ?y BIND(IF(?t IN (\"ATTENDS\", \"ORGANIZES\"), ?y, ?x) AS ?a) ?a schema:identifier ?id } GROUP BY ?id" },
        { "relations with a time", "MATCH (a)-[r]->(b) WHERE r.time IS NOT NULL RETURN a.id, type(r), b.id, r.time", "SELECT ?ai ?t ?bi ?time FROM {G} WHERE { ?s kg:relationType ?t ; kg:time ?time ; rdf:subject ?x ; rdf:object ?y BIND(IF(?t IN (\"ATTENDS\", \"ORGANIZES\"), ?y, ?x) AS ?a) BIND(IF(?t IN (\"ATTENDS\", \"ORGANIZES\"), ?x, ?y) AS ?b) ?a schema:identifier ?ai . ?b schema:identifier ?bi }" },
        { "amounts", "MATCH ()-[r]->() WHERE r.amount IS NOT NULL RETURN type(r), r.amount", "SELECT ?t ?amount FROM {G} WHERE { ?s kg:relationType ?t ; kg:amount ?amount }" },
        { "implied relations", "MATCH ()-[r {certainty: 'implied'}]->() RETURN count(*)", "SELECT (COUNT(?s) AS ?n) FROM {G} WHERE { ?s kg:certainty \"implied\" }" },
        { "evidence sentences", "MATCH ()-[r]->() RETURN sum(size(evidence(r)))", "SELECT (COUNT(?e) AS ?n) FROM {G} WHERE { ?s kg:evidence ?e }" },
        { "members of NATO", "MATCH (x)-[:MEMBER_OF]->({id: 'organization:nato'}) RETURN x.name", "SELECT ?n FROM {G} WHERE { ?x schema:memberOf ?o . ?o schema:identifier \"organization:nato\" . ?x schema:name ?n }" },
        { "places starting with M", "MATCH (p:Place) WHERE p.name STARTS WITH 'M' RETURN p.name", "SELECT ?n FROM {G} WHERE { ?p a schema:Place ; schema:name ?n FILTER(STRSTARTS(?n, \"M\")) }" },
        { "who leads what", "MATCH (p)-[:LEADS]->(o) RETURN p.name, o.name", "SELECT ?pn ?on FROM {G} WHERE { ?p kg:LEADS ?o . ?p schema:name ?pn . ?o schema:name ?on }" },
        { "praise and criticize", "MATCH (p)-[:PRAISES]->(), (p)-[:CRITICIZES]->() RETURN DISTINCT p.name", "SELECT DISTINCT ?n FROM {G} WHERE { ?p kg:PRAISES ?x ; kg:CRITICIZES ?y ; schema:name ?n }" },
        { "neighbours of NATO", "MATCH ({id: 'organization:nato'})--(m) RETURN DISTINCT m.id", "SELECT DISTINCT ?id FROM {G} WHERE { ?n schema:identifier \"organization:nato\" . { ?n ?p ?m } UNION { ?m ?p ?n } ?m schema:identifier ?id FILTER(STRSTARTS(STR(?m), \"https://knowledge-graph.dev/id/\")) }" },
        { "kinds with more than ten entities", "MATCH (n) WITH labels(n)[0] AS kind, count(*) AS c WHERE c > 10 RETURN kind, c", "SELECT (STRAFTER(STR(?k), \"http://schema.org/\") AS ?kind) (COUNT(?n) AS ?c) FROM {G} WHERE { ?n a ?k ; schema:identifier ?id FILTER(STRSTARTS(STR(?n), \"https://knowledge-graph.dev/id/\")) } GROUP BY ?k HAVING (COUNT(?n) > 10)" },
    };

    [SkippableTheory]
    [MemberData(nameof(Questions))]
    public async Task Question_CypherInProcessAndSparqlInTheStore_GiveTheSameAnswers(string question, string cypher, string sparql)
    {
        string graphIri = await seed.GraphIriAsync();
        var expected = Rows(Graph.LoadSeed().Query(cypher));
        Assert.NotEmpty(expected);
        string query = Prefixes + sparql.Replace("{G}", "<" + graphIri + ">", StringComparison.Ordinal);
        List<string> actual = sparql.StartsWith("ASK", StringComparison.Ordinal)
            ? [Text(await seed.Endpoint.AskAsync(query))]
            : Rows(await seed.Endpoint.SelectAsync(query));
        Assert.True(expected.SequenceEqual(actual), $"{question}: Cypher gave\n  {string.Join("\n  ", expected)}\nSPARQL gave\n  {string.Join("\n  ", actual)}");
    }

    [Fact]
    public void Questions_AreAtLeastTwenty() => Assert.True(Questions.Count >= 20);

    private static List<string> Rows(QueryResult r) =>
        [.. r.Select(row => string.Join(" | ", row.Values.Select(Text))).Order(StringComparer.Ordinal)];

    private static string Text(object? v) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? string.Empty,
    };

    /// <summary>The seed pushed once into a named graph of its own, cleared when the tests end.</summary>
    public sealed class SeedInStore : IDisposable
    {
        private readonly string _graphIri = Store.NewGraphIri("parity");
        private readonly SemaphoreSlim _lock = new(1, 1);
        private SparqlEndpoint? _endpoint;
        private bool _pushed;

        public SparqlEndpoint Endpoint => _endpoint ?? throw new InvalidOperationException("No store yet.");

        public async Task<string> GraphIriAsync()
        {
            await _lock.WaitAsync();
            try
            {
                _endpoint ??= Store.Require();
                if (!_pushed)
                {
                    await _endpoint.PushAsync(Graph.LoadSeed(), _graphIri);
                    _pushed = true;
                }

                return _graphIri;
            }
            finally
            {
                _lock.Release();
            }
        }

        public void Dispose()
        {
            if (_endpoint is not null)
            {
                if (_pushed)
                {
                    _endpoint.ClearAsync(_graphIri).GetAwaiter().GetResult();
                }

                _endpoint.Dispose();
            }

            _lock.Dispose();
        }
    }
}
