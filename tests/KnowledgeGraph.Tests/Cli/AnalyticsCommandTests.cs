namespace KnowledgeGraph.Tests.Cli;

public class AnalyticsCommandTests
{
    [Fact]
    public void Communities_Seed_ListsEveryEntityOnceWithModularity()
    {
        var (code, output, err) = CliTests.Run("communities", "--seed", "1");

        Assert.True(code == 0, err);
        var seed = Graph.LoadSeed();
        var expected = seed.Louvain(seed: 1);
        Assert.StartsWith($"{expected.Count} communities over 58 entities (Louvain (seed 1, resolution 1), everything); modularity {expected.Modularity:F4}\n", output);
        Assert.Equal(58, output.Split('\n').Count(l => l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.Equal(output, CliTests.Run("communities", "--seed", "1").Out);
    }

    [Fact]
    public void Communities_LabelPropagationOfPeople()
    {
        var (code, output, err) = CliTests.Run("communities", "--method", "lpa", "--kind", "Person");

        Assert.True(code == 0, err);
        Assert.Contains("(label propagation (seed 0), kinds Person, all types)", output);
        Assert.DoesNotContain("(Country,", output);
    }

    [Fact]
    public void Central_ByBetweennessTop10_MatchesTheLibrary()
    {
        var (code, output, err) = CliTests.Run("central", "--by", "betweenness", "--top", "10");

        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Top 10 by betweenness (both directions, everything)", lines[0]);
        Assert.Equal(11, lines.Length);
        var top = Graph.LoadSeed().Betweenness().Top(10);
        Assert.EndsWith($"  {top[0].Entity.Name} ({top[0].Entity.Kind}, {top[0].Entity.Id})", lines[1]);
        Assert.StartsWith("   1  ", lines[1]);
    }

    [Theory]
    [InlineData("central --by fame")]
    [InlineData("central --top 0")]
    [InlineData("central --kind Ship")]
    [InlineData("communities --method magic")]
    [InlineData("central --by pagerank --type PRAISES")]
    public void Analytics_BadCommandLine_IsAUsageError(string commandLine)
    {
        var (code, _, err) = CliTests.Run(commandLine.Split(' '));

        Assert.Equal(2, code);
        Assert.StartsWith("kg: ", err);
    }

    [Fact]
    public void Diff_EqualChangedAndBadFiles_ExitLikeDiff()
    {
        string dir = Directory.CreateTempSubdirectory("kg-diff-").FullName;
        try
        {
            string a = Path.Combine(dir, "a.json"), b = Path.Combine(dir, "b.json"), c = Path.Combine(dir, "c.json");
            var seed = Graph.LoadSeed();
            seed.Save(a);
            seed.Save(b);
            seed.Subgraph(e => e.Kind != EntityKind.Country).Save(c);

            var same = CliTests.Run("diff", a, b);
            var changed = CliTests.Run("diff", a, c);
            var json = CliTests.Run("diff", a, c, "--format", "json");
            var missing = CliTests.Run("diff", a, Path.Combine(dir, "none.json"));
            var usage = CliTests.Run("diff", a);

            Assert.Equal((0, "no differences\n"), (same.Code, same.Out));
            Assert.Equal(1, changed.Code);
            Assert.Contains("\n- entity country:", changed.Out);
            Assert.Equal(1, json.Code);
            Assert.StartsWith("{\n  \"format\": \"knowledge-graph-diff\",\n  \"version\": 1,\n", json.Out);
            Assert.Equal(2, missing.Code);
            Assert.StartsWith("kg: cannot load ", missing.Err);
            Assert.Equal(2, usage.Code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
