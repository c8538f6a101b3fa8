using System.Text;
using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;
using KnowledgeGraph.Tests.Reliability;

namespace KnowledgeGraph.Tests.Query;

/// <summary>
/// Long flat chains and deep nesting in queries and scripts, each run on a thread with a 256 KB stack: each
/// input either runs or fails with its documented exception, and the longest input within the limit runs on
/// that stack too. A regression that recurses once per operator, element or clause kills the test host.
/// </summary>
public class HostileQueryTests
{
    private const int Long = 100_000;

    private static readonly Graph Chain = BuildChain(2_000);

    public static TheoryData<string> Chains =>
    [
        "+", "AND", "OR", "XOR", "=", "string+", "-", "*", "^", "<", "IN", "STARTS WITH", ".p", "[0]", "[0..1]", "CASE", "NOT", "unary-",
        "()", "[]", "{}", "f()", "comprehension", "pattern", "IS NULL",
    ];

    /// <summary>A chain of <paramref name="n"/> terms (or levels) of the construct named <paramref name="kind"/>.</summary>
    internal static string Query(string kind, int n) => kind switch
    {
        "+" or "-" or "*" or "^" or "<" or "=" or "AND" or "OR" or "XOR" => "RETURN " + Join(kind is "AND" or "OR" or "XOR" ? "true" : "1", " " + kind + " ", n),
        "string+" => "RETURN size(" + Join("'a'", " + ", n) + ")",
        "IN" => "RETURN " + Join("1", " IN [1] = ", n),
        "STARTS WITH" => "RETURN " + Join("'a'", " STARTS WITH ", n),
        ".p" => "WITH {p: 1} AS m RETURN m" + Repeat(".p", n),
        "[0]" => "RETURN [1]" + Repeat("[0]", n),
        "[0..1]" => "RETURN [1]" + Repeat("[0..1]", n),
        ":A" => "MATCH (n) WHERE n" + Repeat(":A", n) + " RETURN count(*)",
        "IS NULL" => "RETURN 1" + Repeat(" IS NULL", n),
        "CASE" => "RETURN " + Repeat("CASE WHEN true THEN ", n) + "1" + Repeat(" END", n),
        "NOT" => "RETURN " + Repeat("NOT ", n) + "true",
        "unary-" => "RETURN " + Repeat("- ", n) + "1",
        "()" => "RETURN " + Repeat("(", n) + "1" + Repeat(")", n),
        "[]" => "RETURN " + Repeat("[", n) + "1" + Repeat("]", n),
        "{}" => "RETURN " + Repeat("{a: ", n) + "1" + Repeat("}", n),
        "f()" => "RETURN " + Repeat("abs(", n) + "1" + Repeat(")", n),
        "comprehension" => "RETURN " + Repeat("[x IN ", n) + "[1]" + Repeat(" | x]", n),
        "pattern" => "MATCH (a)" + Repeat("-->()", n) + " RETURN count(*)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void LongChain_IsRefusedWithASyntaxError_OnASmallStack(string kind)
    {
        var (result, error) = SmallStack.Call(() => Chain.Query(Query(kind, Long)));
        Assert.Null(result);
        var ex = Assert.IsType<QuerySyntaxException>(error);
        Assert.Equal("NestingTooDeep", ex.Code);
        Assert.Matches("^at most (256|128|64) ", ex.Expected);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void ChainAtTheLimit_RunsOnASmallStack(string kind)
    {
        // The longest chain the parser accepts: found by bisection, so the limit is the one the parser applies.
        int lo = 1, hi = 300;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            try
            {
                Parser.Parse(Query(kind, mid));
                lo = mid;
            }
            catch (QuerySyntaxException ex) when (ex.Code == "NestingTooDeep")
            {
                hi = mid - 1;
            }
        }

        Assert.InRange(lo, 16, 299);
        var (result, error) = SmallStack.Call(() => Chain.Query(Query(kind, lo)));
        Assert.True(error is null or QueryTypeException, error?.ToString());
        Assert.True(error is not null || result!.Count >= 1);
    }

    [Fact]
    public void LongLabelChain_IsOneCheck_AndRuns()
    {
        var (result, error) = SmallStack.Call(() => Chain.Query(Query(":A", Long)));
        Assert.Null(error);
        Assert.Equal(2_000L, result!.Single()[0]);
    }

    [Fact]
    public void ListOfAMillionElements_Runs()
    {
        string query = "RETURN size([" + Join("1", ",", 1_000_000) + "]) AS n";
        var (result, error) = SmallStack.Call(() => Chain.Query(query));
        Assert.Null(error);
        Assert.Equal(1_000_000L, result!.Single()["n"]);
    }

    [Fact]
    public void MapOfManyEntries_AndFunctionOfManyArguments_Run()
    {
        var sb = new StringBuilder("RETURN size(keys({");
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append('k').Append(i).Append(": ").Append(i);
        }

        string map = sb.Append("})) AS n").ToString();
        var (result, error) = SmallStack.Call(() => Chain.Query(map));
        Assert.Null(error);
        Assert.Equal(100_000L, result!.Single()["n"]);

        var (coalesced, error2) = SmallStack.Call(() => Chain.Query("RETURN coalesce(" + Join("null", ", ", 100_000) + ", 7) AS n"));
        Assert.Null(error2);
        Assert.Equal(7L, coalesced!.Single()["n"]);
    }

    [Fact]
    public void LongUnionChain_Runs_OnASmallStack()
    {
        string query = Join("RETURN 1 AS x", " UNION ALL ", 20_000);
        var (result, error) = SmallStack.Call(() => Chain.Query(query));
        Assert.Null(error);
        Assert.Equal(20_000, result!.Count);
        var (distinct, error2) = SmallStack.Call(() => Chain.Query(Join("RETURN 1 AS x", " UNION ", 20_000)));
        Assert.Null(error2);
        Assert.Single(distinct!);
    }

    [Fact]
    public void LongVariableLengthPath_OnALongChain_RunsOnASmallStack()
    {
        var (result, error) = SmallStack.Call(() => Chain.Query("MATCH (a {id: 'c0'})-[*1..100000]->(b) RETURN count(b) AS n, max(b.i) AS last"));
        Assert.Null(error);
        var row = result!.Single();
        Assert.Equal(1_999L, row["n"]);
        Assert.Equal(1_999L, row["last"]);
        var (path, error2) = SmallStack.Call(() => Chain.Query("MATCH p = (a {id: 'c0'})-[*1999]->(b) RETURN length(p) AS n, b.i AS last"));
        Assert.Null(error2);
        Assert.Equal(1_999L, path!.Single()["n"]);
    }

    [Theory]
    [InlineData("RETURN '")]
    [InlineData("RETURN /* never closed")]
    [InlineData("RETURN `never closed")]
    [InlineData("RETURN 1e99999")]
    [InlineData("RETURN 99999999999999999999999999999999")]
    [InlineData("RETURN 0x")]
    public void LexerErrors_AreSyntaxErrors(string query)
    {
        var (_, error) = SmallStack.Call(() => Chain.Query(query + new string('x', 100_000)));
        Assert.True(error is QuerySyntaxException or null, error?.ToString());
    }

    [Fact]
    public void LongTokens_AndLongComments_Run()
    {
        string longString = new('a', 1_000_000);
        var (result, error) = SmallStack.Call(() => Chain.Query("// " + longString + "\nRETURN size('" + longString + "') AS n /* " + longString + " */"));
        Assert.Null(error);
        Assert.Equal(1_000_000L, result!.Single()["n"]);
        var (ident, error2) = SmallStack.Call(() => Chain.Query("WITH 1 AS " + longString + " RETURN " + longString + " AS n"));
        Assert.Null(error2);
        Assert.Equal(1L, ident!.Single()["n"]);
    }

    [Fact]
    public void Script_OfManyStatements_AndALongCreateChain_Loads_OrIsRefused_OnASmallStack()
    {
        string statements = string.Concat(Enumerable.Range(0, 20_000).Select(i => "CREATE (:Person {name: 'p" + i + "'});\n"));
        var (g, error) = SmallStack.Call(() => CypherScript.Load(statements, Schema.Open));
        Assert.Null(error);
        Assert.Equal(20_000, g!.EntityCount);

        var (_, chainError) = SmallStack.Call(() => CypherScript.Load("CREATE (a)" + Repeat("-[:R]->()", Long), Schema.Open));
        Assert.True(chainError is QuerySyntaxException { Code: "NestingTooDeep" }, chainError?.ToString());
        Assert.Contains("at most 64 relationships in one pattern", chainError!.Message, StringComparison.Ordinal);

        var (_, exprError) = SmallStack.Call(() => CypherScript.Load("CREATE ({v: " + Join("1", " + ", Long) + "})", Schema.Open));
        Assert.True(exprError is QuerySyntaxException { Code: "NestingTooDeep" }, exprError?.ToString());
    }

    private static Graph BuildChain(int n)
    {
        var b = new GraphBuilder(Schema.Open);
        for (int i = 0; i < n; i++)
        {
            b.AddEntity(new Entity(new EntityId("c" + i), new EntityKind("A"), "c" + i, properties: PropertyMap.Create(("i", (long)i))));
        }

        for (int i = 0; i + 1 < n; i++)
        {
            b.AddRelation(new EntityId("c" + i), new RelationType("NEXT"), new EntityId("c" + (i + 1)));
        }

        return b.Build();
    }

    private static string Join(string term, string op, int n) => string.Join(op, Enumerable.Repeat(term, n));

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));
}
