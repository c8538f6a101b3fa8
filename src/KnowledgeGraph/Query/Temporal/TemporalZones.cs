namespace KnowledgeGraph.Query.Temporal;

/// <summary>Named time zones (IANA ids such as <c>Europe/Stockholm</c>) and offsets.</summary>
internal static class TemporalZones
{
    public static TimeZoneInfo Find(string zone)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw QueryErrors.TemporalValue($"Unknown time zone '{zone}'.");
        }
    }

    /// <summary>The offset of <paramref name="zone"/> at an instant.</summary>
    public static int OffsetAt(TimeZoneInfo zone, long epochSeconds)
    {
        var utc = DateTime.UnixEpoch.AddSeconds(Math.Clamp(epochSeconds, -62_135_596_800L, 253_402_300_799L));
        return (int)zone.GetUtcOffset(utc).TotalSeconds;
    }

    /// <summary>A date-time at a local date and time in a named zone (an offset given with it wins when the zone allows it).</summary>
    public static TemporalValue InZone(DateOnly date, long nanoOfDay, string zone, int? offset)
    {
        var tz = Find(zone);
        var local = date.ToDateTime(TimeOnly.MinValue).AddTicks(nanoOfDay / 100);
        int chosen;
        if (tz.IsAmbiguousTime(local))
        {
            var offsets = tz.GetAmbiguousTimeOffsets(local).Select(o => (int)o.TotalSeconds).ToArray();
            chosen = offset is int o2 && offsets.Contains(o2) ? o2 : offsets.Max();
        }
        else if (tz.IsInvalidTime(local))
        {
            chosen = (int)tz.GetUtcOffset(local.AddHours(1)).TotalSeconds;
            var shifted = TemporalCalendar.FromEpoch(TemporalCalendar.EpochSeconds(date, nanoOfDay, (int)tz.BaseUtcOffset.TotalSeconds), nanoOfDay % TemporalText.NanosPerSecond, chosen);
            return TemporalValue.OfDateTime(shifted.Date, shifted.NanoOfDay, chosen, zone);
        }
        else
        {
            chosen = (int)tz.GetUtcOffset(local).TotalSeconds;
        }

        return TemporalValue.OfDateTime(date, nanoOfDay, chosen, zone);
    }

    /// <summary>The same instant as <paramref name="v"/> (a time or date-time) seen in a zone or at an offset.</summary>
    public static TemporalValue Convert(TemporalValue v, string? zone, int offset)
    {
        DateOnly date = v.HasDate ? v.Date : new DateOnly(1970, 1, 1);
        long epoch = TemporalCalendar.EpochSeconds(date, v.NanoOfDay, v.OffsetSeconds);
        if (zone is not null)
        {
            offset = OffsetAt(Find(zone), epoch);
        }

        var (d, t) = TemporalCalendar.FromEpoch(epoch, v.NanoOfDay % TemporalText.NanosPerSecond, offset);
        return v.Kind == TemporalKind.Time ? TemporalValue.OfTime(t, offset) : TemporalValue.OfDateTime(d, t, offset, zone);
    }

    /// <summary>Reads a <c>timezone</c> value: an offset text gives (null, offset), a zone name gives (name, 0).</summary>
    public static (string? Zone, int Offset) ReadTimeZone(object? value)
    {
        if (value is not string s)
        {
            throw QueryErrors.TemporalType($"A timezone must be a string; found {Values.TypeName(value)}.");
        }

        if (TemporalText.TryParseOffset(s) is int o)
        {
            return (null, o);
        }

        Find(s);
        return (s, 0);
    }
}
