using System.Collections.Immutable;
using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.Query.Tck;

/// <summary>Runs TCK scenarios: sets up the graph with CREATE, runs the query, compares as the TCK says.</summary>
public static class TckRunner
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KnowledgeGraph.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<List<TckScenario>> AllScenarios = new(Load);

    private static readonly Lazy<Dictionary<string, string>> SkipList = new(() =>
    {
        var path = Path.Combine(Root.Value, "tests", "KnowledgeGraph.Tests", "Query", "Tck", "skip-list.txt");
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int bar = line.LastIndexOf(" | ", StringComparison.Ordinal);
            d[bar < 0 ? line : line[..bar].Trim()] = bar < 0 ? "no reason given" : line[(bar + 3)..].Trim();
        }

        return d;
    });

    public static string TckDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("KG_TCK_DIR");
            return Path.GetFullPath(string.IsNullOrEmpty(env) ? Path.Combine(Root.Value, "..", "shared", "tck") : env);
        }
    }

    public static IReadOnlyList<TckScenario> Scenarios => AllScenarios.Value;

    public static IReadOnlyDictionary<string, string> Skipped => SkipList.Value;

    private static List<TckScenario> Load()
    {
        var dir = Path.Combine(TckDirectory, "features");
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var list = new List<TckScenario>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            list.AddRange(TckFeature.Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return list.Where(s => seen.Add(s.Id)).ToList();
    }

    /// <summary>Runs one scenario; returns null when it passes, or why it failed.</summary>
    public static string? Run(TckScenario scenario)
    {
        try
        {
            return RunCore(scenario);
        }
        catch (Exception ex)
        {
            return "unexpected " + ex.GetType().Name + ": " + ex.Message + " at " + ex.StackTrace?.Split('\n')[0].Trim();
        }
    }

    private static string? RunCore(TckScenario scenario)
    {
        var builder = new GraphBuilder(Schema.Open);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        TckResult? result = null;
        QueryException? error = null;
        ScriptSideEffects? effects = null;
        var procedures = new List<QueryProcedure>();
        foreach (var step in scenario.Steps)
        {
            string t = step.Text;
            if (t is "an empty graph" or "any graph")
            {
                continue;
            }

            if (t.StartsWith("the ", StringComparison.Ordinal) && t.EndsWith(" graph", StringComparison.Ordinal))
            {
                string name = t[4..^6];
                CypherScript.Apply(builder, File.ReadAllText(Path.Combine(TckDirectory, "graphs", name, name + ".cypher")));
                continue;
            }

            if (t.StartsWith("having executed", StringComparison.Ordinal))
            {
                CypherScript.Apply(builder, step.DocString!);
                continue;
            }

            if (TckProcedures.IsDeclaration(t))
            {
                procedures.Add(TckProcedures.Parse(t, step.Table));
                continue;
            }

            if (t.StartsWith("parameters are", StringComparison.Ordinal))
            {
                foreach (var row in step.Table!)
                {
                    parameters[row[0]] = TckValue.ToClr(TckValue.ParseParameter(row[1]));
                }

                continue;
            }

            if (t.StartsWith("executing query", StringComparison.Ordinal) || t.StartsWith("executing control query", StringComparison.Ordinal))
            {
                (result, error, effects) = Execute(builder, step.DocString!, parameters, new QueryOptions { Procedures = [.. procedures] });
                continue;
            }

            if (t.StartsWith("the result should be", StringComparison.Ordinal) && step.Table is not null)
            {
                if (error is not null)
                {
                    return $"expected a result, got {error.Category}/{error.Code}: {error.Message}";
                }

                bool ordered = t.Contains("in order", StringComparison.Ordinal);
                bool sortLists = t.Contains("ignoring element order for lists", StringComparison.Ordinal);
                var table = step.Table!;
                string? problem = Compare(result!, table[0], table.Skip(1).ToList(), ordered, sortLists);
                if (problem is not null)
                {
                    return problem;
                }

                continue;
            }

            if (t == "the result should be empty")
            {
                if (error is not null)
                {
                    return $"expected an empty result, got {error.Category}/{error.Code}: {error.Message}";
                }

                if (result!.Count != 0)
                {
                    return $"expected no rows, got {result.Count}";
                }

                continue;
            }

            if (t.StartsWith("a ", StringComparison.Ordinal) && t.Contains(" should be raised", StringComparison.Ordinal))
            {
                string category = t[2..t.IndexOf(' ', 2)];
                string code = t[(t.LastIndexOf(':') + 1)..].Trim();
                if (error is null)
                {
                    return $"expected {category}/{code}, but the query succeeded with {result?.Count} rows";
                }

                if (error.Category != category || error.Code != code)
                {
                    return $"expected {category}/{code}, got {error.Category}/{error.Code}: {error.Message}";
                }

                continue;
            }

            if (t == "no side effects" || t.StartsWith("the side effects should be", StringComparison.Ordinal))
            {
                string? problem = CheckSideEffects(effects, step.Table ?? []);
                if (problem is not null)
                {
                    return problem;
                }

                continue;
            }

            return "unknown step: " + t;
        }

        return null;
    }

    /// <summary>
    /// Runs a query with <see cref="Graph.Query"/>; a query that writes (which a read-only graph refuses with a
    /// pointer to CypherScript) runs as a script over the builder, which then holds what it wrote.
    /// </summary>
    private static (TckResult?, QueryException?, ScriptSideEffects?) Execute(GraphBuilder builder, string query, Dictionary<string, object?> parameters, QueryOptions options)
    {
        try
        {
            var r = builder.Build(GraphBuildOptions.LenientMode).Query(query, parameters, options: options);
            return (new TckResult(r.Columns, r.Rows.Select(x => x.Values).ToList()), null, null);
        }
        catch (QueryException ex) when (ex.Code == "UnsupportedClause" && ex.Message.Contains("CypherScript", StringComparison.Ordinal))
        {
            try
            {
                var outcome = CypherScript.Execute(builder, query, parameters);
                return (new TckResult(outcome.Columns, outcome.Rows), null, outcome.SideEffects);
            }
            catch (QueryException inner)
            {
                return (null, inner, null);
            }
        }
        catch (QueryException ex)
        {
            return (null, ex, null);
        }
    }

    private static string? CheckSideEffects(ScriptSideEffects? effects, List<List<string>> table)
    {
        var expected = table.ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var actual = effects?.ByName ?? new Dictionary<string, int>();
        var wrong = actual.Keys.Union(expected.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k} expected {expected.GetValueOrDefault(k)}, got {actual.GetValueOrDefault(k)}")
            .ToList();
        return wrong.Count == 0 ? null : "side effects differ: " + string.Join(", ", wrong);
    }

    private static string? Compare(TckResult result, List<string> header, List<List<string>> rows, bool ordered, bool sortLists)
    {
        if (!result.Columns.SequenceEqual(header))
        {
            return $"columns differ: expected [{string.Join(", ", header)}], got [{string.Join(", ", result.Columns)}]";
        }

        var expected = rows.Select(r => string.Join(" | ", r.Select(c => TckValue.CanonicalExpected(c, sortLists)))).ToList();
        var actual = result.Rows.Select(r => string.Join(" | ", r.Select(v => TckValue.CanonicalActual(v, sortLists)))).ToList();
        if (!ordered)
        {
            expected.Sort(StringComparer.Ordinal);
            actual.Sort(StringComparer.Ordinal);
        }

        if (!expected.SequenceEqual(actual))
        {
            return "rows differ:\n expected:\n  " + string.Join("\n  ", expected) + "\n actual:\n  " + string.Join("\n  ", actual);
        }

        return null;
    }
}

/// <summary>The columns and rows a query returned, from <see cref="Graph.Query"/> or from a script.</summary>
public sealed record TckResult(IReadOnlyList<string> Columns, List<ImmutableArray<object?>> Rows)
{
    public int Count => Rows.Count;
}
