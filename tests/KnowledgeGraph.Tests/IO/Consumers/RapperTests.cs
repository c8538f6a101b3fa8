using System.Text.RegularExpressions;
using KnowledgeGraph.IO;

namespace KnowledgeGraph.Tests.IO.Consumers;

/// <summary>rapper (Raptor RDF) parses our N-Triples and Turtle with no error or warning and the same triples.</summary>
public class RapperTests
{
    [SkippableTheory]
    [InlineData("seed")]
    [InlineData("tricky")]
    public void Rapper_OurNTriplesAndTurtle_ParseWithoutErrorsToTheSameTriples(string which)
    {
        var g = which == "seed" ? Graph.LoadSeed() : TestGraphs.Tricky();
        string rapper = Tool.Require("rapper", "apt-get install -y raptor2-utils");
        string nt = Tool.TempFile(".nt");
        string ttl = Tool.TempFile(".ttl");
        try
        {
            g.Save(nt);
            g.Save(ttl);
            int lines = File.ReadAllLines(nt).Length;
            var fromNt = Parse(rapper, "ntriples", nt, lines);
            var fromTtl = Parse(rapper, "turtle", ttl, lines);
            Assert.Equal(fromNt, fromTtl);
        }
        finally
        {
            File.Delete(nt);
            File.Delete(ttl);
        }
    }

    private static List<string> Parse(string rapper, string syntax, string path, int expectedTriples)
    {
        var (code, output, err) = Tool.Run(rapper, ["-i", syntax, "-o", "ntriples", path]);
        Assert.True(code == 0, $"rapper -i {syntax} failed: {err}");
        Assert.DoesNotMatch("(?i)error|warning", err);
        var m = Regex.Match(err, @"Parsing returned (\d+) triples");
        Assert.True(m.Success, err);
        Assert.Equal(expectedTriples, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var triples = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedTriples, triples.Count);
        Assert.Equal(expectedTriples, triples.Distinct().Count());
        return triples;
    }
}
