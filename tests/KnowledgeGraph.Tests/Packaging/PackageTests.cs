using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KnowledgeGraph.Tests.Seed;

namespace KnowledgeGraph.Tests.Packaging;

/// <summary>
/// Packs the library as a user would get it and consumes it from a project outside the solution
/// that restores <c>KnowledgeGraph</c> from a local folder only, running the README's C# example.
/// </summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class PackageTests
{
    private readonly PackedLibrary _packed;

    public PackageTests(PackedLibrary packed) => _packed = packed;

    [Fact]
    public void Package_HasMetadataBothTargetsDocsAndOnlyQuikGraphAsDependency()
    {
        using var zip = ZipFile.OpenRead(_packed.Package);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/KnowledgeGraph.dll", names);
            Assert.Contains($"lib/{tfm}/KnowledgeGraph.xml", names);
        }

        Assert.Contains("README.md", names);
        Assert.Contains("icon.png", names);
        Assert.DoesNotContain(names, n => n.StartsWith("analyzers/", StringComparison.Ordinal));

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var meta = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("KnowledgeGraph", meta.Element(ns + "id")!.Value);
        Assert.Equal("MIT", meta.Element(ns + "license")!.Value);
        Assert.Equal("README.md", meta.Element(ns + "readme")!.Value);
        Assert.Equal("icon.png", meta.Element(ns + "icon")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(meta.Element(ns + "description")!.Value));
        Assert.False(string.IsNullOrWhiteSpace(meta.Element(ns + "tags")!.Value));
        Assert.StartsWith("https://", meta.Element(ns + "projectUrl")!.Value, StringComparison.Ordinal);
        Assert.NotNull(meta.Element(ns + "repository")!.Attribute("commit"));
        var dependencies = meta.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).Distinct().ToArray();
        Assert.Equal(["QuikGraph"], dependencies);
        Assert.True(File.Exists(Path.ChangeExtension(_packed.Package, ".snupkg")), "the symbol package is missing");
    }

    [Fact]
    public void ReadmeExample_RunsInAConsumerRestoringFromTheLocalFolderOnly()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
        var match = Regex.Match(readme, "```csharp\n(?<code>.*?)```", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        Assert.True(match.Success, "the README has no C# example");
        string dir = Path.Combine(_packed.Root, "consumer");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), match.Groups["code"].Value);
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KnowledgeGraph" Version="{_packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        // No remote feed at all: KnowledgeGraph comes from the packed folder only, its dependency (QuikGraph)
        // from the packages folder this test project was itself restored from.
        string restoredPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{_packed.Folder}" />
                <add key="restored" value="{restoredPackages}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="packed">
                  <package pattern="KnowledgeGraph" />
                  <package pattern="KnowledgeGraph.*" />
                </packageSource>
                <packageSource key="restored">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        var (code, output) = PackedLibrary.Dotnet(dir, "run", "--project", "Consumer.csproj");
        Assert.True(code == 0, output);
        Assert.Contains("Mark Rutte praises Donald Trump: ", output);
        Assert.Contains("Nathalie Tocci -[CRITICIZES]-> Trump–Putin Alaska summit <-[ATTENDS]- Vladimir Putin", output);
        Assert.True(File.Exists(Path.Combine(dir, "seed.json")));
        string restored = Path.Combine(_packed.Root, "nuget-cache", "knowledgegraph", _packed.Version);
        Assert.True(Directory.Exists(restored), "KnowledgeGraph was not restored from the local folder");
    }
}

/// <summary>The tests that need the packed library share one pack.</summary>
[CollectionDefinition(Name)]
public sealed class PackedLibraryCollection : ICollectionFixture<PackedLibrary>
{
    public const string Name = "Packed library";
}

/// <summary>Packs the library once into a temporary folder for the tests that consume it as a package.</summary>
public sealed class PackedLibrary : IDisposable
{
    public PackedLibrary()
    {
        Root = Directory.CreateTempSubdirectory("kg-pack").FullName;
        Folder = Path.Combine(Root, "packages");
        var (code, output) = Dotnet(RepoRoot.Path, "pack", Path.Combine("src", "KnowledgeGraph", "KnowledgeGraph.csproj"), "-c", "Release", "-o", Folder, "-p:ContinuousIntegrationBuild=true");
        if (code != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }

        Package = Directory.GetFiles(Folder, "KnowledgeGraph.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        Version = Path.GetFileNameWithoutExtension(Package)["KnowledgeGraph.".Length..];
    }

    public string Root { get; }

    public string Folder { get; }

    public string Package { get; }

    public string Version { get; }

    public static (int Code, string Output) Dotnet(string workingDirectory, params string[] args) =>
        Dotnet(workingDirectory, new Dictionary<string, string>(), args);

    public static (int Code, string Output) Dotnet(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        string? root = FindRoot(workingDirectory);
        if (root is not null)
        {
            psi.Environment["NUGET_PACKAGES"] = Path.Combine(root, "nuget-cache");
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: on a shared 2-core machine a pack during the full suite has taken over 5 minutes.
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out\n" + stdout.Result + stderr.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindRoot(string dir)
    {
        string temp = Path.GetTempPath();
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            if (d.Name.StartsWith("kg-pack", StringComparison.Ordinal) && d.FullName.StartsWith(temp, StringComparison.Ordinal))
            {
                return d.FullName;
            }
        }

        return null;
    }
}
