using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using KnowledgeGraph.Tests.Cli;

[assembly: UseReporter(typeof(QuietReporter))]

namespace KnowledgeGraph.Tests.Snapshots;

/// <summary>
/// Snapshot tests: the approved files sit next to this file; a change writes a <c>.received.</c> file
/// beside them and fails. Approve by renaming it over the approved file.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public void SeedGraph_CanonicalJson()
    {
        Approvals.Verify(WriterFactory.CreateTextWriter(Graph.LoadSeed().ToJson(), "json"));
    }

    [Fact]
    public void Kg_Stats()
    {
        var (code, output, _) = CliTests.Run("stats");
        Assert.Equal(0, code);
        Approvals.Verify(output);
    }

    [Fact]
    public void Kg_Entity_MarkRutte()
    {
        var (code, output, _) = CliTests.Run("entity", "Mark Rutte");
        Assert.Equal(0, code);
        Approvals.Verify(output);
    }

    [Fact]
    public void Kg_Path_TocciToPutin()
    {
        var (code, output, _) = CliTests.Run("path", "Nathalie Tocci", "Vladimir Putin");
        Assert.Equal(0, code);
        Approvals.Verify(output);
    }
}
