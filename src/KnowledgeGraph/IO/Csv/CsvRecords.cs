using System.Globalization;

namespace KnowledgeGraph.IO.Csv;

/// <summary>What the node pass and the edge pass of <see cref="CsvGraphReader"/> both check and read in a record.</summary>
internal static class CsvRecords
{
    /// <summary>Makes a model value, turning its argument checks into a format error at the field.</summary>
    public static T Create<T>(CsvRecordReader reader, int field, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw new GraphFormatException("Invalid value", reader.Location(field), "'" + reader.FieldString(field) + "'", ex.Message.TrimEnd('.') + " (" + ex.ParamName + ")", ex);
        }
    }

    public static void CheckFieldCount(CsvRecordReader reader, int expected)
    {
        if (reader.FieldCount == expected)
        {
            return;
        }

        var where = reader.FieldCount > expected ? reader.Location(expected) : reader.LocationAfterLastField();
        throw new GraphFormatException(
            "Wrong number of fields",
            where,
            reader.FieldCount.ToString(CultureInfo.InvariantCulture) + (reader.FieldCount == 1 ? " field" : " fields"),
            expected.ToString(CultureInfo.InvariantCulture) + " fields, as in the header");
    }

    /// <summary>Reads the header record, or raises the "Missing header" error that names <paramref name="expected"/>.</summary>
    public static CsvColumn[] ReadHeader(CsvRecordReader reader, bool edges, string expected)
    {
        if (!reader.Read())
        {
            throw new GraphFormatException("Missing header", new SourceLocation(reader.Source, 1, 1), "an empty file", expected);
        }

        return CsvColumns.ParseHeader(reader, edges);
    }

    public static string HeaderText(CsvRecordReader reader)
    {
        var parts = new string[reader.FieldCount];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = reader.FieldString(i);
        }

        return string.Join(",", parts);
    }

    /// <summary>The non-empty property columns of the record.</summary>
    public static PropertyMap ReadProperties(CsvRecordReader reader, CsvColumn[] columns)
    {
        List<KeyValuePair<string, PropertyValue>>? pairs = null;
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i].Role != CsvColumnRole.Property || reader[i].IsEmpty)
            {
                continue;
            }

            pairs ??= [];
            pairs.Add(new(columns[i].Name, CsvColumns.ParseValue(reader, i, columns[i])));
        }

        return pairs is null ? PropertyMap.Empty : PropertyMap.Create(pairs);
    }
}
