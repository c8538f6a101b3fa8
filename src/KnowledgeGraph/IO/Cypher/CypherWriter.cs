using System.Globalization;
using System.Text;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>
/// Writes a Cypher script that loads the graph into Neo4j (<c>cypher-shell -f graph.cypher</c>) or Memgraph
/// (<c>mgconsole &lt; graph.cypher</c>), one statement a line, safe to run twice (every statement is a MERGE).
/// </summary>
/// <remarks>
/// <para>Documents: <c>MERGE (d:Document {id: …}) SET d.title = …, d.text = …</c>. Entities:
/// <c>MERGE (n:Entity {id: …}) SET n:Kind:Label, n.name = …, n.aliases = […], n.key = value, …</c>; a property
/// named <c>id</c>, <c>name</c> or <c>aliases</c> is written as <c>property_id</c> and so on. Relations:
/// <c>MATCH (a:Entity {id: …}), (b:Entity {id: …}) MERGE (a)-[:TYPE {qualifiers…, evidenceDocument: […],
/// evidenceStart: […], evidenceLength: […], evidenceText: […]}]-&gt;(b)</c> (evidence as parallel lists, since
/// Neo4j properties cannot hold maps). Create an index on <c>:Entity(id)</c> first for large graphs.</para>
/// <para>Strings are single-quoted with <c>\\</c>, <c>\'</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>,
/// <c>\f</c> and <c>\uXXXX</c> escapes; labels, types and keys that are not plain words are back-quoted with
/// back-quotes doubled; floats keep every digit; NaN and infinities are written as <c>0.0/0.0</c>,
/// <c>1.0/0.0</c>, <c>-1.0/0.0</c>. Nulls are left out. Order: documents, entities by id, relations in graph
/// order (relations between the same two entities with the same type: fewer properties first, so that no MERGE
/// takes one for another); <c>\n</c> line ends, UTF-8 without BOM. <see cref="CypherScript.Load"/> (or
/// <c>Graph.Load("graph.cypher")</c>) reads the script back into an equal graph, except for null properties,
/// which Neo4j cannot store, and for identical relations between the same entities, which one MERGE stands for.</para>
/// </remarks>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class CypherWriter
{
    private static readonly string[] Reserved = ["id", "name", "aliases"];

    /// <summary>Writes a graph as a Cypher script to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static void Write(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Write(graph, stream, null, cancellationToken);

    internal static void Write(Graph graph, Stream stream, WriteProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        TextOutput.Write(stream, w =>
        {
            var sb = new StringBuilder(1024);
            w.Write(string.Create(CultureInfo.InvariantCulture, $"// Knowledge graph: {graph.EntityCount} entities, {graph.RelationCount} relations, {graph.Documents.Length} documents.\n"));
            w.Write("// Load: cypher-shell -f FILE (Neo4j) or mgconsole < FILE (Memgraph). Every statement is a MERGE.\n");
            foreach (var d in graph.Documents)
            {
                AppendDocument(sb.Clear(), d);
                w.Write(sb);
            }

            foreach (var e in graph.Entities)
            {
                progress?.Entity();
                AppendEntity(sb.Clear(), e);
                w.Write(sb);
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var r in MergeOrder(graph.Relations))
            {
                progress?.Relation();
                AppendRelation(sb.Clear(), r);
                w.Write(sb);
            }
        });
    }

    /// <summary>Writes a graph as a Cypher script to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        GraphFormat.Cypher.Write(graph, path, cancellationToken);

    /// <summary>The graph as a Cypher script.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The script.</returns>
    public static string ToCypher(Graph graph) => GraphFormat.Cypher.WriteToString(graph);

    /// <summary>The MERGE statement of a document.</summary>
    private static void AppendDocument(StringBuilder sb, Document d)
    {
        sb.Append("MERGE (d:Document {id: ");
        AppendString(sb, d.Id);
        sb.Append("}) SET d.title = ");
        AppendString(sb, d.Title);
        sb.Append(", d.text = ");
        AppendString(sb, d.Text);
        sb.Append(";\n");
    }

    /// <summary>The MERGE statement of an entity: its labels, name, aliases and properties that are not null.</summary>
    private static void AppendEntity(StringBuilder sb, Entity e)
    {
        sb.Append("MERGE (n:Entity {id: ");
        AppendString(sb, e.Id.Value);
        sb.Append("}) SET n");
        foreach (string label in e.AllLabels)
        {
            sb.Append(':');
            AppendName(sb, label);
        }

        sb.Append(", n.name = ");
        AppendString(sb, e.Name);
        if (!e.Aliases.IsEmpty)
        {
            sb.Append(", n.aliases = [");
            for (int i = 0; i < e.Aliases.Length; i++)
            {
                sb.Append(i == 0 ? string.Empty : ", ");
                AppendString(sb, e.Aliases[i]);
            }

            sb.Append(']');
        }

        foreach (var (key, value) in e.Properties)
        {
            if (!value.IsNull)
            {
                sb.Append(", n.");
                AppendName(sb, Reserved.Contains(key) ? "property_" + key : key);
                sb.Append(" = ");
                AppendValue(sb, value);
            }
        }

        sb.Append(";\n");
    }

    /// <summary>The MATCH … MERGE statement of a relation: its qualifiers that are not null, then the evidence as parallel lists.</summary>
    private static void AppendRelation(StringBuilder sb, Relation r)
    {
        sb.Append("MATCH (a:Entity {id: ");
        AppendString(sb, r.Source.Value);
        sb.Append("}), (b:Entity {id: ");
        AppendString(sb, r.Target.Value);
        sb.Append("}) MERGE (a)-[:");
        AppendName(sb, r.Type.Name);
        var props = new List<(string Key, Action Value)>();
        foreach (var (key, value) in r.Qualifiers)
        {
            if (!value.IsNull)
            {
                props.Add((key, () => AppendValue(sb, value)));
            }
        }

        if (!r.Evidence.IsEmpty)
        {
            props.Add(("evidenceDocument", () => AppendList(sb, r.Evidence.Select(ev => PropertyValue.From(ev.Document)))));
            props.Add(("evidenceStart", () => AppendList(sb, r.Evidence.Select(ev => PropertyValue.From((long)ev.Start)))));
            props.Add(("evidenceLength", () => AppendList(sb, r.Evidence.Select(ev => PropertyValue.From((long)ev.Length)))));
            props.Add(("evidenceText", () => AppendList(sb, r.Evidence.Select(ev => PropertyValue.From(ev.Text)))));
        }

        if (props.Count > 0)
        {
            sb.Append(" {");
            for (int i = 0; i < props.Count; i++)
            {
                sb.Append(i == 0 ? string.Empty : ", ");
                AppendName(sb, props[i].Key);
                sb.Append(": ");
                props[i].Value();
            }

            sb.Append('}');
        }

        sb.Append("]->(b);\n");
    }

    /// <summary>
    /// The relations in graph order, except that relations between the same two entities with the same type come
    /// with fewer properties first: a MERGE matches any relation that has its properties, so a relation written
    /// after one with more properties (a superset) would be taken for it and lost.
    /// </summary>
    private static IEnumerable<Relation> MergeOrder(IReadOnlyList<Relation> relations)
    {
        static int Size(Relation r) => r.Qualifiers.Count(q => !q.Value.IsNull) + (r.Evidence.IsEmpty ? 0 : 4);
        int i = 0;
        while (i < relations.Count)
        {
            var first = relations[i];
            int j = i + 1;
            while (j < relations.Count && relations[j].Source == first.Source && relations[j].Type == first.Type && relations[j].Target == first.Target)
            {
                j++;
            }

            if (j - i == 1)
            {
                yield return first;
            }
            else
            {
                // OrderBy is stable: relations of the same size keep graph order.
                foreach (var r in Enumerable.Range(i, j - i).Select(k => relations[k]).OrderBy(Size))
                {
                    yield return r;
                }
            }

            i = j;
        }
    }

    /// <summary>A single-quoted Cypher string literal.</summary>
    internal static void AppendString(StringBuilder sb, string text)
    {
        sb.Append('\'');
        foreach (char c in text)
        {
            switch (c)
            {
                case '\'': sb.Append("\\'"); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('\'');
    }

    /// <summary>A label, type or key: as is when a plain word, else back-quoted with back-quotes doubled.</summary>
    internal static void AppendName(StringBuilder sb, string name)
    {
        bool plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (plain)
        {
            sb.Append(name);
        }
        else
        {
            sb.Append('`').Append(name.Replace("`", "``", StringComparison.Ordinal)).Append('`');
        }
    }

    private static void AppendList(StringBuilder sb, IEnumerable<PropertyValue> items)
    {
        sb.Append('[');
        bool first = true;
        foreach (var item in items)
        {
            sb.Append(first ? string.Empty : ", ");
            first = false;
            AppendValue(sb, item);
        }

        sb.Append(']');
    }

    private static void AppendValue(StringBuilder sb, PropertyValue value)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Null: sb.Append("null"); break;
            case PropertyValueKind.Boolean: sb.Append(value.AsBoolean ? "true" : "false"); break;
            case PropertyValueKind.Integer: sb.Append(value.AsInteger.ToString(CultureInfo.InvariantCulture)); break;
            case PropertyValueKind.String: AppendString(sb, value.AsString); break;
            case PropertyValueKind.Float:
                double d = value.AsFloat;
                if (double.IsNaN(d))
                {
                    sb.Append("0.0/0.0");
                }
                else if (double.IsInfinity(d))
                {
                    sb.Append(d > 0 ? "1.0/0.0" : "-1.0/0.0");
                }
                else
                {
                    string text = d.ToString("R", CultureInfo.InvariantCulture);
                    sb.Append(text.AsSpan().IndexOfAny(".eE") < 0 ? text + ".0" : text);
                }

                break;
            case PropertyValueKind.Temporal:
                sb.Append(TemporalFormat.KindName(value.AsTemporal.Kind)).Append('(');
                AppendString(sb, value.AsTemporal.ToString());
                sb.Append(')');
                break;
            default:
                AppendList(sb, value.AsList);
                break;
        }
    }
}
