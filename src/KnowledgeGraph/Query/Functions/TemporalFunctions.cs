using KnowledgeGraph.Query.Temporal;

namespace KnowledgeGraph.Query.Functions;

/// <summary>
/// Temporal functions: <c>date</c>, <c>localtime</c>, <c>time</c>, <c>localdatetime</c>, <c>datetime</c> (from text, a
/// map or another value; the current instant without arguments), their <c>truncate</c>, <c>statement</c>,
/// <c>transaction</c> and <c>realtime</c> forms, <c>datetime.fromepoch</c>, <c>duration</c> and <c>duration.between</c>,
/// <c>inMonths</c>, <c>inDays</c>, <c>inSeconds</c>.
/// </summary>
internal static class TemporalFunctions
{
    public static void Register(FunctionRegistry r)
    {
        foreach (var kind in new[] { TemporalKind.Date, TemporalKind.LocalTime, TemporalKind.Time, TemporalKind.LocalDateTime, TemporalKind.DateTime })
        {
            string name = kind.ToString().ToLowerInvariant();
            r.Add(name, 0, 1, c => c.Count == 0 ? TemporalConstruct.Now(kind, c.Context.Now, null) : TemporalConstruct.Create(kind, c[0], name), nullIn: false);
            foreach (string clock in new[] { "statement", "transaction", "realtime" })
            {
                r.Add(name + "." + clock, 0, 1, c => TemporalConstruct.Now(kind, c.Context.Now, c.Count == 0 ? null : c[0] as string ?? throw c.ArgumentTypeError(c[0])));
            }

            r.Add(name + ".truncate", 2, 3, c => TemporalUnits.Truncate(kind, c[0], c[1], c.Count > 2 ? c[2] : null), nullIn: false);
        }

        r.Add("datetime.fromepoch", 2, 2, c => TemporalConstruct.Create(TemporalKind.DateTime, new Dictionary<string, object?>(StringComparer.Ordinal) { ["epochSeconds"] = c[0], ["nanosecond"] = c[1] }, "datetime.fromepoch"));
        r.Add("datetime.fromepochmillis", 1, 1, c => TemporalConstruct.Create(TemporalKind.DateTime, new Dictionary<string, object?>(StringComparer.Ordinal) { ["epochMillis"] = c[0] }, "datetime.fromepochmillis"));
        r.Add("duration", 1, 1, Duration);
        r.Add("duration.between", 2, 2, c => TemporalUnits.Between(c[0], c[1], "between"), nullIn: false);
        r.Add("duration.inMonths", 2, 2, c => TemporalUnits.Between(c[0], c[1], "inMonths"), nullIn: false);
        r.Add("duration.inDays", 2, 2, c => TemporalUnits.Between(c[0], c[1], "inDays"), nullIn: false);
        r.Add("duration.inSeconds", 2, 2, c => TemporalUnits.Between(c[0], c[1], "inSeconds"), nullIn: false);
    }

    private static object? Duration(FunctionCall c)
    {
        switch (c[0])
        {
            case string s:
                return TemporalText.Parse(TemporalKind.Duration, s);
            case TemporalValue { Kind: TemporalKind.Duration } d:
                return d;
            case Dictionary<string, object?> map:
                var b = new DurationBuilder();
                foreach (var (key, value) in map)
                {
                    decimal n = value switch
                    {
                        long l => l,
                        double d => (decimal)d,
                        null => 0,
                        _ => throw QueryErrors.TemporalType($"duration() needs numbers; '{key}' is a {Values.TypeName(value)}."),
                    };
                    if (!b.AddComponent(key, n))
                    {
                        throw QueryErrors.ComponentNotAllowed("duration", key);
                    }
                }

                return b.Build();
            default:
                throw c.ArgumentTypeError(c[0]);
        }
    }
}
