using System.Collections.Immutable;

namespace KnowledgeGraph.Query;

/// <summary>The type of a procedure's argument or output, named as in openCypher signatures (<c>INTEGER?</c>, <c>STRING?</c>, …). Every type admits null.</summary>
public enum ProcedureFieldType
{
    /// <summary>Any value (<c>ANY?</c>).</summary>
    Any,

    /// <summary>A boolean (<c>BOOLEAN?</c>).</summary>
    Boolean,

    /// <summary>An integer (<c>INTEGER?</c>), a <see cref="long"/>.</summary>
    Integer,

    /// <summary>A float (<c>FLOAT?</c>), a <see cref="double"/>; an integer argument is widened to one.</summary>
    Float,

    /// <summary>An integer or a float (<c>NUMBER?</c>).</summary>
    Number,

    /// <summary>A string (<c>STRING?</c>).</summary>
    String,

    /// <summary>A list (<c>LIST? OF ANY?</c>).</summary>
    List,

    /// <summary>A map (<c>MAP?</c>).</summary>
    Map,

    /// <summary>A node, an <see cref="Entity"/> (<c>NODE?</c>).</summary>
    Node,

    /// <summary>A relationship, a <see cref="Relation"/> (<c>RELATIONSHIP?</c>).</summary>
    Relationship,

    /// <summary>A path, a <see cref="GraphPath"/> (<c>PATH?</c>).</summary>
    Path,
}

/// <summary>One argument or output of a <see cref="QueryProcedure"/>: its name and its type.</summary>
/// <param name="Name">The name: an output's name is what <c>YIELD</c> binds; an argument's name is the parameter an implicit call (<c>CALL p</c>, no brackets) reads.</param>
/// <param name="Type">The type.</param>
public sealed record ProcedureField(string Name, ProcedureFieldType Type);

/// <summary>
/// A procedure that queries can <c>CALL</c>, given to <see cref="QueryOptions.Procedures"/>: a dotted name, the
/// arguments it takes, the outputs each of its rows holds, and a body that maps the arguments to rows. The body
/// sees values as <see cref="QueryResult"/> gives them (null, <see cref="bool"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="string"/>, <see cref="ImmutableArray{T}"/> lists, sorted maps,
/// <see cref="Entity"/>, <see cref="Relation"/>, <see cref="GraphPath"/>, <see cref="TemporalValue"/>) and returns
/// rows of as many values as there are outputs, of the forms a query parameter takes.
/// </summary>
/// <example><code>
/// var upper = new QueryProcedure("text.upper", [new("text", ProcedureFieldType.String)], [new("upper", ProcedureFieldType.String)],
///     args => [[((string?)args[0])?.ToUpperInvariant()]]);
/// var options = new QueryOptions { Procedures = [upper] };
/// g.Query("MATCH (p:Person) CALL text.upper(p.name) YIELD upper RETURN upper", options: options);
/// g.Query("CALL text.upper('nato')", options: options);   // standalone: the outputs are the columns
/// </code></example>
/// <threadsafety>Immutable; the body may run on any thread and must be safe to call concurrently when the options are shared.</threadsafety>
public sealed class QueryProcedure
{
    private readonly Func<IReadOnlyList<object?>, IEnumerable<IReadOnlyList<object?>>> _body;

    /// <summary>Creates a procedure.</summary>
    /// <param name="name">The name queries call, dotted (<c>db.labels</c>, <c>test.my.proc</c>); matched by ordinal comparison.</param>
    /// <param name="parameters">The arguments, in order.</param>
    /// <param name="outputs">The outputs of each row, in order; none for a procedure that only acts (a void procedure).</param>
    /// <param name="body">Maps the arguments (converted to the declared types) to the rows.</param>
    /// <exception cref="ArgumentException">The name is empty or not dotted identifiers, or two arguments or two outputs share a name.</exception>
    public QueryProcedure(string name, IEnumerable<ProcedureField> parameters, IEnumerable<ProcedureField> outputs, Func<IReadOnlyList<object?>, IEnumerable<IReadOnlyList<object?>>> body)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(body);
        if (name.Length == 0 || name.Split('.').Any(part => part.Length == 0 || !part.All(c => char.IsLetterOrDigit(c) || c == '_')))
        {
            throw new ArgumentException($"A procedure name is identifiers joined by dots, such as 'db.labels'; found '{name}'.", nameof(name));
        }

        Name = name;
        Parameters = [.. parameters];
        Outputs = [.. outputs];
        CheckUnique(Parameters, "argument", nameof(parameters));
        CheckUnique(Outputs, "output", nameof(outputs));
        _body = body;
    }

    /// <summary>The dotted name queries call.</summary>
    public string Name { get; }

    /// <summary>The arguments, in order.</summary>
    public ImmutableArray<ProcedureField> Parameters { get; }

    /// <summary>The outputs of each row, in order; empty for a void procedure.</summary>
    public ImmutableArray<ProcedureField> Outputs { get; }

    /// <summary>The signature as openCypher writes it: <c>test.my.proc(name :: STRING?) :: (out :: INTEGER?)</c>.</summary>
    /// <returns>The signature.</returns>
    public override string ToString() =>
        $"{Name}({string.Join(", ", Parameters.Select(Field))}) :: ({string.Join(", ", Outputs.Select(Field))})";

    internal IEnumerable<IReadOnlyList<object?>> Invoke(IReadOnlyList<object?> arguments) => _body(arguments);

    private static string Field(ProcedureField f) => f.Name + " :: " + f.Type.ToString().ToUpperInvariant() + "?";

    private static void CheckUnique(ImmutableArray<ProcedureField> fields, string what, string parameter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            ArgumentNullException.ThrowIfNull(f, parameter);
            if (!seen.Add(f.Name))
            {
                throw new ArgumentException($"Two {what}s are named '{f.Name}'.", parameter);
            }
        }
    }
}
