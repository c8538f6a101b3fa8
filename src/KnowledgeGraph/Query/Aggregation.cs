using System.Buffers;
using System.Globalization;

namespace KnowledgeGraph.Query;

/// <summary>
/// The state of one aggregate (count, collect, min, max, sum, avg; optionally DISTINCT) for every group of a
/// projection, in arrays indexed by group number, so that a new group costs no objects of its own.
/// </summary>
internal sealed class AggregateState
{
    private enum Kind
    {
        CountStar,
        Count,
        Collect,
        Min,
        Max,
        Sum,
        Avg,
        Unsupported,
    }

    private readonly FunctionExpr _f;
    private readonly Kind _kind;
    private readonly DistinctNodes? _nodes;
    private HashSet<object?>?[]? _distinct;
    private long[] _count = [];
    private object?[]? _best;
    private List<object?>?[]? _items;
    private long[]? _sumInt;
    private double[]? _sumFloat;
    private bool[]? _isFloat;
    private int _capacity;

    public AggregateState(FunctionExpr f, int nodeCount)
    {
        _f = f;
        _kind = f.Star ? Kind.CountStar : f.Lower switch
        {
            "count" => Kind.Count,
            "collect" => Kind.Collect,
            "min" => Kind.Min,
            "max" => Kind.Max,
            "sum" => Kind.Sum,
            "avg" => Kind.Avg,
            _ => Kind.Unsupported,
        };
        _nodes = f.Distinct && !f.Star ? new DistinctNodes(nodeCount) : null;
    }

    /// <summary>Makes room for groups numbered below <paramref name="groups"/>.</summary>
    public void Grow(int groups)
    {
        if (groups <= _capacity)
        {
            return;
        }

        int n = Math.Max(16, Math.Max(groups, _capacity * 2));
        Array.Resize(ref _count, n);
        switch (_kind)
        {
            case Kind.Collect:
                Array.Resize(ref _items, n);
                break;
            case Kind.Min or Kind.Max:
                Array.Resize(ref _best, n);
                break;
            case Kind.Sum or Kind.Avg:
                Array.Resize(ref _sumInt, n);
                Array.Resize(ref _sumFloat, n);
                Array.Resize(ref _isFloat, n);
                break;
        }

        if (_distinct is not null)
        {
            Array.Resize(ref _distinct, n);
        }

        _nodes?.Grow(n);
        _capacity = n;
    }

    /// <summary>Adds one row to group <paramref name="g"/>.</summary>
    public void Add(int g, object?[] row, ExecContext ctx)
    {
        if (_kind == Kind.CountStar)
        {
            _count[g]++;
            return;
        }

        var v = Evaluator.Eval(_f.Args[0], row, ctx);
        if (v is null)
        {
            return;
        }

        if (_nodes is not null && !IsNew(g, v))
        {
            return;
        }

        _count[g]++;
        switch (_kind)
        {
            case Kind.Count:
                break;
            case Kind.Collect:
                (_items![g] ??= []).Add(v);
                break;
            case Kind.Min:
                if (_best![g] is not { } min || Values.OrderCompare(v, min) < 0)
                {
                    _best[g] = v;
                }

                break;
            case Kind.Max:
                if (_best![g] is not { } max || Values.OrderCompare(v, max) > 0)
                {
                    _best[g] = v;
                }

                break;
            case Kind.Sum or Kind.Avg:
                AddNumber(g, v);
                break;
            default:
                throw QueryErrors.UnknownAggregate(_f.Name);
        }
    }

    /// <summary>
    /// Adds one row per node to group <paramref name="g"/>; only for count(*) and count([DISTINCT] v)
    /// where v is the node (see <see cref="CountsNodesOf"/>).
    /// </summary>
    public void AddNodes(int g, ReadOnlySpan<int> batch)
    {
        if (_nodes is null)
        {
            _count[g] += batch.Length;
            return;
        }

        _count[g] += _nodes.AddAll(g, batch);
    }

    /// <summary>Whether this aggregate counts rows or the values of <paramref name="slot"/> only, so <see cref="AddNodes"/> applies.</summary>
    public bool CountsNodesOf(int slot) =>
        _kind == Kind.CountStar || (_kind == Kind.Count && _f.Args is [VariableExpr v] && v.Slot == slot);

    /// <summary>Gives back pooled memory once every result has been read.</summary>
    public void Release() => _nodes?.Release();

    /// <summary>The aggregate's value for group <paramref name="g"/>.</summary>
    public object? Result(int g) => _kind switch
    {
        Kind.CountStar or Kind.Count => _count[g],
        Kind.Collect => _items![g] ?? [],
        Kind.Min or Kind.Max => _best![g],
        Kind.Sum => _isFloat![g] ? (object)_sumFloat![g] : _sumInt![g],
        Kind.Avg => _count[g] == 0 ? null : (_isFloat![g] ? _sumFloat![g] : _sumInt![g]) / (double)_count[g],
        _ => null,
    };

    private bool IsNew(int g, object v)
    {
        // A node equals only a node with the same index: nodes go to the stamped node sets.
        if (v is NodeRef node)
        {
            return _nodes!.Add(g, node.Index);
        }

        var sets = _distinct ??= new HashSet<object?>?[_capacity];
        return (sets[g] ??= new(Values.KeyComparer.Instance)).Add(v);
    }

    private void AddNumber(int g, object v)
    {
        if (v is long l && !_isFloat![g])
        {
            try
            {
                _sumInt![g] = checked(_sumInt[g] + l);
            }
            catch (OverflowException)
            {
                throw QueryErrors.Overflow("in " + _f.Name + "()");
            }
        }
        else if (v is long or double)
        {
            if (!_isFloat![g])
            {
                _isFloat[g] = true;
                _sumFloat![g] = _sumInt![g];
            }

            _sumFloat![g] += Convert.ToDouble(v, CultureInfo.InvariantCulture);
        }
        else
        {
            throw QueryErrors.FunctionNeeds(_f.Name, "numbers", v);
        }
    }
}

/// <summary>
/// The DISTINCT node sets of every group of one aggregate. All members live in one shared array, a group's
/// members in one run of it (more runs if the group's rows came apart). The group being filled also has its
/// members stamped into one array indexed by node, so a membership test is an array read; when a row of
/// another group comes, that group's members are stamped anew.
/// </summary>
/// <remarks>Both arrays are rented from the shared array pool and go back to it in <see cref="Release"/>.</remarks>
internal sealed class DistinctNodes(int nodeCount)
{
    private int[]? _stamp;
    private int _generation;
    private int _owner = -1;
    private int[] _pool = [];
    private int _count;
    private int[] _runStart = [];
    private int[] _runEnd = [];
    private List<(int Start, int End)>?[] _earlier = [];

    /// <summary>Makes room for groups numbered below <paramref name="groups"/>.</summary>
    public void Grow(int groups)
    {
        int old = _runStart.Length;
        if (groups <= old)
        {
            return;
        }

        Array.Resize(ref _runStart, groups);
        Array.Resize(ref _runEnd, groups);
        Array.Resize(ref _earlier, groups);
        Array.Fill(_runStart, -1, old, groups - old);
    }

    /// <summary>Adds node <paramref name="v"/> to group <paramref name="g"/>'s set; false when it was there.</summary>
    public bool Add(int g, int v) => AddAll(g, new ReadOnlySpan<int>(in v)) == 1;

    /// <summary>Adds nodes to group <paramref name="g"/>'s set; returns how many were not there.</summary>
    public int AddAll(int g, ReadOnlySpan<int> nodes)
    {
        var stamp = _stamp ??= RentCleared(nodeCount);
        if (_owner != g)
        {
            if (++_generation == int.MaxValue)
            {
                Array.Clear(stamp);
                _generation = 1;
            }

            _owner = g;
            if (_earlier[g] is { } earlier)
            {
                foreach (var (from, to) in earlier)
                {
                    Stamp(from, to);
                }
            }

            if (_runStart[g] >= 0)
            {
                Stamp(_runStart[g], _runEnd[g]);
            }
        }

        if (_pool.Length - _count < nodes.Length)
        {
            var bigger = ArrayPool<int>.Shared.Rent(Math.Max(Math.Max(256, _pool.Length * 2), _count + nodes.Length));
            Array.Copy(_pool, bigger, _count);
            if (_pool.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_pool);
            }

            _pool = bigger;
        }

        // The new members go to the end of the shared array: one more run unless the group's last run ends there.
        int start = _count, generation = _generation;
        var pool = _pool;
        int count = _count;
        foreach (int v in nodes)
        {
            if (stamp[v] != generation)
            {
                stamp[v] = generation;
                pool[count++] = v;
            }
        }

        int added = count - start;
        _count = count;
        if (added > 0)
        {
            if (_runStart[g] < 0 || _runEnd[g] != start)
            {
                if (_runStart[g] >= 0)
                {
                    (_earlier[g] ??= []).Add((_runStart[g], _runEnd[g]));
                }

                _runStart[g] = start;
                _runEnd[g] = start;
            }

            _runEnd[g] += added;
        }

        return added;
    }

    /// <summary>Gives the rented arrays back; the sets are empty afterwards.</summary>
    public void Release()
    {
        if (_stamp is not null)
        {
            ArrayPool<int>.Shared.Return(_stamp);
            _stamp = null;
        }

        if (_pool.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_pool);
            _pool = [];
        }

        _count = 0;
        _owner = -1;
        _generation = 0;
        Array.Fill(_runStart, -1);
        Array.Clear(_earlier);
    }

    private static int[] RentCleared(int length)
    {
        var a = ArrayPool<int>.Shared.Rent(Math.Max(1, length));
        Array.Clear(a, 0, length);
        return a;
    }

    private void Stamp(int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            _stamp![_pool[k]] = _generation;
        }
    }
}
