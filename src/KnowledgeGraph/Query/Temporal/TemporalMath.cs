using System.Text;

namespace KnowledgeGraph.Query.Temporal;

/// <summary>Components (<c>d.year</c>, <c>dur.days</c>, …), comparison and arithmetic of temporal values.</summary>
internal static class TemporalMath
{
    private const long NanosPerSecond = TemporalText.NanosPerSecond;

    /// <summary>The component <paramref name="key"/> of <paramref name="v"/>; throws when it has none by that name.</summary>
    public static object? Component(TemporalValue v, string key)
    {
        object? c = v.Kind == TemporalKind.Duration ? DurationComponent(v, key) : PointComponent(v, key);
        return c ?? throw QueryErrors.TemporalValue($"A {v.Kind} value has no component '{key}'.");
    }

    private static object? PointComponent(TemporalValue v, string key)
    {
        if (v.HasDate)
        {
            var d = v.Date;
            switch (key)
            {
                case "year": return (long)d.Year;
                case "quarter": return (long)TemporalCalendar.Quarter(d);
                case "month": return (long)d.Month;
                case "week": return (long)TemporalCalendar.Week(d);
                case "weekYear": return (long)TemporalCalendar.WeekYear(d);
                case "day": return (long)d.Day;
                case "ordinalDay": return (long)d.DayOfYear;
                case "weekDay" or "dayOfWeek": return (long)TemporalCalendar.DayOfWeek(d);
                case "dayOfQuarter": return (long)TemporalCalendar.DayOfQuarter(d);
            }
        }

        if (v.HasTime)
        {
            long s = v.NanoOfDay / NanosPerSecond, n = v.NanoOfDay % NanosPerSecond;
            switch (key)
            {
                case "hour": return s / 3600;
                case "minute": return s / 60 % 60;
                case "second": return s % 60;
                case "millisecond": return n / 1_000_000;
                case "microsecond": return n / 1000;
                case "nanosecond": return n;
            }
        }

        if (v.HasOffset)
        {
            var sb = new StringBuilder();
            TemporalText.AppendOffset(sb, v.OffsetSeconds);
            string offset = sb.ToString() == "Z" ? "+00:00" : sb.ToString();
            switch (key)
            {
                case "timezone": return v.Zone ?? (v.OffsetSeconds == 0 ? "Z" : offset);
                case "offset": return offset;
                case "offsetMinutes": return (long)(v.OffsetSeconds / 60);
                case "offsetSeconds": return (long)v.OffsetSeconds;
            }
        }

        if (v.Kind == TemporalKind.DateTime)
        {
            long epoch = TemporalCalendar.EpochSeconds(v.Date, v.NanoOfDay, v.OffsetSeconds);
            switch (key)
            {
                case "epochSeconds": return epoch;
                case "epochMillis": return (epoch * 1000) + (v.NanoOfDay % NanosPerSecond / 1_000_000);
            }
        }

        return null;
    }

    private static object? DurationComponent(TemporalValue v, string key) => key switch
    {
        "years" => v.Months / 12,
        "quarters" => v.Months / 3,
        "months" => v.Months,
        "weeks" => v.Days / 7,
        "days" => v.Days,
        "hours" => v.Seconds / 3600,
        "minutes" => v.Seconds / 60,
        "seconds" => v.Seconds,
        "milliseconds" => (v.Seconds * 1000) + (v.Nanos / 1_000_000),
        "microseconds" => (v.Seconds * 1_000_000) + (v.Nanos / 1000),
        "nanoseconds" => (v.Seconds * NanosPerSecond) + v.Nanos,
        "quartersOfYear" => v.Months % 12 / 3,
        "monthsOfQuarter" => v.Months % 3,
        "monthsOfYear" => v.Months % 12,
        "daysOfWeek" => v.Days % 7,
        "minutesOfHour" => v.Seconds / 60 % 60,
        "secondsOfMinute" => v.Seconds % 60,
        "millisecondsOfSecond" => (long)(v.Nanos / 1_000_000),
        "microsecondsOfSecond" => (long)(v.Nanos / 1000),
        "nanosecondsOfSecond" => (long)v.Nanos,
        _ => null,
    };

    /// <summary>Orders two values of the same kind (durations do not order); null when they do not compare.</summary>
    public static int? Compare(TemporalValue a, TemporalValue b)
    {
        if (a.Kind != b.Kind)
        {
            return null;
        }

        return a.Kind switch
        {
            TemporalKind.Date => a.Date.CompareTo(b.Date),
            TemporalKind.LocalTime => a.NanoOfDay.CompareTo(b.NanoOfDay),
            TemporalKind.Time => (a.NanoOfDay - (a.OffsetSeconds * NanosPerSecond)).CompareTo(b.NanoOfDay - (b.OffsetSeconds * NanosPerSecond)),
            TemporalKind.LocalDateTime => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.NanoOfDay.CompareTo(b.NanoOfDay),
            TemporalKind.DateTime => CompareInstants(a, b),
            _ => null,
        };
    }

    /// <summary>The order ORDER BY uses: date-times, local date-times, dates, times, local times, durations; then by value.</summary>
    public static int OrderCompare(TemporalValue a, TemporalValue b)
    {
        static int Rank(TemporalKind k) => k switch
        {
            TemporalKind.DateTime => 0,
            TemporalKind.LocalDateTime => 1,
            TemporalKind.Date => 2,
            TemporalKind.Time => 3,
            TemporalKind.LocalTime => 4,
            _ => 5,
        };

        if (a.Kind != b.Kind)
        {
            return Rank(a.Kind).CompareTo(Rank(b.Kind));
        }

        if (a.Kind == TemporalKind.Duration)
        {
            int c = a.Months.CompareTo(b.Months);
            c = c != 0 ? c : a.Days.CompareTo(b.Days);
            c = c != 0 ? c : a.Seconds.CompareTo(b.Seconds);
            return c != 0 ? c : a.Nanos.CompareTo(b.Nanos);
        }

        int byValue = Compare(a, b) ?? 0;
        return byValue != 0 ? byValue : a.OffsetSeconds.CompareTo(b.OffsetSeconds);
    }

    private static int CompareInstants(TemporalValue a, TemporalValue b)
    {
        long ea = TemporalCalendar.EpochSeconds(a.Date, a.NanoOfDay, a.OffsetSeconds), eb = TemporalCalendar.EpochSeconds(b.Date, b.NanoOfDay, b.OffsetSeconds);
        return ea != eb ? ea.CompareTo(eb) : (a.NanoOfDay % NanosPerSecond).CompareTo(b.NanoOfDay % NanosPerSecond);
    }

    /// <summary>Cypher equality: durations by their components, times and date-times by instant and offset.</summary>
    public static bool Equal(TemporalValue a, TemporalValue b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        return a.Kind switch
        {
            TemporalKind.Duration => a.Months == b.Months && a.Days == b.Days && a.Seconds == b.Seconds && a.Nanos == b.Nanos,
            TemporalKind.DateTime => CompareInstants(a, b) == 0 && a.OffsetSeconds == b.OffsetSeconds && string.Equals(a.Zone, b.Zone, StringComparison.Ordinal),
            _ => Compare(a, b) == 0 && a.OffsetSeconds == b.OffsetSeconds,
        };
    }

    /// <summary><c>+</c>, <c>-</c>, <c>*</c> and <c>/</c> with temporal operands; null when the operator does not apply.</summary>
    public static object? Arithmetic(string op, object a, object c)
    {
        try
        {
            return (op, a, c) switch
            {
                ("+", TemporalValue { Kind: TemporalKind.Duration } x, TemporalValue { Kind: TemporalKind.Duration } y) =>
                    TemporalValue.OfDuration(checked(x.Months + y.Months), checked(x.Days + y.Days), checked(x.Seconds + y.Seconds), (long)x.Nanos + y.Nanos),
                ("-", TemporalValue { Kind: TemporalKind.Duration } x, TemporalValue { Kind: TemporalKind.Duration } y) =>
                    TemporalValue.OfDuration(checked(x.Months - y.Months), checked(x.Days - y.Days), checked(x.Seconds - y.Seconds), (long)x.Nanos - y.Nanos),
                ("+", TemporalValue { Kind: TemporalKind.Duration } x, TemporalValue y) => Plus(y, x, 1),
                ("+", TemporalValue x, TemporalValue { Kind: TemporalKind.Duration } y) => Plus(x, y, 1),
                ("-", TemporalValue x, TemporalValue { Kind: TemporalKind.Duration } y) when x.Kind != TemporalKind.Duration => Plus(x, y, -1),
                ("*", TemporalValue { Kind: TemporalKind.Duration } x, long or double) => Scale(x, ToDecimal(c), multiply: true),
                ("*", long or double, TemporalValue { Kind: TemporalKind.Duration } y) => Scale(y, ToDecimal(a), multiply: true),
                ("/", TemporalValue { Kind: TemporalKind.Duration } x, long or double) => Scale(x, ToDecimal(c), multiply: false),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            throw QueryErrors.TemporalValue($"The result of {op} on temporal values is out of range.");
        }
    }

    private static decimal ToDecimal(object n) => n is long l ? l : (decimal)(double)n;

    private static TemporalValue Scale(TemporalValue d, decimal factor, bool multiply)
    {
        if (!multiply && factor == 0)
        {
            throw QueryErrors.DivisionByZero("Division of a duration by zero.");
        }

        decimal F(decimal x) => multiply ? x * factor : x / factor;
        var b = new DurationBuilder();
        b.AddComponent("months", F(d.Months));
        b.AddComponent("days", F(d.Days));
        b.AddComponent("seconds", F(d.Seconds));
        b.AddComponent("nanoseconds", F(d.Nanos));
        return b.Build();
    }

    /// <summary>A point in time moved by <paramref name="sign"/> times a duration.</summary>
    public static TemporalValue Plus(TemporalValue p, TemporalValue d, int sign)
    {
        long months = sign * d.Months, days = sign * d.Days;
        long nanos = checked((sign * d.Seconds * NanosPerSecond) + (sign * d.Nanos));
        try
        {
            switch (p.Kind)
            {
                case TemporalKind.Date:
                    return TemporalValue.OfDate(p.Date.AddMonths(checked((int)months)).AddDays(checked((int)(days + (nanos / TemporalText.NanosPerDay)))));
                case TemporalKind.LocalTime:
                    return TemporalValue.OfLocalTime(Wrap(p.NanoOfDay + (nanos % TemporalText.NanosPerDay)));
                case TemporalKind.Time:
                    return TemporalValue.OfTime(Wrap(p.NanoOfDay + (nanos % TemporalText.NanosPerDay)), p.OffsetSeconds);
            }

            var date = p.Date.AddMonths(checked((int)months)).AddDays(checked((int)days));
            long t = p.NanoOfDay + nanos;
            long carry = (long)Math.Floor((double)t / TemporalText.NanosPerDay);
            t -= carry * TemporalText.NanosPerDay;
            if (t < 0)
            {
                t += TemporalText.NanosPerDay;
                carry--;
            }
            else if (t >= TemporalText.NanosPerDay)
            {
                t -= TemporalText.NanosPerDay;
                carry++;
            }

            date = date.AddDays(checked((int)carry));
            if (p.Kind == TemporalKind.LocalDateTime)
            {
                return TemporalValue.OfLocalDateTime(date, t);
            }

            return p.Zone is null ? TemporalValue.OfDateTime(date, t, p.OffsetSeconds, null) : TemporalZones.InZone(date, t, p.Zone, p.OffsetSeconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw QueryErrors.DateOutOfRange();
        }
    }

    private static long Wrap(long t)
    {
        t %= TemporalText.NanosPerDay;
        return t < 0 ? t + TemporalText.NanosPerDay : t;
    }
}
