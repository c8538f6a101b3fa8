using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.Tests.IO.Rdf;

/// <summary>One W3C RDF test: its suite, name (the fragment of its manifest entry), type (the local name of its rdft: class), input and expected output files.</summary>
internal sealed record W3cRdfTest(string Suite, string Name, string Type, string Action, string? Result, string BaseIri)
{
    public string Id => Suite + " / " + Name;
}

/// <summary>
/// Reads the W3C RDF 1.1 manifests in <c>../shared/rdf-tests</c> (N-Triples, N-Quads, Turtle) with the library's own
/// Turtle parser, and runs a test: a positive syntax test parses, a negative one is refused with a position, an
/// evaluation test gives a set of triples isomorphic to the expected N-Triples.
/// </summary>
internal static class W3cRdfSuite
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static readonly string[] Suites = ["rdf-n-triples", "rdf-n-quads", "rdf-turtle"];

    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KnowledgeGraph.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<IReadOnlyList<W3cRdfTest>> AllTests = new(() => Suites.SelectMany(ReadManifest).ToList());

    private static readonly Lazy<IReadOnlyDictionary<string, string>> SkipList = new(ReadSkipList);

    /// <summary>The folder of the suites: <c>KG_RDF_TESTS</c> when set, else <c>../shared/rdf-tests</c> beside the repository.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("KG_RDF_TESTS") is { Length: > 0 } env ? env : Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "rdf-tests"));

    public static IReadOnlyList<W3cRdfTest> Tests => AllTests.Value;

    /// <summary>The reviewed skip list: test id → reason.</summary>
    public static IReadOnlyDictionary<string, string> Skipped => SkipList.Value;

    /// <summary>Runs a test; null when it passes, else what went wrong.</summary>
    public static string? Run(W3cRdfTest test)
    {
        string action = Path.Combine(Directory, test.Suite, test.Action);
        try
        {
            switch (test.Type)
            {
                case "TestNTriplesPositiveSyntax" or "TestNQuadsPositiveSyntax" or "TestTurtlePositiveSyntax":
                    Parse(test, action);
                    return null;
                case "TestNTriplesNegativeSyntax" or "TestNQuadsNegativeSyntax" or "TestTurtleNegativeSyntax" or "TestTurtleNegativeEval":
                    try
                    {
                        var quads = Parse(test, action);
                        return $"accepted a bad document ({quads.Count} statements)";
                    }
                    catch (GraphFormatException ex)
                    {
                        return ex.Line > 0 && ex.Column > 0 ? null : "refused without a position: " + ex.Message;
                    }

                case "TestTurtleEval" or "TestNTriplesEval" or "TestNQuadsEval":
                    var actual = Parse(test, action);
                    var expected = ReadNTriples(Path.Combine(Directory, test.Suite, test.Result!));
                    return RdfIsomorphism.Difference(expected, actual);
                default:
                    return "unknown test type " + test.Type;
            }
        }
        catch (GraphFormatException ex)
        {
            return "refused: " + ex.Message;
        }
    }

    private static List<RdfQuad> Parse(W3cRdfTest test, string path)
    {
        using var reader = new StreamReader(path);
        RdfReading.Syntax syntax = test.Suite switch
        {
            "rdf-n-triples" => NTriplesReader.Syntax,
            "rdf-n-quads" => NQuadsReader.Syntax,
            _ => TurtleReader.Syntax,
        };
        return RdfReading.Statements(syntax, reader, Path.GetFileName(path), rdf: new RdfReadOptions { BaseIri = test.BaseIri });
    }

    private static List<RdfQuad> ReadNTriples(string path)
    {
        using var reader = new StreamReader(path);
        return RdfReading.Statements(path.EndsWith(".nq", StringComparison.Ordinal) ? NQuadsReader.Syntax : NTriplesReader.Syntax, reader, Path.GetFileName(path));
    }

    private static IEnumerable<W3cRdfTest> ReadManifest(string suite)
    {
        string manifest = Path.Combine(Directory, suite, "manifest.ttl");
        string manifestIri = "https://w3c.github.io/rdf-tests/rdf/rdf11/" + suite + "/manifest.ttl";
        List<RdfQuad> quads;
        using (var reader = new StreamReader(manifest))
        {
            quads = RdfReading.Statements(TurtleReader.Syntax, reader, "manifest.ttl", rdf: new RdfReadOptions { BaseIri = manifestIri });
        }

        var bySubject = quads.GroupBy(q => q.Subject).ToDictionary(g => g.Key, g => g.ToList());
        string One(RdfTerm s, string p) => bySubject[s].First(q => q.Predicate.Value == p).Object.Value;
        string? Maybe(RdfTerm s, string p) => bySubject[s].FirstOrDefault(q => q.Predicate.Value == p).Object.Value;
        var head = bySubject[RdfTerm.Iri(manifestIri)].First(q => q.Predicate.Value == Mf + "entries").Object;
        string folder = manifestIri[..(manifestIri.LastIndexOf('/') + 1)];
        var tests = new List<W3cRdfTest>();
        for (var cell = head; cell.Value != Rdf + "nil"; cell = bySubject[cell].First(q => q.Predicate.Value == Rdf + "rest").Object)
        {
            var test = bySubject[cell].First(q => q.Predicate.Value == Rdf + "first").Object;
            string type = One(test, Rdf + "type");
            string action = One(test, Mf + "action");
            string? result = Maybe(test, Mf + "result");
            tests.Add(new W3cRdfTest(
                suite,
                test.Value[(test.Value.LastIndexOf('#') + 1)..], // the entry's IRI: mf:name repeats in the Turtle manifest
                type[(type.LastIndexOf('#') + 1)..],
                action[folder.Length..],
                result?[folder.Length..],
                action));
        }

        return tests;
    }

    private static IReadOnlyDictionary<string, string> ReadSkipList()
    {
        var path = Path.Combine(Root.Value, "tests", "KnowledgeGraph.Tests", "IO", "Rdf", "rdf-skip-list.txt");
        var skips = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int bar = line.IndexOf('|');
            if (bar < 0 || line[(bar + 1)..].Trim().Length == 0)
            {
                throw new InvalidOperationException("Every skip-list entry needs a reason after '|': " + line);
            }

            skips.Add(line[..bar].Trim(), line[(bar + 1)..].Trim());
        }

        return skips;
    }
}
