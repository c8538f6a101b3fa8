using KnowledgeGraph.Extraction;
using static KnowledgeGraph.Tests.Extraction.TextGraphs;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>
/// The mechanisms that reach across sentences (one event named by several noun phrases, acronyms named as
/// bodies, the dateline, travel to an event's place), membership lists, qualifiers read from the evidence
/// sentence, and quotations as data.
/// </summary>
public class DiscourseTests
{
    [Fact]
    public void OneHappening_NamedBySeveralNounPhrases_IsOneEvent()
    {
        var g = Extract("Leaders met at a two-day summit in Oslo on Monday. Kari Lund said the gathering had gone well. Omar Haddad left the summit early.");
        var events = g.Entities.Where(e => e.Kind == EntityKind.Event).ToList();
        Assert.True(events.Count == 1, Dump(g));
        Assert.Contains("gathering", events[0].Aliases);
        Assert.Contains("summit", events[0].Aliases);
    }

    [Fact]
    public void NextSummit_IsAnotherEvent()
    {
        var g = Extract("Leaders met at a summit in Oslo on Monday. The summit ended with a statement. The next summit will be held in Bergen.");
        Assert.Equal(2, g.Entities.Count(e => e.Kind == EntityKind.Event));
        Assert.True(Has(g, "event:summit-in-bergen", "HELD_IN", "place:bergen"), Dump(g));
        Assert.False(Has(g, "event:summit-in-oslo", "HELD_IN", "place:bergen"), Dump(g));
    }

    [Theory]
    [InlineData("The next summit will be held in 2024 in the Russian city of Kazan.", "place:kazan")]
    [InlineData("The next summit will be held in 2024 in the Russian city of Kazan.", "country:russia")]
    [InlineData("The next conference will be held in November 2025 in Bergen.", "place:bergen")]
    [InlineData("The final was held on Sunday at Wembley Stadium.", "place:wembley-stadium")]
    [InlineData("The final was held at the Stade de France on Saturday.", "place:stade-de-france")]
    [InlineData("The conference was held at the Palais des Nations in Geneva.", "place:palais-des-nations")]
    public void HeldIn_OverATimePhrase_AndACityOf(string text, string place)
    {
        var g = Extract(text);
        Assert.Contains(g.Relations, r => r.Type.Name == "HELD_IN" && r.Target.Value == place && r.Source.Value.StartsWith("event:", StringComparison.Ordinal));
    }

    [Fact]
    public void SummitsOfTwoBodies_AreTwoEvents_EachOrganisedByItsBody()
    {
        var g = Extract("Leaders met at a Group of Seven summit in Hiroshima on Friday. The BRICS summit in Johannesburg ended on Sunday.");
        Assert.True(Has(g, "organization:group-of-seven", "ORGANIZES", "event:group-of-seven-summit"), Dump(g));
        Assert.True(Has(g, "event:brics-summit", "HELD_IN", "place:johannesburg"), Dump(g));
        Assert.False(Has(g, "event:group-of-seven-summit", "HELD_IN", "place:johannesburg"), Dump(g));
    }

    [Fact]
    public void NextSummit_WithNoPlace_IsNamedByItsWords()
    {
        var g = Extract("Leaders met at a summit in Oslo on Monday. The summit ended with a statement. The next summit will be held next year.");
        Assert.Contains(g.Entities, e => e.Name == "next summit");
    }

    [Theory]
    [InlineData("Farage won the seaside constituency of Clacton in Essex.", "place:clacton", "LOCATED_IN", "place:essex")]
    [InlineData("Alphabet, based in Mountain View, California, reported revenue.", "place:mountain-view", "LOCATED_IN", "place:california")]
    [InlineData("The Arctic Research Fund, based in Mountain View, California, reported revenue.", "organization:arctic-research-fund", "LOCATED_IN", "place:mountain-view")]
    [InlineData("The next summit will be held in the Russian city of Kazan.", "place:kazan", "LOCATED_IN", "country:russia")]
    [InlineData("Leaders gathered for the Jakarta summit on Tuesday.", "event:jakarta-summit", "HELD_IN", "place:jakarta")]
    public void Places_FromTheirContext(string text, string source, string type, string target)
    {
        var g = Extract(text);
        Assert.True(Has(g, source, type, target), Dump(g));
    }

    [Fact]
    public void PlacesInAList_AreNotInsideEachOther()
    {
        var g = Extract("Rescuers worked in Oslo, Bergen and Tromso on Monday.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "LOCATED_IN");
    }

    [Theory]
    [InlineData("Attorney General Kari Lund called the ruling a historic win for consumers.", "person:kari-lund", "PRAISES", "event:ruling")]
    [InlineData("Omar Haddad said the ruling was a costly mistake.", "person:omar-haddad", "CRITICIZES", "event:ruling")]
    [InlineData("Japan sent two rescue teams to Morocco on Sunday.", "country:japan", "CONTRIBUTES_TO", "country:morocco")]
    public void StanceAndGiving_FromReportedSpeechAndAid(string text, string source, string type, string target)
    {
        var g = Extract(text);
        Assert.True(Has(g, source, type, target), Dump(g));
    }

    [Fact]
    public void It_AfterAVerbOfCriticism_IsTheEventNamedLast()
    {
        var g = Extract("The court issued its ruling on Monday. Kari Lund condemned it as a costly mistake.");
        Assert.True(Has(g, "person:kari-lund", "CRITICIZES", "event:ruling"), Dump(g));
    }

    [Fact]
    public void GivingToACountry_WithNothingGiven_IsNotAContribution()
    {
        var g = Extract("Japan sent a message to Morocco on Sunday.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "CONTRIBUTES_TO");
    }

    [Fact]
    public void FinalBeforeANoun_IsAnAdjective()
    {
        var g = Extract("Kari Lund said the final text had been weakened.");
        Assert.DoesNotContain(g.Entities, e => e.Kind == EntityKind.Event);
    }

    [Fact]
    public void NameWithArticle_IsABody()
    {
        var g = Extract("The Bundestag approved the package on Tuesday.");
        Assert.Contains(g.Entities, e => e.Id.Value == "organization:bundestag");
    }

    [Theory]
    [InlineData("Labour won 411 seats in the general election.", "organization:labour-party", "event:election")]
    [InlineData("During the trial, Satya Nadella testified for two days.", "person:satya-nadella", "event:trial")]
    public void TakingPart_InAnEventOfItsClass_Attends(string text, string source, string target)
    {
        var g = Extract(text);
        Assert.True(Has(g, source, "ATTENDS", target), Dump(g));
    }

    [Fact]
    public void DefiniteEventNoun_WithNothingBefore_IntroducesTheEvent()
    {
        var g = Extract("Kari Lund praised the decision on Thursday.");
        Assert.True(Has(g, "person:kari-lund", "PRAISES", "event:decision"), Dump(g));
    }

    [Fact]
    public void UnknownAcronym_BeforeAGroupNoun_IsAnOrganisation_AndItsMembersAreListed()
    {
        var g = Extract("The NORDEX group met in Oslo. The bloc, which takes its name from its founding members Norway, Denmark and Sweden, has not grown since 2010.");
        Assert.Contains(g.Entities, e => e.Id.Value == "organization:nordex" && e.Aliases.Contains("NORDEX group"));
        Assert.True(Has(g, "country:denmark", "MEMBER_OF", "organization:nordex"), Dump(g));
        Assert.True(Has(g, "country:sweden", "MEMBER_OF", "organization:nordex"), Dump(g));
    }

    [Theory]
    [InlineData("Finland joined NATO in April.", "country:finland", "organization:north-atlantic-treaty-organization")]
    [InlineData("Norway, a member of the Arctic Research Fund, objected.", "country:norway", "organization:arctic-research-fund")]
    public void Membership_FromVerbAndApposition(string text, string source, string target)
    {
        var g = Extract(text);
        Assert.True(Has(g, source, "MEMBER_OF", target), Dump(g));
    }

    [Fact]
    public void Dateline_PlacesTheMainEvent_AndTravelThereAttendsIt()
    {
        var g = Extract("Summit ends in Bergen\n\nBERGEN, May 4 — The summit ended on Thursday. Kari Lund travelled to Bergen for two days. The summit issued a statement.");
        Assert.True(Has(g, "event:summit", "HELD_IN", "place:bergen"), Dump(g));
        Assert.True(Has(g, "person:kari-lund", "ATTENDS", "event:summit"), Dump(g));
    }

    [Theory]
    [InlineData("President Kari Lund, who hosted the Oslo Water Summit, spoke first.", "ORGANIZES")]
    [InlineData("President Kari Lund, who hosted the Oslo Water Summit, spoke first.", "ATTENDS")]
    [InlineData("President Kari Lund chaired the Oslo Water Summit on Monday.", "ORGANIZES")]
    [InlineData("President Kari Lund told the Oslo Water Summit that funds were short.", "ATTENDS")]
    public void HostsChairsAndSpeakers(string text, string type)
    {
        var g = Extract(text);
        Assert.True(Has(g, "person:kari-lund", type, "event:oslo-water-summit"), Dump(g));
    }

    [Fact]
    public void Contribution_CarriesAmountCurrencyAndYear()
    {
        var g = Extract("Norway pledged $1.5 billion to the Arctic Research Fund by 2030.");
        var r = Assert.Single(g.Relations, r => r.Type.Name == "CONTRIBUTES_TO");
        Assert.Equal(1_500_000_000L, r.Qualifiers["amount"].AsInteger);
        Assert.Equal("USD", r.Qualifiers["currency"].AsString);
        Assert.Equal(2030L, r.Qualifiers["year"].AsInteger);
    }

    [Theory]
    [InlineData("The fund holds $181 billion.", 181_000_000_000L, "USD")]
    [InlineData("It pledged 28.6 billion euros.", 28_600_000_000L, "EUR")]
    [InlineData("Britain gave £1.2 million.", 1_200_000L, "GBP")]
    [InlineData("Germany set aside €500bn for roads.", 500_000_000_000L, "EUR")]
    [InlineData("The sum was 3,500 dollars.", 3_500L, "USD")]
    public void QualifierReader_NormalisesMoney(string sentence, long amount, string currency)
    {
        var m = Assert.Single(QualifierReader.Amounts(sentence));
        Assert.Equal(amount, (long)m.Amount);
        Assert.Equal(currency, m.Currency);
    }

    [Fact]
    public void QualifierReader_SharesYearsAndDates()
    {
        Assert.Equal(2.5m, QualifierReader.Share("Spending rose 2.5 percent."));
        Assert.Equal(30m, QualifierReader.Share("about 30% of its funds"));
        Assert.Null(QualifierReader.Share("no share here"));
        Assert.Equal(2035, QualifierReader.YearOf("$300 billion a year by 2035"));
        Assert.Null(QualifierReader.YearOf("2035 people"));
        Assert.Equal("2024-03-07", QualifierReader.DateOf("Sweden joined on March 7, 2024, in Washington."));
        Assert.Equal("2024-01-01", QualifierReader.DateOf("members from January 1, 2024."));
        Assert.Null(QualifierReader.DateOf("on February 30, 2023"));
    }

    [Fact]
    public void Quotes_AreData_WithSpeakerAboutAndStance()
    {
        var result = TextExtractor.Analyze("“Norway has been a stalwart partner,” Kari Lund said. “We will stand together.” Omar Haddad said that Denmark had let everyone down.");
        var quotes = result.Quotes;
        Assert.Equal(3, quotes.Length);
        Assert.Equal("Norway has been a stalwart partner,", quotes[0].Text);
        Assert.True(quotes[0].IsDirect);
        Assert.Equal("person:kari-lund", quotes[0].Speaker?.Value);
        Assert.Equal("country:norway", quotes[0].About?.Value);
        Assert.Equal("praise", quotes[0].Stance);
        Assert.Equal("We will stand together.", quotes[1].Text);
        Assert.Equal("person:kari-lund", quotes[1].Speaker?.Value);
        Assert.False(quotes[2].IsDirect);
        Assert.Equal("person:omar-haddad", quotes[2].Speaker?.Value);
        Assert.Equal("country:denmark", quotes[2].About?.Value);
        foreach (var q in quotes)
        {
            string text = "“Norway has been a stalwart partner,” Kari Lund said. “We will stand together.” Omar Haddad said that Denmark had let everyone down.";
            Assert.Equal(q.Text, text.Substring(q.Start, q.Length));
        }

        var praise = Assert.Single(result.Graph.Relations, r => r.Type.Name == "PRAISES");
        Assert.Equal("Norway has been a stalwart partner,", praise.Qualifiers["quote"].AsString);
    }

    [Fact]
    public void Quote_OverSeveralSentences_IsOneQuote()
    {
        var result = TextExtractor.Analyze("“The talks were hard. We got there in the end,” said Kari Lund.");
        var q = Assert.Single(result.Quotes);
        Assert.Equal("The talks were hard. We got there in the end,", q.Text);
        Assert.Equal("person:kari-lund", q.Speaker?.Value);
    }

    /// <summary>Every past-tense cue of the grown verb classes gives its relation in a plain sentence.</summary>
    [Theory]
    [InlineData("attend", "ATTENDS", "President Kari Lund {0} the Oslo Water Summit on Monday.", "event:oslo-water-summit")]
    [InlineData("praise", "PRAISES", "President Kari Lund {0} Omar Haddad on Monday.", "person:omar-haddad")]
    [InlineData("contribute", "CONTRIBUTES_TO", "President Kari Lund {0} $5 million to the Arctic Research Fund on Monday.", "organization:arctic-research-fund")]
    [InlineData("organize", "ORGANIZES", "President Kari Lund {0} the Oslo Water Summit on Monday.", "event:oslo-water-summit")]
    public void EveryPastTenseCue_OfAVerbClass_GivesItsRelation(string category, string type, string template, string target)
    {
        var cues = File.ReadAllLines(Path.Combine(Seed.RepoRoot.Path, "src", "KnowledgeGraph", "Extraction", "Lexicons", "cues.tsv"))
            .Where(l => l.StartsWith(category + "\t", StringComparison.Ordinal)).Select(l => l[(category.Length + 1)..])
            .Where(c => c.Split(' ')[0].EndsWith("ed", StringComparison.Ordinal) && !c.Contains("between", StringComparison.Ordinal) && !c.EndsWith(" at", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(cues);
        var failed = cues.Where(c => !Has(Extract(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, c)), "person:kari-lund", type, target)).ToList();
        Assert.True(failed.Count == 0, $"{type} not found for: {string.Join(", ", failed)}");
    }

    [Theory]
    [InlineData("Leaders met at a summit in Oslo. On the sidelines of the summit, Kari Lund and Omar Haddad held a brief conversation.", "person:omar-haddad")]
    [InlineData("Leaders met at a summit in Oslo. On the sidelines of the summit, Kari Lund and Omar Haddad held a brief conversation.", "person:kari-lund")]
    [InlineData("Leaders met at a summit in Oslo. Omar Haddad told reporters at the summit that the talks had gone well.", "person:omar-haddad")]
    [InlineData("Leaders met at a summit in Oslo. During the summit, Omar Haddad signed two agreements.", "person:omar-haddad")]
    public void ClausePlacedAtAnEvent_ItsSubjectAttends(string text, string person)
    {
        var g = Extract(text);
        var summit = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, person, "ATTENDS", summit.Id.Value), Dump(g));
    }

    [Fact]
    public void ClausePlacedBeforeAnEvent_GivesNoAttendance()
    {
        var g = Extract("Leaders met at a summit in Oslo. Ahead of the summit, Omar Haddad signed two agreements.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "ATTENDS" && r.Source.Value == "person:omar-haddad");
    }

    [Theory]
    [InlineData("Brazilian President Luiz Inacio Lula da Silva arrived on Monday. Lula said the summit would succeed.", "person:luiz-inacio-lula-da-silva", 1)]
    [InlineData("Egyptian President Abdel Fattah al-Sisi arrived on Monday.", "person:abdel-fattah-al-sisi", 1)]
    [InlineData("Commission President Ursula von der Leyen spoke first.", "person:ursula-von-der-leyen", 1)]
    public void NamesWithParticles_AreOnePerson(string text, string id, int count)
    {
        var g = Extract(text);
        Assert.Equal(count, g.Entities.Count(e => e.Id.Value == id));
        Assert.Single(g.Entities, e => e.Kind == EntityKind.Person);
    }

    [Fact]
    public void VenueWithoutItsCity_IsInTheDatelineCity()
    {
        var g = Extract("Cup final ends in a draw\n\nOSLO, May 3 — The final at the Nordlys Stadium ended 1-1. Fans gathered in Harbour Square.\n");
        Assert.True(Has(g, "place:nordlys-stadium", "LOCATED_IN", "place:oslo"), Dump(g));
    }

    [Fact]
    public void KnownCity_IsNotPutInItsCountry_WithoutTheTextSayingSo()
    {
        var g = Extract("Leaders met in Berlin on Monday. Germany hosted the talks.");
        Assert.False(Has(g, "place:berlin", "LOCATED_IN", "country:germany"), Dump(g));
    }

    [Theory]
    [InlineData("Japan's Velora and China's Tencent make consoles.", "organization:velora", "LOCATED_IN", "country:japan")]
    [InlineData("Northwind's acquisition of Velora Corp. closed on Friday.", "organization:northwind", "ORGANIZES", "event:northwinds-acquisition-of-velora-corp")]
    public void OwnersOfOrganisationsAndEvents(string text, string source, string type, string target)
    {
        var g = Extract(text);
        Assert.True(Has(g, source, type, target), Dump(g));
        Assert.False(Has(g, "organization:velora-corp", "ORGANIZES", target), Dump(g));
    }

    [Theory]
    [InlineData("Leaders met at a summit in Oslo. The summit was hosted by Prime Minister Kari Lund.", "person:kari-lund", "ORGANIZES")]
    [InlineData("Leaders met at a summit in Oslo. The summit was attended by Omar Haddad and Kari Lund.", "person:omar-haddad", "ATTENDS")]
    [InlineData("Leaders met at a summit in Oslo. The summit was attended by Omar Haddad and Kari Lund.", "person:kari-lund", "ATTENDS")]
    public void PassiveVerb_RelatesItsAgentToWhatItIsDoneTo(string text, string agent, string type)
    {
        var g = Extract(text);
        var summit = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, agent, type, summit.Id.Value), Dump(g));
    }

    [Fact]
    public void PassivePraise_IsNotTurnedAround()
    {
        var g = Extract("Kari Lund was praised by Omar Haddad on Monday.");
        Assert.True(Has(g, "person:omar-haddad", "PRAISES", "person:kari-lund"), Dump(g));
        Assert.False(Has(g, "person:kari-lund", "PRAISES", "person:omar-haddad"), Dump(g));
    }

    [Fact]
    public void OwnedInvasion_WithAnAdjective_IsOrganisedByItsOwner_AndHeldWhereItStrikes()
    {
        var g = Extract("Prices rose after Russia's full-scale invasion of Ukraine sent energy prices soaring.");
        var invasion = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.Equal("event:russias-full-scale-invasion-of-ukraine", invasion.Id.Value);
        Assert.True(Has(g, "country:russia", "ORGANIZES", invasion.Id.Value), Dump(g));
        Assert.True(Has(g, invasion.Id.Value, "HELD_IN", "country:ukraine"), Dump(g));
    }

    [Theory]
    [InlineData("Ministers met at a conference in Oslo. The conference ended late. The Nordic Investment Bank also took part.", "organization:nordic-investment-bank")]
    [InlineData("Ministers met at a conference in Oslo. The conference ended late. Kari Lund opened the conference with Prime Minister Omar Haddad.", "person:omar-haddad")]
    [InlineData("Ministers met at a conference in Oslo. The conference ended late. Norway's Kari Lund, Sweden's Omar Haddad and Finland's Eva Berg were among the defence ministers at the table.", "person:kari-lund")]
    [InlineData("Ministers met at a conference in Oslo. The conference ended late. Norway's Kari Lund, Sweden's Omar Haddad and Finland's Eva Berg were among the defence ministers at the table.", "person:eva-berg")]
    [InlineData("Ministers met at a conference in Oslo. The conference ended late. Kari Lund guided the leaders of France, Italy and Canada through the museum.", "country:canada")]
    public void AtTheMainEvent_WithoutItBeingNamedInTheSentence(string text, string actor)
    {
        var g = Extract(text);
        var conference = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, actor, "ATTENDS", conference.Id.Value), Dump(g));
        Assert.DoesNotContain(g.Entities, e => e.Kind == EntityKind.Organization && e.Name is "Kari Lund" or "Eva Berg");
    }

    [Fact]
    public void DatelineWithItsCountry_PlacesTheMainEventInBoth()
    {
        var g = Extract("Ministers meet at base\n\nRAMSTEIN AIR BASE, Germany, Sept. 6 — Ministers pledged more aid at the meeting on Friday. The meeting ended late.\n");
        var meeting = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, meeting.Id.Value, "HELD_IN", "place:ramstein-air-base"), Dump(g));
        Assert.True(Has(g, meeting.Id.Value, "HELD_IN", "country:germany"), Dump(g));
        Assert.True(Has(g, "place:ramstein-air-base", "LOCATED_IN", "country:germany"), Dump(g));
    }

    [Theory]
    [InlineData("Voters turned out in large numbers for Norway's presidential election on Sunday.", "country:norway")]
    [InlineData("Storm Kari, which had caused floods the week before, struck the Norwegian coast on Sunday.", "country:norway")]
    [InlineData("The storm caused deadly floods in Greece, Bulgaria and Turkey last week.", "country:bulgaria")]
    public void EventsHeldInCountries(string text, string country)
    {
        var g = Extract(text);
        Assert.Contains(g.Relations, r => r.Type.Name == "HELD_IN" && r.Target.Value == country);
    }

    [Theory]
    [InlineData("The Supreme Court of Norway ruled on Friday that the law was void. The ruling surprised lawyers.", "organization:supreme-court-of-norway")]
    [InlineData("The Norwegian Parliament voted 160-9 to end the emergency. The vote came after midnight.", "organization:norwegian-parliament")]
    public void VerbOfAnEventNoun_MakesItsSubjectTheOrganiser(string text, string maker)
    {
        var g = Extract(text);
        var ev = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, maker, "ORGANIZES", ev.Id.Value), Dump(g));
    }

    [Theory]
    [InlineData("The opening ceremony was held on the river. The ceremony lasted four hours. Celine Varga sang on the tower.", "person:celine-varga")]
    [InlineData("The opening ceremony was held on the river. The ceremony lasted four hours. First Lady Ana Ruiz led the Norwegian delegation.", "organization:norway-delegation")]
    public void AtACeremony_WhoPerformsOrComesAsADelegation(string text, string actor)
    {
        var g = Extract(text);
        var ceremony = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, actor, "ATTENDS", ceremony.Id.Value), Dump(g));
    }

    [Theory]
    [InlineData("Leaders met at a summit in Oslo. The summit ended late. Kari Lund was in attendance.")]
    [InlineData("Leaders met at a summit in Oslo. The summit ended late. Kari Lund looked on as the leaders signed.")]
    [InlineData("Leaders met at a summit in Oslo. The summit ended late. Kari Lund was among the guests.")]
    public void PresenceWithoutAVerbOfAttending_AttendsTheEvent(string text)
    {
        var g = Extract(text);
        var summit = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, "person:kari-lund", "ATTENDS", summit.Id.Value), Dump(g));
    }

    [Theory]
    [InlineData("The summit, held at the Nordlys Convention Centre, ended late.", "place:nordlys-convention-centre")]
    [InlineData("The final vote took place in Bergen on Monday.", "place:bergen")]
    public void VerbOfHolding_AfterTheEvent_PlacesIt(string text, string place)
    {
        var g = Extract(text);
        var ev = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, ev.Id.Value, "HELD_IN", place), Dump(g));
    }

    [Theory]
    [InlineData("England reached the semi-finals of the 2018 World Cup in Russia.", "2018 World Cup")]
    [InlineData("Tickets for the 2016 Summer Olympics sold out.", "2016 Summer Olympics")]
    public void YearBeforeAnEventName_NamesThatEdition(string text, string name)
    {
        var g = Extract(text);
        Assert.True(g.Entities.Any(e => e.Kind == EntityKind.Event && e.Name == name), Dump(g));
    }

    [Fact]
    public void YearBeforeAnEventName_EditionsStayApart()
    {
        var g = Extract("Their last title came at the 1966 World Cup. They lost in the semi-finals of the 2018 World Cup in Russia.");
        var events = g.Entities.Where(e => e.Kind == EntityKind.Event).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["1966 World Cup", "2018 World Cup"], events);
    }

    [Fact]
    public void YearNotRightBeforeTheName_IsNotPartOfIt()
    {
        var g = Extract("In 2018 World Cup organisers sold three million tickets.");
        Assert.DoesNotContain(g.Entities, e => e.Name.StartsWith("2018", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Leaders met at a summit in Oslo on Monday. Kari Lund told the gathering that the region needed more ferries.")]
    [InlineData("Leaders met at a summit in Oslo on Monday. Kari Lund, addressing the summit on Tuesday, called for more ferries.")]
    public void SpeakingToAMeeting_IsAttendingIt(string text)
    {
        var g = Extract(text);
        var ev = g.Entities.Single(e => e.Kind == EntityKind.Event);
        Assert.True(Has(g, "person:kari-lund", "ATTENDS", ev.Id.Value), Dump(g));
    }

    [Fact]
    public void SpeakingToReporters_IsNotAttendingTheMainEvent()
    {
        var g = Extract("Leaders met at a summit in Oslo on Monday. The summit ended with a statement. Kari Lund, who stayed in Bergen, told reporters that the summit had failed.");
        Assert.DoesNotContain(g.Relations, r => r.Source.Value == "person:kari-lund" && r.Type.Name == "ATTENDS");
    }

    [Theory]
    [InlineData("Wildfires swept across Oslo on Tuesday. The wildfires destroyed 2,000 homes.", "wildfires")]
    [InlineData("A blaze swept through Bergen on Tuesday. The blaze destroyed 200 homes.", "blaze")]
    public void DisastersNamedInThePlural_OrAsABlaze_AreEvents(string text, string alias)
    {
        var g = Extract(text);
        Assert.Contains(g.Entities, e => e.Kind == EntityKind.Event && (e.Name.EndsWith(alias, StringComparison.OrdinalIgnoreCase) || e.Aliases.Contains(alias)));
    }
}
