using KnowledgeGraph.Extraction;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg extract FILE.txt [-o graph.json] [--evaluate GOLD.json]</c>: a graph from article text.</summary>
internal static class ExtractCommand
{
    public static int Run(Arguments a, TextWriter o, TextWriter stderr)
    {
        if (a.HeldOut is not null)
        {
            a.ExpectPositional(0, "extract --held-out LEDGER");
            o.Write(CorpusReport.LeaveOneTextOut(File.ReadAllText(a.HeldOut)).ToTable());
            return CliApp.Ok;
        }

        if (a.Corpus is not null)
        {
            a.ExpectPositional(0, "extract --corpus DIR[,DIR...] [--texts N1,N2,...] [--record LEDGER --round R [--read N1,...]]");
            return RunCorpus(a, o);
        }

        a.ExpectPositional(1, "extract FILE.txt [-o FILE] [--evaluate GOLD.json] [--explain]");
        string path = a.Positional[0];
        string? output = a.Output is null ? null : CliFiles.Output(a.Output);
        var outputFormat = a.Output is null ? null : ExportCommand.OutputFormat(a, GraphFormat.Json);
        string text = CliFiles.ReadText(CliFiles.Input(path, "extract", "a plain-text article (.txt)")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string id = "doc:" + Path.GetFileNameWithoutExtension(path);
        ExtractionResult result;
        using (var progress = TerminalProgress.For(stderr, "extracting " + Path.GetFileName(path), text.Length > TerminalProgress.LargeInput))
        {
            result = TextExtractor.Analyze(text, new ExtractionOptions { DocumentId = id, Progress = progress });
        }

        var graph = result.Graph;
        if (a.Explain)
        {
            foreach (var m in result.Mentions)
            {
                o.Write($"mention  s{m.SentenceIndex}  {m.Text}  →  {m.EntityId}  ({m.Kind}: {m.Reason})\n");
            }

            foreach (var line in result.RelationReasons)
            {
                o.Write("relation " + line + "\n");
            }

            WriteQuotes(o, result.Quotes);

            if (a.Evaluate is null)
            {
                return CliApp.Ok;
            }
        }

        if (a.Output is not null)
        {
            ExportCommand.Save(graph, output!, outputFormat, stderr);
        }

        if (a.Evaluate is not null)
        {
            var gold = JsonGraphReader.Read(CliFiles.Input(a.Evaluate, "--evaluate", "a gold graph in canonical JSON"));
            var report = ExtractionEvaluator.Evaluate(graph, gold);
            o.Write(report.ToTable());
            if (a.Explain)
            {
                foreach (var r in report.MissedRelations)
                {
                    o.Write("missed   " + r + "\n");
                }

                foreach (var r in report.SpuriousRelations)
                {
                    o.Write("spurious " + r + "\n");
                }
            }
        }
        else if (a.Output is null)
        {
            o.Write(graph.ToJson());
        }

        return CliApp.Ok;
    }

    /// <summary>Every <c>NAME.txt</c> of the folders (comma-separated) that has a gold <c>NAME.kg.json</c> beside it (texts named by --texts only, when given).</summary>
    private static int RunCorpus(Arguments a, TextWriter o)
    {
        var texts = new List<CorpusText>();
        foreach (string dir in a.Corpus!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Directory.Exists(dir))
            {
                throw new InputException($"--corpus: the folder '{dir}' does not exist; give folders of NAME.txt files with NAME.kg.json beside them, separated by commas");
            }

            foreach (var path in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileNameWithoutExtension(path);
                string gold = Path.Combine(dir, name + ".kg.json");
                if (!File.Exists(gold) || a.Texts.Count > 0 && !a.Texts.Contains(name, StringComparer.Ordinal))
                {
                    continue;
                }

                string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
                texts.Add(new CorpusText(name, text, JsonGraphReader.Read(gold)));
            }
        }

        var report = ExtractionEvaluator.EvaluateCorpus(texts);
        if (a.Record is not null)
        {
            if (a.Round is not { } round)
            {
                throw new UsageException("--record needs --round R");
            }

            File.AppendAllText(a.Record, report.ToLedger(round, a.Read));
        }

        o.Write(report.ToTable());
        if (a.Explain)
        {
            foreach (var name in report.TextNames)
            {
                foreach (var r in report[name].MissedRelations)
                {
                    o.Write(name + "  missed   " + r + "\n");
                }

                foreach (var r in report[name].SpuriousRelations)
                {
                    o.Write(name + "  spurious " + r + "\n");
                }
            }
        }

        return CliApp.Ok;
    }

    /// <summary>The --explain lines of the quotations: sentence, span, direct or reported, speaker, words, subject, stance.</summary>
    private static void WriteQuotes(TextWriter o, System.Collections.Immutable.ImmutableArray<Quote> quotes)
    {
        foreach (var q in quotes)
        {
            o.Write($"quote    s{q.SentenceIndex}  [{q.Start}+{q.Length}] {(q.IsDirect ? "direct" : "reported")}  {q}\n");
        }
    }
}
