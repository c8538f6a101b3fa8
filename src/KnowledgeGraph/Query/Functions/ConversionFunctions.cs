using System.Globalization;

namespace KnowledgeGraph.Query.Functions;

/// <summary>Type conversion: <c>toString</c>, <c>toInteger</c>, <c>toFloat</c>, <c>toBoolean</c> and their <c>…OrNull</c> forms.</summary>
internal static class ConversionFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("toString", 1, 1, c => ToStringOrNull(c[0]) ?? throw c.TypeError(c[0]));
        r.Add("toStringOrNull", 1, 1, c => ToStringOrNull(c[0]));
        r.Add("toInteger", 1, 1, c => ToInteger(c[0], out bool ok) is var v && ok ? v : throw c.TypeError(c[0]));
        r.Add("toIntegerOrNull", 1, 1, c => ToInteger(c[0], out _));
        r.Add("toFloat", 1, 1, c => ToFloat(c[0], out bool ok) is var v && ok ? v : throw c.TypeError(c[0]));
        r.Add("toFloatOrNull", 1, 1, c => ToFloat(c[0], out _));
        r.Add("toBoolean", 1, 1, c => ToBoolean(c[0], out bool ok) is var v && ok ? v : throw c.TypeError(c[0]));
        r.Add("toBooleanOrNull", 1, 1, c => ToBoolean(c[0], out _));
    }

    private static string? ToStringOrNull(object? x) => x is string or long or double or bool or TemporalValue ? FunctionTable.ToStringValue(x) : null;

    /// <summary>The integer of a value; <paramref name="convertible"/> is false for a type that never converts.</summary>
    private static object? ToInteger(object? x, out bool convertible)
    {
        convertible = true;
        switch (x)
        {
            case long l:
                return l;
            case double d:
                return double.IsNaN(d) || double.IsInfinity(d) || d >= 9.2233720368547758E18 || d < -9.2233720368547758E18 ? null : (long)Math.Truncate(d);
            case bool b:
                return b ? 1L : 0L;
            case string s:
                s = s.Trim();
                if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
                {
                    return v;
                }

                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double dv) && double.IsFinite(dv)
                    && dv < 9.2233720368547758E18 && dv >= -9.2233720368547758E18 ? (long)Math.Truncate(dv) : null;
            default:
                convertible = false;
                return null;
        }
    }

    private static object? ToFloat(object? x, out bool convertible)
    {
        convertible = true;
        switch (x)
        {
            case long l:
                return (double)l;
            case double d:
                return d;
            case string s:
                return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
            default:
                convertible = false;
                return null;
        }
    }

    private static object? ToBoolean(object? x, out bool convertible)
    {
        convertible = true;
        switch (x)
        {
            case bool b:
                return b;
            case string s:
                return s.Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };
            case long l:
                return l != 0;
            default:
                convertible = false;
                return null;
        }
    }
}
