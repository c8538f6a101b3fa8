using System.Globalization;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.IO.Rdf;

/// <summary>The W3C RDF 1.1 test suites for N-Triples, N-Quads and Turtle, run from their manifests.</summary>
public sealed class W3cRdfTests(ITestOutputHelper output)
{
    public static TheoryData<string> TestIds()
    {
        var data = new TheoryData<string>();
        foreach (var t in W3cRdfSuite.Tests)
        {
            data.Add(t.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestIds))]
    public void Test_RunsAsItsManifestSays(string id)
    {
        var test = W3cRdfSuite.Tests.Single(t => t.Id == id);
        if (W3cRdfSuite.Skipped.TryGetValue(id, out var reason))
        {
            output.WriteLine("skipped: " + reason);
            return;
        }

        var problem = W3cRdfSuite.Run(test);
        Assert.True(problem is null, id + ": " + problem);
    }

    [Fact]
    public void Suites_AllTestsNotSkipped_Pass()
    {
        Assert.True(W3cRdfSuite.Tests.Count > 400, "expected the ~470 W3C tests, found " + W3cRdfSuite.Tests.Count);
        var lines = new List<string>();
        var details = new List<string>();
        int totalFailed = 0;
        foreach (var suite in W3cRdfSuite.Suites)
        {
            int passed = 0, failed = 0, skipped = 0;
            foreach (var test in W3cRdfSuite.Tests.Where(t => t.Suite == suite))
            {
                var problem = W3cRdfSuite.Run(test);
                if (W3cRdfSuite.Skipped.ContainsKey(test.Id))
                {
                    skipped++;
                    if (problem is null)
                    {
                        details.Add("  skip-listed but passing: " + test.Id);
                    }
                }
                else if (problem is null)
                {
                    passed++;
                }
                else
                {
                    failed++;
                    details.Add("  FAILED " + test.Id + ": " + problem);
                }
            }

            totalFailed += failed;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"RDF tests: {passed} passed, {failed} failed ({suite}, {skipped} skipped)"));
        }

        lines.AddRange(details);
        foreach (var l in lines)
        {
            output.WriteLine(l);
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "rdf-summary.txt"), string.Join("\n", lines) + "\n");
        Assert.True(totalFailed == 0, string.Join("\n", lines));
    }
}
