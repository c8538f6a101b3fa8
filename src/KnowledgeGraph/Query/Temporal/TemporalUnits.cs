namespace KnowledgeGraph.Query.Temporal;

/// <summary><c>duration.between</c>, <c>duration.inMonths</c>, <c>inDays</c>, <c>inSeconds</c> and the <c>truncate</c> functions.</summary>
internal static class TemporalUnits
{
    private const long NanosPerDay = TemporalText.NanosPerDay;

    /// <summary>The duration from <paramref name="a"/> to <paramref name="b"/> in the given units: <c>between</c>, <c>months</c>, <c>days</c> or <c>seconds</c>.</summary>
    public static object? Between(object? a, object? b, string units)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (a is not TemporalValue x || b is not TemporalValue y || x.Kind == TemporalKind.Duration || y.Kind == TemporalKind.Duration)
        {
            throw QueryErrors.TemporalType($"duration.{units}() needs two temporal values that are not durations.");
        }

        var (da, ta, oa) = Fill(x, y);
        var (db, tb, ob) = Fill(y, x);
        if (oa is int offA && ob is int offB && offA != offB)
        {
            (db, tb) = TemporalCalendar.FromEpoch(TemporalCalendar.EpochSeconds(db, tb, offB), tb % TemporalText.NanosPerSecond, offA);
        }

        long total = checked(((db.DayNumber - (long)da.DayNumber) * NanosPerDay) + tb - ta);
        switch (units)
        {
            case "inSeconds":
                return TemporalValue.OfDuration(0, 0, 0, total);
            case "inDays":
                return TemporalValue.OfDuration(0, total / NanosPerDay, 0, 0);
        }

        int months = (db.Year * 12) + db.Month - ((da.Year * 12) + da.Month);
        if (months > 0 && Later(da.AddMonths(months), ta, db, tb))
        {
            months--;
        }
        else if (months < 0 && Later(db, tb, da.AddMonths(months), ta))
        {
            months++;
        }

        if (units == "inMonths")
        {
            return TemporalValue.OfDuration(months, 0, 0, 0);
        }

        var start = da.AddMonths(months);
        long rest = ((db.DayNumber - (long)start.DayNumber) * NanosPerDay) + tb - ta;
        long days = rest / NanosPerDay;
        return TemporalValue.OfDuration(months, days, 0, rest - (days * NanosPerDay));
    }

    /// <summary>A value completed from the other one: its date (or the other's), its time (or midnight), its offset (or the other's zone or offset).</summary>
    private static (DateOnly Date, long Time, int? Offset) Fill(TemporalValue v, TemporalValue other)
    {
        var date = v.HasDate ? v.Date : other.HasDate ? other.Date : new DateOnly(1970, 1, 1);
        long time = v.HasTime ? v.NanoOfDay : 0;
        int? offset = v.HasOffset ? v.OffsetSeconds
            : other.Zone is not null ? TemporalZones.InZone(date, time, other.Zone, null).OffsetSeconds
            : other.HasOffset ? other.OffsetSeconds : null;
        return (date, time, offset);
    }

    private static bool Later(DateOnly d1, long t1, DateOnly d2, long t2) => d1 > d2 || (d1 == d2 && t1 > t2);

    /// <summary>The <c>truncate</c> function of <paramref name="kind"/>: <paramref name="value"/> cut to <paramref name="unit"/>, then the components of <paramref name="map"/> applied.</summary>
    public static object? Truncate(TemporalKind kind, object? unit, object? value, object? map)
    {
        if (unit is null || value is null)
        {
            return null;
        }

        if (unit is not string u || value is not TemporalValue v || v.Kind == TemporalKind.Duration)
        {
            throw QueryErrors.FunctionNeeds("truncate", "a unit name and a temporal value");
        }

        var overrides = map switch
        {
            null => new Dictionary<string, object?>(StringComparer.Ordinal),
            Dictionary<string, object?> m => new Dictionary<string, object?>(m, StringComparer.OrdinalIgnoreCase),
            _ => throw QueryErrors.FunctionNeeds("truncate", "a map of components", map),
        };
        DateOnly date = v.HasDate ? v.Date : default;
        long time = v.HasTime ? v.NanoOfDay : 0;
        Cut(u.ToLowerInvariant(), ref date, ref time, v.HasDate, kind);
        bool zoneGiven = overrides.Remove("timezone", out var timezone);
        var truncated = kind switch
        {
            TemporalKind.Date => TemporalValue.OfDate(date),
            TemporalKind.LocalTime => TemporalValue.OfLocalTime(time),
            TemporalKind.LocalDateTime => TemporalValue.OfLocalDateTime(date, time),
            TemporalKind.Time => TemporalValue.OfTime(time, v.HasOffset ? v.OffsetSeconds : 0),
            _ => v.Zone is not null ? TemporalZones.InZone(date, time, v.Zone, null) : TemporalValue.OfDateTime(date, time, v.HasOffset ? v.OffsetSeconds : 0, null),
        };
        if (overrides.Count > 0)
        {
            overrides[kind is TemporalKind.Date ? "date" : kind is TemporalKind.LocalTime or TemporalKind.Time ? "time" : "datetime"] = truncated;
            truncated = (TemporalValue)TemporalConstruct.Create(kind, overrides, kind.ToString().ToLowerInvariant())!;
        }

        if (!zoneGiven || timezone is null)
        {
            return truncated;
        }

        var (zone, offset) = TemporalZones.ReadTimeZone(timezone);
        if (kind == TemporalKind.Time)
        {
            return TemporalValue.OfTime(truncated.NanoOfDay, zone is null ? offset : TemporalZones.OffsetAt(TemporalZones.Find(zone), 0));
        }

        return zone is null ? TemporalValue.OfDateTime(truncated.Date, truncated.NanoOfDay, offset, null) : TemporalZones.InZone(truncated.Date, truncated.NanoOfDay, zone, null);
    }

    private static void Cut(string unit, ref DateOnly date, ref long time, bool hasDate, TemporalKind kind)
    {
        bool dateUnit = unit is "millennium" or "century" or "decade" or "year" or "weekyear" or "quarter" or "month" or "week" or "day";
        if (dateUnit && (!hasDate || kind is TemporalKind.LocalTime or TemporalKind.Time) && unit != "day")
        {
            throw QueryErrors.TemporalValue($"Cannot truncate a time to the unit '{unit}'.");
        }

        long nanos = time % TemporalText.NanosPerSecond;
        switch (unit)
        {
            case "millennium": date = new DateOnly(Math.Max(1, date.Year / 1000 * 1000), 1, 1); break;
            case "century": date = new DateOnly(Math.Max(1, date.Year / 100 * 100), 1, 1); break;
            case "decade": date = new DateOnly(Math.Max(1, date.Year / 10 * 10), 1, 1); break;
            case "year": date = new DateOnly(date.Year, 1, 1); break;
            case "weekyear": date = TemporalCalendar.FromWeek(TemporalCalendar.WeekYear(date), 1, 1); break;
            case "quarter": date = TemporalCalendar.QuarterStart(date.Year, TemporalCalendar.Quarter(date)); break;
            case "month": date = new DateOnly(date.Year, date.Month, 1); break;
            case "week": date = date.AddDays(1 - TemporalCalendar.DayOfWeek(date)); break;
            case "day": break;
            case "hour": time -= time % (3600 * TemporalText.NanosPerSecond); return;
            case "minute": time -= time % (60 * TemporalText.NanosPerSecond); return;
            case "second": time -= nanos; return;
            case "millisecond": time -= nanos % 1_000_000; return;
            case "microsecond": time -= nanos % 1000; return;
            default: throw QueryErrors.TemporalValue($"Unknown truncation unit '{unit}'.");
        }

        time = 0;
    }
}
