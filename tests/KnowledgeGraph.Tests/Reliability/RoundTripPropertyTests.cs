using CsCheck;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.Tests.Reliability;

/// <summary>Generated graphs (random kinds, types, tricky names, properties, evidence) survive write → read, and writing twice gives the same bytes.</summary>
public class RoundTripPropertyTests
{
    private static readonly char[] Tricky = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '\t', '<', '>', '&', '\'', '/', '{', '}', ',', ';', ':', 'é', 'ß', '中', '\u2028', '\u0001', '\u007f', '–', '“', '”', '#'];

    internal static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char[new string(Tricky)], 0, 24],
        Gen.Const("🚀 emoji"),
        Gen.Const(string.Empty),
        Gen.String[Gen.Char['a', 'z'], 1, 12]);

    private static readonly Gen<PropertyValue> Value = Gen.OneOf(
        Text.Select(PropertyValue.From),
        Gen.Long.Select(PropertyValue.From),
        Gen.Double[-1e300, 1e300].Select(PropertyValue.From),
        Gen.Bool.Select(PropertyValue.From),
        Gen.Const(PropertyValue.Null),
        Gen.Select(Text, Gen.Long, (s, l) => PropertyValue.From([PropertyValue.From(s), PropertyValue.From(l)])));

    private static readonly Gen<PropertyMap> Properties =
        Gen.Select(Gen.String[Gen.Char['a', 'e'], 1, 3], Value).Array[0, 4].Select(pairs => PropertyMap.Create(pairs.Select(p => KeyValuePair.Create(p.Item1, p.Item2))));

    internal static readonly Gen<Graph> Graphs =
        Gen.Select(Gen.Int[1, 12], Gen.Int[0, 30], Gen.Int[0, int.MaxValue], Text.Array[40], Properties.Array[40], Text)
            .Select((n, m, seed, names, props, docText) => Build(n, m, seed, names, props, docText));

    [Fact]
    public void Json_WriteThenRead_GivesAnEqualGraph_AndWritingTwiceGivesTheSameBytes()
    {
        Graphs.Sample(
            g =>
            {
                string json = g.ToJson();
                Assert.Equal(json, g.ToJson());
                var back = JsonGraphReader.Parse(json, new GraphReadOptions { Schema = Schema.Open });
                Assert.Equal(g.Entities, back.Entities);
                Assert.Equal(g.Relations, back.Relations);
                Assert.Equal(g.Documents.ToArray(), back.Documents.ToArray());
                Assert.Equal(json, back.ToJson());
            },
            iter: 400);
    }

    [Fact]
    public void GraphML_WriteThenRead_GivesAnEqualGraph_AndWritingTwiceGivesTheSameBytes()
    {
        Graphs.Sample(
            g =>
            {
                // XML 1.0 cannot hold control characters such as U+0001: the writer refuses such a graph, clearly.
                string xml;
                try
                {
                    xml = KnowledgeGraph.IO.GraphML.GraphMLWriter.ToGraphML(g);
                }
                catch (NotSupportedException ex)
                {
                    Assert.Contains("0x01", ex.Message);
                    Assert.Contains("\\u0001", g.ToJson());
                    return;
                }

                Assert.Equal(xml, KnowledgeGraph.IO.GraphML.GraphMLWriter.ToGraphML(g));
                var back = KnowledgeGraph.IO.GraphML.GraphMLReader.Parse(xml, new GraphReadOptions { Schema = Schema.Open });
                Assert.Equal(g.Entities, back.Entities);
                Assert.Equal(g.Relations, back.Relations);
                Assert.Equal(g.Documents.ToArray(), back.Documents.ToArray());
            },
            iter: 300);
    }

    [Fact]
    public void Cypher_WriteThenLoad_GivesAnEqualGraph_AndRunningTwiceChangesNothing()
    {
        // A MERGE script holds no null properties and one of each set of identical relations (see CypherScript).
        Graphs.Sample(
            g =>
            {
                string cypher = KnowledgeGraph.IO.Cypher.CypherWriter.ToCypher(g);
                Assert.Equal(cypher, KnowledgeGraph.IO.Cypher.CypherWriter.ToCypher(g));
                string expected = KnowledgeGraph.Tests.IO.Cypher.CypherReadBackTests.Storable(g).ToJson();
                Assert.Equal(expected, KnowledgeGraph.IO.Cypher.CypherScript.Load(cypher, Schema.Open).ToJson());
                Assert.Equal(expected, KnowledgeGraph.IO.Cypher.CypherScript.Load(cypher + cypher, Schema.Open).ToJson());
            },
            iter: 200);
    }

    [Fact]
    public void Csv_WriteThenRead_KeepsIdsKindsNamesAndRelationTriples_AndWritingTwiceGivesTheSameBytes()
    {
        // CSV carries no documents or evidence, and properties only within the limits CsvGraphWriter documents;
        // ids, kinds, names (quotes, delimiters, line breaks and all) and relation triples always survive.
        Graphs.Sample(
            g =>
            {
                var (nodes, edges) = WriteCsv(g);
                var (nodes2, edges2) = WriteCsv(g);
                Assert.Equal(nodes, nodes2);
                Assert.Equal(edges, edges2);
                var back = KnowledgeGraph.IO.Csv.CsvGraphReader.Read(new MemoryStream(nodes), new MemoryStream(edges), ',', new GraphReadOptions { Schema = Schema.Open });
                Assert.Equal(g.Entities.Select(e => (e.Id, e.Kind, e.Name)), back.Entities.Select(e => (e.Id, e.Kind, e.Name)));
                Assert.Equal(g.Relations.Select(r => (r.Source, r.Type, r.Target)), back.Relations.Select(r => (r.Source, r.Type, r.Target)));
            },
            iter: 300);
    }

    private static (byte[] Nodes, byte[] Edges) WriteCsv(Graph g)
    {
        using var nodes = new MemoryStream();
        using var edges = new MemoryStream();
        KnowledgeGraph.IO.Csv.CsvGraphWriter.Write(g, nodes, edges);
        return (nodes.ToArray(), edges.ToArray());
    }

    private static Graph Build(int n, int m, int seed, string[] names, PropertyMap[] props, string docText)
    {
        var random = new Random(seed);
        var kinds = new[] { "Person", "Organization", "Country", "Event", "Place", "Ship", "Idea" };
        var types = new[] { "ATTENDS", "PRAISES", "LIKES", "REL_X", "MEETS" };
        var b = new GraphBuilder(Schema.Open);
        string text = docText + " sentence.";
        b.AddDocument(new Document("doc:" + seed, names[0], text));
        for (int i = 0; i < n; i++)
        {
            var aliases = random.Next(3) == 0 ? new[] { names[(i + 1) % names.Length] + "x" } : [];
            var labels = random.Next(4) == 0 ? new[] { "Extra" } : [];
            b.AddEntity(new Entity($"e:{i}/{names[i].Length}", kinds[random.Next(kinds.Length)], names[i], aliases, props[i], labels));
        }

        for (int j = 0; j < m; j++)
        {
            int s = random.Next(n), t = random.Next(n);
            var evidence = random.Next(2) == 0
                ? new[] { new Evidence("doc:" + seed, 0, text.Length, text) }
                : [];
            b.AddRelation(new Relation($"e:{s}/{names[s].Length}", types[random.Next(types.Length)], $"e:{t}/{names[t].Length}", props[(j + 7) % props.Length], evidence));
        }

        return b.Build();
    }
}
