using System.Globalization;

namespace KnowledgeGraph.Query.Temporal;

/// <summary>ISO calendar arithmetic: week dates, ordinal dates, quarters, days of week (Monday = 1).</summary>
internal static class TemporalCalendar
{
    public static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    public static int DayOfWeek(DateOnly d) => d.DayOfWeek == System.DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static int WeekYear(DateOnly d) => ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue));

    public static int Week(DateOnly d) => ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue));

    public static int Quarter(DateOnly d) => ((d.Month - 1) / 3) + 1;

    public static int DayOfQuarter(DateOnly d) => d.DayNumber - QuarterStart(d.Year, Quarter(d)).DayNumber + 1;

    public static DateOnly QuarterStart(int year, int quarter) => new(year, ((quarter - 1) * 3) + 1, 1);

    public static DateOnly FromWeek(int weekYear, int week, int dayOfWeek)
    {
        if (week < 1 || week > ISOWeek.GetWeeksInYear(weekYear) || dayOfWeek is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(week));
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(weekYear, week, dayOfWeek == 7 ? System.DayOfWeek.Sunday : (System.DayOfWeek)dayOfWeek));
    }

    public static DateOnly FromOrdinal(int year, int ordinalDay)
    {
        if (ordinalDay < 1 || ordinalDay > (DateTime.IsLeapYear(year) ? 366 : 365))
        {
            throw new ArgumentOutOfRangeException(nameof(ordinalDay));
        }

        return new DateOnly(year, 1, 1).AddDays(ordinalDay - 1);
    }

    public static DateOnly FromQuarter(int year, int quarter, int dayOfQuarter)
    {
        if (quarter is < 1 or > 4 || dayOfQuarter < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter));
        }

        var start = QuarterStart(year, quarter);
        var d = start.AddDays(dayOfQuarter - 1);
        if (Quarter(d) != quarter || d.Year != year)
        {
            throw new ArgumentOutOfRangeException(nameof(dayOfQuarter));
        }

        return d;
    }

    /// <summary>Seconds since 1970-01-01T00:00Z of a local date and time at an offset.</summary>
    public static long EpochSeconds(DateOnly date, long nanoOfDay, int offsetSeconds) =>
        ((date.DayNumber - (long)EpochDay) * 86_400L) + (nanoOfDay / TemporalText.NanosPerSecond) - offsetSeconds;

    /// <summary>The local date and nanosecond of day of an instant seen at an offset.</summary>
    public static (DateOnly Date, long NanoOfDay) FromEpoch(long epochSeconds, long nanos, int offsetSeconds)
    {
        long local = epochSeconds + offsetSeconds;
        long day = Math.DivRem(local, 86_400L, out long secOfDay);
        if (secOfDay < 0)
        {
            secOfDay += 86_400L;
            day--;
        }

        long dayNumber = day + EpochDay;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw QueryErrors.DateOutOfRange();
        }

        return (DateOnly.FromDayNumber((int)dayNumber), (secOfDay * TemporalText.NanosPerSecond) + nanos);
    }
}
