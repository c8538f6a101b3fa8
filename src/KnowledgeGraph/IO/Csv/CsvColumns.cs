using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph.IO.Csv;

/// <summary>What a column of a node or edge file holds.</summary>
internal enum CsvColumnRole
{
    /// <summary>A typed property (nodes) or qualifier (edges).</summary>
    Property,

    /// <summary>The entity id: <c>id</c> or <c>…:ID</c>.</summary>
    Id,

    /// <summary>The kind: <c>kind</c>.</summary>
    Kind,

    /// <summary>Kind and labels, <c>;</c>-separated: <c>:LABEL</c>.</summary>
    Labels,

    /// <summary>Extra labels, <c>;</c>-separated: <c>labels</c>.</summary>
    ExtraLabels,

    /// <summary>The display name: <c>name</c>.</summary>
    Name,

    /// <summary>Aliases, <c>;</c>-separated: <c>aliases</c> or <c>aliases:string[]</c>.</summary>
    Aliases,

    /// <summary>The relation's source: <c>source</c> or <c>:START_ID</c>.</summary>
    Source,

    /// <summary>The relation type: <c>type</c> or <c>:TYPE</c>.</summary>
    Type,

    /// <summary>The relation's target: <c>target</c> or <c>:END_ID</c>.</summary>
    Target,

    /// <summary>A column to skip: <c>:IGNORE</c>.</summary>
    Ignore,
}

/// <summary>The value type of a property column (<c>name:type</c>, Neo4j import style).</summary>
internal enum CsvValueType
{
    String,
    Integer,
    Float,
    Boolean,

    /// <summary>A temporal value of the column's <see cref="CsvColumn.Temporal"/> kind.</summary>
    Temporal,
}

/// <summary>One column of a header.</summary>
internal sealed record CsvColumn(CsvColumnRole Role, string Name, CsvValueType ValueType, bool IsArray, TemporalKind Temporal = default);

/// <summary>Parses headers and typed values of node and edge files.</summary>
internal static class CsvColumns
{
    /// <summary>The separator of list values (aliases, labels, <c>T[]</c> columns), as in Neo4j's import tool.</summary>
    public const char ListSeparator = ';';

    public const string ExpectedTypes = "string, int, long, float, double, boolean, or one of them followed by []";

    public static CsvColumn[] ParseHeader(CsvRecordReader reader, bool edges)
    {
        var columns = new CsvColumn[reader.FieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            string text = reader.FieldString(i).Trim();
            var column = edges ? ParseEdgeColumn(text) : ParseNodeColumn(text);
            if (column is null)
            {
                int colon = text.LastIndexOf(':');
                throw new GraphFormatException(
                    "Unknown column type",
                    reader.Location(i),
                    "'" + text[(colon + 1)..] + "'",
                    ExpectedTypes);
            }

            string key = column.Role == CsvColumnRole.Property ? "property " + column.Name : column.Role.ToString();
            if (column.Role != CsvColumnRole.Ignore && !seen.Add(key))
            {
                throw new GraphFormatException("Duplicate column", reader.Location(i), "'" + text + "'", "each column once");
            }

            if (column.Role == CsvColumnRole.Property && column.Name.Length == 0)
            {
                throw new GraphFormatException("Empty column name", reader.Location(i), "'" + text + "'", "a property name");
            }

            columns[i] = column;
        }

        return columns;
    }

    public static int Find(CsvColumn[] columns, CsvColumnRole role)
    {
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i].Role == role)
            {
                return i;
            }
        }

        return -1;
    }

    public static PropertyValue ParseValue(CsvRecordReader reader, int field, CsvColumn column)
    {
        var text = reader[field];
        if (!column.IsArray)
        {
            return ParseScalar(reader, field, text, column);
        }

        var items = ImmutableArray.CreateBuilder<PropertyValue>();
        foreach (var range in text.Split(ListSeparator))
        {
            items.Add(ParseScalar(reader, field, text[range], column));
        }

        return PropertyValue.From(items.ToImmutable());
    }

    public static List<string> SplitList(ReadOnlySpan<char> text)
    {
        var list = new List<string>();
        foreach (var range in text.Split(ListSeparator))
        {
            var item = text[range];
            if (!item.IsWhiteSpace())
            {
                list.Add(new string(item));
            }
        }

        return list;
    }

    private static PropertyValue ParseScalar(CsvRecordReader reader, int field, ReadOnlySpan<char> text, CsvColumn column)
    {
        switch (column.ValueType)
        {
            case CsvValueType.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                {
                    return PropertyValue.From(l);
                }

                throw BadValue(reader, field, text, "an integer");
            case CsvValueType.Float:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                {
                    return PropertyValue.From(d);
                }

                throw BadValue(reader, field, text, "a number");
            case CsvValueType.Boolean:
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return PropertyValue.From(true);
                }

                if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return PropertyValue.From(false);
                }

                throw BadValue(reader, field, text, "true or false");
            case CsvValueType.String:
                return PropertyValue.From(new string(text));
            default:
                return PropertyValue.From(Query.Temporal.TemporalText.TryParse(column.Temporal, new string(text))
                    ?? throw BadValue(reader, field, text, "the ISO 8601 text of a " + TemporalFormat.KindName(column.Temporal)));
        }
    }

    private static GraphFormatException BadValue(CsvRecordReader reader, int field, ReadOnlySpan<char> text, string expected) =>
        new("Invalid value", reader.Location(field), "'" + text.ToString() + "'", expected);

    private static CsvColumn? ParseNodeColumn(string text)
    {
        if (text == "id" || text.EndsWith(":ID", StringComparison.Ordinal) || text.Contains(":ID(", StringComparison.Ordinal))
        {
            return new(CsvColumnRole.Id, "id", CsvValueType.String, false);
        }

        return text switch
        {
            "kind" => new(CsvColumnRole.Kind, "kind", CsvValueType.String, false),
            ":LABEL" => new(CsvColumnRole.Labels, ":LABEL", CsvValueType.String, true),
            "labels" or "labels:string[]" => new(CsvColumnRole.ExtraLabels, "labels", CsvValueType.String, true),
            "name" or "name:string" => new(CsvColumnRole.Name, "name", CsvValueType.String, false),
            "aliases" or "aliases:string[]" => new(CsvColumnRole.Aliases, "aliases", CsvValueType.String, true),
            _ => ParseProperty(text),
        };
    }

    private static CsvColumn? ParseEdgeColumn(string text)
    {
        if (text == "source" || text.StartsWith(":START_ID", StringComparison.Ordinal))
        {
            return new(CsvColumnRole.Source, "source", CsvValueType.String, false);
        }

        if (text == "target" || text.StartsWith(":END_ID", StringComparison.Ordinal))
        {
            return new(CsvColumnRole.Target, "target", CsvValueType.String, false);
        }

        return text is "type" or ":TYPE" ? new(CsvColumnRole.Type, "type", CsvValueType.String, false) : ParseProperty(text);
    }

    private static CsvColumn? ParseProperty(string text)
    {
        if (text.StartsWith(":IGNORE", StringComparison.Ordinal))
        {
            return new(CsvColumnRole.Ignore, text, CsvValueType.String, false);
        }

        int colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return new(CsvColumnRole.Property, text, CsvValueType.String, false);
        }

        string name = text[..colon];
        string type = text[(colon + 1)..].ToLowerInvariant();
        bool isArray = type.EndsWith("[]", StringComparison.Ordinal);
        if (isArray)
        {
            type = type[..^2];
        }

        if (TemporalFormat.KindOf(type) is { } temporal)
        {
            return new(CsvColumnRole.Property, name, CsvValueType.Temporal, isArray, temporal);
        }

        CsvValueType? valueType = type switch
        {
            "string" or "char" or "point" => CsvValueType.String,
            "int" or "long" or "short" or "byte" => CsvValueType.Integer,
            "float" or "double" => CsvValueType.Float,
            "boolean" => CsvValueType.Boolean,
            _ => null,
        };
        return valueType is null ? null : new(CsvColumnRole.Property, name, valueType.Value, isArray);
    }
}
