namespace KnowledgeGraph.Tests.Cli;

/// <summary><c>kg --graph FILE.nt|.nq|.ttl|.jsonld</c> reads RDF: the library's exports and foreign data.</summary>
public class RdfGraphCliTests
{
    [Theory]
    [InlineData("seed.nt")]
    [InlineData("seed.ttl")]
    [InlineData("seed.jsonld")]
    public void Stats_OnTheRdfExport_MatchesTheSeed(string name)
    {
        string dir = Directory.CreateTempSubdirectory("kg-cli-rdf").FullName;
        try
        {
            string file = Path.Combine(dir, name);
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
    public void Stats_OnForeignNQuads_ReadsThemAgainstTheOpenSchema()
    {
        string file = Path.Combine(Path.GetTempPath(), "kg-foreign-" + Guid.NewGuid().ToString("N") + ".nq");
        try
        {
            File.WriteAllText(file, "<http://ex.org/a> <http://ex.org/knows> <http://ex.org/b> <http://ex.org/g> .\n");
            var (code, output, err) = CliTests.Run("--graph", file, "stats");
            Assert.Equal((0, string.Empty), (code, err));
            Assert.Contains("knows", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Stats_OnBrokenTurtle_FailsWithTheLineAndColumn()
    {
        string file = Path.Combine(Path.GetTempPath(), "kg-broken-" + Guid.NewGuid().ToString("N") + ".ttl");
        try
        {
            File.WriteAllText(file, "@prefix ex: <http://ex.org/> .\nex:a ex:b \"open .\n");
            var (code, _, err) = CliTests.Run("--graph", file, "stats");
            Assert.Equal(1, code);
            Assert.Contains("Unterminated string at " + Path.GetFileName(file) + "(2,11)", err);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
