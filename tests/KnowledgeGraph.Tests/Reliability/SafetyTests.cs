using KnowledgeGraph.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace KnowledgeGraph.Tests.Reliability;

public class SafetyTests
{
    [Fact]
    public void Library_NeverCreatesTypesNamedByItsInput_NorCompilesCode()
    {
        using var pe = new PEReader(File.OpenRead(typeof(Graph).Assembly.Location));
        var md = pe.GetMetadataReader();
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = md.GetTypeReference((TypeReferenceHandle)member.Parent);
                called.Add($"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}::{md.GetString(member.Name)}");
            }
        }

        string[] banned =
        [
            "System.Type::GetType", "System.Activator::CreateInstance", "System.Reflection.Assembly::Load",
            "System.Reflection.Assembly::LoadFrom", "System.Linq.Expressions.LambdaExpression::Compile",
            "System.Reflection.Emit.DynamicMethod::.ctor", "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter::Deserialize",
        ];
        var hits = banned.Where(called.Contains).ToList();
        Assert.Empty(hits);
        Assert.NotEmpty(called);
    }

    [Fact]
    public void Save_FailingMidway_LeavesThePreviousFileIntact_AndNoTemporaryFile()
    {
        string dir = Directory.CreateTempSubdirectory("kg-atomic").FullName;
        try
        {
            string path = Path.Combine(dir, "graph.json");
            TestGraphs.Small().Save(path);
            string before = File.ReadAllText(path);
            var ex = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
            {
                stream.Write(new byte[100_000]);
                throw new IOException("disk full (simulated)");
            }));
            Assert.Equal("disk full (simulated)", ex.Message);
            Assert.Equal(before, File.ReadAllText(path));
            Assert.Equal(["graph.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Save_WritesOnlyThePathGiven()
    {
        string dir = Directory.CreateTempSubdirectory("kg-atomic").FullName;
        try
        {
            string sub = Directory.CreateDirectory(Path.Combine(dir, "sub")).FullName;
            TestGraphs.Small().Save(Path.Combine(sub, "..", "sub", "g.json"));
            Assert.Equal(["g.json"], Directory.GetFiles(sub).Select(Path.GetFileName));
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ConcurrentQueries_OnOneGraph_GiveTheSameAnswersAsOneThread()
    {
        var g = Graph.LoadSeed();
        var ids = g.Entities.Select(e => e.Id).ToArray();
        string Work(int i)
        {
            var a = ids[i % ids.Length];
            var b = ids[(i * 7 + 3) % ids.Length];
            var path = g.ShortestPath(a, b);
            return string.Join("|",
                path?.ToString() ?? "-",
                g.Neighborhood(a, 2).Count,
                string.Join(",", g.FindByName(g[b].Name).Select(e => e.Id.Value)),
                g.RelationsOf(a).Count,
                g.AllSimplePaths(a, b, 3).Count,
                g.Relations[i % g.RelationCount].ToString(),
                g.Query("MATCH (a {id: $id})-[r]-(b) RETURN b.name AS name, type(r) AS t ORDER BY name, t", new Dictionary<string, object?> { ["id"] = a.Value }).ToCsv());
        }

        var expected = Enumerable.Range(0, 400).Select(Work).ToArray();
        var fresh = Graph.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(g.ToJson())));
        g = fresh;
        var actual = new string[expected.Length];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Work(i));
        Assert.Equal(expected, actual);
    }
}

public class QueryRegressionTests
{
    [Theory]
    [InlineData("MATCH (n) RETURN collect()")]
    [InlineData("MATCH (n) RETURN count()")]
    [InlineData("MATCH (n) RETURN sum(n.x, n.y)")]
    [InlineData("MATCH (n) WITH min() AS m RETURN m")]
    public void AggregateWithWrongArity_IsASemanticError(string query)
    {
        // Found by the mutation fuzzer: an aggregate with no argument used to fail with ArgumentOutOfRangeException.
        var ex = Assert.Throws<KnowledgeGraph.Query.QuerySemanticException>(() => Graph.LoadSeed().Query(query));
        Assert.Contains("takes exactly one argument", ex.Message);
    }
}
