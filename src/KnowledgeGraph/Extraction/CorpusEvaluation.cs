using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Extraction;

/// <summary>One text of an evaluation corpus: its name, its text and its gold annotation.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CorpusText
{
    /// <summary>Creates a corpus text.</summary>
    /// <param name="name">Its name (the file name without extension, for example).</param>
    /// <param name="text">The text.</param>
    /// <param name="gold">Its gold annotation.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CorpusText(string name, string text, Graph gold)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gold);
        Name = name;
        Text = text;
        Gold = gold;
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>Its gold annotation.</summary>
    public Graph Gold { get; }
}

/// <summary>
/// The scores of a set of texts: one report per text, the pooled (micro) report whose counts are
/// the sums over the texts, and macro F1 (the mean F1 of the entity kinds or relation types that
/// the gold annotations use). Reports can be written to and read from a ledger of counts, one round
/// of rule changes after another, from which <see cref="LeaveOneTextOut"/> takes each text's score
/// from the last rule state that was not tuned while reading that text.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CorpusReport
{
    private readonly ImmutableDictionary<string, EvaluationReport> _byText;

    internal CorpusReport(IEnumerable<KeyValuePair<string, EvaluationReport>> texts, IEnumerable<KeyValuePair<string, string>>? rounds = null)
    {
        _byText = texts.ToImmutableDictionary(StringComparer.Ordinal);
        TextNames = [.. _byText.Keys.Order(StringComparer.Ordinal)];
        Rounds = rounds?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty;
        Pooled = Pool(TextNames.Select(n => _byText[n]));
        EntityMacroF1 = Macro(Pooled.EntitiesByKind);
        RelationMacroF1 = Macro(Pooled.RelationsByType);
    }

    /// <summary>The names of the texts, in ordinal order.</summary>
    public ImmutableArray<string> TextNames { get; }

    /// <summary>For a report read from a ledger: the round each text's score comes from, by text name.</summary>
    public ImmutableDictionary<string, string> Rounds { get; }

    /// <summary>The micro report: every count summed over the texts.</summary>
    public EvaluationReport Pooled { get; }

    /// <summary>The mean entity F1 over the kinds the gold annotations use.</summary>
    public double EntityMacroF1 { get; }

    /// <summary>The mean relation F1 over the types the gold annotations use.</summary>
    public double RelationMacroF1 { get; }

    /// <summary>The report of one text.</summary>
    /// <param name="textName">The text's name.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">No text has that name.</exception>
    public EvaluationReport this[string textName] =>
        _byText.TryGetValue(textName, out var r) ? r : throw new KeyNotFoundException($"No text named '{textName}' in the corpus report.");

    /// <summary>
    /// The leave-one-text-out report of a ledger (see <see cref="ToLedger"/>): for every text, its
    /// score from the latest round whose rules were not tuned while reading that text, that is the
    /// latest round before the first round that marks the text as read. A text read in its first
    /// round has no held-out score and is left out.
    /// </summary>
    /// <param name="ledger">The ledger text: the rows of one or more rounds.</param>
    /// <returns>The report, with the round of each text in <see cref="Rounds"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    /// <exception cref="FormatException">A row does not have the ledger's columns.</exception>
    public static CorpusReport LeaveOneTextOut(string ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = CorpusLedger.Parse(ledger);
        var rounds = rows.Select(r => r.Round).Distinct().OrderBy(r => r).ToList();
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in rows.Select(r => r.Text).Distinct(StringComparer.Ordinal))
        {
            int? firstRead = rows.Where(r => r.Text == text && r.Read).Select(r => (int?)r.Round).Min();
            var usable = rows.Where(r => r.Text == text && (firstRead is null || r.Round < firstRead)).Select(r => r.Round).ToList();
            if (usable.Count > 0)
            {
                chosen[text] = usable.Max();
            }
        }

        var reports = chosen.Select(c => KeyValuePair.Create(c.Key, CorpusLedger.Report(rows.Where(r => r.Text == c.Key && r.Round == c.Value))));
        return new CorpusReport(reports, chosen.Select(c => KeyValuePair.Create(c.Key, c.Value.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// The counts of every text as ledger rows, tab-separated: round, text, whether the rules of this
    /// round were tuned while reading the text's scores (<c>read</c> or <c>unread</c>), section
    /// (<c>entity</c> or <c>relation</c>), label, extracted, gold, matched extracted, matched gold.
    /// </summary>
    /// <param name="round">The round number (rule changes made and measured together), from 0.</param>
    /// <param name="read">The texts whose scores were read while this round's rules were tuned.</param>
    /// <returns>The rows, <c>\n</c> line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    public string ToLedger(int round, IEnumerable<string> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var readSet = read.ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var name in TextNames)
        {
            var r = _byText[name];
            string prefix = string.Create(CultureInfo.InvariantCulture, $"{round}\t{name}\t{(readSet.Contains(name) ? "read" : "unread")}\t");
            foreach (var s in r.EntitiesByKind.Append(r.Entities))
            {
                CorpusLedger.Row(sb, prefix, "entity", s);
            }

            foreach (var s in r.RelationsByType.Append(r.Relations))
            {
                CorpusLedger.Row(sb, prefix, "relation", s);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The pooled tables, the micro and macro F1, and one line per text (entity and relation F1,
    /// and the round for a leave-one-text-out report), fixed-width, <c>\n</c> line ends.
    /// </summary>
    /// <returns>The text.</returns>
    public string ToTable()
    {
        var sb = new StringBuilder();
        sb.Append(Pooled.ToTable());
        sb.Append(CultureInfo.InvariantCulture, $"\nmicro F1         entities {Pooled.Entities.F1:0.000}  relations {Pooled.Relations.F1:0.000}\n");
        sb.Append(CultureInfo.InvariantCulture, $"macro F1         entities {EntityMacroF1:0.000}  relations {RelationMacroF1:0.000}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"text",-32} {"round",5} {"entity F1",9} {"relation P",10} {"R",6} {"F1",6}\n");
        foreach (var name in TextNames)
        {
            var r = _byText[name];
            string round = Rounds.TryGetValue(name, out var x) ? x : "-";
            sb.Append(CultureInfo.InvariantCulture, $"{name,-32} {round,5} {r.Entities.F1,9:0.000} {r.Relations.Precision,10:0.000} {r.Relations.Recall,6:0.000} {r.Relations.F1,6:0.000}\n");
        }

        return sb.ToString();
    }

    /// <summary>The tables (see <see cref="ToTable"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToTable();

    private static double Macro(ImmutableArray<Score> rows)
    {
        var used = rows.Where(s => s.Gold > 0).ToList();
        return used.Count == 0 ? 0 : used.Average(s => s.F1);
    }

    private static EvaluationReport Pool(IEnumerable<EvaluationReport> reports)
    {
        var list = reports.ToList();
        static Score Sum(string label, IEnumerable<Score> scores)
        {
            int e = 0, g = 0, me = 0, mg = 0;
            foreach (var s in scores)
            {
                e += s.Extracted;
                g += s.Gold;
                me += s.MatchedExtracted;
                mg += s.MatchedGold;
            }

            return new Score(label, e, g, me, mg);
        }

        static ImmutableArray<Score> ByLabel(IEnumerable<Score> scores) =>
            [.. scores.GroupBy(s => s.Label, StringComparer.Ordinal).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => Sum(x.Key, x))];

        return new EvaluationReport(
            Sum("all", list.Select(r => r.Entities)),
            ByLabel(list.SelectMany(r => r.EntitiesByKind)),
            Sum("all", list.Select(r => r.Relations)),
            ByLabel(list.SelectMany(r => r.RelationsByType)),
            [.. list.SelectMany(r => r.MissedRelations)],
            [.. list.SelectMany(r => r.SpuriousRelations)]);
    }
}

/// <summary>Reads and writes the rows of a corpus ledger.</summary>
internal static class CorpusLedger
{
    internal sealed record LedgerRow(int Round, string Text, bool Read, string Section, Score Score);

    public static void Row(StringBuilder sb, string prefix, string section, Score s) =>
        sb.Append(prefix).Append(section).Append('\t').Append(s.Label).Append(CultureInfo.InvariantCulture, $"\t{s.Extracted}\t{s.Gold}\t{s.MatchedExtracted}\t{s.MatchedGold}\n");

    public static List<LedgerRow> Parse(string ledger)
    {
        var rows = new List<LedgerRow>();
        int lineNumber = 0;
        foreach (var raw in ledger.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 9 || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int round) || f[2] is not ("read" or "unread") || f[3] is not ("entity" or "relation")
                || !TryCounts(f, out int e, out int g, out int me, out int mg))
            {
                throw new FormatException($"Bad ledger row at line {lineNumber}: found '{line}', expected round, text, read|unread, entity|relation, label and four counts separated by tabs.");
            }

            rows.Add(new LedgerRow(round, f[1], f[2] == "read", f[3], new Score(f[4], e, g, me, mg)));
        }

        return rows;
    }

    public static EvaluationReport Report(IEnumerable<LedgerRow> rows)
    {
        var list = rows.ToList();
        Score Total(string section) => list.FirstOrDefault(r => r.Section == section && r.Score.Label == "all")?.Score ?? new Score("all", 0, 0, 0, 0);
        ImmutableArray<Score> Rows(string section) => [.. list.Where(r => r.Section == section && r.Score.Label != "all").Select(r => r.Score)];
        return new EvaluationReport(Total("entity"), Rows("entity"), Total("relation"), Rows("relation"), [], []);
    }

    private static bool TryCounts(string[] f, out int e, out int g, out int me, out int mg)
    {
        g = me = mg = 0;
        return int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out e)
            & int.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out g)
            & int.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out me)
            & int.TryParse(f[8], NumberStyles.None, CultureInfo.InvariantCulture, out mg);
    }
}
