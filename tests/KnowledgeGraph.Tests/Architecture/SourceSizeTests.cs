using System.Text.RegularExpressions;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Architecture;

/// <summary>
/// Readable sizes: no source file in <c>src/</c> over <see cref="MaxFileLines"/> lines and no method
/// (constructor, accessor body or local function with its body) over <see cref="MaxMethodLines"/> lines.
/// Files are formatted as the repository's .editorconfig asks (braces on their own lines), which is
/// what the scanner relies on.
/// </summary>
public partial class SourceSizeTests
{
    private const int MaxFileLines = 600;
    private const int MaxMethodLines = 80;

    /// <summary>
    /// The files and methods still over the limits, with their sizes today (SourceSizeTests.Debt.txt):
    /// an entry may shrink and must be removed once it is within the limits; nothing may be added or grow.
    /// </summary>
    private static readonly string DebtFile = Path.Combine(RepoRoot.Path, "tests", "KnowledgeGraph.Tests", "Architecture", "SourceSizeTests.Debt.txt");

    [Fact]
    public void SourceFilesAndMethods_StayReadable()
    {
        var debt = File.ReadAllLines(DebtFile)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var found = Oversized().GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => (Key: g.Key, Lines: g.Max(f => f.Lines))).ToList();
        File.WriteAllLines(Path.ChangeExtension(DebtFile, ".received.txt"), found.Select(f => $"{f.Key}\t{f.Lines}"));
        var tooLong = found.Where(f => !debt.TryGetValue(f.Key, out int allowed) || f.Lines > allowed)
            .Select(f => $"{f.Key}: {f.Lines} lines").ToList();
        var settled = debt.Keys.Where(k => !found.Any(f => f.Key == k)).ToList();
        Assert.True(tooLong.Count == 0, "Too long (split it):\n" + string.Join("\n", tooLong));
        Assert.True(settled.Count == 0, "Within the limits now: remove from SourceSizeTests.Debt.txt:\n" + string.Join("\n", settled));
    }

    [Fact]
    public void Scanner_FindsALongMethodAndALongFile()
    {
        var method = new List<string> { "internal static class X", "{", "    public static int F(int a)", "    {" };
        method.AddRange(Enumerable.Repeat("        a++;", 90));
        method.AddRange(["        return a;", "    }", "}"]);
        Assert.Equal([("X.cs F", 94)], Scan("X.cs", [.. method]).ToArray());
        var file = Enumerable.Repeat("// line", 601).ToArray();
        Assert.Equal([("Y.cs", 601)], Scan("Y.cs", file).ToArray());
    }

    private static IEnumerable<(string Key, int Lines)> Oversized()
    {
        string src = Path.Combine(RepoRoot.Path, "src");
        foreach (string path in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string rel = Path.GetRelativePath(RepoRoot.Path, path).Replace('\\', '/');
            if (rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var finding in Scan(rel, File.ReadAllLines(path)))
            {
                yield return finding;
            }
        }
    }

    /// <summary>The file's length when too long, and every method body that is too long.</summary>
    internal static IEnumerable<(string Key, int Lines)> Scan(string name, string[] lines)
    {
        if (lines.Length > MaxFileLines)
        {
            yield return (name, lines.Length);
        }

        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "{")
            {
                continue;
            }

            int indent = lines[i].Length - lines[i].TrimStart().Length;
            int sig = SignatureStart(lines, i - 1);
            var match = sig < 0 ? null : MethodName().Match(lines[sig]);
            if (match is null || !match.Success)
            {
                continue;
            }

            int end = i + 1;
            while (end < lines.Length && !(lines[end].StartsWith(new string(' ', indent) + "}", StringComparison.Ordinal)
                && lines[end].Length - lines[end].TrimStart().Length == indent))
            {
                end++;
            }

            int length = end - sig + 1;
            if (length > MaxMethodLines)
            {
                yield return ($"{name} {match.Groups["name"].Value}", length);
            }
        }
    }

    /// <summary>The first line of the member declaration that ends on <paramref name="last"/>, or -1 when it is no member.</summary>
    private static int SignatureStart(string[] lines, int last)
    {
        int k = last;
        while (k > 0 && !lines[k].Contains('(', StringComparison.Ordinal)
            && (lines[k].TrimEnd().EndsWith(',') || lines[k].TrimEnd().EndsWith(')') || lines[k].Trim().StartsWith("where ", StringComparison.Ordinal)))
        {
            k--;
        }

        return k >= 0 && !Statement().IsMatch(lines[k]) && !TypeDeclaration().IsMatch(lines[k]) ? k : -1;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)(<[^()]*>)?\(")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"^\s*(if|else|for|foreach|while|switch|catch|using|lock|do|try|finally|fixed|unchecked|checked|return|var|new|await|yield)\b|^\s*[\w.\[\]]+\s*[+\-*/]?=[^=>]|=>\s*$")]
    private static partial Regex Statement();

    [GeneratedRegex(@"\b(class|struct|record|interface|enum|extension|namespace)\b")]
    private static partial Regex TypeDeclaration();
}
