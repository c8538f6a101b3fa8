using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph.Algorithms;

/// <summary>
/// Connected components over the compressed rows. Weak components ignore direction (union–find
/// with path halving over every kept relation); strong components follow relations forward
/// (Tarjan's algorithm in its iterative form: an explicit stack, no recursion, so depth is bounded
/// only by memory). Self-loops and parallel relations change nothing; an isolated entity is a
/// component of its own. Agrees with NetworkX's <c>weakly_connected_components</c> and
/// <c>strongly_connected_components</c> and igraph's <c>connected_components("weak"|"strong")</c>.
/// </summary>
/// <example><code>
/// ComponentsResult weak = Components.Weak(graph);
/// Console.WriteLine(weak);  // 3 weakly connected components over 58 entities …
/// int c = weak.ComponentOf("person:mark-rutte");
/// </code></example>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class Components
{
    private const int CancellationStride = 1 << 16;

    /// <summary>The weakly connected components: relations joined regardless of direction.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The components, largest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static ComponentsResult Weak(Graph graph, GraphFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var (nodes, sources, targets) = AnalysisView.Edges(graph, filter, cancellationToken);
        int n = nodes.Length;
        var parent = new int[n];
        for (int v = 0; v < n; v++)
        {
            parent[v] = v;
        }

        for (int e = 0; e < sources.Length; e++)
        {
            if ((e & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int a = Find(parent, sources[e]), b = Find(parent, targets[e]);
            if (a != b)
            {
                // The smaller root wins, so every root is its component's first member.
                if (a < b)
                {
                    parent[b] = a;
                }
                else
                {
                    parent[a] = b;
                }
            }
        }

        for (int v = 0; v < n; v++)
        {
            parent[v] = Find(parent, v);
        }

        return new ComponentsResult(new Grouping(graph, nodes, parent), strong: false);
    }

    /// <summary>The strongly connected components: entities that reach each other following relations forward.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="filter">The entities and relations to consider; everything when null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The components, largest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The computation was cancelled.</exception>
    public static ComponentsResult Strong(Graph graph, GraphFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var view = AnalysisView.Directed(graph, filter, cancellationToken);
        var labels = Tarjan(view.Count, view.Offsets, view.Adjacency, cancellationToken);
        return new ComponentsResult(new Grouping(graph, view.Nodes, labels), strong: true);
    }

    /// <summary>Iterative Tarjan: returns, per node, a node of its strong component (the component's root).</summary>
    internal static int[] Tarjan(int n, int[] offsets, int[] adjacency, CancellationToken cancellationToken)
    {
        var index = new int[n];
        var low = new int[n];
        var label = new int[n];
        var onStack = new bool[n];
        var stack = new int[n];
        var callNode = new int[n];
        var callEdge = new int[n];
        Array.Fill(index, -1);
        int counter = 0, top = 0, steps = 0;
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            int depth = 0;
            callNode[0] = root;
            callEdge[0] = offsets[root];
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                if ((++steps & (CancellationStride - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                int v = callNode[depth];
                int e = callEdge[depth];
                if (e < offsets[v + 1])
                {
                    callEdge[depth] = e + 1;
                    int w = adjacency[e];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = offsets[w];
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--top];
                        onStack[w] = false;
                        label[w] = v;
                    }
                    while (w != v);
                }

                depth--;
                if (depth >= 0 && low[v] < low[callNode[depth]])
                {
                    low[callNode[depth]] = low[v];
                }
            }
        }

        return label;
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }

        return v;
    }
}

/// <summary>The components of <see cref="Components.Weak"/> or <see cref="Components.Strong"/>.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ComponentsResult
{
    private readonly Grouping _grouping;

    internal ComponentsResult(Grouping grouping, bool strong)
    {
        _grouping = grouping;
        IsStrong = strong;
    }

    /// <summary>Whether these are strong (directed) components rather than weak ones.</summary>
    public bool IsStrong { get; }

    /// <summary>The number of components.</summary>
    public int Count => _grouping.Groups.Length;

    /// <summary>The number of entities analysed (all of the graph's, unless a filter left some out).</summary>
    public int EntityCount => _grouping.EntityCount;

    /// <summary>The components, largest first (ties: the one whose first member's id is lower); members ordered by id.</summary>
    public ImmutableArray<ImmutableArray<Entity>> Groups => _grouping.Groups;

    /// <summary>The size of the largest component; 0 for an empty graph.</summary>
    public int LargestSize => Count == 0 ? 0 : Groups[0].Length;

    /// <summary>The number (position in <see cref="Groups"/>) of an entity's component.</summary>
    /// <param name="id">The entity's id.</param>
    /// <returns>The component number.</returns>
    /// <exception cref="KeyNotFoundException">No analysed entity has that id.</exception>
    public int ComponentOf(EntityId id) => _grouping.GroupOf(id);

    /// <summary>Whether two entities are in the same component.</summary>
    /// <param name="a">One entity's id.</param>
    /// <param name="b">The other's.</param>
    /// <returns><see langword="true"/> when they are.</returns>
    /// <exception cref="KeyNotFoundException">No analysed entity has one of the ids.</exception>
    public bool Connected(EntityId a, EntityId b) => ComponentOf(a) == ComponentOf(b);

    /// <summary>
    /// A summary such as <c>3 weakly connected components over 58 entities (largest 55)</c>, then one
    /// line per component (the ten largest) with its size and first members.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        _grouping.Describe(
            (IsStrong ? "strongly connected component" : "weakly connected component") + (Count == 1 ? string.Empty : "s"),
            string.Create(CultureInfo.InvariantCulture, $" (largest {LargestSize})"));
}
