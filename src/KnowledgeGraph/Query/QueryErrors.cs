using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>
/// Every error the query engine raises, with its text and its openCypher code, in one place: the
/// parser, analyzer, matcher, executor, evaluator, functions and temporal values call these and
/// never format an error message themselves. Each returns the exception for the caller to throw
/// (<c>throw QueryErrors.UndefinedVariable(name)</c>), so the call site reads as what went wrong.
/// </summary>
internal static class QueryErrors
{
    // ---- Categories and codes (openCypher) ------------------------------------------------

    private const string ArgumentError = "ArgumentError";
    private const string ArithmeticError = "ArithmeticError";
    private const string SemanticError = "SemanticError";
    private const string InvalidArgumentType = "InvalidArgumentType";
    private const string InvalidArgumentValue = "InvalidArgumentValue";
    private const string IntegerOverflowCode = "IntegerOverflow";
    private const string NestingTooDeepCode = "NestingTooDeep";
    private const string UnsupportedClauseCode = "UnsupportedClause";
    private const string UndefinedVariableCode = "UndefinedVariable";
    private const string VariableAlreadyBoundCode = "VariableAlreadyBound";
    private const string VariableTypeConflictCode = "VariableTypeConflict";
    private const string InvalidParameterUseCode = "InvalidParameterUse";
    private const string InvalidNameCode = "InvalidName";

    // ---- Syntax: the lexer ---------------------------------------------------------------

    public static QuerySyntaxException UnclosedQuotedName(string text, int at) =>
        new(text, at, "end of input", "closing ` of the quoted name");

    public static QuerySyntaxException UnclosedParameterName(string text, int at) =>
        new(text, at, "end of input", "closing ` of the parameter name");

    public static QuerySyntaxException MissingParameterName(string text, int at) =>
        new(text, at, at < text.Length ? $"`{text[at]}`" : "end of input", "a parameter name after $");

    public static QuerySyntaxException UnexpectedCharacter(string text, int at)
    {
        char c = text[at];
        string shown = char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"character U+{(int)c:X4}") : $"character `{c}`";

        // A dash or minus sign from a word processor where Cypher has the ASCII hyphen-minus.
        if (c != '-' && (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation || c == '\u2212'))
        {
            return new(text, at, string.Create(CultureInfo.InvariantCulture, $"{shown} (U+{(int)c:X4}, a dash)"), "the ASCII hyphen-minus `-`", "InvalidUnicodeCharacter");
        }

        return new(text, at, shown, "a name, number, string, operator or bracket");
    }

    public static QuerySyntaxException UnclosedComment(string text, int at) =>
        new(text, at, "end of input", "*/ closing the comment");

    public static QuerySyntaxException HexIntegerOverflow(string text, int start, int end) =>
        new(text, start, $"number `{text[start..end]}`", "a hexadecimal integer that fits in 64 bits", IntegerOverflowCode);

    public static QuerySyntaxException BadNumberEnd(string text, int at) =>
        new(text, at, $"character `{text[at]}`", "a digit or the end of the number");

    /// <summary>A write clause inside <c>EXISTS { … }</c>: a subquery only reads.</summary>
    public static QuerySyntaxException WriteInSubquery(string text, int at) =>
        new(text, at, "a write clause", "a read-only subquery in EXISTS { … } (MATCH, WITH, UNWIND, RETURN)", "InvalidClauseComposition");

    /// <summary>UNION after UNION ALL, or the other way round: one query joins its parts one way.</summary>
    public static QuerySyntaxException MixedUnion(string text, Token union, bool firstAll) =>
        new(text, union.Offset, firstAll ? "`UNION` after `UNION ALL`" : "`UNION ALL` after `UNION`", $"`{(firstAll ? "UNION ALL" : "UNION")}` again (a query joins all its parts with UNION or all with UNION ALL)", "InvalidClauseComposition");

    public static QuerySyntaxException FloatOverflow(string text, int start, string number) =>
        new(text, start, $"number `{number}`", "a floating-point number in range", "FloatingPointOverflow");

    public static QuerySyntaxException UnclosedString(string text, int start, char quote) =>
        new(text, start, "end of input", $"{quote} closing the string");

    public static QuerySyntaxException BadUnicodeEscape(string text, int at, char escape, int digits) =>
        new(text, at, $"escape `\\{escape}`", $"{digits} hexadecimal digits naming a Unicode code point", "InvalidUnicodeLiteral");

    public static QuerySyntaxException BadEscape(string text, int at, char escape) =>
        new(text, at, $"escape `\\{escape}`", "one of \\t \\b \\n \\r \\f \\' \\\" \\\\ \\uXXXX", "InvalidEscape");

    // ---- Syntax: the parser --------------------------------------------------------------

    /// <summary>The parser's general error: the token found where the grammar expected <paramref name="expected"/>.</summary>
    public static QuerySyntaxException Unexpected(string text, Token at, string expected) =>
        new(text, at.Offset, at.Describe(), expected);

    public static QuerySyntaxException TooManyRelationships(string text, Token at, int max) =>
        new(text, at.Offset, at.Describe(), $"at most {max} relationships in one pattern", NestingTooDeepCode);

    public static QuerySyntaxException TooManyClauses(string text, Token at, int max) =>
        new(text, at.Offset, at.Describe(), $"at most {max} clauses in one query part", NestingTooDeepCode);

    public static QuerySyntaxException NestingTooDeep(string text, Token at, int max) =>
        new(text, at.Offset, at.Describe(), $"at most {max} levels of nesting", NestingTooDeepCode);

    public static QuerySyntaxException ExpressionTooDeep(string text, Token at, int max) =>
        new(text, at.Offset, at.Describe(), $"at most {max} levels of nesting (each operator of a chain such as a + b + c, each property lookup, subscript and CASE counts as one)", NestingTooDeepCode);

    public static QuerySyntaxException UnsupportedClause(string text, Token at, string supported) =>
        new(text, at.Offset, at.Describe(), "a supported clause (" + supported + "); " + at.Text.ToUpperInvariant() + " is not supported", UnsupportedClauseCode);

    public static QuerySyntaxException BadVariableLength(string text, Token at) =>
        new(text, at.Offset, at.Describe(), "`]`; a variable length is written *, *n, *n..m, *..m with non-negative bounds", "InvalidRelationshipPattern");

    public static QuerySyntaxException IntegerTooLarge(string text, int at, string found) =>
        new(text, at, found, "an integer that fits in 64 bits", IntegerOverflowCode);

    public static QuerySyntaxException StarOutsideCount(string text, int at, string function) =>
        new(text, at, $"`{function}(*)`", "count(*); only count takes *");

    // ---- Semantic: variables -------------------------------------------------------------

    public static QuerySemanticException UndefinedVariable(string name, string? why = null) =>
        new($"Variable `{name}` not defined{(why is null ? string.Empty : " (" + why + ")")}.", UndefinedVariableCode);

    public static QuerySemanticException VariableAlreadyBound(string name, string? why = null) =>
        new($"Variable `{name}` already declared{(why is null ? string.Empty : "; " + why)}.", VariableAlreadyBoundCode);

    public static QuerySemanticException VariableTypeConflict(string name, object kind, string usedAs) =>
        new($"Variable `{name}` is a {kind} and cannot be used as a {usedAs}.", VariableTypeConflictCode);

    public static QuerySemanticException RelationshipUsedTwice(string name) =>
        new($"Cannot use the same relationship variable `{name}` twice in one MATCH.", "RelationshipUniquenessViolation");

    /// <summary>A function given, as the analyzer can tell, a value it never takes (compile time).</summary>
    public static QuerySemanticException StaticArgumentType(string function, string argument, string type) =>
        new($"Type mismatch: {function}() cannot take `{argument}`, a {type}.", InvalidArgumentType);

    /// <summary>Arithmetic on a value that, as the analyzer can tell, is no number (compile time).</summary>
    public static QuerySemanticException StaticOperandType(string op, string expression, string operand, string type) =>
        new($"Type mismatch: `{expression}` needs numbers (or temporal values) on both sides of {op}; `{operand}` is a {type}.", InvalidArgumentType);

    public static QuerySemanticException PropertyOfNonEntity(string key, string variable, string kind) =>
        new($"Cannot read property '{key}' of `{variable}`, a {kind}.", InvalidArgumentType);

    public static QuerySemanticException NoVariablesInScope() =>
        new("RETURN * needs at least one variable in scope.", "NoVariablesInScope");

    public static QuerySemanticException ColumnNameConflict(string name) =>
        new($"Multiple result columns with the same name `{name}`.", "ColumnNameConflict");

    public static QuerySemanticException NoExpressionAlias(string expression) =>
        new($"Expression `{expression}` in WITH must be aliased (use AS).", "NoExpressionAlias");

    public static QuerySemanticException DifferentColumnsInUnion() =>
        new("All parts of a UNION must return the same columns.", "DifferentColumnsInUnion");

    // ---- Semantic: aggregation -----------------------------------------------------------

    public static QuerySemanticException AggregateNotAllowed(string function) =>
        new($"Aggregate function {function}() is not allowed here.", "InvalidAggregation");

    public static QuerySemanticException NestedAggregate(string function) =>
        new($"Aggregate function {function}() cannot be nested in another aggregate.", "NestedAggregation");

    public static QuerySemanticException AggregateArguments(string function, int found) =>
        new($"Aggregate function {function}() takes exactly one argument; found {found}.", "InvalidNumberOfArguments");

    public static QuerySemanticException UnknownAggregate(string function) =>
        new($"Aggregate {function}() is not supported.", "UnknownFunction");

    public static QuerySemanticException NotAGroupingKey(string expression) =>
        new($"The expression `{expression}` is used beside an aggregate but is not a grouping key.", "AmbiguousAggregationExpression");

    public static QuerySemanticException AggregateInOrderBy(string expression) =>
        new($"The expression `{expression}` is used beside an aggregate in ORDER BY; refer to its column name instead.", "AmbiguousAggregationExpression");

    // ---- Semantic: clauses and patterns --------------------------------------------------

    public static QuerySemanticException MissingReturn() =>
        new("A query must end with RETURN (or, in a script, CREATE, MERGE, SET, REMOVE or DELETE).", "InvalidClauseComposition");

    public static QuerySemanticException ReadOnlyGraph(string clause) =>
        new($"{clause} is not allowed here: a Graph is immutable; run writes (CREATE, MERGE, SET, REMOVE, DELETE) against a GraphBuilder with CypherScript.Apply, or load a script with CypherScript.Load.", UnsupportedClauseCode);

    public static QuerySemanticException CreateOnReadOnlyGraph() =>
        new("CREATE is not allowed here: a Graph is immutable; apply CREATE to a GraphBuilder with CypherScript.Apply.", UnsupportedClauseCode);

    public static QuerySemanticException WritesNeedBuilder() =>
        new("CREATE, MERGE, SET, REMOVE and DELETE need a GraphBuilder; use CypherScript.Apply.", UnsupportedClauseCode);

    public static QuerySemanticException ParameterAsProperties(string what, string clause) =>
        new($"A parameter cannot be used as a {what}'s properties in {clause}; write {{key: $param}}.", InvalidParameterUseCode);

    public static QuerySemanticException CreateRelationshipShape(bool varLength, int types) =>
        new("CREATE needs each relationship to have one type and a direction.", varLength ? "CreatingVarLength" : types != 1 ? "NoSingleRelationshipType" : "RequiresDirectedRelationship");

    public static QuerySemanticException MergeRelationshipShape(bool varLength) =>
        new("MERGE needs each relationship to have exactly one type and no variable length.", varLength ? "CreatingVarLength" : "NoSingleRelationshipType");

    public static QuerySemanticException MergeShortestPath() =>
        new("MERGE cannot use shortestPath or allShortestPaths.", "InvalidRelationshipPattern");

    public static QuerySemanticException MergePathVariable(string name) =>
        new($"MERGE does not bind a path variable (`{name}`); name the nodes and relationships instead.", "InvalidRelationshipPattern");

    public static QuerySemanticException InvalidStoredName(string what, string name) =>
        new($"The {what} `{name}` cannot be stored: {what}s must be non-empty names without whitespace or control characters.", InvalidNameCode, SemanticError);

    public static QuerySemanticException EmptyPropertyName(string clause) =>
        new($"{clause} needs a non-empty property name.", InvalidNameCode, SemanticError);

    public static QuerySemanticException SetOnNonEntity(string variable, string kind) =>
        new(SetOnNonEntityText(variable, kind), InvalidArgumentType);

    /// <summary>The same mistake found while a script runs, from the value itself.</summary>
    public static QueryTypeException SetOnNonEntityValue(string variable, object? found) =>
        new(SetOnNonEntityText(variable, Values.TypeName(found)), InvalidArgumentType);

    public static QuerySemanticException LabelOnRelationship(string variable, string label) =>
        new(LabelOnRelationshipText(variable, label), InvalidArgumentType);

    /// <summary>The same mistake found while a script runs.</summary>
    public static QueryTypeException LabelOnRelationshipValue(string variable, string label) =>
        new(LabelOnRelationshipText(variable, label), InvalidArgumentType);

    public static QueryTypeException SetNeedsMap(string variable, string op, object? found) =>
        new($"SET {variable} {op} needs a map, a node or a relationship; found {Values.TypeName(found)}.", InvalidArgumentType);

    public static QueryTypeException PropertiesNotMap(object? found) =>
        new($"Properties must be a map; found {Values.TypeName(found)}.", InvalidArgumentType);

    public static QueryTypeException CannotStore(object? value) =>
        new($"A property cannot hold a {Values.TypeName(value)}.", "InvalidPropertyType");

    public static QueryTypeException CannotStoreProperty(string key, object? value) =>
        new($"Property '{key}' cannot hold a {Values.TypeName(value)}.", "InvalidPropertyType");

    public static QuerySemanticException EmptyPropertyKey() =>
        new("A property name must not be empty.", InvalidNameCode, SemanticError);

    public static QuerySemanticException MergeNullProperty(string what, string key) =>
        new($"Cannot MERGE a {what} with a null value for property '{key}'.", "MergeReadOwnWrites", SemanticError);

    public static QuerySemanticException MergeNullNode(string variable) =>
        new($"MERGE cannot use `{variable}`: it is null.", "MergeNullNode", SemanticError);

    public static QuerySemanticException InvalidDelete(string clause, string item) =>
        new($"{clause} {item}: DELETE removes nodes, relationships and paths, not labels or types; use REMOVE n:Label to remove a label.", "InvalidDelete");

    public static QuerySemanticException DeleteNonEntity(string clause, string item) =>
        new(DeleteNonEntityText(clause, $"`{item}` is never one"), InvalidArgumentType);

    /// <summary>The same mistake found while a script runs, from the value itself.</summary>
    public static QueryTypeException DeleteNonEntityValue(string clause, object? found) =>
        new(DeleteNonEntityText(clause, "found " + Values.TypeName(found)), InvalidArgumentType);

    public static QueryTypeException DeleteConnectedNode(string node, int relationships) =>
        new($"Cannot delete the node {node}: it still has {relationships} relationship{(relationships == 1 ? string.Empty : "s")}; delete its relationships in the same statement or use DETACH DELETE.", "DeleteConnectedNode", "ConstraintVerificationFailed");

    /// <summary>A deleted node or relationship whose properties or labels are read, or that is written to, later in the statement.</summary>
    public static QueryTypeException DeletedEntityAccess(string valueType, string what) =>
        new($"The {valueType.ToLowerInvariant()} was deleted earlier in the statement; {what}.", "DeletedEntityAccess", "EntityNotFound");

    public static QuerySemanticException ScriptClauseUnsupported() =>
        new("Unsupported clause.", UnsupportedClauseCode);

    public static QuerySemanticException ScriptMatchAfterWrite() =>
        new("In a script, a MATCH with relationships, a path or WHERE cannot follow CREATE, MERGE, SET, REMOVE or DELETE in the same statement; end the statement with ; and MATCH in the next one.", UnsupportedClauseCode);

    /// <summary>
    /// The same error with <paramref name="message"/> (its text with where it happened) and a position
    /// (<see cref="QueryException.Position"/>); other exceptions as they are.
    /// </summary>
    public static QueryException Located(QueryException ex, string message, (int Line, int Column) at) => ex switch
    {
        QuerySemanticException => new QuerySemanticException(message, ex.Code, ex.Category) { Position = at },
        QueryTypeException => new QueryTypeException(message, ex.Code, ex.Category) { Position = at },
        QueryLimitException => new QueryLimitException(message) { Position = at },
        _ => ex,
    };

    private static string DeleteNonEntityText(string clause, string found) => $"{clause} needs a node, a relationship or a path (or null); {found}.";

    private static string SetOnNonEntityText(string variable, string kind) => $"SET needs a node or a relationship; `{variable}` is a {kind}.";

    private static string LabelOnRelationshipText(string variable, string label) => $"SET {variable}:{label}: only nodes have labels; `{variable}` is a relationship.";

    public static QuerySemanticException ShortestPathShape() =>
        new("shortestPath needs a pattern with exactly one relationship.", InvalidArgumentType);

    public static QuerySemanticException ShortestPathMinimum() =>
        new("shortestPath only supports a minimal length of 0 or 1.", InvalidArgumentType);

    public static QuerySemanticException NonConstant(string clause) =>
        new($"{clause} must be a constant expression; it cannot refer to variables.", "NonConstantExpression");

    public static QuerySemanticException Negative(string clause, long found) =>
        new($"{clause} must be zero or positive; found {found}.", "NegativeIntegerArgument");

    public static QuerySemanticException NotAnInteger(string clause, object? found = null, bool known = false) =>
        new(known ? $"{clause} must be an integer; found {Values.TypeName(found)}." : $"{clause} must be an integer.", InvalidArgumentType);

    public static QuerySemanticException ParameterMissing(string name) =>
        new($"The parameter ${name} was not given.", "MissingParameter", "ParameterMissing");

    public static QuerySemanticException UnsupportedExpression() =>
        new("Unsupported expression.", "UnsupportedExpression");

    public static QuerySemanticException UnknownFunction(string name) =>
        new($"Unknown function '{name}'.", "UnknownFunction");

    public static QuerySemanticException ArgumentCount(string function, string takes, int found) =>
        new($"{function}() takes {takes} argument(s); found {found}.", "InvalidNumberOfArguments");

    // ---- Procedures (CALL) ---------------------------------------------------------------

    private const string ProcedureError = "ProcedureError";

    public static QuerySemanticException ProcedureNotFound(string name) =>
        new($"There is no procedure '{name}'; QueryOptions.Procedures holds the procedures a query can call.", "ProcedureNotFound", ProcedureError);

    public static QuerySemanticException ImplicitArgumentsInQuery(QueryProcedure p) =>
        new($"Inside a query, the arguments of {p.Name} are given in brackets ({p}); only a CALL standing alone reads them from the parameters.", "InvalidArgumentPassingMode");

    public static QuerySemanticException ProcedureArgumentCount(QueryProcedure p, int found) =>
        new($"{p.Name} takes {p.Parameters.Length} argument(s) ({p}); found {found}.", "InvalidNumberOfArguments");

    public static QuerySemanticException ProcedureArgumentLiteral(QueryProcedure p, ProcedureField field, object? found) =>
        new(ProcedureArgumentText(p, field, found), InvalidArgumentType);

    public static QueryTypeException ProcedureArgument(QueryProcedure p, ProcedureField field, object? found) =>
        new(ProcedureArgumentText(p, field, found), InvalidArgumentType);

    public static QuerySemanticException YieldStarInQuery() =>
        new("YIELD * is allowed only in a CALL standing alone; inside a query, name the outputs to yield.", "UnexpectedSyntax");

    public static QuerySemanticException UnknownProcedureOutput(QueryProcedure p, string output) =>
        new($"{p.Name} has no output '{output}' ({p}).", "UnknownProcedureOutput");

    public static QueryTypeException ProcedureRowShape(QueryProcedure p, int found) =>
        new($"{p.Name} returned a row of {found} value(s); its signature ({p}) has {p.Outputs.Length} output(s).", "InvalidProcedureResult", ProcedureError);

    private static string ProcedureArgumentText(QueryProcedure p, ProcedureField field, object? found) =>
        $"The argument '{field.Name}' of {p.Name} is a {field.Type.ToString().ToUpperInvariant()}; found {Values.TypeName(found)}.";

    // ---- Types and arguments at run time -------------------------------------------------

    public static QueryTypeException NotABoolean(string what, object? found) =>
        new($"{what} must be a boolean; found {Values.TypeName(found)}.", InvalidArgumentType);

    public static QueryTypeException CannotNegate(object? operand) =>
        new($"Cannot negate a {Values.TypeName(operand)}.", InvalidArgumentType);

    public static QueryTypeException UnaryPlus(object? operand) =>
        new($"Unary + needs a number; found {Values.TypeName(operand)}.", InvalidArgumentType);

    public static QueryTypeException LabelOfNonNode(object? target) =>
        new($"A label predicate needs a node; found {Values.TypeName(target)}.", InvalidArgumentType);

    public static QueryTypeException PropertyOf(string key, object? target) =>
        new($"Cannot read property '{key}' of a {Values.TypeName(target)}.", InvalidArgumentType);

    public static QueryTypeException ListIndex(object? index) =>
        new($"A list index must be an integer; found {Values.TypeName(index)}.", InvalidArgumentType);

    public static QueryTypeException MapIndex(object? index) =>
        new($"A map can be indexed only with a string; found {Values.TypeName(index)}.", "MapElementAccessByNonString");

    public static QueryTypeException CannotIndex(object? target, object? index) =>
        new($"Cannot index a {Values.TypeName(target)} with a {Values.TypeName(index)}.", InvalidArgumentType);

    public static QueryTypeException BadSlice() =>
        new("A slice needs a list and integer bounds.", InvalidArgumentType);

    public static QueryTypeException InNeedsList(object? found, bool right = false) =>
        new($"IN needs a list{(right ? " on its right" : string.Empty)}; found {Values.TypeName(found)}.", InvalidArgumentType);

    public static QueryTypeException BadRegex(string reason) =>
        new("Invalid regular expression: " + reason, InvalidArgumentValue, ArgumentError);

    public static QueryTypeException CannotApply(string op, object? left, object? right) =>
        new($"Cannot apply {op} to {Values.TypeName(left)} and {Values.TypeName(right)}.", InvalidArgumentType);

    public static QueryTypeException DivisionByZero(string what = "Division by zero.") =>
        new(what, "DivisionByZero", ArithmeticError);

    public static QueryTypeException Overflow(string what) =>
        new("Integer overflow " + what + ".", IntegerOverflowCode, ArithmeticError);

    public static QueryTypeException NotANode(string variable, object? found) =>
        new($"Variable `{variable}` is a {Values.TypeName(found)}, not a node.", VariableTypeConflictCode);

    public static QueryTypeException PatternPropertiesNotMap(object? found) =>
        new($"A pattern's properties must be a map; found {Values.TypeName(found)}.", InvalidArgumentType);

    public static QueryTypeException UnsupportedParameter(Type type) =>
        new($"A parameter value of type {type.Name} is not supported; use null, bool, integer, float, string, list or map.", "InvalidParameterType");

    public static QueryTypeException CannotConvertToString(object? found) =>
        new($"Cannot convert a {Values.TypeName(found)} to a string.", InvalidArgumentValue);

    /// <summary>A function's argument of the wrong type: <c>left() needs a string; found integer.</c></summary>
    public static QueryTypeException FunctionNeeds(string function, string needs, object? found) =>
        new($"{function}() needs {needs}; found {Values.TypeName(found)}.", InvalidArgumentType);

    /// <summary>A function's argument of the wrong type, said in words: <c>range() needs integer bounds.</c></summary>
    public static QueryTypeException FunctionNeeds(string function, string needs) =>
        new($"{function}() needs {needs}.", InvalidArgumentType);

    public static QueryTypeException FunctionCannotTake(string function, object? found, bool wrongType = false) =>
        new($"{function}() cannot take a {Values.TypeName(found)}.", wrongType ? InvalidArgumentType : InvalidArgumentValue);

    public static QueryTypeException NegativeLength(string function, long found) =>
        new($"{function}() needs a length that is not negative; found {found}.", "NegativeIntegerArgument", ArgumentError);

    public static QueryTypeException ZeroStep() =>
        new("range() needs a non-zero step.", "NumberOutOfRange", ArgumentError);

    // ---- Temporal values -----------------------------------------------------------------

    /// <summary>A temporal argument out of its range or not known: <c>Unknown time zone 'Mars/Base'.</c></summary>
    public static QueryTypeException TemporalValue(string message) => new(message, InvalidArgumentValue, ArgumentError);

    /// <summary>A temporal argument of the wrong type: <c>The 'date' component must hold a date.</c></summary>
    public static QueryTypeException TemporalType(string message) => new(message, InvalidArgumentType);

    public static QueryTypeException DateOutOfRange() => TemporalValue("The date is outside the years 1 to 9999.");

    public static QueryTypeException ComponentNotAllowed(string function, string key) =>
        TemporalValue($"{function}() cannot take the component '{key}'.");

    // ---- Limits --------------------------------------------------------------------------

    public static QueryLimitException TooManyRows(int max) =>
        new($"The query holds more than {max} rows (QueryOptions.MaxRows).");

    public static QueryLimitException RangeTooLarge(long max) =>
        new($"range() would make more than {max} values.");

    public static QueryLimitException RegexTimeout() =>
        new("The regular expression took longer than one second.");

    public static QueryLimitException ValueTooDeep(int max) =>
        new($"A returned value nests lists or maps more than {max} deep.");
}
