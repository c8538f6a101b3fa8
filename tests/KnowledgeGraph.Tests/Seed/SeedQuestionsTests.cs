namespace KnowledgeGraph.Tests.Seed;

/// <summary>
/// Questions a reader would ask about the seed article ("With trust in US wavering, NATO allies meet in
/// Brussels and Munich to forge new ties"), answered through the public API from names as a user types
/// them, each checked against the answer the article gives.
/// </summary>
public class SeedQuestionsTests
{
    private static readonly Graph G = Graph.LoadSeed();
    private static readonly string Article = Graph.SeedArticle();

    // ---- Lookup: the names a user types reach the right entity ----

    [Theory]
    [InlineData("Donald Trump", "person:donald-trump")]
    [InlineData("Trump", "person:donald-trump")]
    [InlineData("President Trump", "person:donald-trump")]
    [InlineData("Mr. Trump", "person:donald-trump")]
    [InlineData("rutte", "person:mark-rutte")]
    [InlineData("Mr. Rutte", "person:mark-rutte")]
    [InlineData("Secretary-General Rutte", "person:mark-rutte")]
    [InlineData("Trump whisperer", "person:mark-rutte")]
    [InlineData("Mr. Colby", "person:elbridge-colby")]
    [InlineData("Hegseth", "person:pete-hegseth")]
    [InlineData("Professor Tocci", "person:nathalie-tocci")]
    [InlineData("Putin", "person:vladimir-putin")]
    [InlineData("Zelenskyy", "person:volodymyr-zelenskyy")]
    [InlineData("Prime Minister Carney", "person:mark-carney")]
    [InlineData("PURL", "organization:prioritised-ukraine-requirements-list")]
    [InlineData("purl", "organization:prioritised-ukraine-requirements-list")]
    [InlineData("NATO", "organization:nato")]
    [InlineData("the alliance", "organization:nato")]
    [InlineData("Democrats", "organization:democratic-party")]
    [InlineData("the U.S. delegation", "organization:us-delegation")]
    [InlineData("the Trump administration", "organization:trump-administration")]
    [InlineData("the Munich Security Conference", "event:munich-security-conference")]
    [InlineData("the NATO defense ministers' meeting", "event:nato-defense-ministers-meeting")]
    [InlineData("the 9/11 attack", "event:september-11-attacks")]
    [InlineData("the July meeting", "event:rutte-trump-july-meeting")]
    [InlineData("the war in Afghanistan", "event:war-in-afghanistan")]
    [InlineData("the United States", "country:united-states")]
    [InlineData("U.S.", "country:united-states")]
    [InlineData("America", "country:united-states")]
    [InlineData("Kyiv", "country:ukraine")]
    [InlineData("Moscow", "country:russia")]
    [InlineData("the GIUK gap", "place:giuk-gap")]
    public void Lookup_NameAsUserTypesIt_ResolvesToTheArticlesEntity(string typed, string expectedId)
    {
        Assert.Equal(expectedId, G.Resolve(typed).Id.Value);
    }

    // ---- Questions ----

    // Q1: Who praised Donald Trump?
    [Fact]
    public void Question_WhoPraisedDonaldTrump_MarkRutte()
    {
        var trump = G.Resolve("Donald Trump");
        var answer = G.In(trump.Id, RelationType.Praises);
        AssertAnswer(["person:mark-rutte"], answer);

        var praise = Assert.Single(G.RelationsOf(trump.Id, Direction.In, RelationType.Praises));
        AssertEvidenceInArticle(praise);
        Assert.Contains(praise.Evidence, ev => ev.Text.Contains("praised", StringComparison.Ordinal) && ev.Text.Contains("Trump", StringComparison.Ordinal));
    }

    // Q2: Which meetings did Elbridge Colby attend?
    [Fact]
    public void Question_WhichMeetingsDidElbridgeColbyAttend_NatoDefenseMinistersMeeting()
    {
        var colby = G.Resolve("Mr. Colby");
        var answer = G.Out(colby.Id, RelationType.Attends);
        AssertAnswer(["event:nato-defense-ministers-meeting"], answer);

        var attends = Assert.Single(G.RelationsOf(colby.Id, Direction.Out, RelationType.Attends));
        AssertEvidenceInArticle(attends);
        Assert.Contains(attends.Evidence, ev => ev.Text.Contains("attending instead", StringComparison.Ordinal));
    }

    // Q3: Who was absent from the NATO defense ministers' meeting?
    [Fact]
    public void Question_WhoWasAbsentFromTheNatoDefenseMinistersMeeting_PeteHegseth()
    {
        var meeting = G.Resolve("the NATO defense ministers' meeting");
        var answer = G.In(meeting.Id, RelationType.AbsentFrom);
        AssertAnswer(["person:pete-hegseth"], answer);

        var absence = Assert.Single(G.RelationsOf(meeting.Id, Direction.In, RelationType.AbsentFrom));
        AssertEvidenceInArticle(absence);
        Assert.Contains(absence.Evidence, ev => ev.Text.Contains("Hegseth’s absence", StringComparison.Ordinal));
        Assert.Equal(G.Resolve("Hegseth").Id, absence.Source);
    }

    // Q4: Who contributes to PURL?
    [Fact]
    public void Question_WhoContributesToPurl_Nato()
    {
        var purl = G.Resolve("PURL");
        var answer = G.In(purl.Id, RelationType.ContributesTo);
        AssertAnswer(["organization:nato"], answer);

        var contribution = Assert.Single(G.RelationsOf(purl.Id, Direction.In, RelationType.ContributesTo));
        Assert.Equal("some two-thirds of NATO’s 32 members", contribution.Qualifiers.GetString("amount"));
        AssertEvidenceInArticle(contribution);
        Assert.Contains(contribution.Evidence, ev => ev.Text.Contains("committed to joining PURL", StringComparison.Ordinal));
    }

    // Q5: Which country criticized PURL / declined to fund it?
    [Fact]
    public void Question_WhichCountryCriticizedPurl_France()
    {
        var purl = G.Resolve("PURL");
        var answer = G.In(purl.Id, RelationType.Criticizes).Where(e => e.Kind == EntityKind.Country);
        AssertAnswer(["country:france"], answer);

        var criticism = Assert.Single(G.RelationsOf(purl.Id, Direction.In, RelationType.Criticizes));
        AssertEvidenceInArticle(criticism);
        Assert.Contains(criticism.Evidence, ev => ev.Text.Contains("France has not contributed to the fund", StringComparison.Ordinal));
    }

    // Q6: What connects Nathalie Tocci to Vladimir Putin?
    [Fact]
    public void Question_WhatConnectsNathalieTocciToVladimirPutin_AlaskaSummitOrDonaldTrump()
    {
        var tocci = G.Resolve("Nathalie Tocci");
        var putin = G.Resolve("Vladimir Putin");

        var path = G.ShortestPath(tocci.Id, putin.Id, Direction.Both);
        Assert.NotNull(path);
        Assert.Equal(2, path.Length);
        Assert.Equal(3, path.Entities.Length);
        Assert.Equal("person:nathalie-tocci", path.Start.Id.Value);
        Assert.Equal("person:vladimir-putin", path.End.Id.Value);
        for (int i = 0; i < path.Steps.Length; i++)
        {
            var step = path.Steps[i];
            Assert.Equal(path.Entities[i].Id, step.From);
            Assert.Equal(path.Entities[i + 1].Id, step.To);
            Assert.Contains(step.Relation.Evidence, ev => Article.Contains(ev.Text, StringComparison.Ordinal));
        }

        // Every two-step connection, and what sits in the middle of each.
        var connections = G.AllSimplePaths(tocci.Id, putin.Id, 2, Direction.Both);
        Assert.All(connections, p => Assert.Equal(2, p.Length));
        var middles = connections.Select(p => p.Entities[1]).DistinctBy(e => e.Id);
        AssertAnswer(["event:trump-putin-alaska-summit", "person:donald-trump"], middles);
        Assert.Contains(path.Entities[1].Id.Value, new[] { "event:trump-putin-alaska-summit", "person:donald-trump" });
        Assert.All(connections, p => Assert.All(p.Steps, s => Assert.Contains(s.Relation.Evidence, ev => Article.Contains(ev.Text, StringComparison.Ordinal))));
    }

    // Q7: Who leads NATO and with what title?
    [Fact]
    public void Question_WhoLeadsNatoAndWithWhatTitle_MarkRutteSecretaryGeneral()
    {
        var nato = G.Resolve("NATO");
        var answer = G.In(nato.Id, RelationType.Leads);
        AssertAnswer(["person:mark-rutte"], answer);

        var role = Assert.Single(G.RelationsOf(nato.Id, Direction.In, RelationType.HoldsRoleIn));
        Assert.Equal("person:mark-rutte", role.Source.Value);
        Assert.Equal("Secretary-General", role.Qualifiers.GetString("role"));
        Assert.Equal("NATO Secretary-General", answer[0].Properties.GetString("role"));
        AssertEvidenceInArticle(role);
        Assert.Contains(role.Evidence, ev => ev.Text.Contains("Secretary-General Mark Rutte", StringComparison.Ordinal));
    }

    // Q8: Who is expected at the Munich Security Conference?
    [Fact]
    public void Question_WhoIsExpectedAtTheMunichSecurityConference_RubioOcasioCortezDemocratsUsDelegationUnitedStates()
    {
        var msc = G.Resolve("the Munich Security Conference");
        var answer = G.In(msc.Id, RelationType.Attends);
        AssertAnswer(
            [
                "country:united-states",
                "organization:democratic-party",
                "organization:us-delegation",
                "person:alexandria-ocasio-cortez",
                "person:marco-rubio",
            ],
            answer);
        Assert.All(G.RelationsOf(msc.Id, Direction.In, RelationType.Attends), AssertEvidenceInArticle);
    }

    // Q9: Where is the Munich Security Conference held?
    [Fact]
    public void Question_WhereIsTheMunichSecurityConferenceHeld_Munich()
    {
        var msc = G.Resolve("Munich Security Conference");
        var answer = G.Out(msc.Id, RelationType.HeldIn);
        AssertAnswer(["place:munich"], answer);
        Assert.Equal(answer[0].Id, G.Resolve("Munich").Id);
    }

    // Q10: Where did the NATO defense ministers meet?
    [Fact]
    public void Question_WhereDidTheNatoDefenseMinistersMeet_BrusselsNatoHeadquarters()
    {
        var meeting = G.Resolve("NATO defense ministers meeting");
        var answer = G.Out(meeting.Id, RelationType.HeldIn);
        AssertAnswer(["place:brussels", "place:nato-headquarters"], answer);

        // And the headquarters are themselves in Brussels.
        AssertAnswer(["place:brussels"], G.Out(G.Resolve("NATO headquarters").Id, RelationType.LocatedIn));
    }

    // Q11: Who leads the U.S. delegation to Munich?
    [Fact]
    public void Question_WhoLeadsTheUsDelegationToMunich_MarcoRubio()
    {
        var delegation = G.Resolve("the U.S. delegation");
        var answer = G.In(delegation.Id, RelationType.Leads);
        AssertAnswer(["person:marco-rubio"], answer);

        var leads = Assert.Single(G.RelationsOf(delegation.Id, Direction.In, RelationType.Leads));
        AssertEvidenceInArticle(leads);
        Assert.Contains(leads.Evidence, ev => ev.Text.Contains("Rubio is leading a large delegation", StringComparison.Ordinal));
    }

    // Q12: Which party does Alexandria Ocasio-Cortez belong to?
    [Fact]
    public void Question_WhichPartyDoesAlexandriaOcasioCortezBelongTo_DemocraticParty()
    {
        var aoc = G.Resolve("Alexandria Ocasio-Cortez");
        var answer = G.Out(aoc.Id, RelationType.MemberOf);
        AssertAnswer(["organization:democratic-party"], answer);
        Assert.Equal(answer[0].Id, G.Resolve("Democrats").Id);
    }

    // Q13: Which institutions is Nathalie Tocci affiliated with?
    [Fact]
    public void Question_WhichInstitutionsIsNathalieTocciAffiliatedWith_SaisJohnsHopkinsEuropeanUnion()
    {
        var tocci = G.Resolve("Tocci");
        var answer = G.Out(tocci.Id, RelationType.AffiliatedWith);
        AssertAnswer(
            [
                "organization:european-union",
                "organization:johns-hopkins-university",
                "organization:school-of-advanced-international-studies",
            ],
            answer);
        Assert.All(G.RelationsOf(tocci.Id, Direction.Out, RelationType.AffiliatedWith), AssertEvidenceInArticle);
    }

    // Q14: What is the School of Advanced International Studies part of, and where is it?
    [Fact]
    public void Question_WhatIsSaisPartOfAndWhereIsIt_JohnsHopkinsUniversityInEurope()
    {
        var sais = G.Resolve("School of Advanced International Studies");
        AssertAnswer(["organization:johns-hopkins-university"], G.Out(sais.Id, RelationType.PartOf));
        AssertAnswer(["place:europe"], G.Out(sais.Id, RelationType.LocatedIn));
    }

    // Q15: Whom did Mark Rutte meet?
    [Fact]
    public void Question_WhomDidMarkRutteMeet_ElbridgeColbyAndDonaldTrump()
    {
        var rutte = G.Resolve("rutte");
        var answer = G.Both(rutte.Id, RelationType.Meets);
        AssertAnswer(["person:donald-trump", "person:elbridge-colby"], answer);

        var colbyMeeting = Assert.Single(G.RelationsOf(rutte.Id, Direction.Out, RelationType.Meets), r => r.Target == G.Resolve("Colby").Id);
        Assert.Equal("Thursday", colbyMeeting.Qualifiers.GetString("time"));
        var trumpMeeting = Assert.Single(G.RelationsOf(rutte.Id, Direction.Out, RelationType.Meets), r => r.Target == G.Resolve("Trump").Id);
        Assert.Equal("July", trumpMeeting.Qualifiers.GetString("time"));
    }

    // Q16: Which meeting preceded the launch of PURL, and who attended it?
    [Fact]
    public void Question_WhichMeetingPrecededTheLaunchOfPurlAndWhoAttended_JulyMeetingRutteAndTrump()
    {
        var purl = G.Resolve("PURL");

        // The sentences that state something about PURL; the meeting is an attended event stated in one of them.
        var purlSentences = G.RelationsOf(purl.Id, Direction.Both).SelectMany(r => r.Evidence).Select(ev => ev.Start).ToHashSet();
        var meetings = G.RelationsOfType(RelationType.Attends)
            .Where(r => r.Evidence.Any(ev => purlSentences.Contains(ev.Start)))
            .Select(r => G[r.Target])
            .DistinctBy(e => e.Id);
        AssertAnswer(["event:rutte-trump-july-meeting"], meetings);

        var meeting = G.Resolve("the July meeting");
        Assert.Equal("event:rutte-trump-july-meeting", meeting.Id.Value);
        AssertAnswer(["person:donald-trump", "person:mark-rutte"], G.In(meeting.Id, RelationType.Attends));
        Assert.All(
            G.RelationsOf(meeting.Id, Direction.In, RelationType.Attends),
            r => Assert.Contains(r.Evidence, ev => ev.Text.Contains("Launched after a July meeting", StringComparison.Ordinal) && ev.Text.Contains("(PURL)", StringComparison.Ordinal)));
    }

    // Q17: What did the 9/11 attack target?
    [Fact]
    public void Question_WhatDidThe911AttackTarget_UnitedStatesAndWorldTradeCenter()
    {
        var attack = G.Resolve("the 9/11 attack");
        var answer = G.Out(attack.Id, RelationType.Attacks);
        AssertAnswer(["country:united-states", "place:world-trade-center"], answer);
    }

    // Q18: Whom did NATO support after 9/11?
    [Fact]
    public void Question_WhomDidNatoSupportAfter911_UnitedStates()
    {
        var nato = G.Resolve("NATO");
        var attacked = G.Out(G.Resolve("the 9/11 attack").Id, RelationType.Attacks).Select(e => e.Id).ToHashSet();
        var answer = G.Out(nato.Id, RelationType.Supports).Where(e => attacked.Contains(e.Id));
        AssertAnswer(["country:united-states"], answer);

        var support = Assert.Single(G.RelationsOf(nato.Id, Direction.Out, RelationType.Supports), r => r.Target == G.Resolve("the United States").Id);
        AssertEvidenceInArticle(support);
        Assert.Contains(support.Evidence, ev => ev.Text.Contains("mutual defense clause", StringComparison.Ordinal));
        Assert.Contains(G.Out(nato.Id, RelationType.Organizes), e => e.Id == G.Resolve("mutual defense clause").Id);
    }

    // Q19: Who runs the Arctic Sentry mission and where?
    [Fact]
    public void Question_WhoRunsArcticSentryAndWhere_NatoInTheArctic()
    {
        var sentry = G.Resolve("Arctic Sentry");
        AssertAnswer(["organization:nato"], G.In(sentry.Id, RelationType.Leads, RelationType.Organizes));
        AssertAnswer(["place:arctic"], G.Out(sentry.Id, RelationType.HeldIn));
    }

    // Q20: Which islands form the GIUK gap?
    [Fact]
    public void Question_WhichIslandsFormTheGiukGap_BritainIcelandGreenland()
    {
        var gap = G.Resolve("GIUK gap");
        var answer = G.In(gap.Id, RelationType.PartOf);
        AssertAnswer(["place:britain", "place:greenland", "place:iceland"], answer);
        Assert.All(
            G.RelationsOf(gap.Id, Direction.In, RelationType.PartOf),
            r => Assert.Contains(r.Evidence, ev => ev.Text.Contains("islands of Britain, Iceland, and Greenland", StringComparison.Ordinal)));
    }

    // Q21: Who attacks Ukraine?
    [Fact]
    public void Question_WhoAttacksUkraine_RussiaAndTheRussianInvasion()
    {
        var ukraine = G.Resolve("Ukraine");
        var answer = G.In(ukraine.Id, RelationType.Attacks);
        AssertAnswer(["country:russia", "event:russian-invasion-of-ukraine"], answer);

        var drones = Assert.Single(G.RelationsOf(ukraine.Id, Direction.In, RelationType.Attacks), r => r.Source == G.Resolve("Russia").Id);
        Assert.Equal("55,000 drone attacks", drones.Qualifiers.GetString("amount"));
        Assert.Equal("2025", drones.Qualifiers.GetString("time"));
    }

    // Q22: Who supports Ukraine?
    [Fact]
    public void Question_WhoSupportsUkraine_NatoAndPurl()
    {
        var ukraine = G.Resolve("Kyiv");
        var answer = G.In(ukraine.Id, RelationType.Supports);
        AssertAnswer(["organization:nato", "organization:prioritised-ukraine-requirements-list"], answer);
        Assert.All(G.RelationsOf(ukraine.Id, Direction.In, RelationType.Supports), AssertEvidenceInArticle);
    }

    // Q23: Whom did Donald Trump criticize?
    [Fact]
    public void Question_WhomDidDonaldTrumpCriticize_ZelenskyyAndNato()
    {
        var trump = G.Resolve("President Trump");
        var answer = G.Out(trump.Id, RelationType.Criticizes);
        AssertAnswer(["organization:nato", "person:volodymyr-zelenskyy"], answer);

        var berating = Assert.Single(G.RelationsOf(trump.Id, Direction.Out, RelationType.Criticizes), r => r.Target == G.Resolve("Zelenskyy").Id);
        Assert.Contains(berating.Evidence, ev => ev.Text.Contains("Oval Office berating", StringComparison.Ordinal));
    }

    // Q24: Who criticizes Donald Trump?
    [Fact]
    public void Question_WhoCriticizesDonaldTrump_TocciOcasioCortezDemocratsDenmark()
    {
        var trump = G.Resolve("Mr. Trump");
        var answer = G.In(trump.Id, RelationType.Criticizes);
        AssertAnswer(
            [
                "country:denmark",
                "organization:democratic-party",
                "person:alexandria-ocasio-cortez",
                "person:nathalie-tocci",
            ],
            answer);
        Assert.All(G.RelationsOf(trump.Id, Direction.In, RelationType.Criticizes), AssertEvidenceInArticle);
    }

    // Q25: Which countries does the article present as NATO members?
    [Fact]
    public void Question_WhichCountriesAreNatoMembers_UnitedStatesDenmarkGermanyFranceCanada()
    {
        var nato = G.Resolve("the alliance");
        var answer = G.In(nato.Id, RelationType.MemberOf).Where(e => e.Kind == EntityKind.Country);
        AssertAnswer(
            ["country:canada", "country:denmark", "country:france", "country:germany", "country:united-states"],
            answer);
        Assert.Equal(32, nato.Properties["member_count"].AsInteger);
    }

    // Q26: How much will Germany spend on defense by 2029, and who praised that?
    [Fact]
    public void Question_HowMuchWillGermanySpendBy2029AndWhoPraisedThat_181BillionMarkRutte()
    {
        var germany = G.Resolve("Germany");
        var spending = Assert.Single(G.RelationsOf(germany.Id, Direction.Out, RelationType.ContributesTo));
        Assert.Equal("organization:nato", spending.Target.Value);
        Assert.Equal("$181 billion on defense", spending.Qualifiers.GetString("amount"));
        Assert.Equal("by 2029", spending.Qualifiers.GetString("time"));
        AssertEvidenceInArticle(spending);
        Assert.Contains(spending.Evidence, ev => ev.Text.Contains("Germany will spend $181 billion on defense", StringComparison.Ordinal));

        AssertAnswer(["person:mark-rutte"], G.In(germany.Id, RelationType.Praises));
    }

    // Q27: Who contributed to the war in Afghanistan?
    [Fact]
    public void Question_WhoContributedToTheWarInAfghanistan_NatoAndDenmark()
    {
        var war = G.Resolve("the war in Afghanistan");
        var answer = G.In(war.Id, RelationType.ContributesTo);
        AssertAnswer(["country:denmark", "organization:nato"], answer);
    }

    // Q28: Where did the protests over Trump's Afghanistan comments take place?
    [Fact]
    public void Question_WhereDidTheProtestsOverTrumpsAfghanistanCommentsTakePlace_Denmark()
    {
        var protests = G.Resolve("protests");
        var answer = G.Out(protests.Id, RelationType.HeldIn);
        AssertAnswer(["country:denmark"], answer);
        var held = Assert.Single(G.RelationsOf(protests.Id, Direction.Out, RelationType.HeldIn));
        Assert.Contains(held.Evidence, ev => ev.Text.Contains("protests last month in Denmark", StringComparison.Ordinal));
    }

    // Q29: Where did Trump receive Putin?
    [Fact]
    public void Question_WhereDidTrumpReceivePutin_Alaska()
    {
        var trumpEvents = G.Out(G.Resolve("Trump").Id, RelationType.Attends).Select(e => e.Id).ToHashSet();
        var together = G.Out(G.Resolve("Putin").Id, RelationType.Attends).Where(e => trumpEvents.Contains(e.Id)).ToList();
        AssertAnswer(["event:trump-putin-alaska-summit"], together);

        var answer = together.SelectMany(e => G.Out(e.Id, RelationType.HeldIn));
        AssertAnswer(["place:alaska"], answer);
    }

    // Q30: Where did Trump berate Zelenskyy?
    [Fact]
    public void Question_WhereDidTrumpBerateZelenskyy_OvalOffice()
    {
        var trumpEvents = G.Out(G.Resolve("Donald Trump").Id, RelationType.Attends).Select(e => e.Id).ToHashSet();
        var together = G.Out(G.Resolve("Zelenskyy").Id, RelationType.Attends).Where(e => trumpEvents.Contains(e.Id)).ToList();
        AssertAnswer(["event:trump-zelenskyy-oval-office-meeting"], together);

        var answer = together.SelectMany(e => G.Out(e.Id, RelationType.HeldIn));
        AssertAnswer(["place:oval-office"], answer);
    }

    // Q31: Who leads Canada?
    [Fact]
    public void Question_WhoLeadsCanada_MarkCarney()
    {
        var canada = G.Resolve("Canada");
        var answer = G.In(canada.Id, RelationType.Leads);
        AssertAnswer(["person:mark-carney"], answer);

        var role = Assert.Single(G.RelationsOf(canada.Id, Direction.In, RelationType.HoldsRoleIn));
        Assert.Equal("person:mark-carney", role.Source.Value);
        Assert.Equal("Prime Minister", role.Qualifiers.GetString("role"));
        Assert.Contains(role.Evidence, ev => ev.Text.Contains("Canadian Prime Minister Mark Carney", StringComparison.Ordinal));
    }

    // Q32: Who represents the United States at the NATO ministers' meeting?
    [Fact]
    public void Question_WhoRepresentsTheUnitedStatesAtTheNatoMinistersMeeting_ElbridgeColby()
    {
        var attendees = G.In(G.Resolve("the NATO defense ministers' meeting").Id, RelationType.Attends).Select(e => e.Id).ToHashSet();
        var answer = G.In(G.Resolve("the United States").Id, RelationType.Represents).Where(e => attendees.Contains(e.Id));
        AssertAnswer(["person:elbridge-colby"], answer);
    }

    // Q33: What did Mark Rutte praise (during the week)?
    [Fact]
    public void Question_WhatDidMarkRuttePraise_TrumpColbyPurlCommandTransferGermanyUnitedStates()
    {
        var rutte = G.Resolve("Secretary-General Rutte");
        var answer = G.Out(rutte.Id, RelationType.Praises);
        AssertAnswer(
            [
                "country:germany",
                "country:united-states",
                "event:transfer-of-nato-commands",
                "organization:prioritised-ukraine-requirements-list",
                "person:donald-trump",
                "person:elbridge-colby",
            ],
            answer);

        // What he touted this week, the new fund and the command transfer, come from one sentence.
        var touted = G.RelationsOf(rutte.Id, Direction.Out, RelationType.Praises)
            .Where(r => r.Evidence.Any(ev => ev.Text.Contains("touted this week", StringComparison.Ordinal)))
            .Select(r => G[r.Target]);
        AssertAnswer(["event:transfer-of-nato-commands", "organization:prioritised-ukraine-requirements-list"], touted);
        Assert.All(G.RelationsOf(rutte.Id, Direction.Out, RelationType.Praises), AssertEvidenceInArticle);
    }

    // Q34: Which members of the Trump administration appear in the article?
    [Fact]
    public void Question_WhichMembersOfTheTrumpAdministrationAppear_RubioColbyTrump()
    {
        var administration = G.Resolve("the Trump administration");
        var answer = G.In(administration.Id, RelationType.MemberOf, RelationType.Leads).Where(e => e.Kind == EntityKind.Person);
        AssertAnswer(["person:donald-trump", "person:elbridge-colby", "person:marco-rubio"], answer);
    }

    // Q35: Which fund is PURL part of? (whose fund is it)
    [Fact]
    public void Question_WhoseFundIsPurl_Nato()
    {
        var purl = G.Resolve("purl");
        var answer = G.Out(purl.Id, RelationType.PartOf);
        AssertAnswer(["organization:nato"], answer);
        Assert.Contains("NATO’s newest fund", purl.Aliases);
    }

    // Q36: Which country does Elbridge Colby see as the main threat prompting a focus on Asia?
    [Fact]
    public void Question_WhichCountryDoesColbySeeAsTheThreatPromptingAFocusOnAsia_China()
    {
        var colby = G.Resolve("Elbridge Colby");
        var answer = G.Out(colby.Id, RelationType.Criticizes).Where(e => e.Kind == EntityKind.Country);
        AssertAnswer(["country:china"], answer);

        var threat = Assert.Single(G.RelationsOf(colby.Id, Direction.Out, RelationType.Criticizes));
        AssertEvidenceInArticle(threat);
        Assert.Contains(threat.Evidence, ev => ev.Text.Contains("choose Asia", StringComparison.Ordinal) && ev.Text.Contains("threat from China", StringComparison.Ordinal));
    }

    // Q37: How many U.S. troops are in Europe, as a contribution to NATO?
    [Fact]
    public void Question_HowManyUsTroopsAreInEurope_Between75000And105000Since2022()
    {
        var us = G.Resolve("U.S.");
        var answer = G.Out(us.Id, RelationType.ContributesTo);
        AssertAnswer(["organization:nato"], answer);

        var troops = Assert.Single(G.RelationsOf(us.Id, Direction.Out, RelationType.ContributesTo));
        Assert.Equal("troop levels in Europe between 75,000 and 105,000", troops.Qualifiers.GetString("amount"));
        Assert.Equal("since 2022", troops.Qualifiers.GetString("time"));
        AssertEvidenceInArticle(troops);
        Assert.Contains(troops.Evidence, ev => ev.Text.Contains("between 75,000 and 105,000 since 2022", StringComparison.Ordinal));
    }

    // ---- Helpers ----

    private static void AssertAnswer(string[] expected, IEnumerable<Entity> answer) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), answer.Select(e => e.Id.Value).Order(StringComparer.Ordinal));

    private static void AssertEvidenceInArticle(Relation relation)
    {
        Assert.NotEmpty(relation.Evidence);
        foreach (var ev in relation.Evidence)
        {
            Assert.Equal(Graph.SeedDocumentId, ev.Document);
            Assert.InRange(ev.Start + ev.Length, ev.Length, Article.Length);
            Assert.Equal(ev.Text, Article.Substring(ev.Start, ev.Length));
        }
    }
}
