using KnowledgeGraph.IO;

namespace KnowledgeGraph.Tests.IO.Consumers;

/// <summary>The jsonld npm package (a JSON-LD 1.1 processor) expands our JSON-LD to N-Quads equal to our N-Triples.</summary>
public class JsonLdTests
{
    private const string Script = """
        const fs = require('fs');
        const jsonld = require('jsonld');
        const doc = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
        jsonld.toRDF(doc, { format: 'application/n-quads', safe: true })
          .then(nquads => process.stdout.write(nquads))
          .catch(err => { console.error(err && err.stack || String(err)); process.exit(1); });
        """;

    [SkippableTheory]
    [InlineData("seed")]
    [InlineData("tricky")]
    public void JsonLdToRdf_OurJsonLd_EqualsOurNTriples(string which)
    {
        var g = which == "seed" ? Graph.LoadSeed() : TestGraphs.Tricky();
        var (node, folder) = Tool.RequireNodePackages("jsonld");
        string path = Tool.TempFile(".jsonld");
        try
        {
            g.Save(path);
            var (code, nquads, err) = Tool.Run(node, ["-e", Script, path], workingDirectory: folder);
            Assert.True(code == 0, "jsonld.toRDF failed: " + err);
            var expected = Lines(GraphFormat.NTriples.WriteToString(g));
            var actual = Lines(nquads);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected, actual);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
}
