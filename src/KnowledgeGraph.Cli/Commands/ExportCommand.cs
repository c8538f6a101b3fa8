using KnowledgeGraph.IO;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg export [--format NAME] [-o FILE]</c>: writes the graph in any writable format.</summary>
internal static class ExportCommand
{
    public static int Run(Graph graph, Arguments a, TextWriter o, TextWriter stderr)
    {
        a.ExpectPositional(0, "export");
        string writable = string.Join("|", GraphFormat.All.Where(f => f.CanWrite).Select(f => f.Name));
        string? output = a.Output is null ? null : CliFiles.Output(a.Output);
        var format = OutputFormat(a, GraphFormat.Json);
        if (!format.CanWrite)
        {
            throw new UsageException($"the {format.Name} format cannot be written yet; expected {writable}");
        }

        if (a.Output is null)
        {
            string text;
            try
            {
                using var progress = Progress(graph, "writing " + format.Name, stderr);
                text = format.WriteToString(graph, progress);
            }
            catch (NotSupportedException)
            {
                throw new UsageException($"the {format.Name} format writes files, not standard output; give -o PATH (-o graph.csv writes graph.nodes.csv and graph.edges.csv)");
            }

            o.Write(text);
        }
        else
        {
            Save(graph, output!, format, stderr);
        }

        return CliApp.Ok;
    }

    /// <summary>Saves a graph in a format; on a terminal, with a progress line on standard error while it writes.</summary>
    internal static void Save(Graph graph, string path, GraphFormat? format, TextWriter stderr)
    {
        using var progress = Progress(graph, "writing " + Path.GetFileName(path), stderr);
        graph.Save(path, format, progress);
    }

    private static TerminalProgress? Progress(Graph graph, string what, TextWriter stderr) =>
        TerminalProgress.For(stderr, what, (long)graph.EntityCount + graph.RelationCount >= TerminalProgress.LargeGraph);

    /// <summary>
    /// The format to write: <c>--format</c> when given, else the one of the extension of <c>-o</c>, else
    /// <paramref name="fallback"/> for standard output. An <c>-o</c> whose extension names no format is an error.
    /// </summary>
    internal static GraphFormat OutputFormat(Arguments a, GraphFormat fallback)
    {
        string writable = string.Join("|", GraphFormat.All.Where(f => f.CanWrite).Select(f => f.Name));
        if (a.Format is not null)
        {
            return GraphFormat.TryFromName(a.Format, out var named)
                ? named
                : throw new UsageException($"unknown format '{a.Format}'.{EditDistance.DidYouMean(EditDistance.Closest(a.Format, GraphFormat.All.Select(f => f.Name), 1))} Formats: {writable}");
        }

        if (a.Output is null)
        {
            return fallback;
        }

        if (GraphFormat.TryFromPath(a.Output, out var byExtension))
        {
            return byExtension;
        }

        string extension = Path.GetExtension(a.Output);
        string extensions = string.Join(", ", GraphFormat.All.Where(f => f.CanWrite).SelectMany(f => f.Extensions));
        throw new UsageException((extension.Length == 0 ? $"-o '{a.Output}' has no extension" : $"unknown extension '{extension}' for -o '{a.Output}'")
            + $": name a --format ({writable}) or end the file name with one of {extensions}");
    }
}
