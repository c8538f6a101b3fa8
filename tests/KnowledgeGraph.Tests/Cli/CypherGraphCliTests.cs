namespace KnowledgeGraph.Tests.Cli;

/// <summary><c>kg --graph FILE.cypher</c> reads the Cypher export back.</summary>
public class CypherGraphCliTests
{
    [Fact]
    public void Stats_OnTheCypherExport_MatchesTheSeed()
    {
        string dir = Directory.CreateTempSubdirectory("kg-cli-cypher").FullName;
        try
        {
            string file = Path.Combine(dir, "seed.cypher");
            Assert.Equal(0, CliTests.Run("export", "-o", file).Code);
            var (code, output, err) = CliTests.Run("--graph", file, "stats");
            Assert.Equal((0, string.Empty), (code, err));
            Assert.Equal(CliTests.Run("stats").Out, output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Stats_OnABrokenScript_FailsWithTheLineAndColumn()
    {
        string file = Path.Combine(Path.GetTempPath(), "kg-broken-" + Guid.NewGuid().ToString("N") + ".cypher");
        try
        {
            File.WriteAllText(file, "MERGE (n:Entity {id: 'a'});\nMERGE (n:Entity {id: 'b'}) SET n.name = ;\n");
            var (code, _, err) = CliTests.Run("--graph", file, "stats");
            Assert.Equal(1, code);
            Assert.Contains("Cypher syntax error at " + Path.GetFileName(file) + "(2,41): found `;`, expected an expression.", err);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
