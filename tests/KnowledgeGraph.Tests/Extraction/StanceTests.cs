using KnowledgeGraph.Extraction;
using static KnowledgeGraph.Tests.Extraction.TextGraphs;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// Stance as acts and as judgements: suing, fining or voting against someone criticises them; a negated
/// verb of stance states nothing; what reported words say an outcome brings is a stance towards it; the
/// owner of a deed that is praised is praised.
/// </summary>
public class StanceTests
{
    [Theory]
    [InlineData("The Federal Trade Commission sued Velora Corp. in March.", "organization:federal-trade-commission", "organization:velora-corp")]
    [InlineData("The Justice Department filed a lawsuit against Velora Corp. in March.", "organization:justice-department", "organization:velora-corp")]
    [InlineData("It was a victory for the Justice Department, which sued Velora Corp. in 2020.", "organization:justice-department", "organization:velora-corp")]
    [InlineData("The European Commission fined Velora Corp. 2 billion euros.", "organization:european-commission", "organization:velora-corp")]
    [InlineData("Norway voted against the Unity Party on every motion.", "country:norway", "organization:unity-party")]
    public void ActsAgainstSomeone_CriticiseThem(string text, string source, string target)
    {
        var g = Extract(text);
        Assert.True(Has(g, source, "CRITICIZES", target), Dump(g));
    }

    [Theory]
    [InlineData("Kari Lund did not praise Norway.")]
    [InlineData("Kari Lund declined to criticize Norway.")]
    [InlineData("Kari Lund said she could not support Norway.")]
    public void NegatedStanceVerb_StatesNoStance(string text)
    {
        var g = Extract(text);
        Assert.DoesNotContain(g.Relations, r => r.Type.Name is "PRAISES" or "SUPPORTS" && r.Source.Value == "person:kari-lund");
    }

    [Theory]
    [InlineData("Leaders signed a trade agreement in Oslo. Kari Lund said the agreement would create thousands of jobs.", "PRAISES")]
    [InlineData("Leaders signed a trade agreement in Oslo. Kari Lund said the agreement would hurt farmers.", "CRITICIZES")]
    public void WhatAnOutcomeIsSaidToBring_IsAStanceTowardsIt(string text, string type)
    {
        var g = Extract(text);
        var agreement = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, "person:kari-lund", type, agreement.Id.Value), Dump(g));
    }

    [Fact]
    public void WhatItBrings_ToAnActor_IsNoStance()
    {
        var g = Extract("Kari Lund said Norway would help Sweden.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name is "PRAISES" or "CRITICIZES");
    }

    [Theory]
    [InlineData("Kari Lund praised Norway's players for their courage.")]
    [InlineData("Kari Lund thanked Norway’s rescuers on Monday.")]
    public void ThePeopleOfAnOwner_StandForIt(string text)
    {
        var g = Extract(text);
        Assert.True(Has(g, "person:kari-lund", "PRAISES", "country:norway"), Dump(g));
    }

    [Fact]
    public void WhatAnOwnerHas_DoesNotStandForIt()
    {
        var g = Extract("Kari Lund praised Norway's budget on Monday.");
        Assert.False(Has(g, "person:kari-lund", "PRAISES", "country:norway"), Dump(g));
    }

    [Fact]
    public void PraisedDeed_PraisesItsOwner()
    {
        var g = Extract("Kari Lund praised the Unity Party's commitment to reform.");
        Assert.True(Has(g, "person:kari-lund", "PRAISES", "organization:unity-party"), Dump(g));
    }

    [Fact]
    public void AidWithNoReceiverNamed_GoesToTheCountryTheTextIsAbout()
    {
        var g = Extract("An earthquake struck Morocco on Friday. Morocco said 2,000 people had died. Morocco declared mourning. Qatar sent a team of 87 rescuers on Saturday.");
        Assert.True(Has(g, "country:qatar", "CONTRIBUTES_TO", "country:morocco"), Dump(g));
    }

    [Fact]
    public void PayingWithNoReceiverNamed_IsNoContribution()
    {
        var g = Extract("Morocco signed a deal on Friday. Morocco said the deal was good. Morocco hailed it. Velora Corp. paid $26 billion last year.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "CONTRIBUTES_TO");
    }

    [Fact]
    public void AlsoCongratulatedHer_PraisesThePersonJudgedJustBefore()
    {
        var g = Extract("Ana Ruiz won the election on Sunday. Tom Reed congratulated Ana Ruiz in a video. President Omar Haddad said he looked forward to working with Ruiz. Kari Lund and Eva Berg also congratulated her.");
        Assert.True(Has(g, "person:kari-lund", "PRAISES", "person:ana-ruiz"), Dump(g));
        Assert.True(Has(g, "person:eva-berg", "PRAISES", "person:ana-ruiz"), Dump(g));
        Assert.False(Has(g, "person:kari-lund", "PRAISES", "person:omar-haddad"), Dump(g));
    }

    [Fact]
    public void PraisedList_WithCommas_PraisesEveryone()
    {
        var g = Extract("Kari Lund thanked Omar Haddad, Eva Berg and Tom Reed by name.");
        Assert.True(Has(g, "person:kari-lund", "PRAISES", "person:eva-berg"), Dump(g));
        Assert.True(Has(g, "person:kari-lund", "PRAISES", "person:tom-reed"), Dump(g));
    }

    [Fact]
    public void ShortFullName_FindsTheLongerOne()
    {
        var g = Extract("Andres Manuel Lopez Obrador spoke first. Lopez Obrador then praised Norway.");
        Assert.Single(g.Entities, e => e.Kind == EntityKind.Person);
    }

    [Fact]
    public void ReactionWithNothingNamed_IsAgainstTheMainEvent()
    {
        var g = Extract("Leaders met at a summit in Oslo. The summit ended with a statement on trade. China reacted angrily.");
        var summit = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, "country:china", "CRITICIZES", summit.Id.Value), Dump(g));
    }

    [Fact]
    public void ReportedWordsOfAppeal_CriticiseTheOutcome()
    {
        var g = Extract("Kari Lund was convicted at the trial. Lund will appeal the conviction, her lawyer Omar Haddad said.");
        var conviction = g.Entities.Single(e => e.Kind == EntityKind.Event && e.Name.Contains("conviction", StringComparison.Ordinal));
        Assert.True(Has(g, "person:omar-haddad", "CRITICIZES", conviction.Id.Value), Dump(g));
    }

    [Fact]
    public void SanctionsOnACountry_CriticiseIt()
    {
        var g = Extract("Norway imposed sanctions on Russia on Monday.");
        Assert.True(Has(g, "country:norway", "CRITICIZES", "country:russia"), Dump(g));
    }

    [Fact]
    public void CoordinatedGivers_WithNoReceiverNamed_EachGive()
    {
        var g = Extract("Floods hit Libya on Sunday. Libya said thousands had died. Libya asked for help. Algeria, Tunisia and Qatar also sent aircraft with aid and specialists.");
        Assert.True(Has(g, "country:algeria", "CONTRIBUTES_TO", "country:libya"), Dump(g));
        Assert.True(Has(g, "country:tunisia", "CONTRIBUTES_TO", "country:libya"), Dump(g));
        Assert.True(Has(g, "country:qatar", "CONTRIBUTES_TO", "country:libya"), Dump(g));
    }

    [Fact]
    public void SubjectOfReportedWords_IsTheActorAfterTheSpeechVerb()
    {
        var g = Extract("Allies met in Ramstein to help Ukraine. Ukraine asked for more. Ukraine thanked them. Kari Lund said Norway would send 650 missiles worth $162 million.");
        Assert.True(Has(g, "country:norway", "CONTRIBUTES_TO", "country:ukraine"), Dump(g));
        Assert.False(Has(g, "person:kari-lund", "CONTRIBUTES_TO", "country:ukraine"), Dump(g));
    }

    [Theory]
    [InlineData("Kari Lund lifted the trophy. After the match she praised Omar Haddad for his innings.")]
    [InlineData("Kari Lund lifted the trophy. Later she also praised Omar Haddad for his innings.")]
    public void Pronoun_RightBeforeItsVerb_IsTheSubject(string text)
    {
        var g = Extract(text);
        Assert.True(Has(g, "person:kari-lund", "PRAISES", "person:omar-haddad"), Dump(g));
    }

    [Theory]
    [InlineData("China published a new map on Monday, drawing protests from the Philippines, Malaysia and Vietnam.", "country:vietnam", "country:china", true)]
    [InlineData("The World Bank faced strong opposition from Norway and Sweden over the plan.", "country:sweden", "organization:world-bank", true)]
    [InlineData("The World Bank's plan was dropped after opposition from Norway and Sweden.", "country:sweden", "organization:world-bank", false)]
    public void ObjectionsFromActors_CriticiseWhatDrewThem(string text, string critic, string target, bool expected)
    {
        var g = Extract(text);
        Assert.True(Has(g, critic, "CRITICIZES", target) == expected, Dump(g));
    }

    [Fact]
    public void WhatAVerbJudges_IsNotPastAComma()
    {
        var g = Extract("Kari Lund praised the new plan, and Omar Haddad said it would take years.");
        Assert.DoesNotContain(g.Relations, r => r.Source.Value == "person:kari-lund" && r.Target.Value == "person:omar-haddad");
    }
}
