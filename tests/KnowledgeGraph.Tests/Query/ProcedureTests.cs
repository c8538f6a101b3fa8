using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.Query;

/// <summary>CALL of the procedures given in <see cref="QueryOptions.Procedures"/>: in a query, standing alone, and their errors.</summary>
public sealed class ProcedureTests
{
    private static readonly Graph Seed = Graph.LoadSeed();

    private static readonly QueryProcedure Upper = new(
        "text.upper",
        [new("text", ProcedureFieldType.String)],
        [new("upper", ProcedureFieldType.String), new("length", ProcedureFieldType.Integer)],
        args => args[0] is string s ? [[s.ToUpperInvariant(), (long)s.Length]] : []);

    private static readonly QueryProcedure Echo = new(
        "kg.echo",
        [new("node", ProcedureFieldType.Node), new("weight", ProcedureFieldType.Float)],
        [new("node", ProcedureFieldType.Node), new("weight", ProcedureFieldType.Float)],
        args => [[args[0], args[1]]]);

    private static readonly QueryOptions Options = new() { Procedures = [Upper, Echo] };

    [Fact]
    public void InQueryCall_RunsOncePerRow_AndBindsWhatYieldNames()
    {
        var r = Seed.Query(
            "MATCH (p:Person) WHERE p.name STARTS WITH 'Mark' CALL text.upper(p.name) YIELD upper AS shout RETURN shout ORDER BY shout",
            options: Options);
        Assert.Equal(["shout"], r.Columns.ToArray());
        Assert.Equal(["MARK CARNEY", "MARK RUTTE"], r.Select(row => (string?)row[0]));
    }

    [Fact]
    public void YieldWhere_FiltersTheProcedureRows()
    {
        var r = Seed.Query("UNWIND ['a', 'abc'] AS s CALL text.upper(s) YIELD upper, length WHERE length > 1 RETURN upper", options: Options);
        Assert.Equal(["ABC"], r.Select(row => (string?)row[0]));
    }

    [Fact]
    public void StandaloneCall_ReturnsEveryOutput_AndReadsImplicitArgumentsFromParameters()
    {
        var r = Seed.Query("CALL text.upper('nato')", options: Options);
        Assert.Equal(["upper", "length"], r.Columns.ToArray());
        Assert.Equal(("NATO", 4L), ((string?)r.Single()[0], (long?)r.Single()[1]));

        var implicitCall = Seed.Query("CALL text.upper", new Dictionary<string, object?> { ["text"] = "eu" }, options: Options);
        Assert.Equal("EU", implicitCall.Single()["upper"]);
    }

    [Fact]
    public void NodesGoInAsEntities_AndComeBackAsNodes_IntegersWidenForFloatArguments()
    {
        var r = Seed.Query("MATCH (p:Person {name: 'Mark Rutte'}) CALL kg.echo(p, 2) YIELD node, weight RETURN node.name AS name, weight", options: Options);
        Assert.Equal("Mark Rutte", r.Single()["name"]);
        Assert.Equal(2.0, r.Single()["weight"]);
    }

    [Fact]
    public void VoidProcedure_PassesRowsOn_InAQuery_AndGivesNothingStandingAlone()
    {
        int calls = 0;
        var touch = new QueryProcedure("kg.touch", [], [], _ => { Interlocked.Increment(ref calls); return []; });
        var options = new QueryOptions { Procedures = [touch] };
        var r = Seed.Query("MATCH (c:Country) CALL kg.touch() RETURN count(c) AS n", options: options);
        Assert.Equal(Seed.Query("MATCH (c:Country) RETURN count(c) AS n").Single()["n"], r.Single()["n"]);
        var alone = Seed.Query("CALL kg.touch", options: options);
        Assert.Empty(alone);
        Assert.Empty(alone.Columns);
        Assert.Equal((long)r.Single()["n"]! + 1, calls);
    }

    [Theory]
    [InlineData("CALL no.such()", "ProcedureError", "ProcedureNotFound", "There is no procedure 'no.such'")]
    [InlineData("CALL text.upper('a', 'b')", "SyntaxError", "InvalidNumberOfArguments", "text.upper takes 1 argument(s) (text.upper(text :: STRING?) :: (upper :: STRING?, length :: INTEGER?)); found 2.")]
    [InlineData("CALL text.upper(1)", "SyntaxError", "InvalidArgumentType", "The argument 'text' of text.upper is a STRING; found Integer.")]
    [InlineData("UNWIND [1] AS x CALL text.upper YIELD upper RETURN upper", "SyntaxError", "InvalidArgumentPassingMode", "only a CALL standing alone reads them from the parameters")]
    [InlineData("UNWIND [1] AS x CALL text.upper('a') YIELD * RETURN x", "SyntaxError", "UnexpectedSyntax", "YIELD * is allowed only")]
    [InlineData("UNWIND [1] AS x CALL text.upper('a') YIELD loud RETURN x", "SyntaxError", "UnknownProcedureOutput", "text.upper has no output 'loud'")]
    [InlineData("WITH 1 AS upper CALL text.upper('a') YIELD upper RETURN upper", "SyntaxError", "VariableAlreadyBound", "Variable `upper` already declared.")]
    [InlineData("MATCH (n) CALL text.upper(count(n)) YIELD upper RETURN upper", "SyntaxError", "InvalidAggregation", "count() is not allowed here")]
    [InlineData("UNWIND [1] AS x CALL text.upper(x) YIELD upper RETURN upper", "TypeError", "InvalidArgumentType", "The argument 'text' of text.upper is a STRING; found Integer.")]
    [InlineData("CALL text.upper", "ParameterMissing", "MissingParameter", "The parameter $text was not given.")]
    public void MistakenCalls_RaiseTheDocumentedError(string query, string category, string code, string message)
    {
        var ex = Assert.ThrowsAny<QueryException>(() => Seed.Query(query, options: Options));
        Assert.Equal((category, code), (ex.Category, ex.Code));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowOfTheWrongLength_IsTheProceduresError()
    {
        var bad = new QueryProcedure("kg.bad", [], [new("a", ProcedureFieldType.Any), new("b", ProcedureFieldType.Any)], _ => [[1L]]);
        var ex = Assert.Throws<QueryTypeException>(() => Seed.Query("CALL kg.bad()", options: new QueryOptions { Procedures = [bad] }));
        Assert.Equal(("ProcedureError", "InvalidProcedureResult"), (ex.Category, ex.Code));
        Assert.Equal("kg.bad returned a row of 1 value(s); its signature (kg.bad() :: (a :: ANY?, b :: ANY?)) has 2 output(s).", ex.Message);
    }

    [Fact]
    public void TheSameQueryText_SeesTheProceduresOfItsOwnOptions()
    {
        var other = new QueryProcedure("text.upper", [new("text", ProcedureFieldType.String)], [new("upper", ProcedureFieldType.String), new("length", ProcedureFieldType.Integer)], _ => [["other", 0L]]);
        const string Query = "CALL text.upper('x')";
        Assert.Equal("X", Seed.Query(Query, options: Options).Single()["upper"]);
        Assert.Equal("other", Seed.Query(Query, options: new QueryOptions { Procedures = [other] }).Single()["upper"]);
        Assert.Throws<QuerySemanticException>(() => Seed.Query(Query));
    }

    [Fact]
    public void BadDefinitions_AreRefusedWhenMade()
    {
        Assert.Throws<ArgumentException>(() => new QueryProcedure("no dots allowed here!", [], [], _ => []));
        Assert.Throws<ArgumentException>(() => new QueryProcedure("a.b", [new("x", ProcedureFieldType.Any), new("x", ProcedureFieldType.Any)], [], _ => []));
        Assert.Throws<ArgumentException>(() => new QueryOptions { Procedures = [Upper, Upper] });
        Assert.Equal("text.upper(text :: STRING?) :: (upper :: STRING?, length :: INTEGER?)", Upper.ToString());
    }
}
