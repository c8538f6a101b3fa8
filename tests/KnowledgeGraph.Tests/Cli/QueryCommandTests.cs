using KnowledgeGraph.Cli;

namespace KnowledgeGraph.Tests.Cli;

public class QueryCommandTests
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e, new StringReader(stdin));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Query_Table_PrintsAlignedRows()
    {
        var (code, output, err) = Run(string.Empty, "query", "MATCH (p)-[:PRAISES]->({name: 'Donald Trump'}) RETURN p.name AS who");
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Equal("who\n----------\nMark Rutte\n(1 row)\n", output);
    }

    [Fact]
    public void Query_FromStdinWithParamAsCsv_Works()
    {
        var (code, output, _) = Run("MATCH (p)-[:PRAISES]->(t) WHERE t.name = $name RETURN id(p) AS id", "query", "-", "--param", "name=Donald Trump", "--format", "csv");
        Assert.Equal(0, code);
        Assert.Equal("id\nperson:mark-rutte\n", output);
    }

    [Fact]
    public void Query_Json_WritesColumnsAndRows()
    {
        var (code, output, _) = Run(string.Empty, "query", "RETURN $n + 1 AS x", "--param", "n=41", "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("\"columns\": [\n    \"x\"\n  ]", output, StringComparison.Ordinal);
        Assert.Contains("42", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_SyntaxError_ExitsOneWithCaret()
    {
        var (code, _, err) = Run(string.Empty, "query", "MATCH (n RETURN n");
        Assert.Equal(1, code);
        Assert.StartsWith("kg: Syntax error (line 1, column 10): unexpected identifier `RETURN`, expected `)`.\nMATCH (n RETURN n\n         ^", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_BadFormatOrParam_IsUsageError()
    {
        Assert.Equal(2, Run(string.Empty, "query", "RETURN 1", "--format", "xml").Code);
        Assert.Equal(2, Run(string.Empty, "query", "RETURN 1", "--param", "novalue").Code);
        Assert.Equal(2, Run(string.Empty, "query").Code);
    }
}
