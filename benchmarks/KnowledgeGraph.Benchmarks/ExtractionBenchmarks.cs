using System.Text;
using BenchmarkDotNet.Attributes;
using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Extraction from plain text of about 100 KB and 1 MB, built by repeating the seed article with
/// its people renamed in every copy (so entities grow with the text, as in a real news feed).
/// The two sizes show that the time grows linearly with the length of the text.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ExtractionBenchmarks
{
    private static readonly string[] Surnames = ["Rutte", "Trump", "Colby", "Hegseth", "Tocci", "Rubio", "Carney", "Putin", "Zelenskyy", "Ocasio-Cortez"];

    private string _text = string.Empty;

    /// <summary>The size of the text in kilobytes (characters / 1024).</summary>
    [Params(100, 1000)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup() => _text = Build(SizeKb * 1024);

    /// <summary>Copies of the seed article, each with its people renamed, up to the given length.</summary>
    public static string Build(int length)
    {
        string seed = Graph.SeedArticle();
        var sb = new StringBuilder(length + seed.Length);
        for (int copy = 0; sb.Length < length; copy++)
        {
            string text = seed;
            string suffix = Suffix(copy);
            foreach (var name in Surnames)
            {
                text = text.Replace(name, name + suffix, StringComparison.Ordinal);
            }

            sb.Append(text).Append("\n\n");
        }

        return sb.ToString(0, Math.Min(sb.Length, length));
    }

    [Benchmark]
    public Graph Extract() => TextExtractor.Extract(_text);

    private static string Suffix(int n)
    {
        var chars = new StringBuilder();
        do
        {
            chars.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return chars.ToString();
    }
}
