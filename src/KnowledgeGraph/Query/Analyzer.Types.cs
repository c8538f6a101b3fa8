namespace KnowledgeGraph.Query;

/// <summary>What the analyzer knows of an expression's type before the query runs (Unknown when it cannot tell).</summary>
internal enum StaticType
{
    Unknown,
    Node,
    Relationship,
    Path,
    Integer,
    Float,
    String,
    Boolean,
    List,
    Map,
}

/// <summary>
/// Type errors found while analysing: a function or operator given a value it can never take, known from literals
/// and from the kind of a variable (a node, a relationship, a path, or an element of a list literal of one type).
/// Everything the analyzer cannot tell is left to the evaluator, which raises <see cref="QueryTypeException"/>.
/// </summary>
internal sealed partial class Analyzer
{
    /// <summary>The element types of list comprehension and quantifier variables over list literals of one type, by slot.</summary>
    private readonly Dictionary<int, StaticType> _elementTypes = [];

    private StaticType TypeOf(Expr e) => e switch
    {
        LiteralExpr { Value: long } => StaticType.Integer,
        LiteralExpr { Value: double } => StaticType.Float,
        LiteralExpr { Value: string } => StaticType.String,
        LiteralExpr { Value: bool } => StaticType.Boolean,
        ListExpr => StaticType.List,
        MapExpr => StaticType.Map,
        VariableExpr v when _scope.TryGetValue(v.Name, out var info) => info.Kind switch
        {
            VarKind.Node => StaticType.Node,
            VarKind.Relationship => StaticType.Relationship,
            VarKind.Path => StaticType.Path,
            VarKind.RelationshipList => StaticType.List,
            _ => _elementTypes.GetValueOrDefault(info.Slot),
        },
        _ => StaticType.Unknown,
    };

    /// <summary>The one type of every item of a list literal (Unknown when they differ, are not all known, or there are none).</summary>
    private StaticType ElementTypeOf(Expr list)
    {
        if (list is not ListExpr { Items.Count: > 0 } l)
        {
            return StaticType.Unknown;
        }

        var first = TypeOf(l.Items[0]);
        return l.Items.All(i => TypeOf(i) == first) ? first : StaticType.Unknown;
    }

    /// <summary>labels(), type() and properties() of a value they never take.</summary>
    private void CheckFunctionArgument(FunctionExpr f)
    {
        if (f.Args.Count != 1)
        {
            return;
        }

        var type = TypeOf(f.Args[0]);
        bool wrong = f.Lower switch
        {
            "labels" => type is not (StaticType.Unknown or StaticType.Node),
            "type" => type is not (StaticType.Unknown or StaticType.Relationship),
            "properties" => type is not (StaticType.Unknown or StaticType.Node or StaticType.Relationship or StaticType.Map),
            _ => false,
        };
        if (wrong)
        {
            throw QueryErrors.StaticArgumentType(f.Name, Text(f.Args[0]), type.ToString());
        }
    }

    /// <summary>Arithmetic other than <c>+</c> on a value that is never a number, a temporal value or a duration.</summary>
    private void CheckArithmetic(BinaryExpr b)
    {
        if (b.Op is not ("-" or "*" or "/" or "%" or "^"))
        {
            return;
        }

        foreach (var operand in (ReadOnlySpan<Expr>)[b.Left, b.Right])
        {
            var type = TypeOf(operand);
            if (type is StaticType.String or StaticType.Boolean or StaticType.Node or StaticType.Relationship or StaticType.Path or StaticType.List or StaticType.Map)
            {
                throw QueryErrors.StaticOperandType(b.Op, Text(b), Text(operand), type.ToString());
            }
        }
    }
}
