using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.IO.Json;

/// <summary>
/// Small JSON texts embedded in other formats (GraphML data values): lists of strings, property maps,
/// evidence and documents, written compactly with the canonical JSON escaping and read back.
/// </summary>
internal static class JsonFragments
{
    private static readonly JsonWriterOptions Compact = JsonGraphWriter.WriterOptions with { Indented = false };

    public static string Strings(IEnumerable<string> items) => Write(w => JsonGraphWriter.WriteStrings(w, null, items));

    public static string Properties(PropertyMap properties) => Write(w => JsonGraphWriter.WriteProperties(w, null, properties));

    /// <summary>One property value as compact JSON (<c>null</c>, <c>["a",1]</c>, …).</summary>
    public static string Value(PropertyValue value) => Write(w => JsonGraphWriter.WriteValue(w, value));

    /// <summary>Parses one JSON value (a scalar or an array of scalars) into a property value; null with a reason when the text is not one.</summary>
    public static PropertyValue? ParseValue(string json, out string? error) =>
        Parse(json, out error, root => ToValue(root, allowList: true), "a JSON scalar or array of scalars");

    public static string Evidence(IEnumerable<Evidence> evidence) => Write(w => JsonGraphWriter.WriteEvidence(w, null, evidence));

    public static string Documents(IEnumerable<Document> documents) => Write(w => JsonGraphWriter.WriteDocuments(w, null, documents));

    /// <summary>Parses a JSON array of strings; null with a reason when the text is not one.</summary>
    public static ImmutableArray<string>? ParseStrings(string json, out string? error)
    {
        return Parse(json, out error, root =>
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = ImmutableArray.CreateBuilder<string>();
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                list.Add(item.GetString()!);
            }

            return (ImmutableArray<string>?)list.ToImmutable();
        }, "a JSON array of strings");
    }

    /// <summary>Parses a JSON object of scalar or list values into a property map.</summary>
    public static PropertyMap? ParseProperties(string json, out string? error) =>
        Parse(json, out error, root =>
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var pairs = new List<KeyValuePair<string, PropertyValue>>();
            foreach (var p in root.EnumerateObject())
            {
                var value = ToValue(p.Value, allowList: true);
                if (value is null || p.Name.Length == 0)
                {
                    return null;
                }

                pairs.Add(KeyValuePair.Create(p.Name, value.Value));
            }

            return PropertyMap.Create(pairs);
        }, "a JSON object of strings, numbers, booleans, nulls or arrays of these");

    /// <summary>Parses a JSON array of evidence objects.</summary>
    public static ImmutableArray<Evidence>? ParseEvidence(string json, out string? error) =>
        Parse(json, out error, root =>
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = ImmutableArray.CreateBuilder<Evidence>();
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("document", out var document) || document.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("start", out var start) || start.ValueKind != JsonValueKind.Number || !start.TryGetInt32(out int s) || s < 0
                    || !item.TryGetProperty("length", out var length) || length.ValueKind != JsonValueKind.Number || !length.TryGetInt32(out int l) || l < 0
                    || !item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                list.Add(new Evidence(document.GetString()!, s, l, text.GetString()!));
            }

            return (ImmutableArray<Evidence>?)list.ToImmutable();
        }, "a JSON array of {\"document\", \"start\", \"length\", \"text\"} objects");

    /// <summary>Parses a JSON array of document objects.</summary>
    public static ImmutableArray<Document>? ParseDocuments(string json, out string? error) =>
        Parse(json, out error, root =>
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = ImmutableArray.CreateBuilder<Document>();
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0
                    || !item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                string title = item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
                list.Add(new Document(id.GetString()!, title, text.GetString()!));
            }

            return (ImmutableArray<Document>?)list.ToImmutable();
        }, "a JSON array of {\"id\", \"title\", \"text\"} objects");

    private static T? Parse<T>(string json, out string? error, Func<JsonElement, T?> convert, string expected)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            var result = convert(doc.RootElement);
            error = result is null ? expected : null;
            return result;
        }
        catch (JsonException)
        {
            error = expected;
            return default;
        }
        catch (ArgumentException)
        {
            // A value the model refuses (an empty document id, say): the fragment is not what was expected.
            error = expected;
            return default;
        }
    }

    private static PropertyValue? ToValue(JsonElement e, bool allowList)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String: return PropertyValue.From(e.GetString());
            case JsonValueKind.True: return PropertyValue.From(true);
            case JsonValueKind.False: return PropertyValue.From(false);
            case JsonValueKind.Null: return PropertyValue.Null;
            case JsonValueKind.Number:
                string raw = e.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0)
                {
                    return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) ? PropertyValue.From(l) : null;
                }

                double d = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                return double.IsFinite(d) ? PropertyValue.From(d) : null;
            case JsonValueKind.Array when allowList:
                var items = ImmutableArray.CreateBuilder<PropertyValue>();
                foreach (var item in e.EnumerateArray())
                {
                    var v = ToValue(item, allowList: false);
                    if (v is null)
                    {
                        return null;
                    }

                    items.Add(v.Value);
                }

                return PropertyValue.From(items.ToImmutable());
            case JsonValueKind.Object:
                // A temporal value: one key naming the kind, its ISO 8601 text ({"date": "2026-02-12"}).
                using (var properties = e.EnumerateObject())
                {
                    if (!properties.MoveNext() || TemporalFormat.KindOf(properties.Current.Name) is not { } kind
                        || properties.Current.Value.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    var temporal = Query.Temporal.TemporalText.TryParse(kind, properties.Current.Value.GetString()!);
                    return temporal is null || properties.MoveNext() ? null : PropertyValue.From(temporal);
                }

            default:
                return null;
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Compact))
        {
            write(w);
        }

        return TextOutput.Utf8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }
}
