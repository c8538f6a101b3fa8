using System.Globalization;
using System.Text;

namespace KnowledgeGraph;

/// <summary>The ISO 8601 text of temporal values, as Cypher prints them: what <see cref="TemporalValue.ToString"/> gives.</summary>
internal static class TemporalFormat
{
    public const long NanosPerSecond = 1_000_000_000L;

    public const long NanosPerDay = 86_400L * NanosPerSecond;

    public static string Format(TemporalValue v)
    {
        var sb = new StringBuilder(32);
        switch (v.Kind)
        {
            case TemporalKind.Date:
                AppendDate(sb, v.Date);
                break;
            case TemporalKind.LocalTime:
                AppendTime(sb, v.NanoOfDay);
                break;
            case TemporalKind.Time:
                AppendTime(sb, v.NanoOfDay);
                AppendOffset(sb, v.OffsetSeconds);
                break;
            case TemporalKind.LocalDateTime:
                AppendDate(sb, v.Date);
                sb.Append('T');
                AppendTime(sb, v.NanoOfDay);
                break;
            case TemporalKind.DateTime:
                AppendDate(sb, v.Date);
                sb.Append('T');
                AppendTime(sb, v.NanoOfDay);
                AppendOffset(sb, v.OffsetSeconds);
                if (v.Zone is not null)
                {
                    sb.Append('[').Append(v.Zone).Append(']');
                }

                break;
            default:
                AppendDuration(sb, v);
                break;
        }

        return sb.ToString();
    }

    private static void AppendDate(StringBuilder sb, DateOnly d) =>
        sb.Append(d.Year.ToString("D4", CultureInfo.InvariantCulture)).Append('-')
          .Append(d.Month.ToString("D2", CultureInfo.InvariantCulture)).Append('-')
          .Append(d.Day.ToString("D2", CultureInfo.InvariantCulture));

    private static void AppendTime(StringBuilder sb, long nanoOfDay)
    {
        long seconds = nanoOfDay / NanosPerSecond;
        long nanos = nanoOfDay % NanosPerSecond;
        sb.Append((seconds / 3600).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
          .Append((seconds / 60 % 60).ToString("D2", CultureInfo.InvariantCulture));
        if (seconds % 60 == 0 && nanos == 0)
        {
            return;
        }

        sb.Append(':').Append((seconds % 60).ToString("D2", CultureInfo.InvariantCulture));
        if (nanos == 0)
        {
            return;
        }

        sb.Append('.');
        if (nanos % 1_000_000 == 0)
        {
            sb.Append((nanos / 1_000_000).ToString("D3", CultureInfo.InvariantCulture));
        }
        else if (nanos % 1000 == 0)
        {
            sb.Append((nanos / 1000).ToString("D6", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append(nanos.ToString("D9", CultureInfo.InvariantCulture));
        }
    }

    public static void AppendOffset(StringBuilder sb, int offsetSeconds)
    {
        if (offsetSeconds == 0)
        {
            sb.Append('Z');
            return;
        }

        int a = Math.Abs(offsetSeconds);
        sb.Append(offsetSeconds < 0 ? '-' : '+')
          .Append((a / 3600).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
          .Append((a / 60 % 60).ToString("D2", CultureInfo.InvariantCulture));
        if (a % 60 != 0)
        {
            sb.Append(':').Append((a % 60).ToString("D2", CultureInfo.InvariantCulture));
        }
    }

    private static void AppendDuration(StringBuilder sb, TemporalValue v)
    {
        sb.Append('P');
        long years = v.Months / 12, months = v.Months % 12;
        Part(sb, years, 'Y');
        Part(sb, months, 'M');
        Part(sb, v.Days, 'D');
        Int128 total = ((Int128)v.Seconds * NanosPerSecond) + v.Nanos;
        if (total == 0)
        {
            if (v.Months == 0 && v.Days == 0)
            {
                sb.Append("T0S");
            }

            return;
        }

        sb.Append('T');
        bool negative = total < 0;
        Int128 abs = negative ? -total : total;
        long secs = (long)(abs / NanosPerSecond);
        long nanos = (long)(abs % NanosPerSecond);
        string sign = negative ? "-" : string.Empty;
        if (secs / 3600 != 0)
        {
            sb.Append(sign).Append((secs / 3600).ToString(CultureInfo.InvariantCulture)).Append('H');
        }

        if (secs / 60 % 60 != 0)
        {
            sb.Append(sign).Append((secs / 60 % 60).ToString(CultureInfo.InvariantCulture)).Append('M');
        }

        if (secs % 60 != 0 || nanos != 0)
        {
            sb.Append(sign).Append((secs % 60).ToString(CultureInfo.InvariantCulture));
            if (nanos != 0)
            {
                sb.Append('.').Append(nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            sb.Append('S');
        }
    }

    private static void Part(StringBuilder sb, long n, char unit)
    {
        if (n != 0)
        {
            sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    /// <summary>The kind's Cypher function name, also its key in canonical JSON: <c>date</c>, <c>localtime</c>, <c>time</c>, <c>localdatetime</c>, <c>datetime</c>, <c>duration</c>.</summary>
    public static string KindName(TemporalKind kind) => kind switch
    {
        TemporalKind.Date => "date",
        TemporalKind.LocalTime => "localtime",
        TemporalKind.Time => "time",
        TemporalKind.LocalDateTime => "localdatetime",
        TemporalKind.DateTime => "datetime",
        _ => "duration",
    };

    /// <summary>The kind a Cypher function name (<see cref="KindName"/>) names, or null.</summary>
    public static TemporalKind? KindOf(string name) => name switch
    {
        "date" => TemporalKind.Date,
        "localtime" => TemporalKind.LocalTime,
        "time" => TemporalKind.Time,
        "localdatetime" => TemporalKind.LocalDateTime,
        "datetime" => TemporalKind.DateTime,
        "duration" => TemporalKind.Duration,
        _ => null,
    };
}
