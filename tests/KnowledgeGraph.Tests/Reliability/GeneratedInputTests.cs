using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Text;
using CsCheck;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.GraphML;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.Query;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.Reliability;

/// <summary>
/// Grammar-based generators (beside the mutation fuzzers of <see cref="Fuzz"/>): syntactically valid but extreme
/// queries and graph files (deep, wide, long, huge numbers, odd Unicode). Each input runs on a 256 KB stack and
/// either loads or runs, or raises the documented exception, within 5 s; the counts per outcome go to the output.
/// </summary>
public sealed class GeneratedInputTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    private static readonly Graph Seed = Graph.LoadSeed();

    private static readonly Gen<string> OddText = Gen.String[Gen.Char["aZ \u00e9\u4e2d\u0301\u200d\ud83d\ude00\u202e'\"\\\t\n\u0000\uffff"], 0, 20];

    private static readonly Gen<string> Numbers = Gen.OneOf(
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Const("9223372036854775807"), Gen.Const("99999999999999999999999999"), Gen.Const("1e308"), Gen.Const("1e309"),
        Gen.Const("0.0000000000000000000000001"), Gen.Const("0x7FFFFFFFFFFFFFFF"), Gen.Double[-1e300, 1e300].Select(d => d.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Cypher expressions up to <c>levels</c> deep, built level by level (no recursion in the generator either).</summary>
    private static Gen<string> Expressions(int levels)
    {
        var leaf = Gen.OneOf(
            Numbers,
            OddText.Select(s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'"),
            Gen.OneOf(Gen.Const("n.name"), Gen.Const("n"), Gen.Const("null"), Gen.Const("true"), Gen.Const("$p"), Gen.Const("[]"), Gen.Const("{}")));
        var level = leaf;
        for (int i = 0; i < levels; i++)
        {
            var inner = level;
            string[] ops = ["+", "-", "*", "/", "%", "^", "=", "<>", "<", ">=", "AND", "OR", "XOR", "IN", "STARTS WITH", "CONTAINS", "=~"];
            level = Gen.OneOf(
                leaf,
                Gen.Select(inner, Gen.Int[0, ops.Length - 1], inner, (a, op, b) => $"({a} {ops[op]} {b})"),
                Gen.Select(inner, Gen.Int[1, 300], Gen.Int[0, ops.Length - 1], (a, n, op) => "(" + string.Join(" " + ops[op] + " ", Enumerable.Repeat(a, n)) + ")"),
                inner.Array[0, 6].Select(items => "[" + string.Join(", ", items) + "]"),
                Gen.Select(inner, Gen.Int[1, 100], (a, n) => "[" + string.Join(", ", Enumerable.Repeat(a, n)) + "]"),
                inner.Array[0, 4].Select(items => "{" + string.Join(", ", items.Select((v, k) => "k" + k + ": " + v)) + "}"),
                Gen.Select(inner, inner, inner, (c, t, e) => $"CASE WHEN {c} THEN {t} ELSE {e} END"),
                Gen.Select(inner, Gen.Int[1, 300], (a, n) => "[" + a + "]" + string.Concat(Enumerable.Repeat("[0]", n))),
                Gen.Select(Gen.Int[1, 300], n => "n" + string.Concat(Enumerable.Repeat(".name", n))),
                Gen.Select(inner, Gen.Int[0, 4], (a, f) => new[] { "size", "toUpper", "abs", "coalesce", "reverse" }[f] + "(" + a + ")"),
                Gen.Select(inner, inner, (s, m) => $"[x IN [{s}] | {m}]"),
                Gen.Select(inner, Gen.Int[1, 100], (a, n) => new string('(', n) + a + new string(')', n)),
                Gen.Select(inner, Gen.Int[1, 100], (a, n) => string.Concat(Enumerable.Repeat("NOT ", n)) + a));
        }

        return level;
    }

    private static readonly Gen<string> Queries = Gen.Select(Expressions(2), Expressions(1), Gen.Int[0, 5], (a, b, form) => form switch
    {
        0 => $"RETURN {a} AS v",
        1 => $"MATCH (n) WHERE {a} RETURN count(*) AS c",
        2 => $"UNWIND [{a}, {b}] AS x RETURN x ORDER BY x LIMIT 5",
        3 => $"MATCH (n) WITH n, {a} AS v RETURN collect(v) AS c",
        4 => string.Join(" UNION ALL ", Enumerable.Repeat($"RETURN {b} AS v", 50)),
        _ => $"MATCH (n)-[*1..{Math.Abs(a.Length % 20)}]->(m) WHERE {b} RETURN count(m) AS c",
    });

    /// <summary>JSON values: scalars with huge numbers and odd Unicode, arrays and objects up to 200 deep and 500 wide.</summary>
    private static readonly Gen<string> JsonValues = Gen.OneOf(
        Numbers.Select(n => n.StartsWith("0x", StringComparison.Ordinal) ? "0" : n),
        OddText.Select(s => System.Text.Json.JsonSerializer.Serialize(s)),
        Gen.Const("\"\\ud800\""), Gen.Const("\"\\udc00\\ud800\""), Gen.Const("null"), Gen.Const("true"),
        Gen.Select(Gen.Int[1, 200], Gen.Bool, (d, arrays) => arrays ? new string('[', d) + "1" + new string(']', d) : string.Concat(Enumerable.Repeat("{\"a\":", d)) + "1" + new string('}', d)),
        Gen.Select(Gen.Int[0, 500], n => "[" + string.Join(",", Enumerable.Repeat("\"x\"", n)) + "]"),
        Gen.Select(Gen.Int[0, 50], n => "[" + string.Join(",", Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "1.5" : i % 3 == 1 ? "\"s\"" : "[1]")) + "]"));

    private static readonly Gen<(string Name, string Value, int Entities)> GraphParts =
        Gen.Select(OddText, JsonValues, Gen.Int[0, 100], (name, value, n) => (name, value, n));

    [Fact]
    public void GraphMLText_WithALoneSurrogate_IsAGraphFormatExceptionWithItsPosition()
    {
        // Found by the GraphML generator: Parse(string) let the encoder's EncoderFallbackException out.
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Parse("<graphml>\n  <graph>\ud800</graph></graphml>"));
        Assert.Equal((2, 10), (ex.Line, ex.Column));
        Assert.Equal("a lone UTF-16 surrogate", ex.Found);
    }

    [Fact]
    public void GeneratedQueries_RunOrRaiseQueryExceptions_OnASmallStack()
    {
        var outcomes = Run(Queries, q => Seed.Query(q, new Dictionary<string, object?> { ["p"] = 1L }), [typeof(QueryException)], 300);
        Report("generated queries", outcomes);
    }

    [Fact]
    public void GeneratedJsonGraphs_LoadOrRaiseGraphFormatException_OnASmallStack()
    {
        var outcomes = Run(GraphParts, p =>
        {
            var sb = new StringBuilder("{\"format\": \"knowledge-graph\", \"version\": 1, \"entities\": [");
            for (int i = 0; i <= p.Entities; i++)
            {
                sb.Append(i == 0 ? "" : ",").Append("{\"id\": \"thing:").Append(i).Append("\", \"kind\": \"Thing\", \"name\": ")
                  .Append(System.Text.Json.JsonSerializer.Serialize(p.Name + i)).Append(", \"properties\": {\"v\": ").Append(p.Value).Append("}}");
            }

            sb.Append("]}");
            JsonGraphReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())), new GraphReadOptions { SourceName = "generated.json", Schema = Schema.Open });
        }, [typeof(GraphFormatException), typeof(SchemaViolationException)], 200);
        Report("generated canonical JSON", outcomes);
        Assert.True(outcomes.GetValueOrDefault("loaded") > 0, "some generated graphs should load");
    }

    [Fact]
    public void GeneratedGraphML_WithJsonFragments_LoadsOrRaisesGraphFormatException_OnASmallStack()
    {
        var outcomes = Run(GraphParts, p =>
        {
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
            foreach (string key in new[] { "kind", "name", "properties" })
            {
                sb.Append("<key id=\"").Append(key).Append("\" for=\"node\" attr.name=\"").Append(key).Append("\" attr.type=\"string\"/>\n");
            }

            sb.Append("<graph edgedefault=\"directed\">\n");
            for (int i = 0; i <= Math.Min(p.Entities, 300); i++)
            {
                sb.Append("<node id=\"n").Append(i).Append("\"><data key=\"kind\">Thing</data><data key=\"name\">").Append(SecurityElement.Escape(p.Name))
                  .Append("</data><data key=\"properties\">").Append(SecurityElement.Escape("{\"v\": " + p.Value + "}")).Append("</data></node>\n");
            }

            sb.Append("</graph>\n</graphml>\n");
            GraphMLReader.Parse(sb.ToString(), new GraphReadOptions { Schema = Schema.Open });
        }, [typeof(GraphFormatException), typeof(SchemaViolationException)], 200);
        Report("generated GraphML", outcomes);
        Assert.True(outcomes.GetValueOrDefault("loaded") > 0, "some generated graphs should load");
    }

    private static Dictionary<string, int> Run<T>(Gen<T> gen, Action<T> run, Type[] documented, int iterations)
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        gen.Sample(
            input =>
            {
                var sw = Stopwatch.StartNew();
                var error = SmallStack.Run(() => run(input));
                sw.Stop();
                if (error is not null && !documented.Any(t => t.IsInstanceOfType(error)))
                {
                    throw new InvalidOperationException($"undocumented {error.GetType().Name} for {Show(input)}", error);
                }

                if (sw.Elapsed > PerInput)
                {
                    throw new TimeoutException($"{Show(input)} took {sw.Elapsed.TotalMilliseconds:F0} ms.");
                }

                string outcome = error?.GetType().Name ?? "loaded";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            },
            iter: iterations,
            threads: 1);
        return outcomes;
    }

    private static string Show<T>(T input)
    {
        string s = input?.ToString() ?? "null";
        return s.Length > 300 ? s[..300] + "…" : s;
    }

    private void Report(string what, Dictionary<string, int> outcomes) =>
        output.WriteLine($"{what}: {outcomes.Values.Sum()} inputs; " + string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
}
