using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Cli;

/// <summary>The <c>kg</c> command: explore a graph (the embedded seed graph by default) from the shell.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    internal const string HelpText = """
        kg — explore a knowledge graph (the embedded seed graph unless --graph FILE is given)

        Usage: kg [--graph FILE] <command> [options]

        Commands:
          stats                               counts of entities by kind and relations by type
          entity NAME                         an entity, its relations and their evidence
          neighbors NAME [--type T]... [--hops K] [--direction in|out|both]
                                              entities within K relations (default 1, both directions)
          path FROM TO [--direction in|out|both]
                                              a shortest path and the evidence of each step
          export [--format F] [-o FILE]       write the graph (standard output without -o); F is one of
                                              json, graphml, dot, mermaid, ntriples, turtle, jsonld, cypher
                                              (default: from the extension of FILE, else json)
          query CYPHER|- [--param NAME=VALUE]... [--format table|json|csv]
                                              run a read-only openCypher query ('-' reads it from standard input)
          extract FILE.txt [-o FILE] [--evaluate GOLD.json] [--explain]
                                              build a graph from English news text; with --evaluate,
                                              print precision, recall and F1 against a gold graph;
                                              with --explain, list mentions and relation rules
          extract --corpus DIR[,DIR...] [--texts N1,N2,...] [--record LEDGER --round R [--read N1,...]]
                                              score every DIR/NAME.txt against DIR/NAME.kg.json: per type,
                                              micro and macro F1, one line per text; --record appends the
                                              counts as round R (--read: texts read while tuning it)
          extract --held-out LEDGER           leave-one-text-out: each text from the last round not tuned on it
          communities [--method louvain|lpa] [--seed N] [--type T]... [--kind K]...
                                              groups of closely related entities (Louvain by default) and their modularity
          central [--by betweenness|closeness|pagerank] [--top N] [--direction in|out|both] [--samples K] [--type T]... [--kind K]...
                                              the most central entities (default: exact betweenness, top 10, both directions)
          diff A B [--format text|json]       what changed from graph file A to graph file B; exit 0 when equal, 1 when
                                              they differ, 2 on a bad command line or an unreadable file (as diff does)
          bench --nodes FILE --edges FILE [--workloads W1,W2,...] [--repeat N]
                                              time the benchmark workloads W1-W6 on node/edge files
                                              (and, when named, CC, LV, BC64: components, Louvain, betweenness k=64)
          push --sparql URL [--graph-iri IRI] [--append] [--graph-store URL]
                                              put the graph into a named graph of a SPARQL 1.1 store
                                              (replacing what it held unless --append; default IRI
                                              https://knowledge-graph.dev/graph); with --graph-store,
                                              POST N-Triples to the store's Graph Store Protocol
                                              endpoint instead of INSERT DATA updates (much faster)
          sparql URL QUERY|- [--format table|json|csv]
                                              ask a SPARQL 1.1 store: SELECT prints rows, ASK true or
                                              false, CONSTRUCT/DESCRIBE the triples as N-Triples

        --graph FILE reads canonical JSON, GraphML (.graphml), a Cypher script (.cypher), CSV (.csv, .tsv) or RDF
        (.nt, .nq, .ttl, .jsonld), chosen by the extension; RDF is read against the open schema (any relation type).
        NAME is an id, a name or an alias, in any case: "Mark Rutte", "Mr. Rutte", "rutte".
        Exit codes: 0 success, 1 not found or unreadable input, 2 bad command line (diff: 0 equal, 1 different, 2 trouble).
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Console.In);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(args);
        Arguments parsed;
        try
        {
            parsed = Arguments.Parse(args);
        }
        catch (UsageException ex)
        {
            stderr.Write("kg: " + ex.Message + "\nRun 'kg --help' for usage.\n");
            return Usage;
        }

        if (parsed.Help || parsed.Command is null)
        {
            (parsed.Help ? stdout : stderr).Write(HelpText.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
            return parsed.Help ? Ok : Usage;
        }

        try
        {
            if (parsed.Command == "extract")
            {
                return Commands.ExtractCommand.Run(parsed, stdout, stderr);
            }

            if (parsed.Command == "diff")
            {
                return Commands.DiffCommand.Run(parsed, stdout, stderr);
            }

            if (parsed.Command == "sparql")
            {
                return Commands.SparqlCommand.Run(parsed, stdin, stdout, stderr);
            }

            if (parsed.Command == "bench")
            {
                return Commands.BenchCommand.Run(parsed, stdout, stderr);
            }

            var graph = parsed.GraphFile is null ? Graph.LoadSeed() : LoadGraph(parsed.GraphFile, stderr);
            return parsed.Command switch
            {
                "stats" => Stats(graph, parsed, stdout),
                "entity" => ShowEntity(graph, parsed, stdout),
                "neighbors" or "neighbours" => Neighbors(graph, parsed, stdout),
                "path" => ShowPath(graph, parsed, stdout),
                "export" => Commands.ExportCommand.Run(graph, parsed, stdout, stderr),
                "query" => Commands.QueryCommand.Run(graph, parsed, stdin, stdout, stderr),
                "push" => Commands.PushCommand.Run(graph, parsed, stdout, stderr),
                "communities" => Commands.AnalyticsCommand.Communities(graph, parsed, stdout),
                "central" => Commands.AnalyticsCommand.Central(graph, parsed, stdout),
                _ => throw new UsageException(CommandLineNames.UnknownCommand(parsed.Command)),
            };
        }
        catch (UsageException ex)
        {
            stderr.Write("kg: " + ex.Message + "\nRun 'kg --help' for usage.\n");
            return Usage;
        }
        catch (InputException ex)
        {
            stderr.Write("kg: " + ex.Message + "\n");
            return Failure;
        }
        catch (KeyNotFoundException ex)
        {
            stderr.Write("kg: " + ex.Message + "\n");
            return Failure;
        }
        catch (Exception ex) when (ex is GraphFormatException or SchemaViolationException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            string what = parsed.GraphFile is null ? string.Empty : $"cannot load '{parsed.GraphFile}': ";
            stderr.Write("kg: " + what + OneLine(ex) + "\n");
            return Failure;
        }
    }

    /// <summary>
    /// A graph file in the format its extension names; RDF (foreign vocabularies, any predicate) against the open schema.
    /// On a terminal, a progress line on standard error while it loads.
    /// </summary>
    private static Graph LoadGraph(string file, TextWriter stderr)
    {
        string path = CliFiles.Input(file, "--graph", "a graph file (.json, .graphml, .cypher, .csv, .nt, .nq, .ttl, .jsonld)");
        var format = KnowledgeGraph.IO.GraphFormat.TryFromPath(path, out var f) ? f : KnowledgeGraph.IO.GraphFormat.Json;
        bool rdf = format == KnowledgeGraph.IO.GraphFormat.NTriples || format == KnowledgeGraph.IO.GraphFormat.NQuads
            || format == KnowledgeGraph.IO.GraphFormat.Turtle || format == KnowledgeGraph.IO.GraphFormat.JsonLd;
        long size = format == KnowledgeGraph.IO.GraphFormat.Csv
            ? TerminalProgress.SizeOf(KnowledgeGraph.IO.GraphFormat.CsvPair(path).Nodes, KnowledgeGraph.IO.GraphFormat.CsvPair(path).Edges)
            : TerminalProgress.SizeOf(path);
        using var progress = TerminalProgress.For(stderr, "loading " + Path.GetFileName(path), size > TerminalProgress.LargeInput);
        var options = new KnowledgeGraph.IO.GraphReadOptions { Schema = rdf ? Schema.Open : null, Progress = progress };
        return Graph.Load(path, format, options);
    }

    /// <summary>An error as one line: the first schema violation (with how many more), or the message with its line ends folded.</summary>
    private static string OneLine(Exception ex)
    {
        if (ex is SchemaViolationException { Violations: { Length: > 0 } violations })
        {
            string more = violations.Length == 1 ? string.Empty : $" (and {violations.Length - 1} more)";
            return "the graph breaks its schema: " + violations[0] + more;
        }

        return ex.Message.ReplaceLineEndings(" ");
    }

    private static int Stats(Graph graph, Arguments a, TextWriter o)
    {
        a.ExpectPositional(0, "stats");
        var sb = new StringBuilder();
        sb.Append(graph).Append('\n');
        sb.Append('\n').Append("Entities by kind").Append('\n');
        int width = Math.Max(graph.Kinds.Select(k => k.Name.Length).DefaultIfEmpty(0).Max(), graph.RelationTypes.Select(t => t.Name.Length).DefaultIfEmpty(0).Max()) + 2;
        foreach (var kind in graph.Kinds)
        {
            sb.Append("  ").Append(kind.Name.PadRight(width)).Append(Num(graph.EntitiesOfKind(kind).Length).PadLeft(6)).Append('\n');
        }

        sb.Append('\n').Append("Relations by type").Append('\n');
        foreach (var type in graph.RelationTypes)
        {
            sb.Append("  ").Append(type.Name.PadRight(width)).Append(Num(graph.RelationsOfType(type).Count).PadLeft(6)).Append('\n');
        }

        o.Write(sb.ToString());
        return Ok;
    }

    private static int ShowEntity(Graph graph, Arguments a, TextWriter o)
    {
        a.ExpectPositional(1, "entity NAME");
        var entity = graph.Resolve(a.Positional[0]);
        var sb = new StringBuilder();
        sb.Append(entity.Name).Append(" (").Append(entity.Kind.Name).Append(", ").Append(entity.Id.Value).Append(")\n");
        if (!entity.Labels.IsEmpty)
        {
            sb.Append("  labels: ").Append(string.Join(", ", entity.Labels)).Append('\n');
        }

        if (!entity.Aliases.IsEmpty)
        {
            sb.Append("  aliases: ").Append(string.Join(", ", entity.Aliases)).Append('\n');
        }

        foreach (var (key, value) in entity.Properties)
        {
            sb.Append("  ").Append(key).Append(": ").Append(value.ToString()).Append('\n');
        }

        var outgoing = graph.RelationsOf(entity.Id, Direction.Out);
        var incoming = graph.RelationsOf(entity.Id, Direction.In);
        sb.Append('\n').Append("Outgoing relations (").Append(Num(outgoing.Count)).Append(")\n");
        foreach (var r in outgoing)
        {
            AppendRelation(sb, graph, r, forward: true);
        }

        sb.Append('\n').Append("Incoming relations (").Append(Num(incoming.Count)).Append(")\n");
        foreach (var r in incoming)
        {
            AppendRelation(sb, graph, r, forward: false);
        }

        o.Write(sb.ToString());
        return Ok;
    }

    private static int Neighbors(Graph graph, Arguments a, TextWriter o)
    {
        a.ExpectPositional(1, "neighbors NAME");
        var entity = graph.Resolve(a.Positional[0]);
        int hops = a.Hops ?? 1;
        var direction = a.Direction ?? Direction.Both;
        var types = a.Types.Select(t => new RelationType(t)).ToArray();
        var unknown = types.Where(t => !graph.RelationTypes.Contains(t)).ToArray();
        if (unknown.Length > 0)
        {
            throw new UsageException($"unknown relation type '{unknown[0]}'; expected one of {string.Join(", ", graph.RelationTypes)}");
        }

        var reached = graph.Neighborhood(entity.Id, hops, direction, types).Where(r => r.Distance > 0).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Neighbours of {entity.Name} within {hops} {(hops == 1 ? "hop" : "hops")} ({DirectionText(direction)}, {(types.Length == 0 ? "all types" : string.Join("|", types))}): {reached.Count}\n");
        foreach (var r in reached)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {r.Distance}  {r.Entity.Name} ({r.Entity.Kind}, {r.Entity.Id})\n");
        }

        o.Write(sb.ToString());
        return Ok;
    }

    private static int ShowPath(Graph graph, Arguments a, TextWriter o)
    {
        a.ExpectPositional(2, "path FROM TO");
        var from = graph.Resolve(a.Positional[0]);
        var to = graph.Resolve(a.Positional[1]);
        var direction = a.Direction ?? Direction.Both;
        var path = graph.ShortestPath(from.Id, to.Id, direction);
        if (path is null)
        {
            throw new KeyNotFoundException($"No path from {from.Name} to {to.Name} ({DirectionText(direction)}).");
        }

        var sb = new StringBuilder();
        sb.Append(path).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"Length {path.Length}\n");
        for (int i = 0; i < path.Steps.Length; i++)
        {
            var step = path.Steps[i];
            var r = step.Relation;
            sb.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {graph[r.Source].Name} -[{r.Type}]-> {graph[r.Target].Name}{(step.Forward ? string.Empty : " (followed backwards)")}\n");
            foreach (var ev in r.Evidence)
            {
                sb.Append("   “").Append(ev.Text).Append("”\n");
            }
        }

        o.Write(sb.ToString());
        return Ok;
    }

    private static void AppendRelation(StringBuilder sb, Graph graph, Relation r, bool forward)
    {
        var other = graph[forward ? r.Target : r.Source];
        sb.Append(forward ? "  -[" : "  <-[").Append(r.Type.Name).Append(forward ? "]-> " : "]- ");
        sb.Append(other.Name).Append(" (").Append(other.Id.Value).Append(')');
        if (!r.Qualifiers.IsEmpty)
        {
            sb.Append("  ").Append(r.Qualifiers.ToString());
        }

        sb.Append('\n');
        foreach (var ev in r.Evidence)
        {
            sb.Append("      “").Append(ev.Text).Append("”\n");
        }
    }

    private static string DirectionText(Direction d) => d switch
    {
        Direction.Out => "outgoing",
        Direction.In => "incoming",
        _ => "both directions",
    };

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
