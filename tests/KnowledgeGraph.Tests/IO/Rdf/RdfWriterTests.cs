using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.Tests.IO.Rdf;

public class RdfWriterTests
{
    private const string Id = "<https://knowledge-graph.dev/id/";

    [Fact]
    public void NTriples_SmallGraph_UsesSchemaOrgAndTheIriScheme()
    {
        string nt = NTriplesWriter.ToNTriples(TestGraphs.Small());
        Assert.Contains(Id + "person:alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .\n", nt);
        Assert.Contains(Id + "person:alice> <http://schema.org/name> \"Alice Smith\" .\n", nt);
        Assert.Contains(Id + "person:alice> <http://schema.org/alternateName> \"Ms. Smith\" .\n", nt);
        Assert.Contains(Id + "person:alice> <http://schema.org/jobTitle> \"Envoy\" .\n", nt);
        Assert.Contains(Id + "event:summit> <http://schema.org/attendee> " + Id + "person:alice> .\n", nt);
        Assert.Contains(Id + "event:summit> <http://schema.org/startDate> \"2026-02-13\"^^<http://www.w3.org/2001/XMLSchema#date> .\n", nt);
        Assert.Contains(Id + "event:summit> <http://schema.org/location> " + Id + "place:paris> .\n", nt);
        Assert.Contains(Id + "person:carol> <https://knowledge-graph.dev/vocab#PRAISES> " + Id + "person:alice> .\n", nt);
        Assert.Contains(Id + "country:france> <https://knowledge-graph.dev/vocab#iso> \"FR\" .\n", nt);
        Assert.Contains("<https://knowledge-graph.dev/rel/person:alice/MEETS/person:bob> <https://knowledge-graph.dev/vocab#certainty> \"explicit\" .\n", nt);
        Assert.Contains("<https://knowledge-graph.dev/rel/person:alice/MEETS/person:bob/evidence/1> <https://knowledge-graph.dev/vocab#text> \"Alice met Bob in Paris.\" .\n", nt);
        Assert.Contains("<https://knowledge-graph.dev/rel/person:alice/MEETS/person:bob/evidence/1> <https://knowledge-graph.dev/vocab#start> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", nt);
        Assert.DoesNotContain("<<", nt);
        Assert.DoesNotContain("_:", nt);
    }

    [Fact]
    public void NTriples_TrickyGraph_EscapesLiteralsAndIris()
    {
        string nt = NTriplesWriter.ToNTriples(TestGraphs.Tricky());
        Assert.Contains("\"Quote \\\" and 'apostrophe'\"", nt);
        Assert.Contains("\"Back\\\\slash \\\\n not a newline\"", nt);
        Assert.Contains("\"Line\\nbreak\\r\\nand\\ttab\"", nt);
        Assert.Contains("\"Ünïcödé — 北京 🚀 \u2028\u2029\"", nt);
        Assert.Contains(Id + "person:quote%22d>", nt);
        Assert.Contains(Id + "x%20y%2Fz%3F%23%26%3C%3E>", nt);
        Assert.Contains(Id + "%C3%BCn%C3%AF:%E5%8C%97%E4%BA%AC>", nt);
        Assert.Contains("<https://knowledge-graph.dev/vocab#Weird%22%3CKind%3E%26>", nt);
        Assert.Contains("\"1.0E-300\"^^<http://www.w3.org/2001/XMLSchema#double>", nt);
        Assert.Contains("\"2.0E0\"^^<http://www.w3.org/2001/XMLSchema#double>", nt);
        foreach (string line in nt.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.EndsWith(" .", line);
        }
    }

    [Fact]
    public void NTriples_ParallelRelations_GetDistinctStatementNodes()
    {
        string nt = NTriplesWriter.ToNTriples(TestGraphs.Tricky());
        const string rel = "<https://knowledge-graph.dev/rel/person:quote%22d/ATTENDS/person:back%5Cslash";
        Assert.Contains(rel + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", nt);
        Assert.Contains(rel + "/2> <https://knowledge-graph.dev/vocab#time> \"later\" .", nt);
        Assert.Single(nt.Split('\n'), l => l.StartsWith(Id + "person:back%5Cslash> <http://schema.org/attendee> " + Id + "person:quote%22d>", StringComparison.Ordinal));
    }

    [Fact]
    public void Turtle_Seed_DeclaresPrefixesAndGroupsBySubject()
    {
        string ttl = TurtleWriter.ToTurtle(Graph.LoadSeed());
        Assert.StartsWith("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n@prefix xsd:", ttl);
        Assert.Contains("\n" + Id + "person:mark-rutte>\n    a schema:Person ;\n", ttl);
        Assert.Contains("    schema:name \"Mark Rutte\" ;\n", ttl);
        Assert.EndsWith(" .\n", ttl);
    }

    [Fact]
    public void JsonLd_Seed_HasInlineSchemaOrgContext()
    {
        string json = JsonLdWriter.ToJsonLd(Graph.LoadSeed());
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var context = doc.RootElement.GetProperty("@context");
        Assert.Equal("http://schema.org/", context.GetProperty("schema").GetString());
        Assert.Equal(RdfMapping.Vocabulary, context.GetProperty("kg").GetString());
        var rutte = doc.RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@id").GetString() == RdfMapping.EntityIri("person:mark-rutte"));
        Assert.Equal("schema:Person", rutte.GetProperty("@type")[0].GetString());
        Assert.Equal("Mark Rutte", rutte.GetProperty("schema:name")[0].GetString());
    }

    [Theory]
    [InlineData(2.0, "2.0E0")]
    [InlineData(5.5, "5.5E0")]
    [InlineData(-0.001, "-1.0E-3")]
    [InlineData(1e-300, "1.0E-300")]
    [InlineData(123456.789, "1.23456789E5")]
    [InlineData(0.0, "0.0E0")]
    [InlineData(double.PositiveInfinity, "INF")]
    [InlineData(double.NaN, "NaN")]
    public void DoubleLexical_IsCanonical(double value, string expected)
    {
        Assert.Equal(expected, RdfMapping.DoubleLexical(value));
    }

    [Fact]
    public void Writers_Twice_GiveSameBytes()
    {
        var g = TestGraphs.Tricky();
        Assert.Equal(NTriplesWriter.ToNTriples(g), NTriplesWriter.ToNTriples(g));
        Assert.Equal(TurtleWriter.ToTurtle(g), TurtleWriter.ToTurtle(g));
        Assert.Equal(JsonLdWriter.ToJsonLd(g), JsonLdWriter.ToJsonLd(g));
    }
}
