using System.Globalization;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg query "MATCH ..." [--param k=v]... [--format table|json|csv]</c>; <c>kg query -</c> reads the query from standard input.</summary>
internal static class QueryCommand
{

    public static int Run(Graph graph, Arguments a, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        a.ExpectPositional(1, "query \"MATCH ...\" [--param k=v]... [--format table|json|csv]");
        string text = a.Positional[0] == "-" ? stdin.ReadToEnd() : a.Positional[0];
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in a.Params)
        {
            int eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--param expects NAME=VALUE; found '{p}'");
            }

            parameters[p[..eq]] = ParseValue(p[(eq + 1)..]);
        }

        string format = (a.Format ?? "table").ToLowerInvariant();
        if (format is not ("table" or "json" or "csv"))
        {
            throw new UsageException($"--format for query expects table, json or csv; found '{a.Format}'");
        }

        QueryResult result;
        try
        {
            result = graph.Query(text, parameters);
        }
        catch (QueryException ex)
        {
            stderr.Write("kg: " + ex.Message + "\n");
            return CliApp.Failure;
        }

        foreach (var note in result.Notifications)
        {
            stderr.Write("kg: " + note + "\n");
        }

        WriteResult(result, format, stdout);
        return CliApp.Ok;
    }

    /// <summary>Rows as a table, JSON or CSV (kg query, and kg sparql for SELECT).</summary>
    internal static void WriteResult(QueryResult result, string format, TextWriter stdout)
    {
        switch (format)
        {
            case "json":
                using (var ms = new MemoryStream())
                {
                    result.WriteJson(ms);
                    stdout.Write(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                    stdout.Write('\n');
                }

                break;
            case "csv":
                result.WriteCsv(stdout);
                break;
            default:
                stdout.Write(result.ToTable());
                break;
        }
    }

    /// <summary>A parameter value: an integer, a float, true, false, null, or else a string (quotes optional).</summary>
    internal static object? ParseValue(string s)
    {
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return l;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return d;
        }

        return s switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[^1] == s[0] => s[1..^1],
            _ => s,
        };
    }
}
