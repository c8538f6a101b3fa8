using System.Globalization;
using System.Xml;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.IO.GraphML;

/// <summary>
/// Writes GraphML (http://graphml.graphdrawing.org/) that NetworkX (<c>nx.read_graphml</c>), Gephi and yEd open,
/// and that <see cref="GraphMLReader"/> reads back losslessly.
/// </summary>
/// <remarks>
/// <para>The encoding: one directed <c>&lt;graph&gt;</c>; a <c>&lt;node&gt;</c> per entity with the entity id as its
/// <c>id</c>; an <c>&lt;edge&gt;</c> per relation (ids <c>e0</c>, <c>e1</c>, … in graph order). Every value is a
/// <c>string</c> key named like the model:</para>
/// <list type="table">
/// <item><term><c>kind</c>, <c>name</c> (node)</term><description>the entity's kind and name, as plain text.</description></item>
/// <item><term><c>labels</c>, <c>aliases</c> (node)</term><description>JSON arrays of strings, e.g. <c>["Mr. Rutte"]</c>; left out when empty.</description></item>
/// <item><term><c>properties</c> (node), <c>qualifiers</c> (edge)</term><description>JSON objects as in canonical JSON, e.g. <c>{"role":"Secretary-General"}</c>; left out when empty.</description></item>
/// <item><term><c>type</c> (edge)</term><description>the relation type, e.g. <c>ATTENDS</c>.</description></item>
/// <item><term><c>evidence</c> (edge)</term><description>a JSON array of <c>{"document","start","length","text"}</c>; left out when empty.</description></item>
/// <item><term><c>format</c>, <c>documents</c> (graph)</term><description><c>knowledge-graph</c>, and a JSON array of <c>{"id","title","text"}</c>.</description></item>
/// </list>
/// <para>Output is UTF-8 without BOM, two-space indent, <c>\n</c> line ends: the same graph gives the same bytes.</para>
/// </remarks>
/// <threadsafety>Static and stateless; safe to call from many threads.</threadsafety>
public static class GraphMLWriter
{
    /// <summary>The GraphML namespace.</summary>
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>The value of the graph's <c>format</c> data that marks a file written by this library.</summary>
    public const string FormatMarker = "knowledge-graph";

    private static readonly (string Id, string For)[] Keys =
    [
        ("format", "graph"), ("documents", "graph"),
        ("kind", "node"), ("name", "node"), ("labels", "node"), ("aliases", "node"), ("properties", "node"),
        ("type", "edge"), ("qualifiers", "edge"), ("evidence", "edge"),
    ];

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = TextOutput.Utf8,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
        CheckCharacters = true,
    };

    /// <summary>Writes a graph as GraphML to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="NotSupportedException">A name or text holds a character XML 1.0 cannot carry (a control character other than tab, line feed, carriage return), or a property is NaN or infinite.</exception>
    public static void Write(Graph graph, Stream stream, CancellationToken cancellationToken = default) =>
        Write(graph, stream, null, cancellationToken);

    internal static void Write(Graph graph, Stream stream, WriteProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        using (var w = XmlWriter.Create(stream, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("graphml", Namespace);
            w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", Namespace + " " + Namespace + "/1.0/graphml.xsd");
            WriteKeys(w);

            w.WriteStartElement("graph", Namespace);
            w.WriteAttributeString("id", "G");
            w.WriteAttributeString("edgedefault", "directed");
            Data(w, "format", FormatMarker, "the graph");
            if (!graph.Documents.IsEmpty)
            {
                Data(w, "documents", JsonFragments.Documents(graph.Documents), "the documents");
            }

            foreach (var e in graph.Entities)
            {
                progress?.Entity();
                WriteNode(w, e);
            }

            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < graph.RelationCount; i++)
            {
                progress?.Relation();
                if ((i & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                WriteEdge(w, graph.Relations[i], i);
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes a graph as GraphML to a file atomically (a temporary file, then a rename).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="NotSupportedException">A value cannot be represented in XML.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Graph graph, string path, CancellationToken cancellationToken = default) =>
        GraphFormat.GraphML.Write(graph, path, cancellationToken);

    /// <summary>The graph as GraphML text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The GraphML.</returns>
    /// <exception cref="NotSupportedException">A value cannot be represented in XML.</exception>
    public static string ToGraphML(Graph graph) => GraphFormat.GraphML.WriteToString(graph);

    private static void WriteKeys(XmlWriter w)
    {
        foreach (var (id, target) in Keys)
        {
            w.WriteStartElement("key", Namespace);
            w.WriteAttributeString("id", id);
            w.WriteAttributeString("for", target);
            w.WriteAttributeString("attr.name", id);
            w.WriteAttributeString("attr.type", "string");
            w.WriteEndElement();
        }
    }

    private static void WriteNode(XmlWriter w, Entity e)
    {
        string what = "entity " + e.Id.Value;
        w.WriteStartElement("node", Namespace);
        w.WriteAttributeString("id", Checked(e.Id.Value, what));
        Data(w, "kind", e.Kind.Name, what);
        Data(w, "name", e.Name, what);
        if (!e.Labels.IsEmpty)
        {
            Data(w, "labels", JsonFragments.Strings(e.Labels), what);
        }

        if (!e.Aliases.IsEmpty)
        {
            Data(w, "aliases", JsonFragments.Strings(e.Aliases), what);
        }

        if (!e.Properties.IsEmpty)
        {
            Data(w, "properties", JsonFragments.Properties(e.Properties), what);
        }

        w.WriteEndElement();
    }

    private static void WriteEdge(XmlWriter w, Relation r, int index)
    {
        string what = "relation " + r;
        w.WriteStartElement("edge", Namespace);
        w.WriteAttributeString("id", "e" + index.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("source", r.Source.Value);
        w.WriteAttributeString("target", r.Target.Value);
        Data(w, "type", r.Type.Name, what);
        if (!r.Qualifiers.IsEmpty)
        {
            Data(w, "qualifiers", JsonFragments.Properties(r.Qualifiers), what);
        }

        if (!r.Evidence.IsEmpty)
        {
            Data(w, "evidence", JsonFragments.Evidence(r.Evidence), what);
        }

        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string value, string what)
    {
        w.WriteStartElement("data", Namespace);
        w.WriteAttributeString("key", key);
        if (value.Length > 0 && string.IsNullOrWhiteSpace(value))
        {
            // A value of only white space would be dropped by readers that ignore insignificant white space.
            w.WriteAttributeString("xml", "space", null, "preserve");
        }

        w.WriteString(Checked(value, what));
        w.WriteEndElement();
    }

    private static string Checked(string value, string what)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
            return value;
        }
        catch (XmlException ex)
        {
            throw new NotSupportedException($"GraphML (XML 1.0) cannot carry a character in {what}: {ex.Message}", ex);
        }
    }
}
