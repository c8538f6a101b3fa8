using System.Globalization;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>
/// Runs the statements of a Cypher script, one after another, against a <see cref="ScriptGraph"/>.
/// CREATE, MERGE and SET write to the staging graph; MATCH clauses made of single node patterns are answered
/// from its indexes; any other MATCH (and pattern expressions, and functions of nodes) read an immutable
/// snapshot of it, rebuilt only when something changed since the last one.
/// </summary>
/// <remarks>
/// Within one statement MATCH sees the graph as it was when the statement began; MERGE, SET and property
/// reads of written nodes see every write before them. Rows hold <see cref="NodeRef"/> for nodes of the
/// statement's snapshot and the <see cref="ScriptNode"/> itself otherwise (nodes created in the statement,
/// or every node when the statement needs no snapshot).
/// </remarks>
internal sealed partial class ScriptRunner
{
    private static readonly Lazy<Graph> Empty = new(() => new GraphBuilder(Schema.Open).Build());
    private readonly Dictionary<string, object?> _parameters;
    private readonly QueryOptions _options;
    private readonly CancellationToken _ct;
    private Graph? _snapshot;
    private int[] _edgeOrigin = [];
    private int[] _toSnapshot = [];
    private ScriptNode[] _fromSnapshot = [];
    private int _snapshotVersion = -1;
    private int _refLimit;
    private int _startCount;
    private ExecContext _ctx = null!;

    public ScriptRunner(IReadOnlyDictionary<string, object?>? parameters, QueryOptions options, CancellationToken ct)
    {
        _options = options;
        _ct = ct;
        _parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (parameters is not null)
        {
            foreach (var kv in parameters)
            {
                _parameters[kv.Key] = Values.FromClr(kv.Value, null);
            }
        }
    }

    public ScriptGraph Graph { get; } = new();

    /// <summary>How many snapshots of the staging graph the statements needed (each one a full graph build).</summary>
    public int SnapshotsBuilt { get; private set; }

    /// <summary>The 1-based line and column of the statement that failed (0 when the failure is in no statement).</summary>
    public (int Line, int Column) FailedAt { get; private set; }

    /// <summary>Parses the whole script, analyses every statement, then runs them in order.</summary>
    /// <exception cref="QueryException">The script does not parse, or a statement is not meaningful or fails; the message names the statement's line and column.</exception>
    public void Run(string script)
    {
        var statements = Parser.ParseScript(script, _options.MaxNestingDepth);
        var widths = new int[statements.Count];
        var plans = new StatementPlan[statements.Count];
        for (int i = 0; i < statements.Count; i++)
        {
            var (ast, offset) = statements[i];
            try
            {
                widths[i] = Analyzer.Analyze(ast, allowWrites: true);
                plans[i] = Inspect(ast);
            }
            catch (QueryException ex) when (ex is not QuerySyntaxException)
            {
                throw AtStatement(ex, script, offset);
            }
        }

        for (int i = 0; i < statements.Count; i++)
        {
            _ct.ThrowIfCancellationRequested();
            var (ast, offset) = statements[i];
            try
            {
                RunStatement(ast, widths[i], plans[i]);
            }
            catch (QueryException ex) when (ex is not QuerySyntaxException)
            {
                throw AtStatement(ex, script, offset);
            }
        }
    }

    private QueryException AtStatement(QueryException ex, string script, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < script.Length; i++)
        {
            if (script[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        int column = offset - lineStart + 1;
        FailedAt = (line, column);
        string message = string.Create(CultureInfo.InvariantCulture, $"In the statement at line {line}, column {column}: {ex.Message}");
        return ex switch
        {
            QuerySemanticException => new QuerySemanticException(message, ex.Code, ex.Category),
            QueryTypeException => new QueryTypeException(message, ex.Code, ex.Category),
            QueryLimitException => new QueryLimitException(message),
            _ => ex,
        };
    }

    private sealed class StatementPlan
    {
        public HashSet<MatchClause> Fast { get; } = [];

        public bool NeedsSnapshot { get; set; }
    }

    /// <summary>
    /// Which MATCH clauses the staging graph answers itself (single node patterns, no WHERE), and whether the
    /// statement needs a snapshot: a MATCH with relationships, paths or WHERE, a pattern expression, or a node
    /// or relationship variable used other than by reading a property (labels(n), n:Label, collect(n), …).
    /// </summary>
    private static StatementPlan Inspect(QueryAst ast)
    {
        var plan = new StatementPlan();
        foreach (var part in ast.Parts)
        {
            var tainted = new HashSet<int>();
            bool wrote = false;
            void Scan(Expr? e)
            {
                if (e is not null && ReadsElements(e, tainted))
                {
                    plan.NeedsSnapshot = true;
                }
            }

            void Taint(PatternPart p)
            {
                tainted.UnionWith(p.Nodes.Select(n => n.Slot));
                tainted.UnionWith(p.Rels.Select(r => r.Slot));
                if (p.PathSlot >= 0)
                {
                    tainted.Add(p.PathSlot);
                }
            }

            void ScanPattern(PatternPart p)
            {
                foreach (var n in p.Nodes)
                {
                    Scan(n.Properties);
                }

                foreach (var r in p.Rels)
                {
                    Scan(r.Properties);
                }
            }

            void ScanItems(List<SetItem> items)
            {
                foreach (var item in items)
                {
                    Scan(item.Value);
                }
            }

            foreach (var clause in part.Clauses)
            {
                switch (clause)
                {
                    case MatchClause m:
                        if (IsFast(m))
                        {
                            plan.Fast.Add(m);
                        }
                        else if (wrote)
                        {
                            throw new QuerySemanticException(
                                "In a script, a MATCH with relationships, a path or WHERE cannot follow CREATE, MERGE or SET in the same statement; end the statement with ; and MATCH in the next one.",
                                "UnsupportedClause");
                        }
                        else
                        {
                            plan.NeedsSnapshot = true;
                        }

                        foreach (var p in m.Patterns)
                        {
                            ScanPattern(p);
                            Taint(p);
                        }

                        Scan(m.Where);
                        break;
                    case UnwindClause u:
                        Scan(u.Source);
                        if (u.Source is VariableExpr uv ? tainted.Contains(uv.Slot) : ReadsElements(u.Source, tainted))
                        {
                            tainted.Add(u.Slot);
                        }

                        break;
                    case CreateClause c:
                        foreach (var p in c.Patterns)
                        {
                            ScanPattern(p);
                            Taint(p);
                        }

                        wrote = true;
                        break;
                    case MergeClause mc:
                        ScanPattern(mc.Pattern);
                        Taint(mc.Pattern);
                        ScanItems(mc.OnCreate);
                        ScanItems(mc.OnMatch);
                        wrote = true;
                        break;
                    case SetClause sc:
                        ScanItems(sc.Items);
                        wrote = true;
                        break;
                    case ProjectionClause pc:
                        foreach (var item in pc.Items)
                        {
                            if (item.Expression is VariableExpr v)
                            {
                                if (tainted.Contains(v.Slot))
                                {
                                    tainted.Add(item.Slot);
                                }
                            }
                            else if (ReadsElements(item.Expression, tainted))
                            {
                                plan.NeedsSnapshot = true;
                                tainted.Add(item.Slot);
                            }
                        }

                        foreach (var s in pc.OrderBy)
                        {
                            Scan(s.Expression);
                        }

                        Scan(pc.Where);
                        break;
                }
            }
        }

        return plan;
    }

    private static bool IsFast(MatchClause m) =>
        m.Where is null
        && m.Patterns.All(p => p.Rels.Count == 0 && p.PathVariable is null && p.Shortest == ShortestKind.None && p.Nodes[0].Properties is null or MapExpr);

    /// <summary>Whether an expression uses a node or relationship variable other than to read one of its properties.</summary>
    private static bool ReadsElements(Expr e, HashSet<int> tainted) => e switch
    {
        PatternExpr => true,
        VariableExpr v => tainted.Contains(v.Slot),
        PropertyExpr { Target: VariableExpr } => false,
        _ => Analyzer.Children(e).Any(c => ReadsElements(c, tainted)),
    };

    private void RunStatement(QueryAst ast, int width, StatementPlan plan)
    {
        Graph graph;
        if (plan.NeedsSnapshot)
        {
            if (_snapshotVersion != Graph.Version || _snapshot is null)
            {
                _snapshot = Graph.Snapshot(out _edgeOrigin, out _toSnapshot, out _fromSnapshot);
                _snapshotVersion = Graph.Version;
                SnapshotsBuilt++;
            }

            graph = _snapshot;
            _refLimit = Graph.Nodes.Count;
        }
        else
        {
            graph = Empty.Value;
            _refLimit = 0;
        }

        _startCount = Graph.Nodes.Count;
        _ctx = new ExecContext(graph, _parameters, _options, _ct);
        var executor = new Executor(_ctx, width)
        {
            OnWrite = Write,
            OnMatch = (m, rows, bound) => plan.Fast.Contains(m) ? FastMatch(m, rows, bound) : null,
        };
        KeepRows(executor.Run(ast));
    }

    // ---- values ----
    private object NodeValue(ScriptNode n) => n.Index < _refLimit ? new NodeRef(_toSnapshot[n.Index]) : n;

    private ScriptNode? NodeOf(object? value, string? variable) => value switch
    {
        null => null,
        ScriptNode n => n,
        NodeRef r => _fromSnapshot[r.Index],
        _ => throw new QueryTypeException($"Variable `{variable}` is a {Values.TypeName(value)}, not a node.", "VariableTypeConflict"),
    };

    private IScriptElement ElementOf(object value, string variable) => value switch
    {
        ScriptNode n => n,
        NodeRef r => _fromSnapshot[r.Index],
        ScriptRel r => r,
        EdgeRef e => Graph.Rels[_edgeOrigin[e.Edge]],
        _ => throw new QueryTypeException($"SET needs a node or a relationship; `{variable}` is a {Values.TypeName(value)}.", "InvalidArgumentType"),
    };

    private Dictionary<string, object?>? EvalMap(Expr? e, object?[] row)
    {
        if (e is null)
        {
            return null;
        }

        var v = Evaluator.Eval(e, row, _ctx);
        return v as Dictionary<string, object?> ?? throw new QueryTypeException($"Properties must be a map; found {Values.TypeName(v)}.", "InvalidArgumentType");
    }

    // ---- MATCH of single node patterns ----
    private IEnumerable<object?[]> FastMatch(MatchClause m, IEnumerable<object?[]> input, bool[] bound)
    {
        var nodes = m.Patterns.Select(p => p.Nodes[0]).ToArray();
        var results = new List<object?[]>();
        foreach (var inRow in input)
        {
            _ct.ThrowIfCancellationRequested();
            var row = (object?[])inRow.Clone();
            results.Clear();
            Bind(nodes, 0, row, bound, results);
            if (results.Count == 0 && m.Optional)
            {
                foreach (var n in nodes)
                {
                    if (!bound[n.Slot])
                    {
                        row[n.Slot] = null;
                    }
                }

                yield return row;
                continue;
            }

            foreach (var r in results)
            {
                yield return r;
            }
        }
    }

    private void Bind(NodePattern[] nodes, int i, object?[] row, bool[] bound, List<object?[]> results)
    {
        if (i == nodes.Length)
        {
            results.Add((object?[])row.Clone());
            if (results.Count > _options.MaxRows)
            {
                throw new QueryLimitException($"The query holds more than {_options.MaxRows} rows (QueryOptions.MaxRows).");
            }

            return;
        }

        var n = nodes[i];
        var properties = EvalMap(n.Properties, row);
        var current = row[n.Slot];
        if (bound[n.Slot] || current is not null)
        {
            var node = NodeOf(current, n.Variable);
            if (node is not null && ScriptGraph.Matches(node, n.Labels, properties))
            {
                Bind(nodes, i + 1, row, bound, results);
            }

            return;
        }

        foreach (var c in Graph.Candidates(n.Labels, properties, _startCount))
        {
            row[n.Slot] = NodeValue(c);
            Bind(nodes, i + 1, row, bound, results);
        }

        row[n.Slot] = null;
    }

    // ---- CREATE, MERGE, SET ----
    private IEnumerable<object?[]> Write(Clause clause, object?[] row)
    {
        switch (clause)
        {
            case CreateClause c:
                Create(c, row);
                return [row];
            case MergeClause m:
                return Merge(m, row);
            case SetClause s:
                ApplySet(s.Items, row);
                return [row];
            default:
                throw new QuerySemanticException("Unsupported clause.", "UnsupportedClause");
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> NonNull(Dictionary<string, object?>? map) =>
        map is null ? [] : map.Where(p => p.Value is not null);

    private void Create(CreateClause c, object?[] row)
    {
        foreach (var part in c.Patterns)
        {
            var nodes = new ScriptNode[part.Nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                var n = part.Nodes[i];
                if (row[n.Slot] is { } existing)
                {
                    nodes[i] = NodeOf(existing, n.Variable)!;
                    continue;
                }

                nodes[i] = Graph.CreateNode(n.Labels, NonNull(EvalMap(n.Properties, row)));
                row[n.Slot] = NodeValue(nodes[i]);
            }

            for (int i = 0; i < part.Rels.Count; i++)
            {
                var r = part.Rels[i];
                var (from, to) = r.Direction == RelDirection.In ? (nodes[i + 1], nodes[i]) : (nodes[i], nodes[i + 1]);
                row[r.Slot] = Graph.CreateRel(from, r.Types[0], to, NonNull(EvalMap(r.Properties, row)));
            }
        }
    }

    private Dictionary<string, object?>? MergeMap(Expr? e, object?[] row, string what)
    {
        var map = EvalMap(e, row);
        if (map is not null)
        {
            foreach (var (key, value) in map)
            {
                if (value is null)
                {
                    throw new QuerySemanticException($"Cannot MERGE a {what} with a null value for property '{key}'.", "MergeNullProperty", "SemanticError");
                }
            }
        }

        return map;
    }

    private IEnumerable<object?[]> Merge(MergeClause m, object?[] row)
    {
        var p = m.Pattern;
        int k = p.Nodes.Count;
        var nodeProps = new Dictionary<string, object?>?[k];
        var fixedNodes = new ScriptNode?[k];
        var sameAs = new int[k];
        for (int i = 0; i < k; i++)
        {
            var n = p.Nodes[i];
            nodeProps[i] = MergeMap(n.Properties, row, "node");
            sameAs[i] = -1;
            for (int j = 0; j < i; j++)
            {
                if (p.Nodes[j].Slot == n.Slot)
                {
                    sameAs[i] = j;
                    break;
                }
            }

            if (m.BoundBefore.Contains(n.Slot))
            {
                fixedNodes[i] = NodeOf(row[n.Slot], n.Variable)
                    ?? throw new QuerySemanticException($"MERGE cannot use `{n.Variable}`: it is null.", "MergeNullNode", "SemanticError");
            }
        }

        var relProps = p.Rels.Select(r => MergeMap(r.Properties, row, "relationship")).ToArray();
        var search = new MergeSearch(this, p, nodeProps, relProps, fixedNodes, sameAs);
        var matches = search.Run();
        if (matches.Count > 0)
        {
            var result = new List<object?[]>(matches.Count);
            foreach (var (nodes, rels) in matches)
            {
                var r = (object?[])row.Clone();
                BindPattern(m, r, nodes, rels);
                result.Add(r);
            }

            foreach (var r in result)
            {
                ApplySet(m.OnMatch, r);
            }

            return result;
        }

        var created = new ScriptNode[k];
        for (int i = 0; i < k; i++)
        {
            var n = p.Nodes[i];
            created[i] = fixedNodes[i] ?? (sameAs[i] >= 0 ? created[sameAs[i]] : Graph.CreateNode(n.Labels, NonNull(nodeProps[i])));
        }

        var createdRels = new ScriptRel[p.Rels.Count];
        for (int i = 0; i < createdRels.Length; i++)
        {
            var r = p.Rels[i];
            var (from, to) = r.Direction == RelDirection.In ? (created[i + 1], created[i]) : (created[i], created[i + 1]);
            createdRels[i] = Graph.CreateRel(from, r.Types[0], to, NonNull(relProps[i]));
        }

        BindPattern(m, row, created, createdRels);
        ApplySet(m.OnCreate, row);
        return [row];
    }

    private void BindPattern(MergeClause m, object?[] row, ScriptNode[] nodes, ScriptRel[] rels)
    {
        for (int i = 0; i < nodes.Length; i++)
        {
            var n = m.Pattern.Nodes[i];
            if (!m.BoundBefore.Contains(n.Slot))
            {
                row[n.Slot] = NodeValue(nodes[i]);
            }
        }

        for (int i = 0; i < rels.Length; i++)
        {
            row[m.Pattern.Rels[i].Slot] = rels[i];
        }
    }

    /// <summary>Finds every match of a MERGE pattern in the staging graph: node by node, relationship by relationship.</summary>
    private sealed class MergeSearch(
        ScriptRunner owner,
        PatternPart pattern,
        Dictionary<string, object?>?[] nodeProps,
        Dictionary<string, object?>?[] relProps,
        ScriptNode?[] fixedNodes,
        int[] sameAs)
    {
        private readonly ScriptNode[] _nodes = new ScriptNode[pattern.Nodes.Count];
        private readonly ScriptRel[] _rels = new ScriptRel[pattern.Rels.Count];
        private readonly List<(ScriptNode[], ScriptRel[])> _matches = [];

        public List<(ScriptNode[] Nodes, ScriptRel[] Rels)> Run()
        {
            var n = pattern.Nodes[0];
            IEnumerable<ScriptNode> starts = fixedNodes[0] is { } f ? [f] : owner.Graph.Candidates(n.Labels, nodeProps[0], int.MaxValue);
            foreach (var s in starts)
            {
                TryNode(0, s);
            }

            return _matches;
        }

        private bool Fits(int i, ScriptNode node)
        {
            if (fixedNodes[i] is { } f && !ReferenceEquals(f, node))
            {
                return false;
            }

            if (sameAs[i] >= 0 && !ReferenceEquals(_nodes[sameAs[i]], node))
            {
                return false;
            }

            return ScriptGraph.Matches(node, pattern.Nodes[i].Labels, nodeProps[i]);
        }

        private void TryNode(int i, ScriptNode node)
        {
            if (!Fits(i, node))
            {
                return;
            }

            _nodes[i] = node;
            if (i == _nodes.Length - 1)
            {
                _matches.Add(((ScriptNode[])_nodes.Clone(), (ScriptRel[])_rels.Clone()));
                if (_matches.Count > owner._options.MaxRows)
                {
                    throw new QueryLimitException($"The query holds more than {owner._options.MaxRows} rows (QueryOptions.MaxRows).");
                }

                return;
            }

            var r = pattern.Rels[i];
            string type = r.Types[0];
            var known = fixedNodes[i + 1] ?? (sameAs[i + 1] >= 0 && sameAs[i + 1] <= i ? _nodes[sameAs[i + 1]] : null);
            if (r.Direction != RelDirection.In)
            {
                var rels = known is not null ? owner.Graph.Between(node, type, known) : node.Out;
                foreach (var rel in rels)
                {
                    TryRel(i, rel, rel.End);
                }
            }

            if (r.Direction != RelDirection.Out)
            {
                var rels = known is not null ? owner.Graph.Between(known, type, node) : node.In;
                foreach (var rel in rels)
                {
                    if (r.Direction == RelDirection.Both && ReferenceEquals(rel.Start, rel.End))
                    {
                        continue; // a self-loop was seen as outgoing already
                    }

                    TryRel(i, rel, rel.Start);
                }
            }
        }

        private void TryRel(int i, ScriptRel rel, ScriptNode other)
        {
            if (!string.Equals(rel.Type, pattern.Rels[i].Types[0], StringComparison.Ordinal)
                || (relProps[i] is { } want && !ScriptGraph.PropertiesMatch(rel.Properties, want)))
            {
                return;
            }

            for (int j = 0; j < i; j++)
            {
                if (ReferenceEquals(_rels[j], rel))
                {
                    return;
                }
            }

            _rels[i] = rel;
            TryNode(i + 1, other);
        }
    }

    private void ApplySet(List<SetItem> items, object?[] row)
    {
        foreach (var item in items)
        {
            var target = row[item.Target.Slot];
            if (target is null)
            {
                continue;
            }

            var element = ElementOf(target, item.Target.Name);
            switch (item.Kind)
            {
                case SetKind.Labels or SetKind.RemoveLabels:
                    if (element is not ScriptNode node)
                    {
                        throw new QueryTypeException($"SET {item.Target.Name}:{item.Labels[0]}: only nodes have labels; `{item.Target.Name}` is a relationship.", "InvalidArgumentType");
                    }

                    foreach (var l in item.Labels)
                    {
                        Graph.ChangeLabel(node, l, add: item.Kind == SetKind.Labels);
                    }

                    break;
                case SetKind.Property:
                    Set(element, item.Key!, Evaluator.Eval(item.Value!, row, _ctx));
                    break;
                default:
                    var value = Evaluator.Eval(item.Value!, row, _ctx);
                    var map = value switch
                    {
                        Dictionary<string, object?> d => d.ToList(),
                        ScriptNode or NodeRef or ScriptRel or EdgeRef => Properties(ElementOf(value, item.Target.Name)).ToList(),
                        _ => throw new QueryTypeException($"SET {item.Target.Name} {(item.Kind == SetKind.Replace ? "=" : "+=")} needs a map, a node or a relationship; found {Values.TypeName(value)}.", "InvalidArgumentType"),
                    };
                    if (item.Kind == SetKind.Replace)
                    {
                        var keep = new HashSet<string>(map.Select(p => p.Key), StringComparer.Ordinal);
                        foreach (var key in Properties(element).Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
                        {
                            Set(element, key, null);
                        }
                    }

                    foreach (var (key, v) in map)
                    {
                        Set(element, key, v);
                    }

                    break;
            }
        }
    }

    private static Dictionary<string, object?> Properties(IScriptElement e) => e is ScriptNode n ? n.Properties : ((ScriptRel)e).Properties;

    private void Set(IScriptElement element, string key, object? value)
    {
        if (element is ScriptNode n)
        {
            Graph.SetProperty(n, key, value);
        }
        else
        {
            Graph.SetProperty((ScriptRel)element, key, value);
        }
    }
}
