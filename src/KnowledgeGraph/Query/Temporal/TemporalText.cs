using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Query.Temporal;

/// <summary>ISO 8601 text of temporal values in (the forms Cypher accepts); out is <see cref="TemporalFormat"/>.</summary>
internal static class TemporalText
{
    public const long NanosPerSecond = TemporalFormat.NanosPerSecond;

    public const long NanosPerDay = TemporalFormat.NanosPerDay;

    public static void AppendOffset(StringBuilder sb, int offsetSeconds) => TemporalFormat.AppendOffset(sb, offsetSeconds);

    /// <summary>Parses ISO 8601 text as a value of <paramref name="kind"/>, or gives null when it is not one (for readers of graph files).</summary>
    public static TemporalValue? TryParse(TemporalKind kind, string text)
    {
        try
        {
            return Parse(kind, text);
        }
        catch (QueryException)
        {
            return null;
        }
    }

    /// <summary>Parses the text a temporal function got; <paramref name="kind"/> says which.</summary>
    public static TemporalValue Parse(TemporalKind kind, string text)
    {
        var c = new Cursor(text);
        TemporalValue result;
        switch (kind)
        {
            case TemporalKind.Date:
                result = TemporalValue.OfDate(c.Date());
                break;
            case TemporalKind.LocalTime:
                result = TemporalValue.OfLocalTime(c.Time());
                break;
            case TemporalKind.Time:
                {
                    long t = c.Time();
                    int? offset = c.Offset();
                    result = TemporalValue.OfTime(t, offset ?? 0);
                    break;
                }

            case TemporalKind.LocalDateTime:
                {
                    var d = c.Date();
                    long t = c.TryChar('T') ? c.Time() : 0;
                    result = TemporalValue.OfLocalDateTime(d, t);
                    break;
                }

            case TemporalKind.DateTime:
                result = ParseDateTime(ref c);
                break;
            default:
                result = c.Duration();
                break;
        }

        c.End();
        return result;
    }

    private static TemporalValue ParseDateTime(ref Cursor c)
    {
        var d = c.Date();
        long t = c.TryChar('T') ? c.Time() : 0;
        int? offset = c.Offset();
        string? zone = null;
        if (c.TryChar('['))
        {
            zone = c.Until(']');
        }

        if (zone is not null)
        {
            return TemporalZones.InZone(d, t, zone, offset);
        }

        return TemporalValue.OfDateTime(d, t, offset ?? 0, null);
    }

    /// <summary>Parses a UTC offset (<c>Z</c>, <c>+01:00</c>, <c>+0100</c>, <c>+01</c>); null when the text is not one.</summary>
    public static int? TryParseOffset(string text)
    {
        var c = new Cursor(text);
        try
        {
            int? o = c.Offset();
            c.End();
            return o;
        }
        catch (QueryTypeException)
        {
            return null;
        }
    }

    internal static QueryTypeException Invalid(string text, string what) =>
        QueryErrors.TemporalValue($"Cannot parse '{text}' as a {what}.");
}
