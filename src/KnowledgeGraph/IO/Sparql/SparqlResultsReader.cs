using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.IO.Json;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Sparql;

/// <summary>
/// Reads SPARQL 1.1 Query Results JSON (<c>application/sparql-results+json</c>) into a <see cref="QueryResult"/>
/// or a boolean, streaming with <see cref="Utf8JsonReader"/>. Values: an IRI is its text, a blank node
/// <c>_:label</c>, an unbound variable null; a literal of an XSD integer type is a <see cref="long"/> (text
/// when it does not fit), of <c>xsd:double</c>/<c>float</c>/<c>decimal</c> a <see cref="double"/>, of
/// <c>xsd:boolean</c> a <see cref="bool"/>, any other literal its lexical text. SPARQL 1.0's
/// <c>typed-literal</c> is read as a literal.
/// </summary>
internal static class SparqlResultsReader
{
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    public static QueryResult ReadSelect(Stream stream, string source, CancellationToken cancellationToken)
    {
        var (vars, rows, _) = Read(stream, source, cancellationToken);
        if (vars is null)
        {
            throw new GraphFormatException("Not SPARQL SELECT results", new SourceLocation(source), "no head.vars", "a JSON object with head.vars and results.bindings");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < vars.Count; i++)
        {
            index[vars[i]] = i;
        }

        var built = ImmutableArray.CreateBuilder<QueryRow>(rows.Count);
        foreach (var binding in rows)
        {
            var values = new object?[vars.Count];
            for (int i = 0; i < vars.Count; i++)
            {
                values[i] = binding.TryGetValue(vars[i], out var v) ? v : null;
            }

            built.Add(new QueryRow(index, [.. values]));
        }

        return new QueryResult([.. vars], built.MoveToImmutable());
    }

    public static bool ReadAsk(Stream stream, string source, CancellationToken cancellationToken)
    {
        var (_, _, boolean) = Read(stream, source, cancellationToken);
        return boolean ?? throw new GraphFormatException("Not a SPARQL ASK result", new SourceLocation(source), "no boolean member", "a JSON object with \"boolean\": true or false");
    }

    private static (List<string>? Vars, List<Dictionary<string, object?>> Rows, bool? Boolean) Read(Stream stream, string source, CancellationToken cancellationToken)
    {
        using var json = new JsonTokenStream(stream, source, 64, cancellationToken);
        List<string>? vars = null;
        var rows = new List<Dictionary<string, object?>>();
        bool? boolean = null;
        Expect(json, JsonTokenType.StartObject, "$", "a JSON object");
        while (Next(json) == JsonTokenType.PropertyName)
        {
            switch (json.Text)
            {
                case "head":
                    vars = ReadHead(json);
                    break;
                case "results":
                    ReadResults(json, rows);
                    break;
                case "boolean":
                    Next(json);
                    boolean = json.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw Unexpected(json, "$.boolean", "true or false"),
                    };
                    break;
                default:
                    Next(json);
                    Skip(json);
                    break;
            }
        }

        return (vars, rows, boolean);
    }

    private static List<string>? ReadHead(JsonTokenStream json)
    {
        List<string>? vars = null;
        Expect(json, JsonTokenType.StartObject, "$.head", "an object");
        while (Next(json) == JsonTokenType.PropertyName)
        {
            if (json.Text == "vars")
            {
                vars = [];
                Expect(json, JsonTokenType.StartArray, "$.head.vars", "an array of variable names");
                while (Next(json) == JsonTokenType.String)
                {
                    vars.Add(json.Text!);
                }

                if (json.TokenType != JsonTokenType.EndArray)
                {
                    throw Unexpected(json, "$.head.vars", "a variable name");
                }
            }
            else
            {
                Next(json);
                Skip(json);
            }
        }

        return vars;
    }

    private static void ReadResults(JsonTokenStream json, List<Dictionary<string, object?>> rows)
    {
        Expect(json, JsonTokenType.StartObject, "$.results", "an object");
        while (Next(json) == JsonTokenType.PropertyName)
        {
            if (json.Text != "bindings")
            {
                Next(json);
                Skip(json);
                continue;
            }

            Expect(json, JsonTokenType.StartArray, "$.results.bindings", "an array of bindings");
            while (Next(json) == JsonTokenType.StartObject)
            {
                string path = "$.results.bindings[" + rows.Count.ToString(CultureInfo.InvariantCulture) + "]";
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (Next(json) == JsonTokenType.PropertyName)
                {
                    string name = json.Text!;
                    row[name] = ReadTerm(json, path + "." + name);
                }

                rows.Add(row);
            }

            if (json.TokenType != JsonTokenType.EndArray)
            {
                throw Unexpected(json, "$.results.bindings", "a binding object");
            }
        }
    }

    private static object? ReadTerm(JsonTokenStream json, string path)
    {
        Expect(json, JsonTokenType.StartObject, path, "an RDF term object");
        string? type = null, value = null, datatype = null;
        while (Next(json) == JsonTokenType.PropertyName)
        {
            string key = json.Text!;
            Next(json);
            if (json.TokenType != JsonTokenType.String)
            {
                Skip(json);
                continue;
            }

            switch (key)
            {
                case "type": type = json.Text; break;
                case "value": value = json.Text; break;
                case "datatype": datatype = json.Text; break;
            }
        }

        if (value is null)
        {
            throw new GraphFormatException("Incomplete RDF term", json.Location(path), "no value", "a \"value\" string");
        }

        return type switch
        {
            "uri" => value,
            "bnode" => "_:" + value,
            "literal" or "typed-literal" => Literal(value, datatype),
            _ => throw new GraphFormatException("Unknown RDF term type", json.Location(path + ".type"), type is null ? "no type" : $"'{type}'", "uri, bnode, literal or typed-literal"),
        };
    }

    /// <summary>A literal's value as the library's query values see it (see the class summary).</summary>
    internal static object Literal(string value, string? datatype)
    {
        if (datatype is null || !datatype.StartsWith(Xsd, StringComparison.Ordinal))
        {
            return value;
        }

        switch (datatype.AsSpan(Xsd.Length))
        {
            case "integer" or "int" or "long" or "short" or "byte" or "nonNegativeInteger" or "positiveInteger"
                or "negativeInteger" or "nonPositiveInteger" or "unsignedInt" or "unsignedShort" or "unsignedByte" or "unsignedLong":
                return long.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out long l) ? l : value;
            case "double" or "float" or "decimal":
                return value switch
                {
                    "INF" => double.PositiveInfinity,
                    "-INF" => double.NegativeInfinity,
                    "NaN" => double.NaN,
                    _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : value,
                };
            case "boolean":
                return value switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => value,
                };
            default:
                return value;
        }
    }

    private static JsonTokenType Next(JsonTokenStream json)
    {
        if (!json.Read())
        {
            throw new GraphFormatException("Truncated SPARQL results", json.Location(null), "the end of the input", "the rest of the JSON document");
        }

        return json.TokenType;
    }

    private static void Expect(JsonTokenStream json, JsonTokenType type, string path, string expected)
    {
        if (Next(json) != type)
        {
            throw Unexpected(json, path, expected);
        }
    }

    /// <summary>Skips the value whose first token was just read (a whole object or array, or one scalar).</summary>
    private static void Skip(JsonTokenStream json)
    {
        if (json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        int depth = 1;
        while (depth > 0)
        {
            switch (Next(json))
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray: depth++; break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray: depth--; break;
            }
        }
    }

    private static GraphFormatException Unexpected(JsonTokenStream json, string path, string expected) =>
        new("Unexpected SPARQL results JSON", json.Location(path), json.TokenType.ToString(), expected);
}
