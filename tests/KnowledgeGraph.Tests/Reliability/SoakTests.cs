using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.Reliability;

/// <summary>
/// Load and faults: threads querying and traversing one shared graph while others save and load graphs, and a
/// writer process killed in the middle of a save. The soak runs for <c>KG_SOAK_SECONDS</c> (default 3, at most
/// 60); what it asserts does not depend on how long it ran: every answer equals the single-threaded answer and
/// every load of a file being saved over sees one whole version.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int QueryThreads = 6;
    private const int SaveThreads = 2;

    [Fact]
    public void EightThreads_QueryAndSaveAndLoad_EveryAnswerEqualsTheSingleThreadedOne()
    {
        var g = Graph.LoadSeed();
        var other = TestGraphs.Small();
        var ids = g.Entities.Select(e => e.Id).ToArray();
        string Work(int i)
        {
            var a = ids[i % ids.Length];
            var b = ids[(i * 7 + 3) % ids.Length];
            return string.Join("|",
                g.ShortestPath(a, b)?.ToString() ?? "-",
                g.Neighborhood(a, 2).Count,
                g.AllSimplePaths(a, b, 3).Count,
                g.Query("MATCH (a {id: $id})-[r]-(b) RETURN b.name AS name, type(r) AS t ORDER BY name, t", new Dictionary<string, object?> { ["id"] = a.Value }).ToCsv(),
                g.Query("MATCH (x)-[:ATTENDS]->(e:Event) RETURN e.name AS event, count(*) AS n ORDER BY n DESC, event LIMIT 3").ToCsv());
        }

        const int distinct = 97;
        var expected = Enumerable.Range(0, distinct).Select(Work).ToArray();
        string[] versions = [g.ToJson(), other.ToJson()];
        string dir = Directory.CreateTempSubdirectory("kg-soak").FullName;
        string shared = Path.Combine(dir, "shared.json");
        g.Save(shared);
        int seconds = Math.Clamp(int.TryParse(Environment.GetEnvironmentVariable("KG_SOAK_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 3, 1, 60);
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        long queries = 0, saves = 0, loads = 0;
        var failures = new List<string>();
        void Fail(string what)
        {
            lock (failures)
            {
                failures.Add(what);
            }
        }

        var threads = new List<Thread>();
        for (int t = 0; t < QueryThreads; t++)
        {
            int seed = t;
            threads.Add(new Thread(() =>
            {
                for (int i = seed; DateTime.UtcNow < stop; i += QueryThreads)
                {
                    string got = Work(i % distinct);
                    if (got != expected[i % distinct])
                    {
                        Fail($"query {i % distinct} on thread {seed}: {got}");
                    }

                    Interlocked.Increment(ref queries);
                }
            }));
        }

        for (int t = 0; t < SaveThreads; t++)
        {
            int seed = t;
            threads.Add(new Thread(() =>
            {
                string own = Path.Combine(dir, "own" + seed + ".json");
                for (int i = 0; DateTime.UtcNow < stop; i++)
                {
                    // Half the time save over the shared file (the whole seed or the small graph), half the time load it.
                    if (i % 2 == seed % 2)
                    {
                        (i % 4 < 2 ? g : other).Save(shared);
                        Interlocked.Increment(ref saves);
                    }
                    else
                    {
                        string json = Graph.Load(shared).ToJson();
                        if (!versions.Contains(json))
                        {
                            Fail("a load of the shared file saw neither version");
                        }

                        Interlocked.Increment(ref loads);
                    }

                    (seed == 0 ? g : other).Save(own);
                    if (Graph.Load(own).ToJson() != versions[seed == 0 ? 0 : 1])
                    {
                        Fail("a graph saved and loaded again differs");
                    }

                    Interlocked.Add(ref saves, 1);
                    Interlocked.Add(ref loads, 1);
                }
            }));
        }

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        try
        {
            string summary = string.Create(CultureInfo.InvariantCulture, $"Soak: {QueryThreads + SaveThreads} threads ({QueryThreads} querying one graph, {SaveThreads} saving and loading), {seconds} s: {queries} query batches (5 operations each), {saves} saves, {loads} loads, {failures.Count} failures");
            output.WriteLine(summary);
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "soak-summary.txt"), summary + "\n");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
            Assert.True(queries >= QueryThreads && saves >= 1 && loads >= 1, "every thread ran at least once");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// A writer killed during a save leaves the target whole: the previous file when the kill lands while the temporary
    /// file is written, the new file when it lands after the rename (the two cannot be told apart from outside, and both
    /// are what an atomic save promises; a half-written target never is).
    /// </summary>
    [Fact]
    public void WriterKilledDuringASave_LeavesTheTargetWholeAndLoadable()
    {
        string dir = Directory.CreateTempSubdirectory("kg-kill").FullName;
        try
        {
            string big = Path.Combine(dir, "big.json");
            string target = Path.Combine(dir, "target.json");
            BigGraph(60_000).Save(big);
            TestGraphs.Small().Save(target);
            byte[] before = File.ReadAllBytes(target);

            // The real kg loads the big graph and saves it over the target; it is killed as soon as its temporary file exists.
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "kg.dll"), "--graph", "big.json", "export", "-o", "target.json" })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            bool killed = false;
            while (!p.HasExited)
            {
                var temp = new DirectoryInfo(dir).GetFiles(".target.json.*.tmp").FirstOrDefault();
                if (temp is not null)
                {
                    p.Kill(entireProcessTree: true);
                    killed = true;
                    break;
                }

                Thread.Yield();
            }

            p.WaitForExit();
            Assert.True(killed, $"the writer exited with {p.ExitCode} before it could be killed: {p.StandardError.ReadToEnd()}");
            byte[] after = File.ReadAllBytes(target);
            if (after.AsSpan().SequenceEqual(before))
            {
                // Killed while writing its temporary file: the previous file is untouched, the partial one is beside it.
                Assert.Equal(TestGraphs.Small().ToJson(), Graph.Load(target).ToJson());
                Assert.NotEmpty(Directory.GetFiles(dir, ".target.json.*.tmp"));
            }
            else
            {
                // The kill landed after the writer had renamed its finished file into place: the new file is whole.
                Assert.Equal(Graph.Load(big).ToJson(), Graph.Load(target).ToJson());
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Graph BigGraph(int n)
    {
        var b = new GraphBuilder(Schema.Default);
        string padding = new('x', 200);
        for (int i = 0; i < n; i++)
        {
            b.AddEntity(new Entity(new EntityId("person:" + i), EntityKind.Person, "person " + i + " " + padding));
        }

        for (int i = 1; i < n; i++)
        {
            b.AddRelation(new EntityId("person:" + (i / 2)), RelationType.Meets, new EntityId("person:" + i));
        }

        return b.Build();
    }
}
