using KnowledgeGraph.Algorithms;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg diff A B [--format text|json]</c>: what changed from graph file A to graph file B, as
/// <see cref="GraphDiff"/> writes it. Exit codes follow <c>diff</c>: 0 equal, 1 different, 2 trouble
/// (a bad command line or a file that cannot be read).
/// </summary>
internal static class DiffCommand
{
    public static int Run(Arguments a, TextWriter o, TextWriter e)
    {
        a.ExpectPositional(2, "diff A B");
        if (a.GraphFile is not null)
        {
            throw new UsageException("diff compares two files given as arguments; it takes no --graph");
        }

        string format = (a.Format ?? "text").ToLowerInvariant();
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"--format for diff expects text or json; found '{a.Format}'");
        }

        var graphs = new Graph[2];
        for (int i = 0; i < 2; i++)
        {
            try
            {
                graphs[i] = Graph.Load(a.Positional[i]);
            }
            catch (Exception ex) when (ex is GraphFormatException or SchemaViolationException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                e.Write($"kg: cannot load '{a.Positional[i]}': {ex.Message}\n");
                return CliApp.Usage;
            }
        }

        var diff = GraphDiff.Between(graphs[0], graphs[1]);
        o.Write(format == "json" ? diff.ToJson() : diff.ToText());
        return diff.IsEmpty ? CliApp.Ok : CliApp.Failure;
    }
}
