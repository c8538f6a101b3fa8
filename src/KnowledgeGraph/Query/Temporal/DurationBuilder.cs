namespace KnowledgeGraph.Query.Temporal;

/// <summary>
/// Adds up the parts of a duration (years to nanoseconds, fractions allowed) and builds it: a fraction of a month
/// becomes days (a month averages 30.436875 days), a fraction of a day becomes seconds.
/// </summary>
internal sealed class DurationBuilder
{
    public const decimal SecondsPerMonth = 2_629_746m;

    private decimal _months;
    private decimal _days;
    private decimal _seconds;

    /// <summary>Adds <paramref name="n"/> of the ISO designator <paramref name="unit"/>; false when the unit is unknown.</summary>
    public bool Add(decimal n, char unit, bool inTime)
    {
        switch (inTime ? char.ToLowerInvariant(unit) : unit)
        {
            case 'Y': _months += n * 12; return true;
            case 'M': _months += n; return true;
            case 'W': _days += n * 7; return true;
            case 'D': _days += n; return true;
            case 'h': _seconds += n * 3600; return true;
            case 'm': _seconds += n * 60; return true;
            case 's': _seconds += n; return true;
            default: return false;
        }
    }

    /// <summary>Adds a map entry (<c>years</c>, <c>months</c>, …, <c>nanoseconds</c>); false when the key is unknown.</summary>
    public bool AddComponent(string key, decimal n)
    {
        switch (key.ToLowerInvariant())
        {
            case "years": _months += n * 12; return true;
            case "quarters": _months += n * 3; return true;
            case "months": _months += n; return true;
            case "weeks": _days += n * 7; return true;
            case "days": _days += n; return true;
            case "hours": _seconds += n * 3600; return true;
            case "minutes": _seconds += n * 60; return true;
            case "seconds": _seconds += n; return true;
            case "milliseconds": _seconds += n / 1000m; return true;
            case "microseconds": _seconds += n / 1_000_000m; return true;
            case "nanoseconds": _seconds += n / 1_000_000_000m; return true;
            default: return false;
        }
    }

    public TemporalValue Build()
    {
        try
        {
            decimal months = decimal.Truncate(_months);
            decimal days = _days + ((_months - months) * SecondsPerMonth / 86_400m);
            decimal wholeDays = decimal.Truncate(days);
            decimal seconds = _seconds + ((days - wholeDays) * 86_400m);
            decimal wholeSeconds = decimal.Floor(seconds);
            long nanos = (long)decimal.Round((seconds - wholeSeconds) * 1_000_000_000m);
            return TemporalValue.OfDuration((long)months, (long)wholeDays, (long)wholeSeconds, nanos);
        }
        catch (OverflowException)
        {
            throw QueryErrors.TemporalValue("The duration is too large.");
        }
    }
}
