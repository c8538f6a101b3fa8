using KnowledgeGraph.Extraction;
using static KnowledgeGraph.Tests.Extraction.TextGraphs;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// Reports on a match: whom the report names was at the match (not at the tournament around it), a player's position
/// before a name is a title, countries that play are their sides, and sides that beat one another met. Besides, a name
/// taken for a person only because it is capitalised is a place when it is listed with places.
/// </summary>
public class ContestTests
{
    private const string Final = "Spain won the cup final in Oslo on Saturday, beating England 1-0. The final was tense. ";

    [Theory]
    [InlineData("Kari Lund scored the only goal.")]
    [InlineData("Kari Lund, a teacher from Bergen, said it was the best day of her life.")]
    [InlineData("Minister Kari Lund presented the trophy.")]
    public void WhomAMatchReportNames_AttendsTheMatch(string sentence)
    {
        var g = Extract(Final + sentence);
        Assert.True(Has(g, "person:kari-lund", "ATTENDS", EventOf(g)), Dump(g));
    }

    [Theory]
    [InlineData("Former coach Kari Lund said the side had improved.")]
    [InlineData("Kari Lund, a former captain, said the side had improved.")]
    public void WhoIsNamedForWhatTheyWere_DoesNotAttend(string sentence)
    {
        var g = Extract(Final + sentence);
        Assert.False(Has(g, "person:kari-lund", "ATTENDS", EventOf(g)), Dump(g));
    }

    [Fact]
    public void InAReportOnATournament_PeopleAttendItsFinal()
    {
        var g = Extract("Spain won the tournament on Sunday. The tournament drew big crowds. Spain beat England in the final in Berlin. "
            + "The final was close. Kari Lund scored twice in the final.");
        var final = g.Entities.Single(e => e.Kind == EntityKind.Event && e.Name.Contains("final", StringComparison.OrdinalIgnoreCase)).Id.Value;
        Assert.True(Has(g, "person:kari-lund", "ATTENDS", final), Dump(g));
    }

    [Fact]
    public void OutsideAMatchReport_NobodyIsTakenToAttend()
    {
        var g = Extract("Leaders met at a summit in Oslo on Monday. The summit ended with a statement. Kari Lund, a teacher from Bergen, said taxes were too high.");
        Assert.False(Has(g, "person:kari-lund", "ATTENDS", "event:summit-in-oslo"), Dump(g));
    }

    [Theory]
    [InlineData("Fly-half Kari Lund kicked four penalties.")]
    [InlineData("Scrum-half Kari Lund had a try ruled out.")]
    [InlineData("Quarterback Kari Lund threw for 255 yards.")]
    [InlineData("Coach Kari Lund praised the players.")]
    [InlineData("Wicketkeeper Kari Lund took three catches.")]
    public void APlayersPosition_BeforeAName_IsATitle(string sentence)
    {
        var g = Extract(Final + sentence);
        Assert.Contains(g.Entities, e => e.Id.Value == "person:kari-lund");
    }

    [Fact]
    public void CountriesThatPlay_AreTheirSides()
    {
        var g = Extract("Spain beat England 2-1 in the final in Berlin on Sunday. The final was close. Spain's captain, Kari Lund, lifted the trophy. "
            + "England midfielder Omar Haddad missed a chance. Spain's Prime Minister Pedro Ruiz congratulated the team.");
        Assert.True(Has(g, "organization:spain", "ATTENDS", "event:final-in-berlin"), Dump(g));
        Assert.True(Has(g, "organization:spain", "MEETS", "organization:england"), Dump(g));
        Assert.True(Has(g, "person:omar-haddad", "MEMBER_OF", "organization:england"), Dump(g));
        Assert.True(Has(g, "person:pedro-ruiz", "LEADS", "country:spain"), Dump(g));
    }

    [Theory]
    [InlineData("Spain had lost Kari Lund to an injury, but the final went on.")]
    [InlineData("England lost 2-1 to Spain in the final.")]
    public void ASide_IsFoundOverAnAuxiliaryOrAScore(string sentence)
    {
        var g = Extract("The final in Berlin was close. " + sentence);
        Assert.Contains(g.Entities, e => e.Id.Value == "organization:spain");
    }

    [Fact]
    public void OutsideAContest_ACountryThatWins_StaysTheCountry()
    {
        var g = Extract("Spain won praise for its budget on Monday. Spain's finance minister, Kari Lund, said growth was strong.");
        Assert.Contains(g.Entities, e => e.Id.Value == "country:spain");
        Assert.DoesNotContain(g.Entities, e => e.Id.Value == "organization:spain");
    }

    [Fact]
    public void BeatingAPerson_WhoseNameStartsWithACountry_MakesNoSide()
    {
        var g = Extract("The final in Berlin was close. Nico Lund's low shot beat Jordan Pickford at the near post.");
        Assert.DoesNotContain(g.Entities, e => e.Id.Value == "organization:jordan");
    }

    [Fact]
    public void ASideThatBeatsAnother_MeetsIt_ButAPassiveDefeatDoesNot()
    {
        var g = Extract("Spain beat England 1-0 in the cup final in Oslo on Saturday. Kari Lund, who was defeated in Bergen, and Omar Haddad lost their seats.");
        Assert.True(Has(g, "organization:spain", "MEETS", "organization:england"), Dump(g));
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "MEETS" && r.Source.Value == "person:kari-lund");
    }

    [Fact]
    public void ANameListedWithPlaces_IsAPlace()
    {
        var g = Extract("Fans poured into the streets in Johannesburg, Cape Town and Durban.");
        Assert.Contains(g.Entities, e => e.Id.Value == "place:cape-town");
        Assert.DoesNotContain(g.Entities, e => e.Id.Value == "person:cape-town");
    }

    [Fact]
    public void APlaceAtTheEndOfALongerName_DoesNotMakeAListOfPlaces()
    {
        var g = Extract("Crews from Texas worked alongside Duke Energy Florida and Tampa Electric, the utilities serving the area.");
        Assert.DoesNotContain(g.Entities, e => e.Id.Value == "place:tampa-electric");
    }

    [Theory]
    [InlineData("Kansas City beat San Jose 25-22 in Super Bowl LVIII on Sunday.", "Super Bowl LVIII")]
    [InlineData("Kari Lund won the Oslo Open on Sunday.", "Oslo Open")]
    [InlineData("Kari Lund won the Monaco Grand Prix on Sunday.", "Monaco Grand Prix")]
    public void ANamedContest_IsAnEvent_WithItsEdition(string sentence, string name)
    {
        var g = Extract(sentence);
        Assert.Contains(g.Entities, e => e.Kind == EntityKind.Event && e.Name == name);
    }

    [Fact]
    public void InAReportOnANamedContest_PeopleAttendIt()
    {
        var g = Extract("Kansas City won Super Bowl LVIII in Las Vegas on Sunday. Super Bowl LVIII went to overtime. Kari Lund, a teacher, said it was the best game she had seen.");
        Assert.True(Has(g, "person:kari-lund", "ATTENDS", "event:super-bowl-lviii"), Dump(g));
    }

    private static string EventOf(Graph g) => g.Entities.Single(e => e.Kind == EntityKind.Event).Id.Value;
}
