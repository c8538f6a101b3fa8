using KnowledgeGraph.Rendering;

namespace KnowledgeGraph.Tests.Rendering;

public class HtmlRendererTests
{
    [Fact]
    public void Graph_SummaryAndDiagram_AreDeterministicAndEscaped()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("x:1", "Person", "<script>alert('x')</script> & \"Co\""));
        b.AddEntity(new Entity("x:2", "Thing", "Plain"));
        b.AddRelation("x:1", "LIKES", "x:2");
        var g = b.Build();
        string html = HtmlRenderer.Render(g);
        Assert.Equal(html, HtmlRenderer.Render(b.Build()));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<svg", html);
        Assert.Contains("Graph with 2 entities and 1 relation", html);
        Assert.Contains("<td>LIKES</td><td>1</td>", html);
        Assert.Equal(2, html.Split("<circle cx=\"12\"").Length - 1);
    }

    [Fact]
    public void Communities_DiagramColouredByCommunity()
    {
        var g = Graph.LoadSeed();
        var communities = g.Louvain(seed: 1);

        string html = HtmlRenderer.Render(communities);

        Assert.Equal(html, HtmlRenderer.Render(g.Louvain(seed: 1)));
        Assert.Contains("<svg", html);
        Assert.Equal(communities.Count, html.Split("<circle cx=\"12\"").Length - 1);
        Assert.Contains("<text x=\"22\" y=\"15\">community 0 (" + communities.Groups[0].Length + ")</text>", html);
        var first = communities.Groups[0][0];
        Assert.Contains($"fill=\"#2e6ec8\"><title>{System.Net.WebUtility.HtmlEncode(first.Name)} ({first.Kind}, community 0 (", html);
        Assert.Equal(communities.Count + 1, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public void Graph_TooLargeForADiagram_ShowsTheSummaryOnly()
    {
        var b = new GraphBuilder(Schema.Open);
        for (int i = 0; i <= HtmlRenderer.MaxDiagramEntities; i++)
        {
            b.AddEntity(new Entity($"n:{i}", "K", $"N{i}"));
        }

        string html = HtmlRenderer.Render(b.Build());
        Assert.DoesNotContain("<svg", html);
        Assert.Contains("Graph with 151 entities", html);
    }

    [Fact]
    public void EntityCard_ShowsRelationsWithEvidence()
    {
        var g = Graph.LoadSeed();
        var card = g.Card("Mr. Rutte");
        Assert.Equal("person:mark-rutte", card.Entity.Id.Value);
        string html = card.ToHtml();
        Assert.Contains("Mark Rutte", html);
        Assert.Contains("→ PRAISES", html);
        Assert.Contains("Mr. Rutte has praised President Trump", html);
        Assert.StartsWith("Mark Rutte (Person, person:mark-rutte)\n  (person:mark-rutte)-[", card.ToString());
        Assert.Throws<KeyNotFoundException>(() => g.Card("Nobody At All"));
        Assert.Throws<KeyNotFoundException>(() => new EntityCard(g, new Entity("x:none", "K", "n")));
    }

    [Fact]
    public void Path_IsAChainWithEvidence()
    {
        var g = Graph.LoadSeed();
        var path = g.ShortestPath(g.Resolve("Nathalie Tocci").Id, g.Resolve("Vladimir Putin").Id)!;
        string html = path.ToHtml();
        Assert.StartsWith("<div class=\"kg-path\"><p><strong>Nathalie Tocci</strong>", html);
        Assert.Contains("<strong>Vladimir Putin</strong>", html);
        Assert.Contains("red-carpet reception", html);
    }
}
