using KnowledgeGraph;

// Outside the KnowledgeGraph namespace on purpose, with no using but the one the README shows: the types in the
// snippets below resolve exactly as they do in a user's program that writes only `using KnowledgeGraph;`
// (with the SDK's implicit usings). The tests check that the snippets are the README's, character for character.
namespace ReadmeFirstScreens;

public sealed class ReadmeSnippetTests
{
    private static readonly string Source = Path.Combine(KnowledgeGraph.Tests.Seed.RepoRoot.Path, "tests", "KnowledgeGraph.Tests", "Api", "ReadmeSnippetTests.cs");

    /// <summary>The README's first C# block (the one the package test also runs in a consumer project).</summary>
    internal static void FirstExample()
    {
        Graph g = Graph.LoadSeed();                                   // Graph with 58 entities and 124 relations
        Entity rutte = g.Resolve("Mr. Rutte");                        // names, aliases, ids; any case
        foreach (Relation r in g.RelationsOf(rutte.Id, Direction.Out, RelationType.Praises))
            Console.WriteLine($"{rutte.Name} praises {g[r.Target].Name}: {r.Evidence[0].Text}");

        GraphPath? path = g.ShortestPath(g.Resolve("Nathalie Tocci").Id, g.Resolve("Vladimir Putin").Id);
        Console.WriteLine(path);   // Nathalie Tocci -[CRITICIZES]-> Trump–Putin Alaska summit <-[ATTENDS]- Vladimir Putin
        g.Save("seed.json");       // canonical JSON, written atomically
        g.Save("seed.graphml");    // or GraphML, DOT, Mermaid, N-Triples, Turtle, JSON-LD, Cypher: by extension (see Formats)
    }

    /// <summary>The README's Queries block.</summary>
    internal static void Queries()
    {
        Graph g = Graph.LoadSeed();
        var r = g.Query("MATCH (p)-[:PRAISES]->(t {name: 'Donald Trump'}) RETURN p.name");
        Console.WriteLine(r);   // an aligned table; also r.ToJson(), r.ToCsv(), foreach (var row in r), r.Notifications

        g.Query("MATCH (x)-[:ATTENDS]->(e:Event) RETURN e.name AS event, count(*) AS n ORDER BY n DESC LIMIT 3");
        g.Query("MATCH p = shortestPath((a {name: $from})-[*..6]-(b {name: $to})) RETURN nodes(p)",
                new Dictionary<string, object?> { ["from"] = "Nathalie Tocci", ["to"] = "Vladimir Putin" });
        g.Query("MATCH (s)-[r:PRAISES]->(t) RETURN s.name, t.name, evidence(r)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ReadmeSnippet_IsInThisFileVerbatim_SoItCompilesWithOnlyUsingKnowledgeGraph(int block)
    {
        string readme = File.ReadAllText(Path.Combine(KnowledgeGraph.Tests.Seed.RepoRoot.Path, "README.md"));
        var blocks = readme.Split("```csharp\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();
        var snippet = blocks[block].Split('\n').Where(l => l.Length > 0 && l != "using KnowledgeGraph;").ToList();
        Assert.DoesNotContain(snippet, l => l.StartsWith("using ", StringComparison.Ordinal));

        var source = File.ReadAllLines(Source).Where(l => l.Length > 0).Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l[8..] : l).ToList();
        Assert.Equal(["using KnowledgeGraph;"], source.Where(l => l.StartsWith("using ", StringComparison.Ordinal)));
        bool found = Enumerable.Range(0, source.Count - snippet.Count + 1).Any(i => source.Skip(i).Take(snippet.Count).SequenceEqual(snippet));
        Assert.True(found, "README block " + block + " is not in " + Source + " verbatim; copy it there (it must compile with only `using KnowledgeGraph;`):\n" + string.Join('\n', snippet));
    }

    [Fact]
    public void QueriesSnippet_Runs()
    {
        Queries();
        Assert.Contains("Mark Rutte", Graph.LoadSeed().Query("MATCH (p)-[:PRAISES]->(t {name: 'Donald Trump'}) RETURN p.name").ToTable(), StringComparison.Ordinal);
    }
}
