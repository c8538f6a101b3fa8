using System.Globalization;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// Reads the amounts, percentages, years and calendar dates of a sentence as normalised qualifier values:
/// "$181 billion" → 181000000000 USD, "28.6 billion euros" → 28600000000 EUR, "2.5 percent" → share 2.5,
/// "by 2035" → year 2035, "March 7, 2024" → date 2024-03-07. A hand-written scanner, linear in the sentence.
/// </summary>
internal static class QualifierReader
{
    /// <summary>A sum of money in a sentence.</summary>
    public readonly record struct Money(decimal Amount, string Currency, int Start);

    private static readonly (string Symbol, string Code)[] Symbols = [("US$", "USD"), ("A$", "AUD"), ("C$", "CAD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")];

    /// <summary>Whether a token is one of the currency symbols amounts are read with ("$", "€", "US$", …).</summary>
    public static bool IsCurrencySymbol(string token)
    {
        foreach (var (symbol, _) in Symbols)
        {
            if (symbol == token)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (string Word, string Code)[] CurrencyWords = [("dollars", "USD"), ("euros", "EUR"), ("pounds", "GBP"), ("yen", "JPY"), ("rupees", "INR"), ("francs", "CHF")];

    private static readonly (string Word, decimal Factor)[] Scales = [("trillion", 1_000_000_000_000m), ("billion", 1_000_000_000m), ("million", 1_000_000m), ("thousand", 1_000m), ("bn", 1_000_000_000m), ("tn", 1_000_000_000_000m), ("m", 1_000_000m)];

    private static readonly string[] YearWords = ["by", "in", "from", "since", "until", "through", "before", "after", "of"];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Each month written out, abbreviated with a point and without, then a space ("March ", "Mar. ", "Mar "), with its number.</summary>
    private static readonly (string Form, int Month)[] MonthForms =
        [.. Months.SelectMany((m, i) => new[] { (m + " ", i + 1), (m[..3] + ". ", i + 1), (m[..3] + " ", i + 1) }).Distinct()];

    private static readonly string[] ScaleWords = [.. Scales.Select(x => x.Word)];

    private static readonly string[] CurrencyWordList = [.. CurrencyWords.Select(x => x.Word)];

    private static readonly string[] PercentWords = ["percent", "per cent"];

    /// <summary>Whether the sentence has a digit at all: without one there is nothing to read.</summary>
    public static bool HasDigit(string s) => s.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>The sums of money in the sentence, in order.</summary>
    public static List<Money> Amounts(string s)
    {
        var result = new List<Money>();
        for (int i = 0; i < s.Length; i++)
        {
            if (!StartsNumber(s, i))
            {
                continue;
            }

            int end = NumberEnd(s, i);
            decimal n = ParseNumber(s, i, end);
            int before = i > 0 && s[i - 1] == ' ' ? i - 1 : i;
            string? code = null;
            int start = i;
            foreach (var (symbol, c) in Symbols)
            {
                if (before >= symbol.Length && string.CompareOrdinal(s, before - symbol.Length, symbol, 0, symbol.Length) == 0)
                {
                    (code, start) = (c, before - symbol.Length);
                    break;
                }
            }

            int k = end;
            decimal factor = 1;
            if (WordAfter(s, k, ScaleWords, allowSpace: true) is { } scale)
            {
                factor = Scales[scale.Index].Factor;
                k = scale.End;
            }

            if (code is null && WordAfter(s, k, CurrencyWordList, allowSpace: true) is { } word && k < s.Length && s[k] == ' ')
            {
                code = CurrencyWords[word.Index].Code;
            }

            if (code is not null)
            {
                result.Add(new Money(decimal.Round(n * factor, 0), code, start));
            }

            i = end - 1;
        }

        return result;
    }

    /// <summary>The first percentage of the sentence as a number of per cent ("5%" → 5), or null.</summary>
    public static decimal? Share(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (!StartsNumber(s, i))
            {
                continue;
            }

            int end = NumberEnd(s, i);
            int k = end < s.Length && s[end] == ' ' ? end + 1 : end;
            if (k < s.Length && s[k] == '%' || WordAfter(s, end, PercentWords, allowSpace: true) is not null)
            {
                return ParseNumber(s, i, end);
            }

            i = end - 1;
        }

        return null;
    }

    /// <summary>The first year the sentence attaches to something ("by 2035", "in 2024"), or null.</summary>
    public static int? YearOf(string s)
    {
        for (int i = 0; i + 4 <= s.Length; i++)
        {
            if (IsYearAt(s, i) && i >= 2 && s[i - 1] == ' ')
            {
                int w = i - 1;
                while (w > 0 && char.IsLetter(s[w - 1]))
                {
                    w--;
                }

                if ((w == 0 || !char.IsLetter(s[w - 1])) && IsYearWord(s.AsSpan(w, i - 1 - w)))
                {
                    return int.Parse(s.AsSpan(i, 4), CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    /// <summary>The first full calendar date of the sentence in ISO 8601 ("March 7, 2024" → "2024-03-07"), or null.</summary>
    public static string? DateOf(string s)
    {
        foreach (var (name, month) in MonthForms)
        {
            int at = s.IndexOf(name, StringComparison.Ordinal);
            while (at >= 0)
            {
                int d = at + name.Length;
                int e = d;
                while (e < s.Length && e - d < 2 && char.IsAsciiDigit(s[e]))
                {
                    e++;
                }

                if (e > d && e + 6 <= s.Length && s[e] == ',' && s[e + 1] == ' ' && IsYearAt(s, e + 2) && (at == 0 || !char.IsLetter(s[at - 1])))
                {
                    int day = int.Parse(s.AsSpan(d, e - d), CultureInfo.InvariantCulture);
                    int year = int.Parse(s.AsSpan(e + 2, 4), CultureInfo.InvariantCulture);
                    return day >= 1 && day <= DateTime.DaysInMonth(year, month)
                        ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
                        : null;
                }

                at = s.IndexOf(name, at + 1, StringComparison.Ordinal);
            }
        }

        return null;
    }

    private static bool IsYearWord(ReadOnlySpan<char> word)
    {
        foreach (string y in YearWords)
        {
            if (word.SequenceEqual(y))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYearAt(string s, int i) =>
        i + 4 <= s.Length && (s[i] == '1' && s[i + 1] == '9' || s[i] == '2' && s[i + 1] == '0') && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3])
        && (i == 0 || !char.IsLetterOrDigit(s[i - 1])) && (i + 4 == s.Length || !char.IsLetterOrDigit(s[i + 4]));

    private static bool StartsNumber(string s, int i) => char.IsAsciiDigit(s[i]) && (i == 0 || !char.IsLetterOrDigit(s[i - 1]) && s[i - 1] != '.' && s[i - 1] != ',');

    /// <summary>Past the digits of a number with thousands commas and a decimal point ("1,200.5").</summary>
    private static int NumberEnd(string s, int i)
    {
        int k = i;
        while (k < s.Length && (char.IsAsciiDigit(s[k]) || (s[k] == ',' || s[k] == '.') && k + 1 < s.Length && char.IsAsciiDigit(s[k + 1])))
        {
            k++;
        }

        return k;
    }

    private static decimal ParseNumber(string s, int from, int to) =>
        decimal.TryParse(s.AsSpan(from, to - from).ToString().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The index in <paramref name="words"/> of the word right after position <paramref name="k"/> (after one space if allowed), as a whole word.</summary>
    private static (int Index, int End)? WordAfter(string s, int k, string[] words, bool allowSpace)
    {
        for (int pass = allowSpace ? 0 : 1; pass < 2; pass++)
        {
            int at = pass == 0 ? k + 1 : k;
            if (at > s.Length || at == k + 1 && (k >= s.Length || s[k] != ' '))
            {
                continue;
            }

            for (int x = 0; x < words.Length; x++)
            {
                string w = words[x];
                int end = at + w.Length;
                if (end <= s.Length && string.CompareOrdinal(s, at, w, 0, w.Length) == 0 && (end == s.Length || !char.IsLetter(s[end])))
                {
                    return (x, end);
                }
            }
        }

        return null;
    }
}
