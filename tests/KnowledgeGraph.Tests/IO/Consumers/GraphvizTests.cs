using KnowledgeGraph.IO;

namespace KnowledgeGraph.Tests.IO.Consumers;

/// <summary>Graphviz renders our DOT.</summary>
public class GraphvizTests
{
    [SkippableTheory]
    [InlineData("seed")]
    [InlineData("tricky")]
    public void DotTsvg_OurGraph_RendersWithoutWarnings(string which)
    {
        var g = which == "seed" ? Graph.LoadSeed() : TestGraphs.Tricky();
        string dot = Tool.Require("dot", "apt-get install -y graphviz");
        var (code, svg, err) = Tool.Run(dot, ["-Tsvg"], stdin: GraphFormat.Dot.WriteToString(g));
        Assert.True(code == 0, "dot failed: " + err);
        Assert.Equal(string.Empty, err);
        Assert.Contains("<svg", svg);
        Assert.Equal(g.EntityCount, CountOf(svg, "class=\"node\""));
        Assert.Equal(g.RelationCount, CountOf(svg, "class=\"edge\""));
        string text = System.Net.WebUtility.HtmlDecode(svg);
        foreach (var e in g.Entities.Where(e => e.Name.Length > 0 && !e.Name.Any(char.IsControl) && !e.Name.Contains('\u2028')))
        {
            Assert.True(text.Contains(">" + e.Name + "</text>", StringComparison.Ordinal), e.Name + " not drawn in:\n" + text);
        }
    }

    private static int CountOf(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
