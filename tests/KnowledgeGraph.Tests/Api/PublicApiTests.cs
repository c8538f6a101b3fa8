using ApprovalTests;
using PublicApiGenerator;

namespace KnowledgeGraph.Tests.Api;

/// <summary>The library's whole public surface, approved: every change to the API is a visible diff of the approved file.</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_IsApproved()
    {
        string api = typeof(Graph).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Approvals.Verify(api.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicMembers_AllHaveXmlDocs()
    {
        string xml = Path.ChangeExtension(typeof(Graph).Assembly.Location, ".xml");
        Assert.True(File.Exists(xml), $"{xml} is missing: GenerateDocumentationFile must be on");
        var documented = System.Xml.Linq.XDocument.Load(xml).Descendants("member")
            .Select(m => (string?)m.Attribute("name") ?? string.Empty)
            .ToHashSet(StringComparer.Ordinal);
        var missing = typeof(Graph).Assembly.GetExportedTypes()
            // C# 14 extension blocks compile to unspeakable skeleton types ("<G>$…"); their members'
            // docs are on the extension class's own methods, which the check still covers.
            .Where(t => !t.FullName!.Contains('<', StringComparison.Ordinal))
            .Where(t => !documented.Contains("T:" + t.FullName))
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(missing);
    }
}
