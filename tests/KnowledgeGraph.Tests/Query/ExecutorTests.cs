using KnowledgeGraph.IO.Cypher;
using CsCheck;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.Query;

/// <summary>
/// The streaming executor: LIMIT stopping earlier clauses, grouping, DISTINCT node sets whose rows come
/// apart, the batched last step of a pattern, and relationship uniqueness when its tracking is skipped.
/// Results are checked against traversals written by hand over the same graph.
/// </summary>
public class ExecutorTests
{
    private static readonly RelationType P = new("P");
    private static readonly RelationType M = new("M");

    private static Graph Build(string cypher) => CypherScript.Load(cypher, Schema.Open);

    /// <summary>A graph of up to 24 nodes a0, a1, … with random P and M edges, self-loops and parallel edges included.</summary>
    private static readonly Gen<Graph> Graphs =
        Gen.Int[1, 24].SelectMany(n => Gen.Select(Gen.Int[0, n - 1], Gen.Bool, Gen.Int[0, n - 1]).Array[0, 80].Select(edges =>
        {
            var b = new GraphBuilder(Schema.Open);
            for (int i = 0; i < n; i++)
            {
                b.AddEntity(new Entity(new EntityId("a" + i), new EntityKind(i % 3 == 0 ? "A" : "B"), "n" + i));
            }

            foreach (var (s, isP, t) in edges)
            {
                b.AddRelation(new EntityId("a" + s), isP ? P : M, new EntityId("a" + t));
            }

            return b.Build(GraphBuildOptions.LenientMode);
        }));

    private static readonly Gen<string[]> Starts = Gen.Int[0, 26].Select(i => "a" + i).Array[0, 12];

    private static IEnumerable<(int Mid, int End)> TwoHop(Graph g, int s)
    {
        var t = g.Topology;
        int p = g.TypeCode(P), m = g.TypeCode(M);
        for (int e = t.OutOffsets[s]; e < t.OutOffsets[s + 1]; e++)
        {
            if (t.EdgeType[e] != p)
            {
                continue;
            }

            int u = t.EdgeTarget[e];
            for (int f = t.OutOffsets[u]; f < t.OutOffsets[u + 1]; f++)
            {
                if (t.EdgeType[f] == m)
                {
                    yield return (u, t.EdgeTarget[f]);
                }
            }
        }
    }

    private static List<string> Lines(QueryResult r) => r.Select(row => string.Join("|", row.Select(Show))).ToList();

    private static string Show(object? v) => v switch
    {
        null => string.Empty,
        string s => s,
        Entity e => e.Name,
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Show)) + "]",
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    [Fact]
    public void GroupedDistinctCount_RandomGraphs_EqualsHandTraversal()
    {
        const string Query = """
            UNWIND $ids AS sid
            MATCH (s)-[:P]->()-[:M]->(t) WHERE id(s) = sid
            WITH sid, count(DISTINCT t) AS reach, count(*) AS paths
            RETURN sid, reach, paths ORDER BY sid
            """;
        Gen.Select(Graphs, Starts).Sample((g, ids) =>
        {
            var expected = new List<string>();
            foreach (var sid in ids.Distinct().Order(StringComparer.Ordinal))
            {
                if (!g.TryIndexOf(new EntityId(sid), out int s))
                {
                    continue;
                }

                var hops = TwoHop(g, s).ToList();
                if (hops.Count > 0)
                {
                    int times = ids.Count(x => x == sid);
                    expected.Add($"{sid}|{hops.Select(h => h.End).Distinct().Count()}|{hops.Count * times}");
                }
            }

            var actual = Lines(g.Query(Query, new Dictionary<string, object?> { ["ids"] = ids }));
            Assert.Equal(expected, actual);
        }, iter: 300);
    }

    [Fact]
    public void BatchedLastStep_RandomGraphs_SameAsRowByRow()
    {
        // The residual predicate on t makes the matcher hand rows on one by one instead of as a batch.
        string[] queries =
        [
            "UNWIND $ids AS sid MATCH (s)-[:P]->()-[:M]->(t) WHERE id(s) = sid {0} WITH sid, count(DISTINCT t) AS c RETURN sum(c), count(*)",
            "UNWIND $ids AS sid MATCH (s)-[:P]->(t) WHERE id(s) = sid {0} RETURN count(*), count(t), count(DISTINCT t)",
            "MATCH (s:A)-[:M]->()-[:P]->(t) WHERE true {0} WITH s, count(DISTINCT t) AS c RETURN id(s), c ORDER BY id(s)",
            "UNWIND $ids AS sid OPTIONAL MATCH (s)-[:P]->()-[:P]->(t) WHERE id(s) = sid {0} WITH sid, count(DISTINCT t) AS c RETURN sid, c ORDER BY sid, c",
            "MATCH (s)-[:P]->()-[:M]->(t) WHERE true {0} RETURN count(DISTINCT t), count(*)",
        ];
        Gen.Select(Graphs, Starts).Sample((g, ids) =>
        {
            var p = new Dictionary<string, object?> { ["ids"] = ids };
            foreach (var q in queries)
            {
                var batched = Lines(g.Query(string.Format(System.Globalization.CultureInfo.InvariantCulture, q, string.Empty), p));
                var rowByRow = Lines(g.Query(string.Format(System.Globalization.CultureInfo.InvariantCulture, q, "AND t IS NOT NULL"), p));
                Assert.Equal(rowByRow, batched);
            }
        }, iter: 200);
    }

    [Fact]
    public void DistinctNodes_GroupRowsComeApart_SetsAreUnited()
    {
        var g = Build("""
            CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (x:T {name: 'x'}), (y:T {name: 'y'}), (z:T {name: 'z'})
            CREATE (a)-[:R]->(x), (a)-[:R]->(y), (b)-[:R]->(y), (b)-[:R]->(z)
            """);

        // Group 'k' gets a's ends, then group 'l' b's, then 'k' again b's: k must see x, y, z once each.
        var r = g.Query("""
            UNWIND [['k', 'a'], ['l', 'b'], ['k', 'b'], ['k', 'a']] AS pair
            MATCH (s {name: pair[1]})-[:R]->(t)
            WITH pair[0] AS key, count(DISTINCT t) AS c, collect(DISTINCT t.name) AS names, count(t) AS all
            RETURN key, c, names, all ORDER BY key
            """);
        Assert.Equal(["k|3|[x,y,z]|6", "l|2|[y,z]|2"], Lines(r));

        // The same through the batched path: the grouping key does not read t.
        var batched = g.Query("""
            UNWIND ['a', 'b', 'a', 'b', 'a'] AS start
            MATCH (s {name: start})-[:R]->(t)
            WITH start = 'a' OR start = 'b' AS key, count(DISTINCT t) AS c, count(*) AS paths
            RETURN key, c, paths
            """);
        Assert.Equal(["True|3|10"], Lines(batched));
    }

    [Fact]
    public void Limit_StopsEarlierClauses_AndLaterClausesStillRun()
    {
        var g = Build("UNWIND range(1, 50) AS i CREATE (:N {name: 'n' + toString(i), i: i})");
        Assert.Equal(3, g.Query("MATCH (n:N) RETURN n LIMIT 3").Count);
        Assert.Empty(g.Query("MATCH (n:N) RETURN n LIMIT 0"));
        Assert.Equal(["3"], Lines(g.Query("MATCH (n:N) WITH n LIMIT 3 RETURN count(*)")));
        Assert.Equal(["0"], Lines(g.Query("MATCH (n:N) WITH n LIMIT 0 RETURN count(*)")));
        Assert.Equal(7, g.Query("MATCH (n:N) WITH n LIMIT 5 MATCH (m:N) RETURN n, m LIMIT 7").Count);
        Assert.Equal(["48"], Lines(g.Query("MATCH (n:N) WITH n SKIP 2 RETURN count(*)")));
        Assert.Equal(["[3,4,5]"], Lines(g.Query("MATCH (n:N) WITH n ORDER BY n.i SKIP 2 LIMIT 3 RETURN collect(n.i)")));
        Assert.Equal(["2"], Lines(g.Query("UNWIND [1, 2, 3, 4] AS x WITH x LIMIT 3 WHERE x > 1 RETURN count(*)")));
    }

    [Fact]
    public void Limit_AfterCreate_DoesNotCutTheWrites()
    {
        var b = new GraphBuilder(Schema.Open);
        CypherScript.Apply(b, "UNWIND [1, 2, 3] AS x CREATE (n:X {x: x}) WITH n LIMIT 1 RETURN n");
        Assert.Equal(3, b.EntityCount);
    }

    [Fact]
    public void Limit_NegativeOrNotInteger_FailsEvenWithoutRows()
    {
        var g = Build("CREATE (:N)");
        Assert.Equal("NegativeIntegerArgument", Assert.Throws<QuerySemanticException>(() => g.Query("MATCH (n:Missing) RETURN n LIMIT -1")).Code);
        Assert.Equal("InvalidArgumentType", Assert.Throws<QuerySemanticException>(() => g.Query("MATCH (n:Missing) RETURN n SKIP 'x'")).Code);
    }

    [Fact]
    public void RelationshipUniqueness_SameTypeTwice_NeverReusesAnEdge()
    {
        // One self-loop: (x)-[:T]->(x)-[:T]->(x) would use the same edge twice.
        var loop = Build("CREATE (x:N {name: 'x'}) CREATE (x)-[:T]->(x)");
        Assert.Equal(["0"], Lines(loop.Query("MATCH (a)-[:T]->(b)-[:T]->(c) RETURN count(*)")));
        Assert.Equal(["1"], Lines(loop.Query("MATCH (a)-[:T]->(b) RETURN count(*)")));

        // Different types can never share an edge, whatever the graph.
        var two = Build("CREATE (x:N {name: 'x'}) CREATE (x)-[:T]->(x), (x)-[:U]->(x)");
        Assert.Equal(["1"], Lines(two.Query("MATCH (a)-[:T]->(b)-[:U]->(c) RETURN count(*)")));
        Assert.Equal(["2"], Lines(two.Query("MATCH (a)-[:T|U]->(b)-[:U|T]->(c) RETURN count(*)")));
    }

    [Fact]
    public void BatchedLastStep_EndIsAnEarlierVariable_ChecksTheCycle()
    {
        var g = Build("""
            CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'})
            CREATE (a)-[:P]->(b), (b)-[:M]->(a), (b)-[:M]->(c), (c)-[:P]->(a)
            """);

        // a -P-> b -M-> a closes; c -P-> a has no M out.
        Assert.Equal(["a"], Lines(g.Query("MATCH (s)-[:P]->()-[:M]->(s) RETURN s.name")));
        Assert.Equal(["1"], Lines(g.Query("MATCH (s)-[:P]->()-[:M]->(s) RETURN count(DISTINCT s)")));
        Assert.Equal(["2|2"], Lines(g.Query("MATCH (s)-[:P]->()-[:M]->(t) RETURN count(DISTINCT t), count(*)")));
    }

    [Fact]
    public void Grouping_ManyKeysAndNullKeys_GroupsByValue()
    {
        var g = Build("CREATE (:N {k: 1, j: 'a'}), (:N {k: 1, j: 'b'}), (:N {k: 2, j: 'a'}), (:N {j: 'a'}), (:N)");
        Assert.Equal(["|2", "1|2", "2|1"], Lines(g.Query("MATCH (n:N) RETURN n.k AS k, count(*) AS c ORDER BY k IS NOT NULL, k")));
        Assert.Equal(["||1", "|a|1", "1|a|1", "1|b|1", "2|a|1"], Lines(g.Query("MATCH (n:N) RETURN n.k AS k, n.j AS j, count(*) ORDER BY k IS NOT NULL, k, j IS NOT NULL, j")));
        Assert.Equal(["4|1.3333333333333333|2"], Lines(g.Query("MATCH (n:N) RETURN sum(n.k), avg(n.k), max(n.k)")));
        Assert.Equal(["0||"], Lines(g.Query("MATCH (n:Missing) RETURN count(n), avg(n.k), max(n.k)")));
    }

    [Fact]
    public void SameQueryText_OtherGraphsParametersAndThreads_AnswersEach()
    {
        const string Query = "MATCH (n:N) WHERE n.i >= $min RETURN count(*) AS c";
        var small = Build("UNWIND range(1, 5) AS i CREATE (:N {i: i})");
        var large = Build("UNWIND range(1, 500) AS i CREATE (:N {i: i})");
        Assert.Equal(["5"], Lines(small.Query(Query, new Dictionary<string, object?> { ["min"] = 0 })));
        Assert.Equal(["500"], Lines(large.Query(Query, new Dictionary<string, object?> { ["min"] = 0 })));
        Assert.Equal(["2"], Lines(small.Query(Query, new Dictionary<string, object?> { ["min"] = 4 })));
        var counts = new long[64];
        Parallel.For(0, counts.Length, i => counts[i] = (long)large.Query(Query, new Dictionary<string, object?> { ["min"] = i })[0]["c"]!);
        Assert.Equal(Enumerable.Range(0, counts.Length).Select(i => (long)Math.Min(500, 501 - Math.Max(i, 1))), counts);

        // A query that fails fails every time, with the same message.
        var first = Assert.Throws<QuerySyntaxException>(() => small.Query("MATCH (n RETURN n"));
        var again = Assert.Throws<QuerySyntaxException>(() => small.Query("MATCH (n RETURN n"));
        Assert.Equal(first.Message, again.Message);
    }

    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    /// <summary>Graphs whose names collide once case, accents and punctuation are ignored, some with aliases, some with id or name properties of their own.</summary>
    private static readonly Gen<Graph> NamedGraphs =
        Gen.Select(Gen.Int[1, 16], Gen.Bool, Gen.Bool).SelectMany(t => Gen.Select(
            Pick("Ann", "ann", "ANN!", "Änn", "Bob", "bob", "!!!", "Cid").Array[t.Item1],
            Gen.Select(Gen.Int[0, t.Item1 - 1], Pick(P, M), Gen.Int[0, t.Item1 - 1]).Array[0, 40],
            Gen.Int[0, t.Item1 - 1]).Select((names, edges, special) =>
        {
            var b = new GraphBuilder(Schema.Open);
            for (int i = 0; i < names.Length; i++)
            {
                var props = new List<KeyValuePair<string, PropertyValue>>();
                if (i == special && t.Item2)
                {
                    props.Add(new("name", "Bob"));
                }

                if (i == special && t.Item3)
                {
                    props.Add(new("id", "a0"));
                }

                b.AddEntity(new Entity(new EntityId("a" + i), new EntityKind(i % 2 == 0 ? "A" : "B"), names[i], i % 3 == 0 ? ["Ann"] : null, PropertyMap.Create(props)));
            }

            foreach (var (s, type, target) in edges)
            {
                b.AddRelation(new EntityId("a" + s), type, new EntityId("a" + target));
            }

            return b.Build(GraphBuildOptions.LenientMode);
        }));

    [Fact]
    public void IndexStarts_RandomGraphs_SameRowsAsScans()
    {
        // Each pair: a pattern the planner starts from an index (id, name, relation type) and the same
        // question with the condition in WHERE, which it answers by scanning.
        (string Indexed, string Scanned)[] pairs =
        [
            ("MATCH (n {name: $v}) RETURN id(n)", "MATCH (n) WHERE n.name = $v RETURN id(n)"),
            ("MATCH (n {id: $id}) RETURN id(n)", "MATCH (n) WHERE n.id = $id RETURN id(n)"),
            ("MATCH (n:A {name: $v})-[:P]->(m) RETURN id(n), id(m)", "MATCH (n:A)-[:P]->(m) WHERE n.name = $v RETURN id(n), id(m)"),
            ("MATCH (m)<-[:M]-(n {name: $v}) RETURN id(n), id(m)", "MATCH (m)<-[:M]-(n) WHERE n.name = $v RETURN id(n), id(m)"),
            ("MATCH (a)-[:P]->(b) RETURN id(a), id(b)", "MATCH (a)-[r]->(b) WHERE type(r) = 'P' RETURN id(a), id(b)"),
            ("MATCH (a)<-[:M]-(b) RETURN id(a), id(b)", "MATCH (a)<-[r]-(b) WHERE type(r) = 'M' RETURN id(a), id(b)"),
            ("MATCH (a)-[:M]-(b) RETURN id(a), id(b)", "MATCH (a)-[r]-(b) WHERE type(r) = 'M' RETURN id(a), id(b)"),
            ("MATCH (a)-[:P]->()-[:M]->(b) RETURN id(a), id(b)", "MATCH (a)-[r]->()-[s]->(b) WHERE type(r) = 'P' AND type(s) = 'M' RETURN id(a), id(b)"),
            ("MATCH (a)-[:P]->(x), (x {name: $v})-[:M]->(b) RETURN id(a), id(x), id(b)", "MATCH (a)-[:P]->(x), (x)-[:M]->(b) WHERE x.name = $v RETURN id(a), id(x), id(b)"),
        ];
        Gen.Select(NamedGraphs, Pick<object?>("Ann", "ann", "Bob", "!!!", "Cid", "Dan", 1L, null), Gen.Int[0, 17]).Sample((g, v, id) =>
        {
            var p = new Dictionary<string, object?> { ["v"] = v, ["id"] = "a" + id };
            foreach (var (indexed, scanned) in pairs)
            {
                Assert.Equal(Lines(g.Query(scanned, p)).Order(StringComparer.Ordinal), Lines(g.Query(indexed, p)).Order(StringComparer.Ordinal));
            }
        }, iter: 300);
    }

    [Fact]
    public void ClauseChain_LongestAllowed_RunsOnASmallStack_AndOneMoreIsRefused()
    {
        var g = Build("CREATE (:N {name: 'n'})");
        string longest = "MATCH (n:N) " + string.Concat(Enumerable.Repeat("WITH n ", 254)) + "RETURN n.name";
        QueryResult? result = null;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = g.Query(longest);
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(error);
        Assert.Equal(["n"], Lines(result!));

        var ex = Assert.Throws<QuerySyntaxException>(() => g.Query("MATCH (n:N) " + string.Concat(Enumerable.Repeat("WITH n ", 255)) + "RETURN n.name"));
        Assert.Equal("NestingTooDeep", ex.Code);
        Assert.Contains("at most 256 clauses in one query part", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, g.Query("MATCH (n:N) RETURN n UNION ALL " + string.Concat(Enumerable.Repeat("MATCH (n:N) WITH n ", 127)) + "RETURN n").Count);
    }
}
