using CsCheck;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Tests.Storage;

/// <summary>The compressed rows built from an edge list, checked against a plain sort of the same edges.</summary>
public class CsrRowsTests
{
    [Fact]
    public void Build_SortsRowsByTypeThenTarget_AndFillsTheInRows()
    {
        // 0 -1-> 2, 0 -0-> 2, 0 -0-> 1, 2 -0-> 0, 1 -1-> 1 (a self-loop)
        int[] source = [0, 0, 0, 2, 1];
        int[] type = [1, 0, 0, 0, 1];
        int[] target = [2, 2, 1, 0, 1];
        var t = CsrRows.Build(3, source, type, target, 5, 2, null, out int[]? original);

        Assert.Null(original);
        Assert.Equal([0, 3, 4, 5], t.OutOffsets);
        Assert.Equal([0, 0, 0, 1, 2], Enumerable.Range(0, 5).Select(t.SourceOf));
        Assert.Equal([0, 0, 1, 1, 0], Enumerable.Range(0, 5).Select(e => t.EdgeType[e]));
        Assert.Equal([1, 2, 2, 1, 0], t.EdgeTarget);
        Assert.Equal([0, 1, 3, 5], t.InOffsets);
        for (int v = 0; v < 3; v++)
        {
            for (int i = t.InOffsets[v]; i < t.InOffsets[v + 1]; i++)
            {
                Assert.Equal(v, t.EdgeTarget[t.InEdges[i]]);
                Assert.Equal(t.InSources[i], t.SourceOf(t.InEdges[i]));
            }
        }
    }

    [Fact]
    public void Build_OrdersTiesByTheirKeys_ThenByInputOrder()
    {
        int[] source = [0, 0, 0, 0];
        int[] type = [0, 0, 0, 0];
        int[] target = [1, 1, 1, 1];
        string[] keys = ["b", "a", "b", "a"];
        CsrRows.Build(2, source, type, target, 4, 1, e => keys[e], out int[]? original);
        Assert.NotNull(original);
        Assert.Equal([1, 3, 0, 2], original);
    }

    [Fact]
    public void Build_KeepsTypeCodesOfOneByte_UpTo256Types_AndOfFourBytesBeyond()
    {
        foreach (int typeCount in new[] { 256, 257, 70_000 })
        {
            int[] source = [0, 1, 1];
            int[] type = [typeCount - 1, 0, typeCount / 2];
            int[] target = [1, 0, 1];
            var t = CsrRows.Build(2, source, type, target, 3, typeCount, null, out _);
            Assert.Equal(typeCount <= 256, t.EdgeType.IsNarrow);
            Assert.Equal(3, t.EdgeType.Length);
            Assert.Equal([typeCount - 1, 0, typeCount / 2], Enumerable.Range(0, 3).Select(e => t.EdgeType[e]));
            Assert.Equal([0, 1, 1], Enumerable.Range(0, 3).Select(t.SourceOf));
        }
    }

    [Fact]
    public void Build_AgreesWithASortOfTheEdgeList_OnRandomGraphs()
    {
        Gen.Int[1, 40].SelectMany(n => Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, 3], Gen.Int[0, n - 1]).Array[0, 200].Select(edges => (n, edges)))
            .Sample(c =>
            {
                var (n, edges) = c;
                var expected = edges.OrderBy(e => e.Item1).ThenBy(e => e.Item2).ThenBy(e => e.Item3).ToArray();
                int m = edges.Length;
                var t = CsrRows.Build(
                    n, edges.Select(e => e.Item1).ToArray(), edges.Select(e => e.Item2).ToArray(), edges.Select(e => e.Item3).ToArray(),
                    m, 4, null, out _);
                for (int e = 0, s = 0; e < m; e++)
                {
                    Assert.Equal(expected[e], (t.SourceOf(e), t.EdgeType[e], t.EdgeTarget[e]));
                    Assert.Equal(expected[e].Item1, t.NextSource(ref s, e));
                }

                for (int v = 0; v < n; v++)
                {
                    Assert.Equal(edges.Count(e => e.Item1 == v), t.OutDegree(v));
                    Assert.Equal(edges.Count(e => e.Item3 == v), t.InDegree(v));
                }
            }, iter: 300);
    }
}
