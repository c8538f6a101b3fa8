namespace KnowledgeGraph.Query.Temporal;

/// <summary>Temporal values from .NET values given as query parameters.</summary>
internal static class TemporalConvert
{
    public static TemporalValue FromClr(object v) => v switch
    {
        DateOnly d => TemporalValue.OfDate(d),
        TimeOnly t => TemporalValue.OfLocalTime(t.Ticks * 100),
        DateTime dt => TemporalValue.OfLocalDateTime(DateOnly.FromDateTime(dt), dt.TimeOfDay.Ticks * 100),
        DateTimeOffset o => TemporalValue.OfDateTime(DateOnly.FromDateTime(o.DateTime), o.TimeOfDay.Ticks * 100, (int)o.Offset.TotalSeconds, null),
        TimeSpan s => TemporalValue.OfDuration(0, 0, 0, s.Ticks * 100),
        _ => throw new ArgumentException("Not a temporal value.", nameof(v)),
    };
}
