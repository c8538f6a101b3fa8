using KnowledgeGraph.Extraction;
using static KnowledgeGraph.Tests.Extraction.TextGraphs;

namespace KnowledgeGraph.Tests.Extraction;

public class ResolutionTests
{
    [Fact]
    public void Extract_TitlesAndSurnames_ResolveToOnePerson()
    {
        var g = TextExtractor.Extract(
            "Secretary-General Lena Holm arrived on Monday. Ms. Holm spoke first. Later, Holm left. Secretary-General Holm returned.");
        var p = Assert.Single(g.EntitiesOfKind(EntityKind.Person));
        Assert.Equal("person:lena-holm", p.Id.Value);
        Assert.Equal("Lena Holm", p.Name);
        Assert.Contains("Ms. Holm", p.Aliases);
        Assert.Contains("Secretary-General Holm", p.Aliases);
        Assert.Contains("Holm", p.Aliases);
        Assert.Equal("Secretary-General", p.Properties["role"].ToString());
    }

    [Fact]
    public void Extract_CountryForms_ResolveToOneCountry()
    {
        var g = TextExtractor.Extract("The U.S. and America agreed. American troops left. The United States paid.");
        var c = Assert.Single(g.EntitiesOfKind(EntityKind.Country));
        Assert.Equal("country:united-states", c.Id.Value);
        Assert.Equal("US", c.Properties["iso"].ToString());
        Assert.Equal(new[] { "America", "American", "U.S." }, c.Aliases.ToArray());
    }

    [Fact]
    public void Extract_Gazetteer_TakesPrecedence()
    {
        var b = new GraphBuilder();
        b.AddEntity(new Entity("person:lena-holm-2", EntityKind.Person, "Lena Holm", ["Holm"], PropertyMap.Create(("role", "Chair"))));
        var gazetteer = b.Build();
        var g = TextExtractor.Extract("Lena Holm spoke. Holm left.", new ExtractionOptions { Gazetteer = gazetteer });
        var p = Assert.Single(g.EntitiesOfKind(EntityKind.Person));
        Assert.Equal("person:lena-holm-2", p.Id.Value);
        Assert.Equal("Chair", p.Properties["role"].ToString());
    }

    [Fact]
    public void Extract_DefiniteEventNoun_RefersBackToTheEvent()
    {
        var g = TextExtractor.Extract("Delegates arrived for the Oslo Water Summit on Monday. Minister Kari Lund attended the summit.");
        var e = Assert.Single(g.EntitiesOfKind(EntityKind.Event));
        Assert.Contains(g.Relations, r => r.Type == RelationType.Attends && r.Source.Value == "person:kari-lund" && r.Target == e.Id);
    }

    [Fact]
    public void FamilyNameFirst_ALoneFirstWordIsThePerson()
    {
        var g = Extract("Chinese President Xi Jinping arrived in Oslo on Monday. Xi met Kari Lund on Tuesday.");
        Assert.True(Has(g, "person:xi-jinping", "MEETS", "person:kari-lund"), Dump(g));
        Assert.DoesNotContain(g.Entities, e => e.Id.Value == "person:xi");
    }

    [Fact]
    public void AFirstWordTwoPeopleShare_NamesNeither()
    {
        var g = Extract("President Kim Jong Un met Prime Minister Kim Boo-kyum on Monday. Kim praised Kari Lund.");
        Assert.DoesNotContain(g.Relations, r => r.Type.Name == "PRAISES" && r.Source.Value.StartsWith("person:kim-", StringComparison.Ordinal));
    }
}
