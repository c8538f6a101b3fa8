using KnowledgeGraph.Extraction;

using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Extraction;

public class LexiconTests
{
    private static readonly string ExtractionDir = Path.Combine(RepoRoot.Path, "src", "KnowledgeGraph", "Extraction");

    [Fact]
    public void Countries_CoverIso3166_OncePerCode()
    {
        var lex = Lexicon.Default;
        Assert.Equal(249, lex.CountriesByIso.Count);
        Assert.Equal("France", Assert.Single(lex.Lookup("French")).Country!.Name);
        Assert.Equal("United Kingdom", lex.Lookup("Britain")[0].Country!.Name);
        Assert.Equal("United States", lex.Lookup("U.S.")[0].Country!.Name);
    }

    [Theory]
    [InlineData("Rutte")]
    [InlineData("Trump")]
    [InlineData("Munich Security")]
    [InlineData("PURL")]
    [InlineData("Prioritised")]
    [InlineData("Arctic Sentry")]
    [InlineData("Tocci")]
    [InlineData("Hegseth")]
    [InlineData("Colby")]
    [InlineData("GIUK")]
    [InlineData("Kiel")]
    [InlineData("Chatham")]
    [InlineData("Vuki")]
    [InlineData("Pacific Islands Forum")]
    [InlineData("Cyclone Lola")]
    public void LexiconsAndRules_NameNoPersonOrEventOfTheMeasuredTexts(string name)
    {
        foreach (var file in Directory.EnumerateFiles(ExtractionDir, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".tsv", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(name, File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ExtractionCode_UsesNoRegularExpressions()
    {
        // Hand-written scanners only: nothing can backtrack catastrophically.
        foreach (var file in Directory.EnumerateFiles(ExtractionDir, "*.cs", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("Regex", File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(typeof(TextExtractor).Assembly.GetTypes(), t => t.Namespace == "KnowledgeGraph.Extraction" && t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public).Any(f => f.FieldType == typeof(System.Text.RegularExpressions.Regex)));
    }

    [Theory]
    [InlineData("UNICEF", "United Nations Children's Fund")]
    [InlineData("Doctors Without Borders", "Médecins Sans Frontières")]
    [InlineData("FEMA", "Federal Emergency Management Agency")]
    [InlineData("UEFA", "UEFA")]
    public void Organizations_KnowWellKnownBodiesByTheirNames(string phrase, string name)
    {
        var entry = Assert.Single(Lexicon.Default.Lookup(Lexicon.Key(phrase)), e => e.Kind == PhraseKind.Organization);
        Assert.Equal(name, entry.Organization!.Name);
    }

    [Fact]
    public void Organizations_KnownBody_IsAnOrganisationInText()
    {
        var g = TextGraphs.Extract("UNICEF sent water tanks to Herat on Monday.");
        Assert.Contains(g.Entities, e => e.Kind == EntityKind.Organization && e.Name == "United Nations Children's Fund" && e.Aliases.Contains("UNICEF"));
    }
}
