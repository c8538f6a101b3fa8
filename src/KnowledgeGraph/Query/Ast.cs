namespace KnowledgeGraph.Query;

internal abstract class Expr
{
    public int Start { get; set; }

    public int End { get; set; }
}

internal sealed class LiteralExpr(object? value) : Expr
{
    public object? Value { get; } = value;
}

internal sealed class ParameterExpr(string name) : Expr
{
    public string Name { get; } = name;
}

internal sealed class VariableExpr(string name) : Expr
{
    public string Name { get; } = name;

    public int Slot { get; set; } = -1;
}

internal sealed class PropertyExpr(Expr target, string key) : Expr
{
    public Expr Target { get; } = target;

    public string Key { get; } = key;
}

internal sealed class IndexExpr(Expr target, Expr index) : Expr
{
    public Expr Target { get; } = target;

    public Expr Index { get; } = index;
}

internal sealed class SliceExpr(Expr target, Expr? from, Expr? to) : Expr
{
    public Expr Target { get; } = target;

    public Expr? From { get; } = from;

    public Expr? To { get; } = to;
}

internal sealed class LabelCheckExpr(Expr target, List<string> labels) : Expr
{
    public Expr Target { get; } = target;

    public List<string> Labels { get; } = labels;
}

internal sealed class UnaryExpr(string op, Expr operand) : Expr
{
    public string Op { get; } = op;

    public Expr Operand { get; } = operand;
}

internal sealed class BinaryExpr(string op, Expr left, Expr right) : Expr
{
    public string Op { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

internal sealed class IsNullExpr(Expr operand, bool negated) : Expr
{
    public Expr Operand { get; } = operand;

    public bool Negated { get; } = negated;
}

internal sealed class ListExpr(List<Expr> items) : Expr
{
    public List<Expr> Items { get; } = items;
}

internal sealed class MapExpr(List<KeyValuePair<string, Expr>> entries) : Expr
{
    public List<KeyValuePair<string, Expr>> Entries { get; } = entries;
}

internal sealed class FunctionExpr(string name, bool distinct, List<Expr> args, bool star) : Expr
{
    public string Name { get; } = name;

    public string Lower { get; } = name.ToLowerInvariant();

    public bool Distinct { get; } = distinct;

    public List<Expr> Args { get; } = args;

    public bool Star { get; } = star;

    /// <summary>For aggregates: the row slot their per-group value is placed in.</summary>
    public int AggregateSlot { get; set; } = -1;

    public bool IsAggregate => Lower is "count" or "collect" or "sum" or "avg" or "min" or "max" or "stdev" or "stdevp" or "percentilecont" or "percentiledisc";
}

internal sealed class CaseExpr(Expr? subject, List<(Expr When, Expr Then)> branches, Expr? otherwise) : Expr
{
    public Expr? Subject { get; } = subject;

    public List<(Expr When, Expr Then)> Branches { get; } = branches;

    public Expr? Else { get; } = otherwise;
}

/// <summary><c>[x IN list WHERE p | e]</c>, and the quantifiers <c>all/any/none/single(x IN list WHERE p)</c> (Kind names which).</summary>
internal sealed class ComprehensionExpr(string kind, string variable, Expr source, Expr? where, Expr? map) : Expr
{
    public string Kind { get; } = kind;

    public string Variable { get; } = variable;

    public Expr Source { get; } = source;

    public Expr? Where { get; } = where;

    public Expr? Map { get; } = map;

    public int Slot { get; set; } = -1;
}

internal sealed class PatternExpr(PatternPart pattern) : Expr
{
    public PatternPart Pattern { get; } = pattern;
}

/// <summary>
/// <c>EXISTS { … }</c>: true when the subquery gives at least one row. The simple form (a pattern and an
/// optional WHERE) is held as a subquery of one MATCH; the full form is a query part, read-only, whose RETURN
/// is optional. The subquery sees the variables of the scope it stands in.
/// </summary>
internal sealed class ExistsExpr(SingleQuery query) : Expr
{
    public SingleQuery Query { get; } = query;

    /// <summary>The slots of the enclosing scope's variables, bound when the subquery starts (set by the analyzer).</summary>
    public int[] OuterSlots { get; set; } = [];
}

internal enum RelDirection
{
    Out,
    In,
    Both,
}

internal enum ShortestKind
{
    None,
    Shortest,
    All,
}

internal sealed class NodePattern
{
    public string? Variable { get; set; }

    public bool Anonymous { get; set; }

    public List<string> Labels { get; } = [];

    public Expr? Properties { get; set; }

    public int Slot { get; set; } = -1;

    public int Offset { get; set; }
}

internal sealed class RelPattern
{
    public string? Variable { get; set; }

    public bool Anonymous { get; set; }

    public List<string> Types { get; } = [];

    public RelDirection Direction { get; set; }

    public bool VarLength { get; set; }

    public long? Min { get; set; }

    public long? Max { get; set; }

    public Expr? Properties { get; set; }

    public int Slot { get; set; } = -1;

    public int Offset { get; set; }
}

internal sealed class PatternPart
{
    public string? PathVariable { get; set; }

    public int PathSlot { get; set; } = -1;

    public ShortestKind Shortest { get; set; }

    public List<NodePattern> Nodes { get; } = [];

    public List<RelPattern> Rels { get; } = [];

    public int Offset { get; set; }
}

internal abstract class Clause
{
    public int Offset { get; set; }
}

internal sealed class MatchClause(bool optional, List<PatternPart> patterns, Expr? where) : Clause
{
    public bool Optional { get; } = optional;

    public List<PatternPart> Patterns { get; } = patterns;

    public Expr? Where { get; } = where;
}

internal sealed class UnwindClause(Expr source, string variable) : Clause
{
    public Expr Source { get; } = source;

    public string Variable { get; } = variable;

    public int Slot { get; set; } = -1;
}

/// <summary>
/// <c>CALL name(args) YIELD out AS v, … WHERE …</c>. <see cref="Arguments"/> is null for an implicit call
/// (<c>CALL name</c>, the arguments read from the parameters of the same names); <see cref="Yields"/> is null
/// without YIELD. The analyzer binds <see cref="Procedure"/>, the output index and slot of each yielded item.
/// </summary>
internal sealed class CallClause(string name, List<Expr>? arguments, bool yieldStar, List<YieldItem>? yields, Expr? where) : Clause
{
    public string Name { get; } = name;

    public List<Expr>? Arguments { get; set; } = arguments;

    public bool YieldStar { get; } = yieldStar;

    public List<YieldItem>? Yields { get; set; } = yields;

    public Expr? Where { get; } = where;

    /// <summary>The only clause of its query part: its outputs are the result's columns.</summary>
    public bool Standalone { get; set; }

    public QueryProcedure? Procedure { get; set; }
}

/// <summary>One item of YIELD: a procedure output and the variable it binds.</summary>
internal sealed class YieldItem(string output, string variable, int offset)
{
    public string Output { get; } = output;

    public string Variable { get; } = variable;

    public int Offset { get; } = offset;

    public int OutputIndex { get; set; } = -1;

    public int Slot { get; set; } = -1;
}

internal sealed class CreateClause(List<PatternPart> patterns) : Clause
{
    public List<PatternPart> Patterns { get; } = patterns;
}

/// <summary>What one SET item does: <c>n.key = v</c>, <c>n:Label</c>, <c>n = {map}</c> or <c>n += {map}</c>.</summary>
internal enum SetKind
{
    Property,
    Labels,
    Replace,
    Merge,
    RemoveLabels,
}

/// <summary>One item of a SET clause (or of ON CREATE SET / ON MATCH SET).</summary>
internal sealed class SetItem(SetKind kind, VariableExpr target, string? key, List<string>? labels, Expr? value)
{
    public SetKind Kind { get; } = kind;

    public VariableExpr Target { get; } = target;

    public string? Key { get; } = key;

    public List<string> Labels { get; } = labels ?? [];

    public Expr? Value { get; } = value;

    public int Offset { get; set; }
}

internal sealed class SetClause(List<SetItem> items) : Clause
{
    public List<SetItem> Items { get; } = items;

    /// <summary>The clause as written: SET, or REMOVE (whose items are SET n.key = null and RemoveLabels).</summary>
    public string Name { get; init; } = "SET";
}

/// <summary>
/// <c>DELETE expr, …</c> or <c>DETACH DELETE expr, …</c>: removes the nodes and relationships the expressions give
/// (a path gives all of its own; null gives nothing). DETACH DELETE also removes a node's relationships.
/// </summary>
internal sealed class DeleteClause(List<Expr> items, bool detach) : Clause
{
    public List<Expr> Items { get; } = items;

    public bool Detach { get; } = detach;

    /// <summary>The clause as written: DELETE or DETACH DELETE.</summary>
    public string Name => Detach ? "DETACH DELETE" : "DELETE";
}

/// <summary><c>MERGE pattern [ON CREATE SET …] [ON MATCH SET …]</c>: matches the whole pattern or creates it all.</summary>
internal sealed class MergeClause(PatternPart pattern, List<SetItem> onCreate, List<SetItem> onMatch) : Clause
{
    public PatternPart Pattern { get; } = pattern;

    public List<SetItem> OnCreate { get; } = onCreate;

    public List<SetItem> OnMatch { get; } = onMatch;

    /// <summary>The slots of the pattern's node variables that were bound before the clause.</summary>
    public HashSet<int> BoundBefore { get; } = [];
}

internal sealed class ProjectionItem(Expr expression, string? alias, string text)
{
    public Expr Expression { get; } = expression;

    public string? Alias { get; } = alias;

    public string Name => Alias ?? Text;

    public string Text { get; } = text;

    public int Slot { get; set; } = -1;
}

internal sealed class SortItem(Expr expression, bool descending)
{
    public Expr Expression { get; set; } = expression;

    public bool Descending { get; } = descending;
}

internal sealed class ProjectionClause : Clause
{
    public bool IsReturn { get; set; }

    public bool Distinct { get; set; }

    public bool Star { get; set; }

    public List<ProjectionItem> Items { get; } = [];

    public List<SortItem> OrderBy { get; } = [];

    public Expr? Skip { get; set; }

    public Expr? Limit { get; set; }

    public Expr? Where { get; set; }
}

internal sealed class SingleQuery(List<Clause> clauses)
{
    public List<Clause> Clauses { get; } = clauses;
}

internal sealed class QueryAst(List<SingleQuery> parts, List<bool> unionAll, string text)
{
    public List<SingleQuery> Parts { get; } = parts;

    /// <summary>For each UNION between parts: whether it is UNION ALL.</summary>
    public List<bool> UnionAll { get; } = unionAll;

    public string Text { get; } = text;
}
