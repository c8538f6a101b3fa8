namespace KnowledgeGraph.Query.Functions;

/// <summary>Mathematical functions: <c>abs</c>, <c>sign</c>, <c>round</c>, <c>floor</c>, <c>ceil</c>, <c>sqrt</c>, logarithms, trigonometry, <c>rand</c>.</summary>
internal static class MathFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("abs", 1, 1, c => c[0] switch
        {
            long l => l == long.MinValue ? throw QueryErrors.Overflow("in abs()") : Math.Abs(l),
            double d => (object)Math.Abs(d),
            _ => throw c.TypeError(c[0]),
        });
        r.Add("sign", 1, 1, c => c[0] switch { long l => (long)Math.Sign(l), double d => double.IsNaN(d) ? 0L : (long)Math.Sign(d), _ => throw c.TypeError(c[0]) });
        r.Add("round", 1, 1, c => Math.Round(Number(c), MidpointRounding.AwayFromZero));
        r.Add("floor", 1, 1, c => Math.Floor(Number(c)));
        r.Add("ceil", 1, 1, c => Math.Ceiling(Number(c)));
        r.Add("sqrt", 1, 1, c => Math.Sqrt(Number(c)));
        r.Add("exp", 1, 1, c => Math.Exp(Number(c)));
        r.Add("log", 1, 1, c => Math.Log(Number(c)));
        r.Add("log10", 1, 1, c => Math.Log10(Number(c)));
        r.Add("sin", 1, 1, c => Math.Sin(Number(c)));
        r.Add("cos", 1, 1, c => Math.Cos(Number(c)));
        r.Add("tan", 1, 1, c => Math.Tan(Number(c)));
        r.Add("cot", 1, 1, c => 1 / Math.Tan(Number(c)));
        r.Add("asin", 1, 1, c => Math.Asin(Number(c)));
        r.Add("acos", 1, 1, c => Math.Acos(Number(c)));
        r.Add("atan", 1, 1, c => Math.Atan(Number(c)));
        r.Add("atan2", 2, 2, c => Math.Atan2(Number(c), Number(c, 1)));
        r.Add("degrees", 1, 1, c => Number(c) * 180 / Math.PI);
        r.Add("radians", 1, 1, c => Number(c) * Math.PI / 180);
        r.Add("haversin", 1, 1, c => (1 - Math.Cos(Number(c))) / 2);
        r.Add("pi", 0, 0, _ => Math.PI);
        r.Add("e", 0, 0, _ => Math.E);
        r.Add("rand", 0, 0, _ => Random.Shared.NextDouble());
    }

    private static double Number(FunctionCall c, int i = 0) => c[i] switch
    {
        long l => l,
        double d => d,
        _ => throw c.TypeError(c[i]),
    };
}
