namespace KnowledgeGraph.Query.Temporal;

/// <summary>
/// Builds temporal values as the functions <c>date</c>, <c>localtime</c>, <c>time</c>, <c>localdatetime</c> and
/// <c>datetime</c> do: from text, from a map of components (which may select from other values with
/// <c>date</c>, <c>time</c> and <c>datetime</c> keys) and from another temporal value.
/// </summary>
internal static class TemporalConstruct
{
    private static readonly HashSet<string> DateKeys = new(StringComparer.OrdinalIgnoreCase) { "year", "month", "day", "week", "dayOfWeek", "quarter", "dayOfQuarter", "ordinalDay" };

    private static readonly HashSet<string> TimeKeys = new(StringComparer.OrdinalIgnoreCase) { "hour", "minute", "second", "millisecond", "microsecond", "nanosecond" };

    public static object? Create(TemporalKind kind, object? arg, string function)
    {
        switch (arg)
        {
            case null:
                return null;
            case string s:
                return TemporalText.Parse(kind, s);
            case TemporalValue t when t.Kind != TemporalKind.Duration:
                return Project(kind, t, function);
            case Dictionary<string, object?> map:
                return FromMap(kind, map);
            default:
                throw QueryErrors.FunctionNeeds(function, "a string, a map or a temporal value", arg);
        }
    }

    /// <summary>The instant <paramref name="now"/> (UTC) as a value of <paramref name="kind"/>, seen in <paramref name="timezone"/> (UTC when null).</summary>
    public static TemporalValue Now(TemporalKind kind, DateTime now, string? timezone)
    {
        long nanos = now.TimeOfDay.Ticks * 100;
        var zoned = TemporalValue.OfDateTime(DateOnly.FromDateTime(now), nanos, 0, null);
        if (timezone is not null)
        {
            var (zone, offset) = TemporalZones.ReadTimeZone(timezone);
            zoned = TemporalZones.Convert(zoned, zone, offset);
        }

        return Project(kind, zoned, kind.ToString().ToLowerInvariant());
    }

    private static TemporalValue Project(TemporalKind kind, TemporalValue t, string function)
    {
        switch (kind)
        {
            case TemporalKind.Date when t.HasDate:
                return TemporalValue.OfDate(t.Date);
            case TemporalKind.LocalTime when t.HasTime:
                return TemporalValue.OfLocalTime(t.NanoOfDay);
            case TemporalKind.Time when t.HasTime:
                return TemporalValue.OfTime(t.NanoOfDay, t.HasOffset ? t.OffsetSeconds : 0);
            case TemporalKind.LocalDateTime when t.HasDate:
                return TemporalValue.OfLocalDateTime(t.Date, t.HasTime ? t.NanoOfDay : 0);
            case TemporalKind.DateTime when t.HasDate:
                return t.Kind == TemporalKind.DateTime ? t : TemporalValue.OfDateTime(t.Date, t.HasTime ? t.NanoOfDay : 0, 0, null);
            default:
                throw QueryErrors.TemporalType($"{function}() cannot take a {t.Kind} value.");
        }
    }

    private static TemporalValue FromMap(TemporalKind kind, Dictionary<string, object?> map)
    {
        var m = new Dictionary<string, object?>(map, StringComparer.OrdinalIgnoreCase);
        bool wantsDate = kind is TemporalKind.Date or TemporalKind.LocalDateTime or TemporalKind.DateTime;
        bool wantsTime = kind != TemporalKind.Date;
        foreach (var key in m.Keys)
        {
            bool known = DateKeys.Contains(key) || TimeKeys.Contains(key) || key.Equals("timezone", StringComparison.OrdinalIgnoreCase)
                || key.Equals("date", StringComparison.OrdinalIgnoreCase) || key.Equals("time", StringComparison.OrdinalIgnoreCase)
                || key.Equals("datetime", StringComparison.OrdinalIgnoreCase) || key.Equals("epochSeconds", StringComparison.OrdinalIgnoreCase)
                || key.Equals("epochMillis", StringComparison.OrdinalIgnoreCase);
            if (!known || (!wantsDate && DateKeys.Contains(key)) || (!wantsTime && TimeKeys.Contains(key)))
            {
                throw QueryErrors.ComponentNotAllowed(kind.ToString().ToLowerInvariant(), key);
            }
        }

        if (kind == TemporalKind.DateTime && (m.ContainsKey("epochSeconds") || m.ContainsKey("epochMillis")))
        {
            return FromEpoch(m);
        }

        TemporalValue? dateBase = Base(m, "datetime") ?? Base(m, "date");
        TemporalValue? timeBase = Base(m, "datetime") ?? Base(m, "time");
        DateOnly date = wantsDate ? BuildDate(m, dateBase) : default;
        long time = wantsTime ? BuildTime(m, timeBase) : 0;
        bool baseZoned = timeBase is { HasOffset: true };
        string? zone = baseZoned ? timeBase!.Zone : null;
        int offset = baseZoned ? timeBase!.OffsetSeconds : 0;
        return kind switch
        {
            TemporalKind.Date => TemporalValue.OfDate(date),
            TemporalKind.LocalTime => TemporalValue.OfLocalTime(time),
            TemporalKind.LocalDateTime => TemporalValue.OfLocalDateTime(date, time),
            _ => Zoned(kind, date, time, zone, offset, baseZoned, m.TryGetValue("timezone", out var tz) ? tz : null, m.ContainsKey("timezone")),
        };
    }

    private static TemporalValue Zoned(TemporalKind kind, DateOnly date, long time, string? zone, int offset, bool baseZoned, object? timezone, bool hasTimezone)
    {
        TemporalValue At(string? z, int o)
        {
            if (kind == TemporalKind.Time)
            {
                return TemporalValue.OfTime(time, z is null ? o : TemporalZones.OffsetAt(TemporalZones.Find(z), TemporalCalendar.EpochSeconds(DateOnly.FromDateTime(DateTime.UtcNow), time, 0)));
            }

            return z is null ? TemporalValue.OfDateTime(date, time, o, null) : TemporalZones.InZone(date, time, z, null);
        }

        if (!hasTimezone)
        {
            return At(zone, offset);
        }

        var (newZone, newOffset) = TemporalZones.ReadTimeZone(timezone);
        if (baseZoned)
        {
            return TemporalZones.Convert(At(zone, offset), newZone, newOffset);
        }

        return At(newZone, newOffset);
    }

    private static TemporalValue? Base(Dictionary<string, object?> m, string key)
    {
        if (!m.TryGetValue(key, out var v) || v is null)
        {
            return null;
        }

        return v as TemporalValue ?? throw QueryErrors.TemporalType($"The '{key}' component must be a temporal value; found {Values.TypeName(v)}.");
    }

    private static int? Int(Dictionary<string, object?> m, string key)
    {
        if (!m.TryGetValue(key, out var v) || v is null)
        {
            return null;
        }

        return v switch
        {
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            long => throw QueryErrors.TemporalValue($"The component '{key}' is out of range."),
            _ => throw QueryErrors.TemporalType($"The component '{key}' must be an integer; found {Values.TypeName(v)}."),
        };
    }

    private static DateOnly BuildDate(Dictionary<string, object?> m, TemporalValue? b)
    {
        DateOnly? bd = b is { HasDate: true } ? b.Date : null;
        if (b is not null && bd is null)
        {
            throw QueryErrors.TemporalType("The 'date' component must hold a date.");
        }

        int? year = Int(m, "year"), week = Int(m, "week"), dow = Int(m, "dayOfWeek"), quarter = Int(m, "quarter"), doq = Int(m, "dayOfQuarter"), ordinal = Int(m, "ordinalDay");
        int? month = Int(m, "month"), day = Int(m, "day");
        if (bd is null && year is null)
        {
            throw QueryErrors.TemporalValue("A date needs a year.");
        }

        try
        {
            if (week is not null || (dow is not null && month is null && day is null))
            {
                int wy = year ?? TemporalCalendar.WeekYear(bd!.Value);
                return TemporalCalendar.FromWeek(wy, week ?? TemporalCalendar.Week(bd!.Value), dow ?? (bd is { } x ? TemporalCalendar.DayOfWeek(x) : 1));
            }

            if (ordinal is not null)
            {
                return TemporalCalendar.FromOrdinal(year ?? bd!.Value.Year, ordinal.Value);
            }

            if (quarter is not null || doq is not null)
            {
                int y = year ?? bd!.Value.Year;
                return TemporalCalendar.FromQuarter(y, quarter ?? TemporalCalendar.Quarter(bd!.Value), doq ?? (bd is { } x ? TemporalCalendar.DayOfQuarter(x) : 1));
            }

            return new DateOnly(year ?? bd!.Value.Year, month ?? bd?.Month ?? 1, day ?? bd?.Day ?? 1);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw QueryErrors.TemporalValue("The date components are out of range.");
        }
    }

    private static long BuildTime(Dictionary<string, object?> m, TemporalValue? b)
    {
        long bt = b is { HasTime: true } ? b.NanoOfDay : 0;
        long bs = bt / TemporalText.NanosPerSecond, bn = bt % TemporalText.NanosPerSecond;
        int hour = Int(m, "hour") ?? (int)(bs / 3600), minute = Int(m, "minute") ?? (int)(bs / 60 % 60), second = Int(m, "second") ?? (int)(bs % 60);
        int? ms = Int(m, "millisecond"), us = Int(m, "microsecond"), ns = Int(m, "nanosecond");
        long nanos = bn;
        if (ms is not null)
        {
            nanos = (ms.Value * 1_000_000L) + ((us ?? 0) * 1000L) + (ns ?? 0);
        }
        else if (us is not null)
        {
            nanos = (us.Value >= 1000 ? 0 : bn / 1_000_000 * 1_000_000) + (us.Value * 1000L) + (ns ?? 0);
        }
        else if (ns is not null)
        {
            nanos = (ns.Value >= 1000 ? 0 : bn / 1000 * 1000) + ns.Value;
        }

        if ((ms is not null && ms is < 0 or > 999) || us < 0 || ns < 0)
        {
            throw QueryErrors.TemporalValue("The sub-second components are out of range.");
        }

        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || nanos is < 0 or >= TemporalText.NanosPerSecond)
        {
            throw QueryErrors.TemporalValue("The time components are out of range.");
        }

        return (((hour * 3600L) + (minute * 60L) + second) * TemporalText.NanosPerSecond) + nanos;
    }

    private static TemporalValue FromEpoch(Dictionary<string, object?> m)
    {
        long seconds, nanos = Int(m, "nanosecond") ?? 0;
        if (m.TryGetValue("epochSeconds", out var s) && s is long es)
        {
            seconds = es;
        }
        else if (m.TryGetValue("epochMillis", out var ms) && ms is long em)
        {
            seconds = Math.DivRem(em, 1000L, out long rest);
            if (rest < 0)
            {
                rest += 1000;
                seconds--;
            }

            nanos += rest * 1_000_000L;
        }
        else
        {
            throw QueryErrors.TemporalType("epochSeconds and epochMillis must be integers.");
        }

        var utc = TemporalCalendar.FromEpoch(seconds, nanos, 0);
        var v = TemporalValue.OfDateTime(utc.Date, utc.NanoOfDay, 0, null);
        if (m.TryGetValue("timezone", out var tz))
        {
            var (zone, offset) = TemporalZones.ReadTimeZone(tz);
            return TemporalZones.Convert(v, zone, offset);
        }

        return v;
    }
}
