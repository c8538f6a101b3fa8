using System.Text.RegularExpressions;
using KnowledgeGraph.Cli;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>Everyday mistakes on the command line, through the real executable: each says what was wrong and what to do.</summary>
public sealed class CliMessageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kg-cli-msg").FullName;

    public CliMessageTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "adir"));
        File.WriteAllText(Path.Combine(_dir, "empty.graphml"), string.Empty);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Kg(params string[] args) => KgProcess.Run(_dir, args);

    [Fact]
    public void GraphIsADirectory_SaysSo()
    {
        var (code, _, err) = Kg("--graph", "adir", "stats");
        Assert.Equal(1, code);
        Assert.Equal("kg: --graph 'adir' is a directory; give a file: a graph file (.json, .graphml, .cypher, .csv, .nt, .nq, .ttl, .jsonld)\n", err);
    }

    [Fact]
    public void GraphMissing_SaysSo()
    {
        var (code, _, err) = Kg("--graph", "nope.json", "stats");
        Assert.Equal(1, code);
        Assert.Equal("kg: --graph 'nope.json' does not exist; give a graph file (.json, .graphml, .cypher, .csv, .nt, .nq, .ttl, .jsonld)\n", err);
    }

    [Fact]
    public void OutputIntoAMissingFolder_NamesTheFolder_NoTemporaryFile()
    {
        var (code, _, err) = Kg("export", "-o", "missing/x.json");
        Assert.Equal(1, code);
        Assert.Equal("kg: the folder 'missing' for -o 'missing/x.json' does not exist; create it first (mkdir -p missing) or name a file in an existing folder\n", err);
        Assert.DoesNotContain(".tmp", err, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputIsADirectory_SaysSo()
    {
        var (code, _, err) = Kg("export", "-o", "adir");
        Assert.Equal(1, code);
        Assert.Equal("kg: -o 'adir' is a directory; name a file in it, such as -o adir/graph.json\n", err);
    }

    [Fact]
    public void EmptyGraphML_SaysTheFileIsEmpty()
    {
        var (code, _, err) = Kg("--graph", "empty.graphml", "stats");
        Assert.Equal(1, code);
        Assert.Equal("kg: cannot load 'empty.graphml': Malformed XML at empty.graphml: found no root element (the file is empty), expected well-formed GraphML without a DTD.\n", err);
    }

    [Fact]
    public void UnknownExtension_AsksForAFormat_AndWritesNothing()
    {
        var (code, _, err) = Kg("export", "-o", "out.xyz");
        Assert.Equal(2, code);
        Assert.StartsWith("kg: unknown extension '.xyz' for -o 'out.xyz': name a --format (json|graphml|", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out.xyz")));
        Assert.Equal(0, Kg("export", "-o", "out.xyz", "--format", "json").Code);
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(_dir, "out.xyz")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stat", "kg: unknown command 'stat'. Did you mean 'stats'? Commands: stats, ")]
    [InlineData("extrct", "kg: unknown command 'extrct'. Did you mean 'extract'? Commands: ")]
    public void UnknownCommand_SuggestsTheClosest(string command, string expected)
    {
        var (code, _, err) = Kg(command);
        Assert.Equal(2, code);
        Assert.StartsWith(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_SuggestsTheClosest()
    {
        var (code, _, err) = Kg("neighbors", "rutte", "--hosp", "2");
        Assert.Equal(2, code);
        Assert.Equal("kg: unknown option '--hosp'. Did you mean '--hops' or '--top'?\nRun 'kg --help' for usage.\n", err);
        Assert.StartsWith("kg: unknown format 'jsn'. Did you mean 'json'?", Kg("export", "--format", "jsn").Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x01, 0x02, 0x62, 0x00, 0x00, 0xFF, 0x00 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 })]
    public void Extract_RefusesBinaryInput(byte[] content)
    {
        File.WriteAllBytes(Path.Combine(_dir, "bin.txt"), content);
        var (code, output, err) = Kg("extract", "bin.txt");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith("kg: 'bin.txt' is not text: ", err, StringComparison.Ordinal);
        Assert.Contains("; extract reads plain text", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ReadsUtf16TextWithItsByteOrderMark()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Mark Rutte met Donald Trump in Brussels.\n", new System.Text.UnicodeEncoding(false, true));
        var (code, output, err) = Kg("extract", "a.txt");
        Assert.True(code == 0, err);
        Assert.Contains("Mark Rutte", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_PrintsNotificationsToStandardError()
    {
        var (code, output, err) = Kg("query", "MATCH (n:Persn) RETURN n.name");
        Assert.Equal(0, code);
        Assert.EndsWith("(0 rows)\n", output, StringComparison.Ordinal);
        Assert.Equal("kg: warning UnknownLabelWarning (line 1, column 10): the label `Persn` is not in the graph, so a pattern with it matches nothing. Did you mean `Person`?\n", err);
    }

    [Fact]
    public void HelpCommandsAndOptions_AreReadFromTheHelpText()
    {
        Assert.Equal(["stats", "entity", "neighbors", "path", "export", "query", "extract", "communities", "central", "diff", "bench", "push", "sparql"], CommandLineNames.Commands);
        Assert.Contains("--graph", CommandLineNames.Options);
        Assert.Contains("--hops", CommandLineNames.Options);
        var (commands, options) = CommandLineNames.Read("Commands:\n  diff A B [--against FILE]   compare\n  stats   counts\n\nmore --x-y text\n");
        Assert.Equal(["diff", "stats"], commands);
        Assert.Equal(["--against", "--x-y"], options);
    }

    [Fact]
    public void ReadmeCommandTable_HasEveryCommandOfTheHelpAndEveryWritableFormat()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
        var rows = Regex.Matches(readme, @"^\| `(?<command>[a-z-]+)[ `]", RegexOptions.Multiline, TimeSpan.FromSeconds(5)).Select(m => m.Groups["command"].Value).ToHashSet();
        Assert.All(CommandLineNames.Commands, c => Assert.Contains(c, rows));
        string export = readme.Split('\n').Single(l => l.StartsWith("| `export", StringComparison.Ordinal));
        Assert.All(KnowledgeGraph.IO.GraphFormat.All.Where(f => f.CanWrite), f => Assert.Contains("`" + f.Name + "`", export, StringComparison.Ordinal));
    }
}
