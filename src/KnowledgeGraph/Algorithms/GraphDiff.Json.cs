using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KnowledgeGraph.Algorithms;

public sealed partial class GraphDiff
{
    /// <summary>The value of the <c>format</c> member of <see cref="ToJson"/>.</summary>
    public const string JsonFormat = "knowledge-graph-diff";

    /// <summary>
    /// The diff as JSON (two-space indent, <c>\n</c> line ends, members in a fixed order):
    /// <c>{"format": "knowledge-graph-diff", "version": 1, "documents": {...}, "entities": {...}, "relations": {...}}</c>,
    /// each section with <c>added</c>, <c>removed</c> and <c>changed</c> (a list of <c>{"before": …, "after": …}</c>).
    /// Documents, entities and relations are written whole, with the members of the canonical graph JSON.
    /// </summary>
    /// <returns>The JSON text, ending with <c>\n</c>.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", JsonFormat);
            w.WriteNumber("version", 1);
            Section(w, "documents", AddedDocuments, RemovedDocuments, ChangedDocuments, WriteDocument);
            Section(w, "entities", AddedEntities, RemovedEntities, ChangedEntities, WriteEntity);
            Section(w, "relations", AddedRelations, RemovedRelations, ChangedRelations, WriteRelation);
            w.WriteEndObject();
        }

        // Utf8JsonWriter ends lines with the platform's new line before .NET 9: make them \n everywhere.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void Section<T>(Utf8JsonWriter w, string name, IEnumerable<T> added, IEnumerable<T> removed, IEnumerable<Change<T>> changed, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        w.WriteStartObject(name);
        w.WriteStartArray("added");
        foreach (var item in added)
        {
            write(w, item);
        }

        w.WriteEndArray();
        w.WriteStartArray("removed");
        foreach (var item in removed)
        {
            write(w, item);
        }

        w.WriteEndArray();
        w.WriteStartArray("changed");
        foreach (var (before, after) in changed)
        {
            w.WriteStartObject();
            w.WritePropertyName("before");
            write(w, before);
            w.WritePropertyName("after");
            write(w, after);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter w, Document d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("title", d.Title);
        w.WriteString("text", d.Text);
        w.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id.Value);
        w.WriteString("kind", e.Kind.Name);
        w.WriteString("name", e.Name);
        Strings(w, "aliases", e.Aliases);
        Strings(w, "labels", e.Labels);
        Map(w, "properties", e.Properties);
        w.WriteEndObject();
    }

    private static void WriteRelation(Utf8JsonWriter w, Relation r)
    {
        w.WriteStartObject();
        w.WriteString("source", r.Source.Value);
        w.WriteString("type", r.Type.Name);
        w.WriteString("target", r.Target.Value);
        Map(w, "qualifiers", r.Qualifiers);
        w.WriteStartArray("evidence");
        foreach (var e in r.Evidence)
        {
            w.WriteStartObject();
            w.WriteString("document", e.Document);
            w.WriteNumber("start", e.Start);
            w.WriteNumber("length", e.Length);
            w.WriteString("text", e.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (string item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    private static void Map(Utf8JsonWriter w, string name, PropertyMap map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            w.WritePropertyName(key);
            Value(w, value, 0);
        }

        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, PropertyValue value, int depth)
    {
        CheckDepth(depth);
        switch (value.Kind)
        {
            case PropertyValueKind.Null:
                w.WriteNullValue();
                break;
            case PropertyValueKind.Boolean:
                w.WriteBooleanValue(value.AsBoolean);
                break;
            case PropertyValueKind.Integer:
                w.WriteNumberValue(value.AsInteger);
                break;
            case PropertyValueKind.Float when double.IsFinite(value.AsFloat):
                w.WriteNumberValue(value.AsFloat);
                break;
            case PropertyValueKind.Float:
                // JSON has no NaN or infinity: write them as the strings .NET parses back.
                w.WriteStringValue(value.AsFloat.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case PropertyValueKind.String:
                w.WriteStringValue(value.AsString);
                break;
            case PropertyValueKind.Temporal:
                // As canonical JSON writes it: one key naming the kind.
                w.WriteStartObject();
                w.WriteString(TemporalFormat.KindName(value.AsTemporal.Kind), value.AsTemporal.ToString());
                w.WriteEndObject();
                break;
            default:
                w.WriteStartArray();
                foreach (var item in value.AsList)
                {
                    Value(w, item, depth + 1);
                }

                w.WriteEndArray();
                break;
        }
    }
}
