using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Extraction;

public class RelationRuleTests
{
    [Theory]
    [InlineData("ATTENDS", "Minister Kari Lund attended the Oslo Water Summit on Monday.", "person:kari-lund", "event:oslo-water-summit")]
    [InlineData("ATTENDS", "Kari Lund said at a press briefing on Monday that talks would go on.", "person:kari-lund", "event:press-briefing")]
    [InlineData("ATTENDS", "The deal followed a March meeting between Kari Lund and Omar Haddad.", "person:omar-haddad", "event:march-meeting")]
    [InlineData("PRAISES", "Kari Lund praised Omar Haddad for his patience.", "person:kari-lund", "person:omar-haddad")]
    [InlineData("PRAISES", "“Norway has been a stalwart partner,” Kari Lund said.", "person:kari-lund", "country:norway")]
    [InlineData("CRITICIZES", "Omar Haddad criticized Norway for its fishing quotas.", "person:omar-haddad", "country:norway")]
    [InlineData("CRITICIZES", "Kari Lund has argued that the threat from Russia is growing.", "person:kari-lund", "country:russia")]
    [InlineData("CONTRIBUTES_TO", "Norway will contribute $50 million to the Arctic Research Fund.", "country:norway", "organization:arctic-research-fund")]
    [InlineData("MEMBER_OF", "Anti-corruption Democrats like Rep. Jo Kent pushed back.", "person:jo-kent", "organization:democratic-party")]
    [InlineData("MEMBER_OF", "Poland’s NATO allies pledged more troops.", "country:poland", "organization:north-atlantic-treaty-organization")]
    [InlineData("LEADS", "Swedish Prime Minister Eva Dahl spoke on Monday.", "person:eva-dahl", "country:sweden")]
    [InlineData("LEADS", "China sent a delegation led by Omar Haddad on Monday.", "person:omar-haddad", "organization:china-delegation")]
    [InlineData("HOLDS_ROLE_IN", "Swedish Prime Minister Eva Dahl spoke on Monday.", "person:eva-dahl", "country:sweden")]
    [InlineData("HOLDS_ROLE_IN", "Eva Dahl, a professor at Uppsala University, disagreed.", "person:eva-dahl", "organization:uppsala-university")]
    [InlineData("MEETS", "Kari Lund met Omar Haddad in Oslo on Tuesday.", "person:kari-lund", "person:omar-haddad")]
    [InlineData("ATTACKS", "Russia launched drone attacks against Ukraine overnight.", "country:russia", "country:ukraine")]
    [InlineData("ATTACKS", "Aid poured in after Russia’s invasion of Ukraine.", "event:russias-invasion-of-ukraine", "country:ukraine")]
    [InlineData("SUPPORTS", "Omar Haddad backed Norway in the dispute.", "person:omar-haddad", "country:norway")]
    [InlineData("SUPPORTS", "Denmark went to war on behalf of Norway.", "country:denmark", "country:norway")]
    [InlineData("LOCATED_IN", "She is a fellow at Harlow University in Europe.", "organization:harlow-university", "place:europe")]
    [InlineData("HELD_IN", "Farmers staged protests last month in Portugal.", "event:protests-in-portugal", "country:portugal")]
    [InlineData("HELD_IN", "Leaders gathered for the Geneva Peace Conference.", "event:geneva-peace-conference", "place:geneva")]
    [InlineData("ABSENT_FROM", "Kari Lund skipped the Oslo Water Summit on Monday.", "person:kari-lund", "event:oslo-water-summit")]
    [InlineData("ABSENT_FROM", "Omar Haddad attended the Oslo Water Summit in place of Minister Kari Lund.", "person:kari-lund", "event:oslo-water-summit")]
    [InlineData("AFFILIATED_WITH", "Eva Dahl, a professor at Uppsala University, disagreed.", "person:eva-dahl", "organization:uppsala-university")]
    [InlineData("AFFILIATED_WITH", "Eva Dahl, who has also served as adviser to the European Union, disagreed.", "person:eva-dahl", "organization:european-union")]
    [InlineData("ATTENDS", "Kari Lund, Omar Haddad and Eva Dahl attended the Oslo Water Summit on Monday.", "person:omar-haddad", "event:oslo-water-summit")]
    [InlineData("ATTENDS", "Kari Lund, Omar Haddad and Eva Dahl attended the Oslo Water Summit on Monday.", "person:kari-lund", "event:oslo-water-summit")]
    [InlineData("ATTENDS", "Minister Kari Lund took part in the Oslo Water Summit on Monday.", "person:kari-lund", "event:oslo-water-summit")]
    [InlineData("ATTENDS", "Minister Kari Lund joined the Oslo Water Summit on Monday.", "person:kari-lund", "event:oslo-water-summit")]
    [InlineData("PRAISES", "Kari Lund saluted Omar Haddad for his patience.", "person:kari-lund", "person:omar-haddad")]
    [InlineData("PRAISES", "Kari Lund paid tribute to Omar Haddad on Monday.", "person:kari-lund", "person:omar-haddad")]
    [InlineData("PRAISES", "Norway and Denmark congratulated Omar Haddad on Monday.", "country:norway", "person:omar-haddad")]
    [InlineData("CONTRIBUTES_TO", "Norway committed $50 million to the Arctic Research Fund.", "country:norway", "organization:arctic-research-fund")]
    [InlineData("CONTRIBUTES_TO", "Norway allocated $50 million to the Arctic Research Fund.", "country:norway", "organization:arctic-research-fund")]
    [InlineData("CONTRIBUTES_TO", "Sweden, Finland and Norway pledged $50 million to the Arctic Research Fund.", "country:sweden", "organization:arctic-research-fund")]
    public void Extract_RuleCue_GivesRelation(string type, string text, string source, string target)
    {
        var result = TextExtractor.Analyze(text);
        var g = result.Graph;
        Assert.True(
            g.Relations.Any(r => r.Type.Name == type && r.Source.Value == source && r.Target.Value == target),
            $"expected ({source})-[{type}]->({target}); found:\n{string.Join("\n", result.RelationReasons)}\nmentions:\n{string.Join("\n", result.Mentions)}");
    }

    [Fact]
    public void Extract_EveryRelation_HasSentenceEvidenceAndFitsTheSchema()
    {
        string text = Graph.SeedArticle();
        var g = TextExtractor.Extract(text, new ExtractionOptions { DocumentId = "doc:seed" });
        Assert.NotEmpty(g.Relations);
        Assert.Empty(g.Violations);
        foreach (var r in g.Relations)
        {
            var ev = Assert.Single(r.Evidence.Take(1));
            Assert.Equal("doc:seed", ev.Document);
            Assert.Equal(ev.Text, text.Substring(ev.Start, ev.Length));
            var rule = Schema.Default.GetRule(r.Type)!;
            Assert.True(rule.AllowsSource(g[r.Source].Kind) && rule.AllowsTarget(g[r.Target].Kind), r.ToString());
            Assert.Contains(r.Qualifiers["certainty"].ToString(), new[] { "explicit", "implied" });
        }
    }

    [Fact]
    public void Extract_NegatedAttendance_GivesNoRelation()
    {
        var g = TextExtractor.Extract("Kari Lund did not attend the Oslo Water Summit.");
        Assert.DoesNotContain(g.Relations, r => r.Type == RelationType.Attends);
    }

    [Fact]
    public void Extract_ObjectOfAnEarlierVerb_IsNotASubjectOfTheNext()
    {
        // "met Omar Haddad and Eva Dahl praised …": the list before "praised" does not open a clause.
        var g = TextExtractor.Extract("Kari Lund met Omar Haddad and Eva Dahl praised Norway on Monday.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "PRAISES" && r.Source.Value == "person:omar-haddad");
    }

    [Fact]
    public void Extract_SameText_GivesSameJson()
    {
        string text = Graph.SeedArticle();
        Assert.Equal(TextExtractor.Extract(text).ToJson(), TextExtractor.Extract(text).ToJson());
    }
}

public class ExtractionEdgeCaseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("...!!!???")]
    [InlineData("“”’’ – — ( ) [ ] ’s 's")]
    [InlineData("A")]
    [InlineData("Mr.")]
    [InlineData("U.S.")]
    [InlineData("the the the of of for")]
    [InlineData("X (Y) (Z) ((( ))) Minister Minister Minister")]
    [InlineData("Line one\r\nLine two.\r\n")]
    [InlineData("President")]
    [InlineData("launch of")]
    [InlineData("a meeting between")]
    public void Extract_OddInput_GivesAGraphWithoutThrowing(string text)
    {
        var g = TextExtractor.Extract(text);
        Assert.Single(g.Documents);
        Assert.Empty(g.Violations);
    }

    [Fact]
    public void Extract_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TextExtractor.Extract(null!));
    }

    [Fact]
    public void Extract_RandomCapitalisedWords_NeverThrows()
    {
        var rng = new Random(7);
        string[] words = ["Mr.", "the", "of", "President", "Minister", "U.S.", "France", "’s", "(", ")", "NATO", "meeting", "summit", "in", "at", "by", "led", "“", "”", ",", ".", "Anna", "Berg", "University", "and", "who", "met", "praised", "–", "his"];
        for (int n = 0; n < 200; n++)
        {
            string text = string.Join(' ', Enumerable.Range(0, 40).Select(_ => words[rng.Next(words.Length)]));
            var g = TextExtractor.Extract(text);
            Assert.Empty(g.Violations);
        }
    }
}
