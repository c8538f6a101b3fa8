namespace KnowledgeGraph.Query;

/// <summary>EXISTS subqueries: each runs on an executor of its own (its own matcher state), from the enclosing row.</summary>
internal sealed partial class Executor
{
    private Dictionary<ExistsExpr, Executor>? _subqueries;

    /// <summary>Whether the subquery gives a row when it starts from <paramref name="row"/>; it stops at the first.</summary>
    private bool Exists(ExistsExpr ex, object?[] row)
    {
        _subqueries ??= new(ReferenceEqualityComparer.Instance);
        if (!_subqueries.TryGetValue(ex, out var executor))
        {
            executor = new Executor(_ctx.ForSubquery(), _width) { OnMatch = OnMatch };
            _subqueries[ex] = executor;
        }

        return executor.RunExists(ex, row);
    }

    private bool RunExists(ExistsExpr ex, object?[] row)
    {
        var bound = new bool[_width];
        foreach (int slot in ex.OuterSlots)
        {
            bound[slot] = true;
        }

        List<string> columns = [];
        var ops = BuildOps(ex.Query, bound, ref columns, out var result);
        if (result is not null)
        {
            ops.RemoveAt(ops.Count - 1);
        }

        var found = new FirstRow(this);
        ops.Add(found);
        Run(ops, (object?[])row.Clone());
        return found.Found;
    }

    /// <summary>The end of an EXISTS subquery: notes the first row and stops the operators before it.</summary>
    private sealed class FirstRow(Executor owner) : Op(owner)
    {
        public bool Found { get; private set; }

        public override void Push(object?[] row)
        {
            Found = true;
            throw new StopSignal(this);
        }

        public override void Finish()
        {
        }
    }
}
