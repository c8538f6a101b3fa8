using KnowledgeGraph.Extraction;
using static KnowledgeGraph.Tests.Extraction.TextGraphs;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// Titles that name their body around the person's name (before the title, in an apposition after the
/// name, or before it), names shown to be organisations by what the text says of them, and the relations
/// a title's class gives: a head leads, a role holder holds a role, a member is a member, a party's
/// leader is its member.
/// </summary>
public class RoleTests
{
    [Theory]
    [InlineData("Northwind Chief Executive Lara Quint said the company would hire more staff.", "person:lara-quint", "organization:northwind")]
    [InlineData("Velora's chief executive, Tomas Brandt, told investors that the plan was on track.", "person:tomas-brandt", "organization:velora")]
    [InlineData("Tomas Brandt, the chief executive of Velora, told investors that the plan was on track.", "person:tomas-brandt", "organization:velora")]
    [InlineData("Tomas Brandt, Velora's chief executive, told investors that the plan was on track.", "person:tomas-brandt", "organization:velora")]
    [InlineData("Dunmore, coached by Ivo Marsh, scored twice in the second half.", "person:ivo-marsh", "organization:dunmore")]
    [InlineData("The Arctic Research Agency said its director general, Mia Holt, had been told of the plan.", "person:mia-holt", "organization:arctic-research-agency")]
    [InlineData("Argentina's President Lia Moreno said her country would sign.", "person:lia-moreno", "country:argentina")]
    [InlineData("Slovakia, whose Prime Minister Jan Kral has opposed the plan, abstained.", "person:jan-kral", "country:slovakia")]
    public void HeadTitle_AroundTheName_LeadsTheBody(string text, string person, string body)
    {
        var g = Extract(text);
        Assert.True(Has(g, person, "LEADS", body), Dump(g));
        Assert.True(Has(g, person, "HOLDS_ROLE_IN", body), Dump(g));
    }

    [Theory]
    [InlineData("Hanna Dorsey, the co-leader of the Unity Party, accused the government of lying.", "person:hanna-dorsey", "organization:unity-party")]
    [InlineData("The centrist Civic Democrats, led by Ana Ruiz, won 40 seats.", "person:ana-ruiz", "organization:civic-democrats")]
    public void PartyLeader_LeadsAndIsAMember(string text, string person, string party)
    {
        var g = Extract(text);
        Assert.True(Has(g, person, "LEADS", party), Dump(g));
        Assert.True(Has(g, person, "MEMBER_OF", party), Dump(g));
    }

    [Fact]
    public void ClubPlayerTitle_IsMembership_NotARole()
    {
        var g = Extract("Kestrel midfielder Joao Pena scored the winner in the final minute.");
        Assert.True(Has(g, "person:joao-pena", "MEMBER_OF", "organization:kestrel"), Dump(g));
        Assert.False(Has(g, "person:joao-pena", "HOLDS_ROLE_IN", "organization:kestrel"), Dump(g));
    }

    [Fact]
    public void RoleTitle_HoldsARole_WithoutLeading()
    {
        var g = Extract("Ola Berg, a spokesperson for Northwind, said the talks had ended. Northwind shares fell 3%.");
        Assert.Contains(g.Entities, e => e.Id.Value == "organization:northwind");
        Assert.False(Has(g, "person:ola-berg", "LEADS", "organization:northwind"), Dump(g));
    }

    [Theory]
    [InlineData("Tomas Brandt, a former chief executive of Velora, said the plan would fail.")]
    [InlineData("Velora's former chief executive, Tomas Brandt, said the plan would fail.")]
    public void FormerTitle_GivesNoCurrentRole(string text)
    {
        var g = Extract(text);
        Assert.DoesNotContain(g.Relations, r => r.Type.Name is "LEADS" or "HOLDS_ROLE_IN");
    }

    [Fact]
    public void SentenceInitialAdjective_BeforeATitle_IsNoOrganisation()
    {
        var g = Extract("Former Prime Minister Tom Reed condemned the deal. Outgoing Chancellor Eva Lind voted in favour.");
        Assert.DoesNotContain(g.Entities, e => e.Kind == EntityKind.Organization);
    }

    [Theory]
    [InlineData("Velora's shares fell 4% after the ruling.")]
    [InlineData("Tencent, the Chinese gaming giant, declined to comment.")]
    [InlineData("Tomas Brandt, the chief executive of Velora, declined to comment.")]
    public void Name_ShownToBeAnOrganisation_ByItsContext(string text)
    {
        var g = Extract(text);
        Assert.Contains(g.Entities, e => e.Kind == EntityKind.Organization && e.Name is "Velora" or "Tencent");
    }

    [Fact]
    public void PersonsSurname_IsNeverAnOrganisation()
    {
        var g = Extract("Donald Reyes met the board on Monday. Reyes's lawyers said he would appeal.");
        Assert.DoesNotContain(g.Entities, e => e.Kind == EntityKind.Organization);
    }

    [Fact]
    public void DefiniteTitle_RefersToThePersonLastNamedWithIt()
    {
        var g = Extract("British Prime Minister Ana Lind met Omar Haddad on Monday. The prime minister praised Norway.");
        Assert.True(Has(g, "person:ana-lind", "PRAISES", "country:norway"), Dump(g));
        Assert.Contains("prime minister", g.Entities.Single(e => e.Id.Value == "person:ana-lind").Aliases);
    }

    [Theory]
    [InlineData("Turnout in the general election was high. Attorney General Ana Lind voted early.")]
    [InlineData("The prime minister praised Norway.")]
    public void DefiniteTitle_WithNoOneNamedSo_IsNoPerson(string text)
    {
        var g = Extract(text);
        Assert.DoesNotContain(g.Entities, e => e.Kind == EntityKind.Person && e.Aliases.Any(x => x is "general" or "prime minister"));
        Assert.DoesNotContain(g.Entities, e => e.Name is "prime minister" or "general");
    }

    [Theory]
    [InlineData("Leaders will meet in May for a meeting of the Quad, which also includes India and Japan.", "country:india", "organization:quad")]
    [InlineData("Former Prime Minister Tom Reed, a senior figure in Ana Lind's own Unity Party, condemned the deal.", "person:ana-lind", "organization:unity-party")]
    [InlineData("The Unity Party's Eva Lind voted against the budget.", "person:eva-lind", "organization:unity-party")]
    [InlineData("The Nordic Council groups Denmark, Finland, Iceland, Norway and Sweden.", "country:iceland", "organization:nordic-council")]
    [InlineData("The Nordic Council consists of Denmark, Finland, Iceland, Norway and Sweden.", "country:norway", "organization:nordic-council")]
    [InlineData("The Nordic Council unites Denmark, Finland, Iceland, Norway and Sweden.", "country:denmark", "organization:nordic-council")]
    public void Membership_FromIncludesAndPartyPossessives(string text, string member, string body)
    {
        var g = Extract(text);
        Assert.True(Has(g, member, "MEMBER_OF", body), Dump(g));
    }

    [Fact]
    public void CityAndName_InOneName_AreAnOrganisation_AlsoKnownByTheName()
    {
        var g = Extract("Manchester City beat Inter Milan in the final. City goalkeeper Ederson saved twice, and Inter had the better chances.");
        Assert.Contains(g.Entities, e => e.Id.Value == "organization:manchester-city" && e.Aliases.Contains("City"));
        Assert.Contains(g.Entities, e => e.Id.Value == "organization:inter-milan");
        Assert.DoesNotContain(g.Entities, e => e.Id.Value is "organization:city" or "organization:inter");
        Assert.True(Has(g, "person:ederson", "MEMBER_OF", "organization:manchester-city"), Dump(g));
    }

    [Fact]
    public void PlayersAndCoaches_OfATeamInTheFinal_TakePartInIt()
    {
        var g = Extract("Velora won the cup final on Saturday, beating Dunmore 1-0. The final was tense. Velora midfielder Joao Pena was the best player in the final. Dunmore, coached by Ivo Marsh, pressed late.");
        var final = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, "person:joao-pena", "ATTENDS", final.Id.Value), Dump(g));
        Assert.True(Has(g, "person:ivo-marsh", "ATTENDS", final.Id.Value), Dump(g));
    }

    [Theory]
    [InlineData("Lee Jae-myung, the leader of the main opposition Unity Party, said the vote was a victory.", "person:lee-jae-myung", "organization:unity-party")]
    [InlineData("The Unity Party was in disarray, with loyalists demanding the resignation of the party leader, Han Dong-hoon, who had backed the motion.", "person:han-dong-hoon", "organization:unity-party")]
    [InlineData("Ana Ruiz ran for the ruling Velora party. In the capital, Velora's Clara Brugada won.", "person:clara-brugada", "organization:velora")]
    [InlineData("Voters backed Lee Jae-myung of the Unity Party on Sunday.", "person:lee-jae-myung", "organization:unity-party")]
    public void PartyMembership_FromTitlesAndPossessives(string text, string person, string party)
    {
        var g = Extract(text);
        Assert.True(Has(g, person, "MEMBER_OF", party), Dump(g));
    }

    [Theory]
    [InlineData("The Oslo-based company said it would grow.", "Oslo-based")]
    [InlineData("A Kremlin-backed group said it would grow.", "Kremlin-backed")]
    public void LowerHyphenatedAdjective_IsNoName(string text, string word)
    {
        var g = Extract(text);
        Assert.DoesNotContain(g.Entities, e => e.Name.Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public void Acronym_SpelledByAnOrganisationNamedBefore_IsThatOrganisation()
    {
        var g = Extract("The Nordic Central Bank cut its rate on Thursday. NCB President Mia Holt said the bank would wait.");
        Assert.True(Has(g, "person:mia-holt", "LEADS", "organization:nordic-central-bank"), Dump(g));
        Assert.Contains("NCB", g.Entities.Single(e => e.Id.Value == "organization:nordic-central-bank").Aliases);
    }

    [Theory]
    [InlineData("Philippine President Ferdinand Marcos Jr. arrived on Monday. Marcos said his country was ready.", "person:ferdinand-marcos-jr")]
    [InlineData("Health Secretary Robert F. Kennedy Jr. spoke first. Kennedy said the plan was ready.", "person:robert-f-kennedy-jr")]
    public void GenerationalSuffix_IsNotTheSurname(string text, string person)
    {
        var result = TextExtractor.Analyze(text);
        var later = result.Mentions.Where(m => m.SentenceIndex == 1 && m.EntityId is not null).ToList();
        Assert.Contains(later, m => m.EntityId!.Value.Value == person && m.Text != "Jr.");
    }

    [Theory]
    [InlineData("Salah Haddad, a Libyan volunteer, said the water was still rising.", "person:salah-haddad", "country:libya")]
    [InlineData("Tomas Brandt, the Norwegian striker, scored twice.", "person:tomas-brandt", "country:norway")]
    [InlineData("Lia Moreno of Samoa told reporters that the deal was weak.", "person:lia-moreno", "country:samoa")]
    [InlineData("\"We came here for a lifeline,\" said Lia Moreno, a youth campaigner from Fiji.", "person:lia-moreno", "country:fiji")]
    [InlineData("Mia Holt, Azerbaijan's ecology minister, opened the talks.", "person:mia-holt", "country:azerbaijan")]
    [InlineData("Ukraine's prosecutor general, Ivo Marsh, said the warrant was a signal.", "person:ivo-marsh", "country:ukraine")]
    public void Nationality_FromAnApposition(string text, string person, string country)
    {
        var g = Extract(text);
        Assert.True(Has(g, person, "CITIZEN_OF", country), Dump(g));
    }

    [Fact]
    public void FromACapital_IsNotANationality()
    {
        var g = Extract("\"It was a long night,\" said Lia Moreno, a student from London.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "CITIZEN_OF");
    }

    [Fact]
    public void HeadTitle_NarrowedByAModifier_IsARole()
    {
        var g = Extract("Ivo Marsh, the U.N. humanitarian chief, said aid was on its way.");
        Assert.True(Has(g, "person:ivo-marsh", "HOLDS_ROLE_IN", "organization:united-nations"), Dump(g));
        Assert.False(Has(g, "person:ivo-marsh", "LEADS", "organization:united-nations"), Dump(g));
    }

    [Theory]
    [InlineData("Velora spokesman Tomas Brandt said the plan was on track.", "person:tomas-brandt", "organization:velora")]
    [InlineData("India's delegate, Lia Moreno, rejected the outcome.", "person:lia-moreno", "country:india")]
    [InlineData("Mia Holt, the Norwegian ambassador, declined to comment.", "person:mia-holt", "country:norway")]
    public void EnvoyTitle_RepresentsTheBody(string text, string person, string body)
    {
        var g = Extract(text);
        Assert.True(Has(g, person, "REPRESENTS", body), Dump(g));
        Assert.True(Has(g, person, "HOLDS_ROLE_IN", body), Dump(g));
    }

    [Theory]
    [InlineData("Tomas Brandt, who is also chief executive of Velora, called the deal fair.", "person:tomas-brandt", "organization:velora")]
    [InlineData("Mia Holt, the administrator of the Arctic Research Agency, said the audit was done.", "person:mia-holt", "organization:arctic-research-agency")]
    [InlineData("Leaders met at a summit in Oslo on Monday. Kari Lund, the summit's president, closed the talks.", "person:kari-lund", "event:summit-in-oslo")]
    public void HeadTitle_InARelativeClause_OrOfAnEvent_Leads(string text, string person, string body)
    {
        var g = Extract(text);
        Assert.True(Has(g, person, "LEADS", body), Dump(g));
    }
}
