using System.Globalization;
using System.Net;
using System.Text;

namespace KnowledgeGraph.Rendering;

/// <summary>
/// HTML views of graphs, entities and paths for notebooks and reports: a graph as a summary with
/// a diagram, an entity as a card with its relations and their evidence sentences, a path as a
/// chain. Output is self-contained (inline SVG, no scripts, no external resources) and deterministic.
/// </summary>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class HtmlRenderer
{
    /// <summary>The most entities drawn in a graph's diagram; larger graphs show the summary only.</summary>
    public const int MaxDiagramEntities = 150;

    private static readonly string[] Palette = ["#2e6ec8", "#dc7828", "#3ca05a", "#a04ab4", "#c83c50", "#5a8c8c", "#8c6e3c", "#646464"];

    /// <summary>A graph as a summary (counts by kind and by relation type) and, up to <see cref="MaxDiagramEntities"/> entities, a diagram.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Render(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append("<div class=\"kg-graph\">");
        sb.Append("<p><strong>").Append(Esc(graph.ToString())).Append("</strong></p>");
        sb.Append("<table><thead><tr><th>kind</th><th>entities</th></tr></thead><tbody>");
        foreach (var kind in graph.Kinds)
        {
            sb.Append("<tr><td>").Append(Esc(kind.Name)).Append("</td><td>").Append(Num(graph.EntitiesOfKind(kind).Length)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        sb.Append("<table><thead><tr><th>relation type</th><th>relations</th></tr></thead><tbody>");
        foreach (var type in graph.RelationTypes)
        {
            sb.Append("<tr><td>").Append(Esc(type.Name)).Append("</td><td>").Append(Num(graph.RelationsOfType(type).Count)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (graph.EntityCount > 0 && graph.EntityCount <= MaxDiagramEntities)
        {
            sb.Append(Diagram(graph));
        }

        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>An entity as a card: name, kind, id, aliases, properties, and every relation in and out with its evidence.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="graph">The graph it belongs to, for its relations; null for the card alone.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Render(Entity entity, Graph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var sb = new StringBuilder();
        sb.Append("<div class=\"kg-entity\">");
        sb.Append("<h4>").Append(Esc(entity.Name)).Append(" <small>").Append(Esc(entity.Kind.Name)).Append(" · <code>").Append(Esc(entity.Id.Value)).Append("</code></small></h4>");
        if (!entity.Aliases.IsEmpty)
        {
            sb.Append("<p>also: ").Append(Esc(string.Join(", ", entity.Aliases))).Append("</p>");
        }

        if (!entity.Properties.IsEmpty)
        {
            sb.Append("<table><tbody>");
            foreach (var (key, value) in entity.Properties)
            {
                sb.Append("<tr><th>").Append(Esc(key)).Append("</th><td>").Append(Esc(value.ToString())).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (graph is not null && graph.ContainsEntity(entity.Id))
        {
            var relations = graph.RelationsOf(entity.Id);
            sb.Append("<table><thead><tr><th>relation</th><th>with</th><th>evidence</th></tr></thead><tbody>");
            foreach (var r in relations)
            {
                bool outgoing = r.Source == entity.Id;
                var other = graph[outgoing ? r.Target : r.Source];
                sb.Append("<tr><td>").Append(outgoing ? "→ " : "← ").Append(Esc(r.Type.Name)).Append("</td><td>").Append(Esc(other.Name)).Append("</td><td>");
                sb.Append(string.Join("<br/>", r.Evidence.Select(e => "“" + Esc(e.Text) + "”")));
                sb.Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>A path as a chain of entities and relations, each step with its evidence.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Render(GraphPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder();
        sb.Append("<div class=\"kg-path\"><p>");
        sb.Append("<strong>").Append(Esc(path.Entities[0].Name)).Append("</strong>");
        for (int i = 0; i < path.Steps.Length; i++)
        {
            var step = path.Steps[i];
            sb.Append(step.Forward ? " —[" : " ←[").Append(Esc(step.Relation.Type.Name)).Append(step.Forward ? "]→ " : "]— ");
            sb.Append("<strong>").Append(Esc(path.Entities[i + 1].Name)).Append("</strong>");
        }

        sb.Append("</p><ol>");
        foreach (var step in path.Steps)
        {
            sb.Append("<li>").Append(Esc(step.Relation.ToString()));
            foreach (var e in step.Relation.Evidence)
            {
                sb.Append("<br/>“").Append(Esc(e.Text)).Append('”');
            }

            sb.Append("</li>");
        }

        sb.Append("</ol></div>");
        return sb.ToString();
    }

    /// <summary>
    /// A query result as an HTML table: one column per result column, values as the text table shows them;
    /// the query's notifications (unknown labels, types, property keys) above the table.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Render(KnowledgeGraph.Query.QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append("<div class=\"kg-query\">");
        foreach (var note in result.Notifications)
        {
            sb.Append("<p class=\"kg-notification\" title=\"").Append(Esc(note.Code)).Append("\">&#9888; ")
                .Append(Esc(note.ToString())).Append("</p>");
        }

        sb.Append("<table><thead><tr>");
        foreach (var column in result.Columns)
        {
            sb.Append("<th>").Append(Esc(column)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in result.Rows)
        {
            sb.Append("<tr>");
            foreach (var value in row.Values)
            {
                sb.Append("<td>").Append(Esc(KnowledgeGraph.Query.QueryResult.Format(value, nested: false))).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table><p>").Append(Num(result.Count)).Append(result.Count == 1 ? " row" : " rows").Append("</p></div>");
        return sb.ToString();
    }

    /// <summary>
    /// A diagram of the graph as inline SVG: entities on a circle in id order, coloured by kind,
    /// relations as arrows with their type on hover.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The SVG element.</returns>
    public static string Diagram(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var kinds = graph.Kinds.ToList();
        return Diagram(graph, i => kinds.IndexOf(graph.EntityAt(i).Kind), [.. kinds.Select(k => k.Name)], groupInTitle: false);
    }

    /// <summary>
    /// A diagram of the graph the communities were found in, as <see cref="Diagram(Graph)"/> but
    /// coloured by community (the palette repeats after eight; entities left out by a filter are grey).
    /// </summary>
    /// <param name="communities">Communities, from <see cref="Algorithms.Communities"/>.</param>
    /// <returns>The SVG element.</returns>
    public static string Diagram(Algorithms.CommunityResult communities)
    {
        ArgumentNullException.ThrowIfNull(communities);
        var graph = communities.Graph;
        var legend = communities.Groups.Select((c, k) => string.Create(CultureInfo.InvariantCulture, $"community {k} ({c.Length})")).ToArray();
        return Diagram(graph, i => communities.Contains(graph.EntityAt(i).Id) ? communities.CommunityOf(graph.EntityAt(i).Id) : -1, legend, groupInTitle: true);
    }

    /// <summary>Communities as a summary line, a table (number, size, members) and, up to <see cref="MaxDiagramEntities"/> entities, a diagram coloured by community.</summary>
    /// <param name="communities">Communities, from <see cref="Algorithms.Communities"/>.</param>
    /// <returns>The HTML fragment.</returns>
    public static string Render(Algorithms.CommunityResult communities)
    {
        ArgumentNullException.ThrowIfNull(communities);
        var sb = new StringBuilder();
        sb.Append("<div class=\"kg-communities\"><p><strong>");
        sb.Append(CultureInfo.InvariantCulture, $"{communities.Count} communities over {communities.EntityCount} entities ({Esc(communities.Method)}), modularity {communities.Modularity:F3}");
        sb.Append("</strong></p><table><thead><tr><th>community</th><th>entities</th><th>members</th></tr></thead><tbody>");
        for (int k = 0; k < communities.Count; k++)
        {
            var members = communities.Groups[k];
            sb.Append("<tr><td>").Append(Num(k)).Append("</td><td>").Append(Num(members.Length)).Append("</td><td>");
            sb.Append(Esc(string.Join(", ", members.Take(12).Select(e => e.Name)) + (members.Length > 12 ? ", …" : string.Empty))).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (communities.Graph.EntityCount > 0 && communities.Graph.EntityCount <= MaxDiagramEntities)
        {
            sb.Append(Diagram(communities));
        }

        return sb.Append("</div>").ToString();
    }

    private static string Diagram(Graph graph, Func<int, int> group, string[] legend, bool groupInTitle)
    {
        int n = graph.EntityCount;
        double radius = Math.Max(120, n * 9.0);
        double size = (2 * radius) + 260;
        double c = size / 2;
        var pos = new (double X, double Y)[n];
        for (int i = 0; i < n; i++)
        {
            double a = (2 * Math.PI * i / Math.Max(1, n)) - (Math.PI / 2);
            pos[i] = (c + (radius * Math.Cos(a)), c + (radius * Math.Sin(a)));
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(size)}\" height=\"{F(size)}\" viewBox=\"0 0 {F(size)} {F(size)}\" font-family=\"sans-serif\" font-size=\"10\">");
        sb.Append("<defs><marker id=\"kg-arrow\" viewBox=\"0 0 10 10\" refX=\"16\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#999\"/></marker></defs>");
        var t = graph.Topology;
        for (int e = 0, s = 0; e < t.EdgeCount; e++)
        {
            t.NextSource(ref s, e);
            var (x1, y1) = pos[s];
            var (x2, y2) = pos[t.EdgeTarget[e]];
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"#bbb\" marker-end=\"url(#kg-arrow)\"><title>{Esc(graph.EntityAt(s).Name)} {Esc(graph.TypeAt(t.EdgeType[e]).Name)} {Esc(graph.EntityAt(t.EdgeTarget[e]).Name)}</title></line>");
        }

        for (int i = 0; i < n; i++)
        {
            var entity = graph.EntityAt(i);
            int g = group(i);
            string colour = g < 0 ? "#cccccc" : Palette[g % Palette.Length];
            var (x, y) = pos[i];
            bool right = x >= c;
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"6\" fill=\"{colour}\"><title>{Esc(entity.Name)} ({Esc(entity.Kind.Name)}{(g < 0 || !groupInTitle ? string.Empty : ", " + Esc(legend[g]))})</title></circle>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (right ? 9 : -9))}\" y=\"{F(y + 3)}\" text-anchor=\"{(right ? "start" : "end")}\">{Esc(entity.Name)}</text>");
        }

        for (int k = 0; k < legend.Length; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"12\" cy=\"{12 + (k * 16)}\" r=\"5\" fill=\"{Palette[k % Palette.Length]}\"/><text x=\"22\" y=\"{15 + (k * 16)}\">{Esc(legend[k])}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string F(double d) => Math.Round(d, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
