namespace KnowledgeGraph.Tests.Query;

/// <summary>The seed questions of SeedQuestionsTests asked again as Cypher, with the same answers.</summary>
public class SeedQueryTests
{
    private static readonly Graph G = Graph.LoadSeed();

    private static void AssertIds(string cypher, params string[] expected)
    {
        var result = G.Query(cypher);
        var ids = result.Select(r => Assert.IsType<string>(r[0])).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void WhoPraisedDonaldTrump_MarkRutte() =>
        AssertIds("MATCH (p)-[:PRAISES]->(t {name: 'Donald Trump'}) RETURN id(p)", "person:mark-rutte");

    [Fact]
    public void WhichMeetingsDidElbridgeColbyAttend_NatoDefenseMinistersMeeting() =>
        AssertIds("MATCH (c:Person)-[:ATTENDS]->(e) WHERE 'Mr. Colby' IN c.aliases OR c.name = 'Elbridge Colby' RETURN DISTINCT id(e)", "event:nato-defense-ministers-meeting");

    [Fact]
    public void WhoWasAbsentFromTheNatoDefenseMinistersMeeting_PeteHegseth() =>
        AssertIds("MATCH (p)-[:ABSENT_FROM]->(m:Event) WHERE id(m) = 'event:nato-defense-ministers-meeting' RETURN id(p)", "person:pete-hegseth");

    [Fact]
    public void WhoContributesToPurl_NatoWithItsAmount()
    {
        var result = G.Query("MATCH (c)-[r:CONTRIBUTES_TO]->(p) WHERE 'PURL' IN p.aliases OR p.name = 'PURL' RETURN id(c) AS who, r.amount AS amount");
        var row = Assert.Single(result);
        Assert.Equal("organization:nato", row["who"]);
        Assert.Equal("some two-thirds of NATO’s 32 members", row["amount"]);
    }

    [Fact]
    public void WhichCountryCriticizedPurl_France() =>
        AssertIds("MATCH (c:Country)-[:CRITICIZES]->(p) WHERE id(p) = 'organization:prioritised-ukraine-requirements-list' RETURN id(c)", "country:france");

    [Fact]
    public void WhatConnectsNathalieTocciToVladimirPutin_AlaskaSummitOrDonaldTrump()
    {
        var result = G.Query("""
            MATCH (a {name: 'Nathalie Tocci'}), (b {name: 'Vladimir Putin'})
            MATCH p = allShortestPaths((a)-[*..4]-(b))
            RETURN length(p) AS hops, id(nodes(p)[1]) AS middle
            """);
        Assert.NotEmpty(result);
        Assert.All(result, r => Assert.Equal(2L, r["hops"]));
        Assert.Equal(["event:trump-putin-alaska-summit", "person:donald-trump"], result.Select(r => (string)r["middle"]!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhoLeadsNatoAndWithWhatTitle_MarkRutteSecretaryGeneral()
    {
        var row = Assert.Single(G.Query("MATCH (p)-[r:HOLDS_ROLE_IN]->(o {name: 'NATO'}) MATCH (p)-[:LEADS]->(o) RETURN id(p) AS who, r.role AS role, p.role AS title"));
        Assert.Equal("person:mark-rutte", row["who"]);
        Assert.Equal("Secretary-General", row["role"]);
        Assert.Equal("NATO Secretary-General", row["title"]);
    }

    [Fact]
    public void WhoIsExpectedAtTheMunichSecurityConference_FiveAttendees() =>
        AssertIds(
            "MATCH (x)-[:ATTENDS]->(e:Event) WHERE e.name CONTAINS 'Munich Security Conference' RETURN id(x)",
            "country:united-states", "organization:democratic-party", "organization:us-delegation", "person:alexandria-ocasio-cortez", "person:marco-rubio");

    [Fact]
    public void WhereIsTheMunichSecurityConferenceHeld_Munich() =>
        AssertIds("MATCH (e:Event)-[:HELD_IN]->(p) WHERE e.name CONTAINS 'Munich Security Conference' RETURN id(p)", "place:munich");

    [Fact]
    public void WhereDidTheNatoDefenseMinistersMeet_BrusselsNatoHeadquarters() =>
        AssertIds("MATCH (e)-[:HELD_IN]->(p) WHERE id(e) = $id RETURN id(p) ORDER BY id(p)".Replace("$id", "'event:nato-defense-ministers-meeting'", StringComparison.Ordinal), "place:brussels", "place:nato-headquarters");

    [Fact]
    public void WhoLeadsTheUsDelegationToMunich_MarcoRubio() =>
        AssertIds("MATCH (p:Person)-[:LEADS]->(d {id: 'organization:us-delegation'}) RETURN id(p)", "person:marco-rubio");

    [Fact]
    public void WhichPartyDoesAlexandriaOcasioCortezBelongTo_DemocraticParty() =>
        AssertIds("MATCH ({name: 'Alexandria Ocasio-Cortez'})-[:MEMBER_OF]->(o:Organization) RETURN id(o)", "organization:democratic-party");

    [Fact]
    public void WhichInstitutionsIsNathalieTocciAffiliatedWith_ThreeOrganizations() =>
        AssertIds(
            "MATCH ({name: 'Nathalie Tocci'})-[:AFFILIATED_WITH]->(o) RETURN id(o)",
            "organization:european-union", "organization:johns-hopkins-university", "organization:school-of-advanced-international-studies");

    [Fact]
    public void WhatIsSaisPartOfAndWhereIsIt_JohnsHopkinsUniversityInEurope()
    {
        var row = Assert.Single(G.Query("""
            MATCH (s {id: 'organization:school-of-advanced-international-studies'})-[:PART_OF]->(u), (s)-[:LOCATED_IN]->(l)
            RETURN id(u) AS partOf, id(l) AS place
            """));
        Assert.Equal("organization:johns-hopkins-university", row["partOf"]);
        Assert.Equal("place:europe", row["place"]);
    }

    [Fact]
    public void WhomDidMarkRutteMeet_ElbridgeColbyAndDonaldTrumpWithTimes()
    {
        var result = G.Query("MATCH ({name: 'Mark Rutte'})-[m:MEETS]->(x) RETURN id(x) AS who, m.time AS time ORDER BY who");
        Assert.Equal(["person:donald-trump", "person:elbridge-colby"], result.Select(r => (string)r["who"]!));
        Assert.Equal(["July", "Thursday"], result.Select(r => (string)r["time"]!));
    }

    [Fact]
    public void WhoAttendedTheJulyMeeting_RutteAndTrump() =>
        AssertIds("MATCH (p)-[:ATTENDS]->(m {id: 'event:rutte-trump-july-meeting'}) RETURN id(p)", "person:donald-trump", "person:mark-rutte");

    [Fact]
    public void WhatDidThe911AttackTarget_UnitedStatesAndWorldTradeCenter() =>
        AssertIds("MATCH (a:Event)-[:ATTACKS]->(t) WHERE a.name CONTAINS '9/11' OR '9/11 attack' IN a.aliases RETURN DISTINCT id(t)", "country:united-states", "place:world-trade-center");

    [Fact]
    public void WhomDidNatoSupportAfter911_UnitedStates() =>
        AssertIds(
            "MATCH ({name: 'NATO'})-[:SUPPORTS]->(x)<-[:ATTACKS]-(a:Event) WHERE a.name CONTAINS '9/11' OR '9/11 attack' IN a.aliases RETURN DISTINCT id(x)",
            "country:united-states");

    [Fact]
    public void WhoRunsArcticSentryAndWhere_NatoInTheArctic()
    {
        var row = Assert.Single(G.Query("MATCH (o)-[:LEADS|ORGANIZES]->(s {name: 'Arctic Sentry'})-[:HELD_IN]->(p) RETURN DISTINCT id(o) AS who, id(p) AS place"));
        Assert.Equal("organization:nato", row["who"]);
        Assert.Equal("place:arctic", row["place"]);
    }

    [Fact]
    public void WhichIslandsFormTheGiukGap_BritainIcelandGreenland() =>
        AssertIds("MATCH (i)-[r:PART_OF]->(g) WHERE g.name CONTAINS 'GIUK' RETURN id(i)", "place:britain", "place:greenland", "place:iceland");

    [Fact]
    public void WhoAttacksUkraine_RussiaAndTheRussianInvasion() =>
        AssertIds("MATCH (x)-[:ATTACKS]->(:Country {name: 'Ukraine'}) RETURN id(x)", "country:russia", "event:russian-invasion-of-ukraine");

    [Fact]
    public void WhoSupportsUkraine_NatoAndPurl() =>
        AssertIds("MATCH (x)-[:SUPPORTS]->(:Country {name: 'Ukraine'}) RETURN id(x)", "organization:nato", "organization:prioritised-ukraine-requirements-list");

    [Fact]
    public void EvidenceOfThePraise_CitesTheArticleSentence()
    {
        var row = Assert.Single(G.Query("MATCH ({name: 'Mark Rutte'})-[r:PRAISES]->({name: 'Donald Trump'}) RETURN evidence(r) AS evidence"));
        var sentences = Assert.IsType<System.Collections.Immutable.ImmutableArray<object?>>(row["evidence"]);
        Assert.Contains(sentences, s => ((string)s!).Contains("praised", StringComparison.Ordinal));
    }
}
