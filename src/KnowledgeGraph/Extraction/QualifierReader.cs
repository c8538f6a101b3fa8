using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// Reads the amounts, percentages, years and calendar dates of a sentence as normalised qualifier values:
/// "$181 billion" → 181000000000 USD, "28.6 billion euros" → 28600000000 EUR, "2.5 percent" → share 2.5,
/// "by 2035" → year 2035, "March 7, 2024" → date 2024-03-07.
/// </summary>
internal static class QualifierReader
{
    /// <summary>A sum of money in a sentence.</summary>
    public readonly record struct Money(decimal Amount, string Currency, int Start);

    private static readonly Regex SymbolMoneyPattern = new(@"(?<sym>US\$|A\$|C\$|\$|€|£|¥)\s?(?<num>\d[\d,]*(?:\.\d+)?)(?:\s?(?<scale>trillion|billion|million|thousand|bn|tn|m)\b)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static Regex SymbolMoney() => SymbolMoneyPattern;

    private static readonly Regex WordMoneyPattern = new(@"\b(?<num>\d[\d,]*(?:\.\d+)?)\s?(?<scale>trillion|billion|million|thousand)?\s(?<cur>dollars|euros|pounds|yen|rupees|francs)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static Regex WordMoney() => WordMoneyPattern;

    private static readonly Regex PercentPattern = new(@"\b(?<num>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static Regex Percent() => PercentPattern;

    private static readonly Regex YearPattern = new(@"\b(?:by|in|from|since|until|through|before|after|of)\s(?<year>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static Regex Year() => YearPattern;

    private static readonly Regex FullDatePattern = new(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s(?<day>\d{1,2}),\s(?<year>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static Regex FullDate() => FullDatePattern;

    /// <summary>The sums of money in the sentence, in order.</summary>
    public static List<Money> Amounts(string sentence)
    {
        var result = new List<Money>();
        foreach (Match m in SymbolMoney().Matches(sentence))
        {
            string currency = m.Groups["sym"].Value switch { "€" => "EUR", "£" => "GBP", "¥" => "JPY", "A$" => "AUD", "C$" => "CAD", _ => "USD" };
            result.Add(new Money(Scale(m.Groups["num"].Value, m.Groups["scale"].Value), currency, m.Index));
        }

        foreach (Match m in WordMoney().Matches(sentence))
        {
            string currency = m.Groups["cur"].Value switch { "euros" => "EUR", "pounds" => "GBP", "yen" => "JPY", "rupees" => "INR", "francs" => "CHF", _ => "USD" };
            result.Add(new Money(Scale(m.Groups["num"].Value, m.Groups["scale"].Value), currency, m.Index));
        }

        result.Sort((x, y) => x.Start.CompareTo(y.Start));
        return result;
    }

    /// <summary>The first percentage of the sentence as a number of per cent ("5%" → 5), or null.</summary>
    public static decimal? Share(string sentence)
    {
        var m = Percent().Match(sentence);
        return m.Success ? decimal.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The first year the sentence attaches to something ("by 2035", "in 2024"), or null.</summary>
    public static int? YearOf(string sentence)
    {
        var m = Year().Match(sentence);
        return m.Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The first full calendar date of the sentence in ISO 8601 ("March 7, 2024" → "2024-03-07"), or null.</summary>
    public static string? DateOf(string sentence)
    {
        var m = FullDate().Match(sentence);
        if (!m.Success)
        {
            return null;
        }

        int month = Array.FindIndex(Months, x => m.Groups["month"].Value.StartsWith(x, StringComparison.Ordinal)) + 1;
        int day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 && day <= DateTime.DaysInMonth(year, month)
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
            : null;
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static decimal Scale(string number, string scale)
    {
        decimal n = decimal.Parse(number.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        decimal factor = scale switch
        {
            "trillion" or "tn" => 1_000_000_000_000m,
            "billion" or "bn" => 1_000_000_000m,
            "million" or "m" => 1_000_000m,
            "thousand" => 1_000m,
            _ => 1m,
        };
        return decimal.Round(n * factor, 0);
    }
}
