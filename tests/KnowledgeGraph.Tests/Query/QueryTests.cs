using KnowledgeGraph.IO.Cypher;
using System.Collections.Immutable;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.Query;

public class QueryTests
{
    private static Graph Build(string cypher) => CypherScript.Load(cypher, Schema.Open);

    private static readonly Graph Small = Build("""
        CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob', age: 25}), (c:Person {name: 'Cid'}),
               (o:Organization {name: 'Org'})
        CREATE (a)-[:KNOWS {since: 2020}]->(b), (b)-[:KNOWS]->(c), (a)-[:MEMBER_OF]->(o), (c)-[:MEMBER_OF]->(o)
        """);

    private static List<object?> Column(QueryResult r, int i = 0) => r.Select(row => row[i]).ToList();

    [Fact]
    public void Parse_MisspelledClause_PinsMessageWithCaret()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query("MATCH (n)\nRETRN n"));
        Assert.Equal("Syntax error (line 2, column 1): unexpected identifier `RETRN`, expected MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH, RETURN or end of input.\nRETRN n\n^", ex.Message);
        Assert.Equal((2, 1, 10), (ex.Line, ex.Column, ex.Offset));
        Assert.Equal("identifier `RETRN`", ex.Found);
        Assert.Equal("SyntaxError", ex.Category);
    }

    [Fact]
    public void Parse_UnclosedNode_SaysWhatWasExpected()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query("MATCH (n:Person RETURN n"));
        Assert.Equal("Syntax error (line 1, column 17): unexpected identifier `RETURN`, expected `)`.\nMATCH (n:Person RETURN n\n                ^", ex.Message);
    }

    [Fact]
    public void Parse_UnterminatedString_PointsAtItsStart()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query("RETURN 'abc"));
        Assert.Equal("Syntax error (line 1, column 8): unexpected end of input, expected ' closing the string.\nRETURN 'abc\n       ^", ex.Message);
    }

    [Fact]
    public void Parse_StrayCharacter_NamesIt()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query("RETURN 1 # 2"));
        Assert.Equal("Syntax error (line 1, column 10): unexpected character `#`, expected a name, number, string, operator or bracket.\nRETURN 1 # 2\n         ^", ex.Message);
    }

    [Theory]
    [InlineData("RETURN 1 AS a UNION RETURN 2 AS a\nUNION ALL RETURN 3 AS a", "Syntax error (line 2, column 1): unexpected `UNION ALL` after `UNION`, expected `UNION` again (a query joins all its parts with UNION or all with UNION ALL).\nUNION ALL RETURN 3 AS a\n^")]
    [InlineData("RETURN 1 AS a UNION ALL RETURN 2 AS a UNION RETURN 3 AS a", "Syntax error (line 1, column 39): unexpected `UNION` after `UNION ALL`, expected `UNION ALL` again (a query joins all its parts with UNION or all with UNION ALL).\nRETURN 1 AS a UNION ALL RETURN 2 AS a UNION RETURN 3 AS a\n                                      ^")]
    public void Parse_UnionMixedWithUnionAll_IsRefusedWhereTheSecondKindStarts(string query, string message)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query(query));
        Assert.Equal("InvalidClauseComposition", ex.Code);
        Assert.Equal(message, ex.Message);
        Assert.Equal(3, Small.Query("RETURN 1 AS a UNION ALL RETURN 2 AS a UNION ALL RETURN 1 AS a").Count);
        Assert.Equal(2, Small.Query("RETURN 1 AS a UNION RETURN 2 AS a UNION RETURN 1 AS a").Count);
    }

    [Fact]
    public void OrderByAfterAggregation_ReadsProjectedColumns_AndRefusesWhatIsNotProjected()
    {
        var g = CypherScript.Load("UNWIND ['A', 'A', 'B', 'C', 'C', 'C'] AS x CREATE (:Entity:Thing {id: toString(rand()), name: x})", Schema.Open);

        // A part written as a projected item is read from its column.
        var rows = g.Query("MATCH (a) WITH a.name AS name, count(*) AS cnt ORDER BY a.name + 'x' DESC LIMIT 1 RETURN name, cnt");
        Assert.Equal(("C", 3L), ((string)rows[0]["name"]!, (long)rows[0]["cnt"]!));

        // The same aggregate as a projected item reads that column.
        rows = g.Query("MATCH (a) WITH a.name AS name, count(a.name) AS cnt ORDER BY 10 - count(a.name), name RETURN name");
        Assert.Equal(["C", "A", "B"], rows.Select(r => (string)r["name"]!));

        // Another aggregate over something not projected is an undefined variable; a projected expression beside an aggregate is ambiguous.
        var undefined = Assert.Throws<QuerySemanticException>(() => g.Query("MATCH (a) WITH a.name AS name, count(*) AS cnt ORDER BY max(a.name) RETURN name"));
        Assert.Equal("UndefinedVariable", undefined.Code);
        var ambiguous = Assert.Throws<QuerySemanticException>(() => g.Query("MATCH (a) WITH size(a.name) AS s, count(*) AS cnt ORDER BY size(a.name) + count(*) RETURN s"));
        Assert.Equal("AmbiguousAggregationExpression", ambiguous.Code);
    }

    [Theory]
    [InlineData("RETURN 42 \u2014 41", "\u2014", "2014")]
    [InlineData("RETURN 42 \u2013 41", "\u2013", "2013")]
    [InlineData("RETURN 42 \u2212 41", "\u2212", "2212")]
    public void Lex_DashThatIsNotTheHyphenMinus_NamesItAndTheHyphen(string query, string dash, string code)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query(query));
        Assert.Equal("InvalidUnicodeCharacter", ex.Code);
        Assert.Equal((1, 11), (ex.Line, ex.Column));
        Assert.Contains($"unexpected character `{dash}` (U+{code}, a dash), expected the ASCII hyphen-minus `-`", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MATCH p = (a) RETURN labels(p)", "Type mismatch: labels() cannot take `p`, a Path.")]
    [InlineData("MATCH (r) RETURN type(r)", "Type mismatch: type() cannot take `r`, a Node.")]
    [InlineData("RETURN properties('Cypher')", "Type mismatch: properties() cannot take `'Cypher'`, a String.")]
    [InlineData("RETURN any(x IN ['a', 'b'] WHERE x % 2 = 0)", "Type mismatch: `x % 2` needs numbers (or temporal values) on both sides of %; `x` is a String.")]
    [InlineData("RETURN [x IN [true, false] | x * 2]", "Type mismatch: `x * 2` needs numbers (or temporal values) on both sides of *; `x` is a Boolean.")]
    [InlineData("MATCH (n) RETURN n - 1", "Type mismatch: `n - 1` needs numbers (or temporal values) on both sides of -; `n` is a Node.")]
    public void Analyze_ValueAFunctionOrOperatorNeverTakes_IsACompileTimeError(string query, string message)
    {
        var ex = Assert.Throws<QuerySemanticException>(() => Small.Query(query));
        Assert.Equal(("SyntaxError", "InvalidArgumentType"), (ex.Category, ex.Code));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("WITH 'a' AS s RETURN s % 2")]
    [InlineData("RETURN any(x IN ['a', 1] WHERE x % 2 = 0)")]
    [InlineData("UNWIND ['a'] AS x RETURN x * 2")]
    public void Analyze_TypeItCannotTell_IsLeftToTheRun(string query)
    {
        var ex = Assert.Throws<QueryTypeException>(() => Small.Query(query));
        Assert.Equal("TypeError", ex.Category);
    }

    [Theory]
    [InlineData("RETURN [x IN [1, 2, 3] WHERE x % 2 = 1 | x * 10] AS l")]
    [InlineData("RETURN date('2026-02-12') - duration('P1D') AS d")]
    [InlineData("MATCH (n) RETURN properties(n) AS p, labels(n) AS l LIMIT 1")]
    public void Analyze_WellTypedUses_Run(string query) => Assert.NotEmpty(Small.Query(query));

    [Theory]
    [InlineData("MATCH (n) DELETE n", "DELETE")]
    [InlineData("MATCH (n) DETACH DELETE n", "DETACH DELETE")]
    [InlineData("MATCH (n) SET n.x = 1", "SET")]
    [InlineData("MATCH (n) REMOVE n.x", "REMOVE")]
    [InlineData("MERGE (n:X)", "MERGE")]
    public void Parse_WriteClause_IsRejectedAsReadOnly_WithAPointerToCypherScript(string query, string clause)
    {
        var ex = Assert.Throws<QuerySemanticException>(() => Small.Query(query));
        Assert.Equal("UnsupportedClause", ex.Code);
        Assert.StartsWith(clause + " is not allowed here: a Graph is immutable", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CypherScript.Apply", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClauseNoScriptRuns_IsAnUnsupportedClauseSyntaxError()
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query("MATCH (n) FOREACH (x IN [1] | SET n.x = x)"));
        Assert.Equal("UnsupportedClause", ex.Code);
        Assert.DoesNotContain("DELETE", ex.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_ThrowsSyntaxErrorNotStackOverflow()
    {
        string deep = "RETURN " + new string('(', 5000) + "1" + new string(')', 5000);
        var ex = Assert.Throws<QuerySyntaxException>(() => Small.Query(deep));
        Assert.Equal("NestingTooDeep", ex.Code);
        string deepList = "RETURN " + new string('[', 5000) + new string(']', 5000);
        Assert.Equal("NestingTooDeep", Assert.Throws<QuerySyntaxException>(() => Small.Query(deepList)).Code);
        string deepNot = "RETURN " + string.Concat(Enumerable.Repeat("NOT ", 5000)) + "true";
        Assert.Equal("NestingTooDeep", Assert.Throws<QuerySyntaxException>(() => Small.Query(deepNot)).Code);
    }

    [Fact]
    public void Parse_RandomInput_OnlyEverThrowsQueryException()
    {
        var rng = new Random(12345);
        string alphabet = "()[]{}<>-=:,.|*$'\"`\\ \nabcnMATCHRETURNWHEREWITH0123456789+/%^;!#";
        string[] fragments = ["MATCH ", "(n)", "-[r:T*1..2]->", "RETURN ", "n.name", " WHERE ", " AND ", "count(*)", "[x IN ", "CASE WHEN ", " END", "{a: 1}", "$p", "'s'", " ORDER BY ", " SKIP 1", ", ", "UNWIND ", " AS x "];
        for (int i = 0; i < 3000; i++)
        {
            var sb = new System.Text.StringBuilder();
            int n = rng.Next(1, 25);
            for (int k = 0; k < n; k++)
            {
                sb.Append(rng.Next(3) == 0 ? alphabet[rng.Next(alphabet.Length)].ToString() : fragments[rng.Next(fragments.Length)]);
            }

            string text = sb.ToString();
            try
            {
                Small.Query(text, new Dictionary<string, object?> { ["p"] = 1L });
            }
            catch (QueryException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"'{text}' threw {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    [Fact]
    public void Match_LabelPropertyAndDirection_FindsTheRelation()
    {
        var r = Small.Query("MATCH (a:Person {name: 'Ann'})-[k:KNOWS]->(b) RETURN b.name, k.since");
        Assert.Equal("b.name,k.since", string.Join(",", r.Columns));
        var row = Assert.Single(r);
        Assert.Equal("Bob", row[0]);
        Assert.Equal(2020L, row[1]);
    }

    [Fact]
    public void Match_Undirected_FindsBothWays() =>
        Assert.Equal(["Ann", "Cid"], Column(Small.Query("MATCH ({name: 'Bob'})-[:KNOWS]-(x) RETURN x.name ORDER BY x.name")));

    [Fact]
    public void Match_VariableLength_RespectsBoundsAndUniqueness()
    {
        Assert.Equal(["Bob", "Cid"], Column(Small.Query("MATCH ({name: 'Ann'})-[:KNOWS*1..2]->(x) RETURN x.name ORDER BY x.name")));
        Assert.Equal(["Cid"], Column(Small.Query("MATCH ({name: 'Ann'})-[:KNOWS*2]->(x) RETURN x.name")));
        Assert.Equal([2L], Column(Small.Query("MATCH p = ({name: 'Ann'})-[:KNOWS*]->({name: 'Cid'}) RETURN length(p)")));
    }

    [Fact]
    public void Match_NamedPath_ReturnsGraphPath()
    {
        var path = Assert.IsType<GraphPath>(Assert.Single(Small.Query("MATCH p = (:Person {name: 'Ann'})-[:KNOWS]->()-[:KNOWS]->() RETURN p"))[0]);
        Assert.Equal(["Ann", "Bob", "Cid"], path.Entities.Select(e => e.Name));
        Assert.All(path.Steps, s => Assert.True(s.Forward));
    }

    [Fact]
    public void OptionalMatch_NoMatch_GivesNulls()
    {
        var r = Small.Query("MATCH (p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(q) RETURN p.name, q.name ORDER BY p.name");
        Assert.Equal(["Ann", "Bob", "Cid"], Column(r));
        Assert.Equal(["Bob", "Cid", null], Column(r, 1));
    }

    [Fact]
    public void ShortestPath_FindsTwoHops()
    {
        var r = Small.Query("MATCH (a {name: 'Ann'}), (c {name: 'Cid'}) MATCH p = shortestPath((a)-[*]-(c)) RETURN length(p)");
        Assert.Equal([2L], Column(r));
    }

    [Theory]
    [InlineData("RETURN null = null", null)]
    [InlineData("RETURN null <> 1", null)]
    [InlineData("RETURN true OR null", true)]
    [InlineData("RETURN false OR null", null)]
    [InlineData("RETURN false AND null", false)]
    [InlineData("RETURN true AND null", null)]
    [InlineData("RETURN true XOR null", null)]
    [InlineData("RETURN NOT null", null)]
    [InlineData("RETURN 1 IN [2, null]", null)]
    [InlineData("RETURN 2 IN [2, null]", true)]
    [InlineData("RETURN null IS NULL", true)]
    [InlineData("RETURN 1 < 'a'", null)]
    [InlineData("RETURN 'abc' STARTS WITH null", null)]
    public void Where_ThreeValuedLogic_FollowsCypher(string query, object? expected) =>
        Assert.Equal(expected, Assert.Single(Small.Query(query))[0]);

    [Theory]
    [InlineData("RETURN 7 / 2", 3L)]
    [InlineData("RETURN 7 % 3", 1L)]
    [InlineData("RETURN 7.0 / 2", 3.5)]
    [InlineData("RETURN 'a' + 1", "a1")]
    [InlineData("RETURN toUpper('ab') + toLower('CD')", "ABcd")]
    [InlineData("RETURN size([1, 2, 3])", 3L)]
    [InlineData("RETURN coalesce(null, 'x')", "x")]
    [InlineData("RETURN toInteger('42')", 42L)]
    [InlineData("RETURN toString(1.5)", "1.5")]
    [InlineData("RETURN 'hello' CONTAINS 'ell'", true)]
    [InlineData("RETURN 'hello' ENDS WITH 'lo'", true)]
    [InlineData("RETURN 2 ^ 3", 8.0)]
    public void Return_Expressions_Evaluate(string query, object expected) =>
        Assert.Equal(expected, Assert.Single(Small.Query(query))[0]);

    [Fact]
    public void OrderBy_MixedTypes_UsesCypherOrder()
    {
        var r = Small.Query("UNWIND [1, 'a', null, true, 2.5, [1], {k: 1}] AS x RETURN x ORDER BY x");
        var kinds = Column(r).Select(v => v switch
        {
            null => "null",
            ImmutableSortedDictionary<string, object?> => "map",
            ImmutableArray<object?> => "list",
            _ => v.GetType().Name,
        });
        Assert.Equal(["map", "list", "String", "Boolean", "Int64", "Double", "null"], kinds);
    }

    [Fact]
    public void OrderBy_DescSkipLimit_Pages()
    {
        var r = Small.Query("MATCH (p:Person) RETURN p.name AS name ORDER BY name DESC SKIP 1 LIMIT 1");
        Assert.Equal(["Bob"], Column(r));
    }

    [Fact]
    public void Aggregates_GroupImplicitly()
    {
        var r = Small.Query("MATCH (p:Person)-[:MEMBER_OF]->(o) RETURN o.name AS org, count(*) AS n, collect(p.name) AS names, min(p.name) AS first, sum(p.age) AS ages, avg(p.age) AS avg");
        var row = Assert.Single(r);
        Assert.Equal("Org", row["org"]);
        Assert.Equal(2L, row["n"]);
        Assert.Equal(["Ann", "Cid"], ((ImmutableArray<object?>)row["names"]!).Order());
        Assert.Equal("Ann", row["first"]);
        Assert.Equal(30L, row["ages"]);
        Assert.Equal(30.0, row["avg"]);
    }

    [Fact]
    public void Aggregates_CountDistinctAndEmptyInput()
    {
        Assert.Equal([2L], Column(Small.Query("MATCH (p:Person)-[:MEMBER_OF]->(o) RETURN count(DISTINCT o) + 1")));
        Assert.Equal([0L], Column(Small.Query("MATCH (n:Nothing) RETURN count(n)")));
    }

    [Fact]
    public void WithAndUnwind_Chain()
    {
        var r = Small.Query("UNWIND [1, 2, 3] AS x WITH x * 10 AS y WHERE y > 10 RETURN collect(y) AS ys");
        Assert.Equal(new object?[] { 20L, 30L }, ((ImmutableArray<object?>)Assert.Single(r)["ys"]!).ToArray());
    }

    [Fact]
    public void Parameters_AreSubstituted()
    {
        var r = Small.Query("MATCH (p:Person) WHERE p.name IN $names RETURN count(*)", new Dictionary<string, object?> { ["names"] = new[] { "Ann", "Cid" } });
        Assert.Equal([2L], Column(r));
    }

    [Fact]
    public void Labels_OfUnlabeledNode_IsEmpty()
    {
        var g = Build("CREATE ({x: 1}), (:A:B)");
        var r = g.Query("MATCH (n) RETURN labels(n) AS l ORDER BY size(l)");
        Assert.Empty((ImmutableArray<object?>)r[0]["l"]!);
        Assert.Equal(new object?[] { "A", "B" }, ((ImmutableArray<object?>)r[1]["l"]!).ToArray());
    }

    [Fact]
    public void Semantic_UnknownVariable_Throws()
    {
        var ex = Assert.Throws<QuerySemanticException>(() => Small.Query("MATCH (n) RETURN m"));
        Assert.Equal(("SyntaxError", "UndefinedVariable"), (ex.Category, ex.Code));
        Assert.Equal("Variable `m` not defined.", ex.Message);
    }

    [Fact]
    public void Semantic_AggregateInWhere_Throws() =>
        Assert.Equal("InvalidAggregation", Assert.Throws<QuerySemanticException>(() => Small.Query("MATCH (n) WHERE count(n) > 1 RETURN n")).Code);

    [Fact]
    public void Semantic_UnknownFunction_Throws() =>
        Assert.Equal("UnknownFunction", Assert.Throws<QuerySemanticException>(() => Small.Query("RETURN frobnicate(1)")).Code);

    [Fact]
    public void Semantic_Create_IsRejectedOnAnImmutableGraph() =>
        Assert.Equal("UnsupportedClause", Assert.Throws<QuerySemanticException>(() => Small.Query("CREATE (n) RETURN n")).Code);

    [Fact]
    public void Runtime_TypeError_IsQueryTypeException()
    {
        var ex = Assert.Throws<QueryTypeException>(() => Small.Query("RETURN 1 + true"));
        Assert.Equal("TypeError", ex.Category);
        Assert.Throws<QueryTypeException>(() => Small.Query("RETURN 1 / 0"));
    }

    [Fact]
    public void Limits_MaxRows_Enforced()
    {
        var options = new QueryOptions { MaxRows = 10 };
        Assert.Throws<QueryLimitException>(() => Small.Query("UNWIND range(1, 100) AS x RETURN x ORDER BY x", options: options));
    }

    [Fact]
    public void Limits_UnboundedStar_CappedAtMaxUnboundedPathLength()
    {
        var b = new GraphBuilder(Schema.Open);
        CypherScript.Apply(b, "UNWIND range(1, 20) AS i CREATE (:N {i: i})");
        CypherScript.Apply(b, "MATCH (a:N), (b:N) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT]->(b)");
        var g = b.Build();
        Assert.Equal([15L], Column(g.Query("MATCH ({i: 1})-[:NEXT*]->(x) RETURN max(x.i) - 1")));
        Assert.Equal([5L], Column(g.Query("MATCH ({i: 1})-[:NEXT*]->(x) RETURN max(x.i) - 1", options: new QueryOptions { MaxUnboundedPathLength = 5 })));
        Assert.Equal([20L], Column(g.Query("MATCH ({i: 1})-[:NEXT*..19]->(x) RETURN max(x.i)")));
    }

    [Fact]
    public void Cancellation_StopsARunningQuery()
    {
        var b = new GraphBuilder(Schema.Open);
        CypherScript.Apply(b, "UNWIND range(1, 60) AS i CREATE (:N {i: i})");
        CypherScript.Apply(b, "MATCH (a:N), (b:N) WHERE a <> b CREATE (a)-[:E]->(b)");
        var g = b.Build();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => g.Query("MATCH (a)-[*1..4]->(b) RETURN count(*)", cancellationToken: cts.Token));
    }

    [Fact]
    public void Result_PrintsTableJsonAndCsv()
    {
        var r = Small.Query("MATCH (p:Person) WHERE p.age IS NOT NULL RETURN p.name AS name, p.age AS age ORDER BY name");
        Assert.Equal("name | age\n-----+----\nAnn  | 30\nBob  | 25\n(2 rows)\n", r.ToTable());
        Assert.Equal("name,age\nAnn,30\nBob,25\n", r.ToCsv());
        Assert.Equal("{\n  \"columns\": [\n    \"name\",\n    \"age\"\n  ],\n  \"rows\": [\n    [\n      \"Ann\",\n      30\n    ],\n    [\n      \"Bob\",\n      25\n    ]\n  ]\n}", r.ToJson());
    }

    [Fact]
    public void CypherScript_CreatesKindsLabelsNamesAndQualifiers()
    {
        var g = Build("CREATE (a:Person:Speaker {name: 'Ann', role: 'chair'})-[:KNOWS {since: 2020}]->(b {name: 'Bob'})");
        var ann = Assert.Single(g.Entities, e => e.Name == "Ann");
        Assert.Equal("Person", ann.Kind.Name);
        Assert.Equal(new[] { "Speaker" }, ann.Labels.ToArray());
        Assert.Equal("chair", ann.Properties.GetString("role"));
        var bob = Assert.Single(g.Entities, e => e.Name == "Bob");
        Assert.Equal(CypherScript.UnlabeledKind, bob.Kind.Name);
        var rel = Assert.Single(g.Relations);
        Assert.Equal(2020L, rel.Qualifiers["since"].AsInteger);
    }
}
