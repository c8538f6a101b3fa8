using ApprovalTests;
using KnowledgeGraph.IO.Mermaid;

namespace KnowledgeGraph.Tests.IO.Mermaid;

public class MermaidWriterTests
{
    [Fact]
    public void Seed_Snapshot()
    {
        Approvals.Verify(Graph.LoadSeed().ToMermaid());
    }

    [Fact]
    public void TrickyGraph_Snapshot()
    {
        Approvals.Verify(MermaidWriter.ToMermaid(TestGraphs.Tricky()));
    }

    [Theory]
    [InlineData("person:mark-rutte", "n_person_cmark_hrutte")]
    [InlineData("a_b", "n_a__b")]
    [InlineData("a:b", "n_a_cb")]
    [InlineData("end", "n_end")]
    [InlineData("北", "n__u005317")]
    [InlineData("🚀", "n__u01F680")]
    public void NodeId_MapsToPlainWord(string id, string expected)
    {
        Assert.Equal(expected, MermaidWriter.NodeId(id));
    }

    [Fact]
    public void NodeId_IsCollisionFreeOnLookalikes()
    {
        string[] ids = ["a_b", "a:b", "a-b", "a.b", "a b", "a__b", "a_cb", "a_hb", "a_u00003Ab", "A_b", "a\u00e9b", "ae\u0301b"];
        var mapped = ids.Select(i => MermaidWriter.NodeId(i)).ToList();
        Assert.Equal(ids.Length, mapped.Distinct(StringComparer.Ordinal).Count());
        Assert.All(mapped, m => Assert.Matches("^[A-Za-z0-9_]+$", m));
    }

    [Fact]
    public void Labels_EscapeEverythingMermaidReads()
    {
        string text = MermaidWriter.ToMermaid(TestGraphs.Tricky());
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            // Inside each quoted label nothing but entity codes and <br> may carry markup.
            foreach (var label in System.Text.RegularExpressions.Regex.Matches(line, "\"([^\"]*)\"").Select(m => m.Groups[1].Value))
            {
                Assert.DoesNotMatch("[<>&`|{}\\[\\]]", label.Replace("<br>", string.Empty, StringComparison.Ordinal));
            }

            Assert.Equal(0, line.Count(c => c == '"') % 2);
        }

        Assert.Contains("[\"Quote #quot; and 'apostrophe'\"]", text);
        Assert.Contains("[\"#lt;script#gt;alert('#amp;amp;')#lt;/script#gt;\"]", text);
        Assert.Contains("[\"Line<br>break<br>and tab\"]", text);
        Assert.Contains("[\"#35;quot; #35; #37;#37; #96; #124; ; #123; #125; #91; #93; ( ) end\"]", text);
        Assert.Contains("[\"Back#92;slash #92;n not a newline\"]", text);
        Assert.DoesNotContain("\r", text);
    }
}
