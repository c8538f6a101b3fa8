namespace KnowledgeGraph.Tests.Seed;

public class SeedGraphTests
{
    private static string RepoFile(params string[] parts) => Path.Combine([RepoRoot.Path, .. parts]);

    [Fact]
    public void LoadSeed_IsLargeAndTyped()
    {
        var g = Graph.LoadSeed();
        Assert.Same(g, Graph.LoadSeed());
        Assert.True(g.EntityCount > 50, g.ToString());
        Assert.True(g.RelationCount > 100, g.ToString());
        Assert.Empty(g.Violations);
        foreach (var kind in new[] { EntityKind.Person, EntityKind.Organization, EntityKind.Country, EntityKind.Event, EntityKind.Place })
        {
            Assert.NotEmpty(g.EntitiesOfKind(kind));
        }

        foreach (var type in new[] { RelationType.Attends, RelationType.Praises, RelationType.ContributesTo, RelationType.Criticizes, RelationType.MemberOf, RelationType.Leads, RelationType.HoldsRoleIn, RelationType.LocatedIn, RelationType.HeldIn, RelationType.Attacks })
        {
            Assert.NotEmpty(g.RelationsOfType(type));
        }
    }

    [Theory]
    [InlineData("Ocasio-Cortez", "person:alexandria-ocasio-cortez")]
    [InlineData("Rep. Ocasio-Cortez", "person:alexandria-ocasio-cortez")]
    [InlineData("US delegation", "organization:us-delegation")]
    [InlineData("U.S. delegation", "organization:us-delegation")]
    [InlineData("9/11 attacks", "event:september-11-attacks")]
    [InlineData("Secretary of State Marco Rubio", "person:marco-rubio")]
    [InlineData("rutte", "person:mark-rutte")]
    [InlineData("Mr. Rutte", "person:mark-rutte")]
    [InlineData("MARK RUTTE", "person:mark-rutte")]
    [InlineData("mark-rutte", "person:mark-rutte")]
    [InlineData("person:mark-rutte", "person:mark-rutte")]
    [InlineData("Zelenskyy", "person:volodymyr-zelenskyy")]
    public void Find_NamesAsUsersTypeThem(string text, string id)
    {
        Assert.Equal(id, Graph.LoadSeed().Resolve(text).Id.Value);
    }

    [Fact]
    public void EveryRelation_CitesASentenceOfTheArticle()
    {
        var g = Graph.LoadSeed();
        string article = Graph.SeedArticle();
        foreach (var r in g.Relations)
        {
            Assert.NotEmpty(r.Evidence);
            foreach (var ev in r.Evidence)
            {
                Assert.Equal(Graph.SeedDocumentId, ev.Document);
                Assert.Equal(article.Substring(ev.Start, ev.Length), ev.Text);
            }
        }
    }

    [Fact]
    public void EveryAlias_OccursInTheArticle()
    {
        string article = Graph.SeedArticle();
        foreach (var e in Graph.LoadSeed().Entities)
        {
            foreach (var alias in e.Aliases)
            {
                Assert.True(article.Contains(alias, StringComparison.Ordinal), $"{e.Id}: alias '{alias}' is not in the article");
            }
        }
    }

    [Fact]
    public void EmbeddedFiles_EqualTheRepositorySeedsAndTheSharedArticle()
    {
        Assert.Equal(File.ReadAllText(RepoFile("seeds", "nato-brussels-munich.txt")), Graph.SeedArticle());
        string shared = Path.Combine(RepoRoot.Path, "..", "shared", "seeds", "000_e98a43516e523187.txt");
        if (File.Exists(shared))
        {
            Assert.Equal(File.ReadAllText(shared), Graph.SeedArticle());
        }
    }

    [Fact]
    public void SeedAnnotation_IsInCanonicalForm()
    {
        byte[] file = File.ReadAllBytes(RepoFile("seeds", "nato-brussels-munich.kg.json"));
        using var ms = new MemoryStream();
        Graph.LoadSeed().Save(ms);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(file), System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public void MismatchedEvidence_IsALoadError()
    {
        string json = File.ReadAllText(RepoFile("seeds", "nato-brussels-munich.kg.json"));
        int at = json.IndexOf("\"start\": ", StringComparison.Ordinal) + "\"start\": ".Length;
        int end = json.IndexOf(',', at);
        int start = int.Parse(json[at..end], System.Globalization.CultureInfo.InvariantCulture);
        string broken = json[..at] + (start + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + json[end..];
        var ex = Assert.Throws<SchemaViolationException>(() => KnowledgeGraph.IO.Json.JsonGraphReader.Parse(broken));
        Assert.Equal(SchemaViolationKind.EvidenceMismatch, Assert.Single(ex.Violations).Kind);
    }
}

internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KnowledgeGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
