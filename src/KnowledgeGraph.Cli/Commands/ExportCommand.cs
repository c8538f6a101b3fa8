using KnowledgeGraph.IO;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg export [--format NAME] [-o FILE]</c>: writes the graph in any writable format.</summary>
internal static class ExportCommand
{
    public static int Run(Graph graph, Arguments a, TextWriter o)
    {
        a.ExpectPositional(0, "export");
        string writable = string.Join("|", GraphFormat.All.Where(f => f.CanWrite).Select(f => f.Name));
        GraphFormat? format;
        if (a.Format is not null)
        {
            if (!GraphFormat.TryFromName(a.Format, out format))
            {
                throw new UsageException($"unknown format '{a.Format}'; expected {writable}");
            }
        }
        else if (a.Output is null || !GraphFormat.TryFromPath(a.Output, out format))
        {
            format = GraphFormat.Json;
        }

        if (!format.CanWrite)
        {
            throw new UsageException($"the {format.Name} format cannot be written yet; expected {writable}");
        }

        if (a.Output is null)
        {
            try
            {
                o.Write(format.WriteToString(graph));
            }
            catch (NotSupportedException)
            {
                throw new UsageException($"the {format.Name} format writes files, not standard output; give -o PATH (-o graph.csv writes graph.nodes.csv and graph.edges.csv)");
            }
        }
        else
        {
            graph.Save(a.Output, format);
        }

        return CliApp.Ok;
    }
}
