using ApprovalTests;
using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Tests.Extraction;

/// <summary>The evaluation tables, pinned: a rule change that moves any figure must be approved.</summary>
public class ExtractionSnapshotTests
{
    [Fact]
    public void Seed_EvaluationTable()
    {
        var g = TextExtractor.Extract(Graph.SeedArticle(), new ExtractionOptions { DocumentId = Graph.SeedDocumentId });
        Approvals.Verify(ExtractionEvaluator.Evaluate(g, Graph.LoadSeed()).ToTable());
    }

    [Fact]
    public void SecondText_EvaluationTable()
    {
        Approvals.Verify(ExtractionQualityTests.Pacific().ToTable());
    }
}
