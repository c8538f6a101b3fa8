using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>The corpus evaluator: pooled (micro) and macro scores, the ledger of rounds and the leave-one-text-out figure.</summary>
public class CorpusEvaluationTests
{
    private static Graph Gold(params (string Source, string Type, string Target)[] relations)
    {
        var b = new GraphBuilder(Schema.Default);
        foreach (var id in relations.SelectMany(r => new[] { r.Source, r.Target }).Distinct())
        {
            string kind = id.StartsWith("person:", StringComparison.Ordinal) ? "Person" : id.StartsWith("event:", StringComparison.Ordinal) ? "Event" : "Country";
            b.AddEntity(new Entity(id, new EntityKind(kind), NameOf(id)));
        }

        foreach (var (s, t, o) in relations)
        {
            b.AddRelation(new Relation(s, new RelationType(t), o));
        }

        return b.Build();
    }

    private static string NameOf(string id) =>
        string.Join(' ', id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static CorpusReport TwoTexts() => ExtractionEvaluator.EvaluateCorpus(
    [
        new CorpusText("a", "Minister Kari Lund attended the Oslo Water Summit on Monday.", Gold(("person:kari-lund", "ATTENDS", "event:oslo-water-summit"))),
        new CorpusText("b", "Kari Lund praised Omar Haddad for his patience.", Gold(("person:kari-lund", "PRAISES", "person:omar-haddad"), ("person:omar-haddad", "PRAISES", "person:kari-lund"))),
    ]);

    [Fact]
    public void EvaluateCorpus_Pooled_SumsTheCountsOfEveryText()
    {
        var report = TwoTexts();
        Assert.Equal(new[] { "a", "b" }, report.TextNames.ToArray());
        Assert.Equal(report["a"].Relations.Gold + report["b"].Relations.Gold, report.Pooled.Relations.Gold);
        Assert.Equal(3, report.Pooled.Relations.Gold);
        Assert.Equal(report["a"].Relations.MatchedGold + report["b"].Relations.MatchedGold, report.Pooled.Relations.MatchedGold);
        Assert.Equal(1, report["b"].Relations.MatchedGold);
        Assert.Equal(report["a"]["ATTENDS"]!.Gold, report.Pooled["ATTENDS"]!.Gold);
    }

    [Fact]
    public void EvaluateCorpus_MacroF1_IsTheMeanOverTheTypesTheGoldUses()
    {
        var report = TwoTexts();
        var used = report.Pooled.RelationsByType.Where(s => s.Gold > 0).ToList();
        Assert.Equal(used.Average(s => s.F1), report.RelationMacroF1, 9);
        Assert.NotEqual(report.Pooled.Relations.F1, report.RelationMacroF1);
    }

    [Fact]
    public void EvaluateCorpus_TwoTextsWithOneName_Throws()
    {
        var t = new CorpusText("a", "Kari Lund spoke.", Gold(("person:kari-lund", "ATTENDS", "event:oslo-water-summit")));
        Assert.Throws<ArgumentException>(() => ExtractionEvaluator.EvaluateCorpus([t, t]));
    }

    [Fact]
    public void Ledger_ReadBack_GivesTheSameCounts()
    {
        var report = TwoTexts();
        var back = CorpusReport.LeaveOneTextOut(report.ToLedger(0, []));
        Assert.Equal(report.Pooled.ToTable(), back.Pooled.ToTable());
        Assert.Equal("0", back.Rounds["a"]);
    }

    [Fact]
    public void LeaveOneTextOut_ReadText_ScoredFromTheRoundBeforeItWasRead()
    {
        // Round 0 scores both texts unread; round 1 rules were tuned reading text a; round 2 reading b too.
        string ledger = TwoTexts().ToLedger(0, []) + TwoTexts().ToLedger(1, ["a"]) + TwoTexts().ToLedger(2, ["a", "b"]);
        var held = CorpusReport.LeaveOneTextOut(ledger);
        Assert.Equal("0", held.Rounds["a"]);
        Assert.Equal("1", held.Rounds["b"]);
    }

    [Fact]
    public void LeaveOneTextOut_TextReadInItsFirstRound_IsLeftOut()
    {
        var held = CorpusReport.LeaveOneTextOut(TwoTexts().ToLedger(3, ["a"]));
        Assert.Equal(new[] { "b" }, held.TextNames.ToArray());
    }

    [Fact]
    public void LeaveOneTextOut_BadRow_ThrowsFormatExceptionNamingTheLine()
    {
        var e = Assert.Throws<FormatException>(() => CorpusReport.LeaveOneTextOut("# header\n0\ta\tmaybe\trelation\tall\t1\t1\t1\t1\n"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToTable_ListsMicroMacroAndEveryText()
    {
        string table = TwoTexts().ToTable();
        Assert.Contains("\nmicro F1 ", table, StringComparison.Ordinal);
        Assert.Contains("\nmacro F1 ", table, StringComparison.Ordinal);
        Assert.Contains("\na ", table, StringComparison.Ordinal);
        Assert.Contains("\nb ", table, StringComparison.Ordinal);
    }
}
