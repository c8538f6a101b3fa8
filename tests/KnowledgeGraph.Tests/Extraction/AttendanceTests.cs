using KnowledgeGraph.Extraction;
using static KnowledgeGraph.Tests.Extraction.TextGraphs;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// Who is at an event without a verb of attending: who is sent or stands in, who speaks to its participants, the
/// countries whose leaders open a sentence; and the bodies those sentences need (a known name with a number in it,
/// "the bloc" for a union whose name has no class word). Who gives at a donors' meeting: an amount announced or
/// promised, and the givers of a gapped list.
/// </summary>
public class AttendanceTests
{
    private const string Summit = "Leaders met at a summit in Oslo on Monday. The summit ended with a statement. ";

    [Theory]
    [InlineData("Moscow sent Foreign Minister Kari Lund.", "person:kari-lund")]
    [InlineData("President Omar Haddad stayed away, sending Deputy Prime Minister Kari Lund.", "person:kari-lund")]
    [InlineData("Norway was represented by Deputy Prime Minister Kari Lund.", "person:kari-lund")]
    [InlineData("Kari Lund stood in for President Omar Haddad.", "person:kari-lund")]
    [InlineData("Kari Lund told delegates that the deal was fair.", "person:kari-lund")]
    [InlineData("Kari Lund, addressing fellow leaders, said the deal was fair.", "person:kari-lund")]
    [InlineData("Leaders from Japan, Kenya and Chile attended as partners.", "country:kenya")]
    public void AtTheEvent_WithoutAVerbOfAttending(string sentence, string who)
    {
        var g = Extract(Summit + sentence);
        Assert.True(Has(g, who, "ATTENDS", "event:summit-in-oslo"), Dump(g));
    }

    [Theory]
    [InlineData("Moscow sent Foreign Minister Kari Lund.", "country:russia")]
    [InlineData("Chinese President Omar Haddad stayed at home. Kari Lund stood in for President Omar Haddad.", "country:china")]
    public void WhoIsSent_RepresentsWhoSendsThem(string sentence, string country)
    {
        var g = Extract(Summit + sentence);
        Assert.True(Has(g, "person:kari-lund", "REPRESENTS", country), Dump(g));
    }

    [Theory]
    [InlineData("Moscow did not send Kari Lund.", "person:kari-lund")]
    [InlineData("Kari Lund stood in for President Omar Haddad.", "person:omar-haddad")]
    [InlineData("Kari Lund told reporters that the deal was fair.", "person:kari-lund")]
    [InlineData("Kari Lund told reporters the summit had gone well.", "person:kari-lund")]
    [InlineData("Moscow sent two aircraft, Kari Lund said.", "person:kari-lund")]
    public void NotAtTheEvent(string sentence, string who)
    {
        var g = Extract(Summit + sentence);
        Assert.False(Has(g, who, "ATTENDS", "event:summit-in-oslo"), Dump(g));
    }

    [Fact]
    public void SpeakingToLawmakers_BeforeAVote_IsAtTheVote()
    {
        var g = Extract("The Storting held a vote on the budget on Tuesday. Kari Lund told lawmakers before the vote that the plan was fair.");
        Assert.Contains(g.Relations, r => r.Source.Value == "person:kari-lund" && r.Type.Name == "ATTENDS");
    }

    [Fact]
    public void KnownBody_WithANumberInItsName_IsNamedWhole()
    {
        var g = Extract("Kari Lund travelled to the Group of 20 summit in Oslo on Monday.");
        Assert.Contains(g.Entities, e => e.Id.Value == "organization:group-of-20");
        Assert.DoesNotContain(g.Entities, e => e.Id.Value == "organization:group");
    }

    [Fact]
    public void TheBloc_IsTheUnionNamedBefore_ByItsKnownKind()
    {
        var g = Extract("The Association of Southeast Asian Nations held a summit in Jakarta on Monday. The bloc groups Brunei, Cambodia, the Philippines and Laos.");
        Assert.True(Has(g, "country:cambodia", "MEMBER_OF", "organization:association-of-southeast-asian-nations"), Dump(g));
        Assert.True(Has(g, "country:laos", "MEMBER_OF", "organization:association-of-southeast-asian-nations"), Dump(g)); // a list goes on over "the Philippines"
    }

    private const string Quake = "An earthquake struck Afghanistan on Saturday. Rescuers in Afghanistan searched for survivors in Herat. ";

    [Theory]
    [InlineData(Quake + "Japan announced $3 million in emergency aid.", "country:japan", "country:afghanistan")]
    [InlineData(Quake + "Japan promised an additional 84 million euros.", "country:japan", "country:afghanistan")]
    [InlineData("The World Bank pledged $2 billion to Pakistan, the Asian Development Bank $1.5 billion and Japan $77 million.", "organization:asian-development-bank", "country:pakistan")]
    [InlineData("The World Bank pledged $2 billion to Pakistan, the Asian Development Bank $1.5 billion and Japan $77 million.", "country:japan", "country:pakistan")]
    [InlineData("Congress gave the Arctic Relief Fund about $20 billion in September.", "organization:congress", "organization:arctic-relief-fund")]
    public void Giving_AnAmount_OrInAGappedList(string text, string giver, string receiver)
    {
        var g = Extract(text);
        Assert.True(Has(g, giver, "CONTRIBUTES_TO", receiver), Dump(g));
    }

    [Theory]
    [InlineData(Quake + "Japan announced plans for a new airport.", "country:japan")]
    [InlineData("France offered about 100 million euros, the United States promised $17 million.", "country:france")]
    [InlineData("Mexico is hosting the talks. France offered about 100 million euros, and Mexico $17 million.", "country:france")]
    public void NotGiving(string text, string giver)
    {
        var g = Extract(text);
        Assert.DoesNotContain(g.Relations, r => r.Source.Value == giver && r.Type.Name == "CONTRIBUTES_TO");
    }

    [Theory]
    [InlineData("person:kari-lund")]
    [InlineData("person:omar-haddad")]
    public void PlayersActingOnEachOther_TakePartInTheMatch(string who)
    {
        var g = Extract("Norway beat Sweden in the final on Sunday. The final was close. Kari Lund dismissed Omar Haddad in the second over.");
        Assert.True(Has(g, who, "ATTENDS", "event:final"), Dump(g));
    }

    [Fact]
    public void DismissingSomeone_OutsideAMatch_IsNoAttendance()
    {
        var g = Extract(Summit + "Kari Lund dismissed Omar Haddad as an adviser.");
        Assert.DoesNotContain(g.Relations, r => r.Source.Value == "person:omar-haddad" && r.Type.Name == "ATTENDS");
    }
}
