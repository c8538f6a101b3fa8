using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Workload W3 of the shared benchmark contract (typed 2-hop: for each of 1,000 Person starts s,
/// the distinct t with s -PRAISES-> u -MEMBER_OF-> t; sum of the set sizes and count of non-empty
/// sets) written as one Cypher query, beside a hand-written traversal of the same CSR graph. Analysed
/// queries are cached by text; <see cref="QueryParsedEachTime"/> measures the query with parsing and analysis.
/// The graph comes from the shared generator (size S by default): set <c>KG_BENCH_DATA</c> to the
/// folder holding <c>nodes.tsv</c> and <c>edges.tsv</c> (default: <c>kg-bench-data/S</c> in the temp folder).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QueryBenchmarks
{
    private const string W3Query = """
        UNWIND $ids AS sid
        MATCH (s)-[:PRAISES]->()-[:MEMBER_OF]->(t)
        WHERE id(s) = sid
        WITH sid, count(DISTINCT t) AS reach
        RETURN sum(reach) AS sum, count(*) AS nonempty
        """;

    private Graph _graph = Graph.Empty;
    private string[] _startIds = [];
    private int[] _starts = [];
    private Dictionary<string, object?> _parameters = [];

    [GlobalSetup]
    public void Setup()
    {
        string dir = Environment.GetEnvironmentVariable("KG_BENCH_DATA") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "kg-bench-data", "S");
        var (graph, persons) = LoadTsv(dir);
        _graph = graph;
        int k = persons.Count / 1000;
        _startIds = [.. Enumerable.Range(0, 1000).Select(j => persons[j * k])];
        _starts = [.. _startIds.Select(id => _graph.IndexOf(new EntityId(id)))];
        _parameters = new Dictionary<string, object?> { ["ids"] = _startIds };
        string query = Checksum(Query()), hand = Checksum(HandWritten());
        Console.WriteLine("W3 query: " + query + "; hand-written: " + hand);
        if (query != hand)
        {
            throw new InvalidOperationException($"The query ({query}) and the hand-written traversal ({hand}) disagree.");
        }

        if (persons.Count == 6000 && query != "sum=14322 nonempty=384")
        {
            throw new InvalidOperationException($"W3 checksum on S is {query}; the contract says sum=14322 nonempty=384.");
        }
    }

    private static string Checksum((long Sum, long Nonempty) r) => string.Create(CultureInfo.InvariantCulture, $"sum={r.Sum} nonempty={r.Nonempty}");

    [Benchmark(Baseline = true)]
    public (long Sum, long Nonempty) HandWritten()
    {
        var t = _graph.Topology;
        int praises = _graph.TypeCode(RelationType.Praises), memberOf = _graph.TypeCode(RelationType.MemberOf);
        var seen = new HashSet<int>();
        long sum = 0, nonempty = 0;
        foreach (int s in _starts)
        {
            seen.Clear();
            for (int e = t.OutOffsets[s]; e < t.OutOffsets[s + 1]; e++)
            {
                if (t.EdgeType[e] != praises)
                {
                    continue;
                }

                int u = t.EdgeTarget[e];
                for (int f = t.OutOffsets[u]; f < t.OutOffsets[u + 1]; f++)
                {
                    if (t.EdgeType[f] == memberOf)
                    {
                        seen.Add(t.EdgeTarget[f]);
                    }
                }
            }

            sum += seen.Count;
            nonempty += seen.Count > 0 ? 1 : 0;
        }

        return (sum, nonempty);
    }

    [Benchmark]
    public (long Sum, long Nonempty) Query()
    {
        var row = _graph.Query(W3Query, _parameters)[0];
        return ((long)row["sum"]!, (long)row["nonempty"]!);
    }

    private long _fresh;

    /// <summary>The same query made new text each time (a numbered comment), so it is parsed and analysed on every call.</summary>
    [Benchmark]
    public (long Sum, long Nonempty) QueryParsedEachTime()
    {
        string text = W3Query + "\n// " + (_fresh++).ToString(CultureInfo.InvariantCulture);
        var row = _graph.Query(text, _parameters)[0];
        return ((long)row["sum"]!, (long)row["nonempty"]!);
    }

    /// <summary>A minimal reader of the generator's TSV files (id, kind, name / source, type, target).</summary>
    private static (Graph Graph, List<string> Persons) LoadTsv(string dir)
    {
        var builder = new GraphBuilder(Schema.Open);
        var persons = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(dir, "nodes.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            builder.AddEntity(new Entity(new EntityId(f[0]), new EntityKind(f[1]), f[2]));
            if (f[1] == "Person")
            {
                persons.Add(f[0]);
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(dir, "edges.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            builder.AddRelation(new EntityId(f[0]), new RelationType(f[1]), new EntityId(f[2]));
        }

        return (builder.Build(), persons);
    }
}
