using ApprovalTests;
using KnowledgeGraph.IO.Dot;

namespace KnowledgeGraph.Tests.IO.Dot;

public class DotWriterTests
{
    [Fact]
    public void Seed_Snapshot()
    {
        Approvals.Verify(DotWriter.ToDot(Graph.LoadSeed()));
    }

    [Fact]
    public void Write_TrickyNames_AreEscapedInsideQuotes()
    {
        string dot = DotWriter.ToDot(TestGraphs.Tricky());
        Assert.Contains("\"person:quote\\\"d\" [label=\"Quote \\\" and 'apostrophe'\"", dot);
        Assert.Contains("[label=\"Back\\\\slash \\\\n not a newline\"", dot);
        Assert.Contains("[label=\"Line\\nbreak\\nand tab\"", dot);
        Assert.Contains("\"x y/z?#&amp;<>\"", dot);
        Assert.DoesNotContain("\r", dot);
        Assert.DoesNotContain("\t", dot);
    }

    [Fact]
    public void Write_Kinds_GetShapesAndColours()
    {
        string dot = DotWriter.ToDot(TestGraphs.Small());
        Assert.Contains("\"person:alice\" [label=\"Alice Smith\", shape=\"ellipse\"", dot);
        Assert.Contains("\"organization:acme\" [label=\"Acme\", shape=\"box\"", dot);
        Assert.Contains("\"person:bob\" -> \"organization:acme\" [label=\"LEADS\"];", dot);
        Assert.Equal(dot, DotWriter.ToDot(TestGraphs.Small()));
    }
}
