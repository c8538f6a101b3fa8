using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>
/// Runs the statements of a Cypher script, one after another, against a <see cref="ScriptGraph"/>.
/// CREATE, MERGE, SET, REMOVE and DELETE write to the staging graph; MATCH clauses made of single node patterns are answered
/// from its indexes; any other MATCH (and pattern expressions, and functions of nodes) read an immutable
/// snapshot of it, rebuilt only when something changed since the last one.
/// </summary>
/// <remarks>
/// Within one statement MATCH sees the graph as it was when the statement began; MERGE, SET and property
/// reads of written nodes see every write before them. Rows hold <see cref="NodeRef"/> for nodes of the
/// statement's snapshot and the <see cref="ScriptNode"/> itself otherwise (nodes created in the statement,
/// or every node when the statement needs no snapshot). DELETE deletes for every row before the next clause
/// sees one; a node a plain DELETE removed is checked for relationships left when the statement ends.
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
    private int[] _lineStarts = [0];

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

    /// <summary>Parses the whole script, analyses every statement, then runs them in order.</summary>
    /// <exception cref="QueryException">The script does not parse, or a statement is not meaningful or fails; the message and <see cref="QueryException.Position"/> name the statement's line and column.</exception>
    public void Run(string script)
    {
        var statements = Parser.ParseScript(script, _options.MaxNestingDepth);
        _lineStarts = ScriptPosition.LineStarts(script);
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
                throw At(offset).Locate(ex, "In the statement at");
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
                throw At(offset).Locate(ex, "In the statement at");
            }
        }
    }

    /// <summary>The line and column of an offset into the script being run.</summary>
    private ScriptPosition At(int offset) => ScriptPosition.Of(_lineStarts, offset);

    private void RunStatement(QueryAst ast, int width, StatementPlan plan)
    {
        Graph.Compact();
        _deletedPlain.Clear();
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
        _ctx = new ExecContext(graph, _parameters, _options, _ct) { IsDeleted = IsDeleted };
        var executor = new Executor(_ctx, width)
        {
            OnWrite = Write,
            OnMatch = (m, rows, bound) => plan.Fast.Contains(m) ? FastMatch(m, rows, bound) : null,
        };
        var result = executor.Run(ast);
        CheckDeletedNodes();
        KeepRows(result);
    }

    // ---- values ----
    private object NodeValue(ScriptNode n) => n.Index < _refLimit ? new NodeRef(_toSnapshot[n.Index]) : n;

    private ScriptNode? NodeOf(object? value, string? variable) => value switch
    {
        null => null,
        ScriptNode n => n,
        NodeRef r => _fromSnapshot[r.Index],
        _ => throw QueryErrors.NotANode(variable ?? string.Empty, value),
    };

    private IScriptElement ElementOf(object value, string variable) => value switch
    {
        ScriptNode n => n,
        NodeRef r => _fromSnapshot[r.Index],
        ScriptRel r => r,
        EdgeRef e => Graph.Rels[_edgeOrigin[e.Edge]],
        _ => throw QueryErrors.SetOnNonEntityValue(variable, value),
    };

    private Dictionary<string, object?>? EvalMap(Expr? e, object?[] row)
    {
        if (e is null)
        {
            return null;
        }

        var v = Evaluator.Eval(e, row, _ctx);
        return v as Dictionary<string, object?> ?? throw QueryErrors.PropertiesNotMap(v);
    }
}
