using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Extraction;

public class MentionTests
{
    private static Mention Find(string text, string surface)
    {
        var result = TextExtractor.Analyze(text);
        return Assert.Single(result.Mentions, m => m.Text == surface);
    }

    [Theory]
    [InlineData("Canadian Prime Minister Anna Berg spoke on Monday.", "Canadian Prime Minister Anna Berg", "Person", "title 'Prime Minister' of Canada")]
    [InlineData("Secretary-General Jon Ek spoke on Monday.", "Secretary-General Jon Ek", "Person", "title 'Secretary-General'")]
    [InlineData("The talks were praised by Anna Berg on Monday.", "Anna Berg", "Person", "capitalised name of 2 words")]
    [InlineData("French officials disagreed.", "French", "Country", "adjective or demonym of France")]
    [InlineData("The aid went to Kyiv on Monday.", "Kyiv", "Country", "capital city standing for its country, Ukraine")]
    [InlineData("Ministers met in Brussels on Monday.", "Brussels", "Place", "capital city of Belgium used as a place")]
    [InlineData("She teaches at Harlow University now.", "Harlow University", "Organization", "organisation cue word 'University'")]
    [InlineData("Delegates flew to the Lisbon Climate Summit.", "Lisbon Climate Summit", "Event", "event cue word 'Summit'")]
    [InlineData("They prepared for a March meeting with donors.", "March meeting", "Event", "event noun 'meeting'")]
    [InlineData("Crews studied the Baltic gap closely.", "Baltic gap", "Place", "name before the place word 'gap'")]
    [InlineData("Reporters waited outside the Kremlin.", "Kremlin", "Place", "known place (landmark)")]
    [InlineData("Fans had travelled from Missouri overnight.", "Missouri", "Place", "known place (state)")]
    [InlineData("The plant is in Ontario now.", "Ontario", "Place", "known place (state)")]
    [InlineData("Storms hit New South Wales on Monday.", "New South Wales", "Place", "known place (state)")]
    [InlineData("The parade went through Kansas City on Wednesday.", "Kansas City", "Place", "known place (city)")]
    public void Analyze_Mention_HasKindAndReason(string text, string surface, string kind, string reason)
    {
        var m = Find(text, surface);
        Assert.Equal(kind, m.Kind.Name);
        Assert.StartsWith(reason, m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_AcronymDefinedInBrackets_ResolvesLaterUses()
    {
        var result = TextExtractor.Analyze("The Northern Grain Partnership (NGP) opened in May. Farmers joined NGP quickly.");
        var org = Assert.Single(result.Graph.EntitiesOfKind(EntityKind.Organization));
        Assert.Equal("Northern Grain Partnership", org.Name);
        Assert.Contains("NGP", org.Aliases);
        Assert.Equal(3, result.Mentions.Count(m => m.EntityId == org.Id)); // the name, "(NGP)" and the later "NGP"
    }

    [Fact]
    public void Analyze_SentenceStartWords_AreNotNames()
    {
        var result = TextExtractor.Analyze("Despite the rain, Some People came. Still, Others stayed home.");
        Assert.Empty(result.Graph.EntitiesOfKind(EntityKind.Person));
    }

    [Fact]
    public void Analyze_PolicyDocuments_AreNotPeople()
    {
        var result = TextExtractor.Analyze("The new National Defense Strategy was published.");
        Assert.Empty(result.Graph.EntitiesOfKind(EntityKind.Person));
    }

    [Fact]
    public void Analyze_EventPhrase_KeepsDateAndPlace()
    {
        var g = TextExtractor.Extract("Farmers staged protests last month in Portugal.");
        var e = Assert.Single(g.EntitiesOfKind(EntityKind.Event));
        Assert.Equal("Protests in Portugal", e.Name);
        Assert.Equal("last month", e.Properties["date"].ToString());
    }
}

public class EventPropertyTests
{
    [Fact]
    public void Extract_EventWithPlace_RecordsThePlace()
    {
        var g = TextExtractor.Extract("Ministers gathered on Friday for the Geneva Peace Conference.");
        var e = Assert.Single(g.EntitiesOfKind(EntityKind.Event));
        Assert.Equal("Geneva", e.Properties["place"].ToString());
        Assert.Equal("Friday", e.Properties["date"].ToString());
    }
}
