using System.Collections.Immutable;
using System.Text.RegularExpressions;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.Query.Tck;

/// <summary>
/// The TCK's step "there exists a procedure name(in :: TYPE?, …) :: (out :: TYPE?, …):" with a table whose
/// columns are the arguments and then the outputs: a <see cref="QueryProcedure"/> whose rows are the table's rows
/// whose argument columns equal the arguments given.
/// </summary>
public static partial class TckProcedures
{
    /// <summary>Whether the step declares a procedure.</summary>
    public static bool IsDeclaration(string step) => step.StartsWith("there exists a procedure ", StringComparison.Ordinal);

    /// <summary>The procedure a declaration step describes.</summary>
    public static QueryProcedure Parse(string step, List<List<string>>? table)
    {
        var m = Signature().Match(step);
        if (!m.Success)
        {
            throw new FormatException("not a procedure signature: " + step);
        }

        var inputs = Fields(m.Groups["in"].Value);
        var outputs = Fields(m.Groups["out"].Value);
        var rows = (table ?? []).Skip(1).Select(r => r.Select(c => TckValue.ToClr(TckValue.ParseParameter(c))).ToArray()).ToList();
        return new QueryProcedure(m.Groups["name"].Value, inputs, outputs, args =>
            rows.Where(r => Enumerable.Range(0, inputs.Count).All(i => Same(r[i], args[i])))
                .Select(r => (IReadOnlyList<object?>)r[inputs.Count..])
                .ToList());
    }

    private static bool Same(object? expected, object? given) => expected switch
    {
        null => given is null,
        long l when given is double d => l == d,
        _ => Equals(expected, given),
    };

    private static List<ProcedureField> Fields(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split("::", StringSplitOptions.TrimEntries))
            .Select(f => new ProcedureField(f[0], Type(f[1].TrimEnd('?'))))
            .ToList();

    private static ProcedureFieldType Type(string name) => name switch
    {
        "STRING" => ProcedureFieldType.String,
        "INTEGER" => ProcedureFieldType.Integer,
        "FLOAT" => ProcedureFieldType.Float,
        "NUMBER" => ProcedureFieldType.Number,
        "BOOLEAN" => ProcedureFieldType.Boolean,
        "MAP" => ProcedureFieldType.Map,
        "NODE" => ProcedureFieldType.Node,
        "RELATIONSHIP" => ProcedureFieldType.Relationship,
        "PATH" => ProcedureFieldType.Path,
        _ when name.StartsWith("LIST", StringComparison.Ordinal) => ProcedureFieldType.List,
        _ => ProcedureFieldType.Any,
    };

    [GeneratedRegex(@"^there exists a procedure (?<name>[\w.]+)\((?<in>[^)]*)\)\s*::\s*\((?<out>[^)]*)\)\s*:$")]
    private static partial Regex Signature();
}
