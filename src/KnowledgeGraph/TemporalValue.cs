namespace KnowledgeGraph;

/// <summary>The kind of a <see cref="TemporalValue"/>, named as in Cypher.</summary>
public enum TemporalKind
{
    /// <summary>A calendar date without a time (<c>date('2026-02-12')</c>).</summary>
    Date,

    /// <summary>A time of day without an offset (<c>localtime('12:30')</c>).</summary>
    LocalTime,

    /// <summary>A time of day with a UTC offset (<c>time('12:30+01:00')</c>).</summary>
    Time,

    /// <summary>A date and time without an offset (<c>localdatetime('2026-02-12T12:30')</c>).</summary>
    LocalDateTime,

    /// <summary>A date and time with a UTC offset and perhaps a named time zone (<c>datetime('2026-02-12T12:30[Europe/Brussels]')</c>).</summary>
    DateTime,

    /// <summary>An amount of time in months, days, seconds and nanoseconds (<c>duration('P4Y')</c>).</summary>
    Duration,
}

/// <summary>
/// A Cypher temporal value in a query result: a date, a time, a date-time or a duration, with nanosecond
/// precision. <see cref="ToString"/> gives its ISO 8601 text, the text the Cypher functions
/// (<c>date(…)</c>, <c>duration(…)</c>, …) read back. Immutable.
/// </summary>
/// <example><code>
/// var v = (TemporalValue)graph.Query("RETURN date('2026-02-12') + duration('P1M') AS d").Rows[0]["d"]!;
/// // v.Kind == TemporalKind.Date, v.ToString() == "2026-03-12"
/// </code></example>
public sealed class TemporalValue : IEquatable<TemporalValue>
{
    private TemporalValue(TemporalKind kind, DateOnly date, long nanoOfDay, int offsetSeconds, string? zone, long months, long days, long seconds, int nanos)
    {
        Kind = kind;
        Date = date;
        NanoOfDay = nanoOfDay;
        OffsetSeconds = offsetSeconds;
        Zone = zone;
        Months = months;
        Days = days;
        Seconds = seconds;
        Nanos = nanos;
    }

    /// <summary>What the value is: a date, a time, a date-time or a duration.</summary>
    public TemporalKind Kind { get; }

    internal DateOnly Date { get; }

    internal long NanoOfDay { get; }

    internal int OffsetSeconds { get; }

    internal string? Zone { get; }

    internal long Months { get; }

    internal long Days { get; }

    internal long Seconds { get; }

    internal int Nanos { get; }

    internal bool HasDate => Kind is TemporalKind.Date or TemporalKind.LocalDateTime or TemporalKind.DateTime;

    internal bool HasTime => Kind is TemporalKind.LocalTime or TemporalKind.Time or TemporalKind.LocalDateTime or TemporalKind.DateTime;

    internal bool HasOffset => Kind is TemporalKind.Time or TemporalKind.DateTime;

    internal static TemporalValue OfDate(DateOnly date) => new(TemporalKind.Date, date, 0, 0, null, 0, 0, 0, 0);

    internal static TemporalValue OfLocalTime(long nanoOfDay) => new(TemporalKind.LocalTime, default, nanoOfDay, 0, null, 0, 0, 0, 0);

    internal static TemporalValue OfTime(long nanoOfDay, int offsetSeconds) => new(TemporalKind.Time, default, nanoOfDay, offsetSeconds, null, 0, 0, 0, 0);

    internal static TemporalValue OfLocalDateTime(DateOnly date, long nanoOfDay) => new(TemporalKind.LocalDateTime, date, nanoOfDay, 0, null, 0, 0, 0, 0);

    internal static TemporalValue OfDateTime(DateOnly date, long nanoOfDay, int offsetSeconds, string? zone) =>
        new(TemporalKind.DateTime, date, nanoOfDay, offsetSeconds, zone, 0, 0, 0, 0);

    /// <summary>A duration; seconds and nanoseconds are normalised so that 0 &lt;= nanos &lt; 10^9.</summary>
    internal static TemporalValue OfDuration(long months, long days, long seconds, long nanos)
    {
        seconds = checked(seconds + Math.DivRem(nanos, TemporalFormat.NanosPerSecond, out long rest));
        if (rest < 0)
        {
            rest += TemporalFormat.NanosPerSecond;
            seconds = checked(seconds - 1);
        }

        return new(TemporalKind.Duration, default, 0, 0, null, months, days, seconds, (int)rest);
    }

    /// <summary>The ISO 8601 text of the value: <c>2026-02-12</c>, <c>12:30:00.5+01:00</c>, <c>2026-02-12T12:30+01:00[Europe/Brussels]</c>, <c>P1Y2M3DT4H</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => TemporalFormat.Format(this);

    /// <summary>Whether <paramref name="other"/> is the same value: the same kind and the same fields (a date-time's zone included).</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(TemporalValue? other) =>
        other is not null && Kind == other.Kind && Date == other.Date && NanoOfDay == other.NanoOfDay && OffsetSeconds == other.OffsetSeconds
        && string.Equals(Zone, other.Zone, StringComparison.Ordinal) && Months == other.Months && Days == other.Days && Seconds == other.Seconds && Nanos == other.Nanos;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TemporalValue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Date, NanoOfDay, OffsetSeconds, Months, Days, Seconds, Nanos);
}
