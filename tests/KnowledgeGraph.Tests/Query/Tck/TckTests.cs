using System.Globalization;
using Xunit.Abstractions;

namespace KnowledgeGraph.Tests.Query.Tck;

public sealed class TckTests(ITestOutputHelper output)
{
    public static TheoryData<string> ScenarioIds()
    {
        var data = new TheoryData<string>();
        foreach (var s in TckRunner.Scenarios)
        {
            data.Add(s.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Scenario_RunsAsTheTckSays(string id)
    {
        var scenario = TckRunner.Scenarios.Single(s => s.Id == id);
        if (TckRunner.Skipped.TryGetValue(id, out var reason))
        {
            output.WriteLine("skipped: " + reason);
            return;
        }

        var problem = TckRunner.Run(scenario);
        Assert.True(problem is null, id + ": " + problem);
    }

    [Fact]
    public void Tck_AllScenariosNotSkipped_Pass()
    {
        Assert.NotEmpty(TckRunner.Scenarios);
        int passed = 0, failed = 0, skipped = 0;
        var failures = new List<string>();
        var perFeature = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var staleSkips = new List<string>();
        var skippedProblems = new List<string>();
        foreach (var s in TckRunner.Scenarios)
        {
            if (!perFeature.TryGetValue(s.Feature, out var counts))
            {
                perFeature[s.Feature] = counts = new int[3];
            }

            var problem = TckRunner.Run(s);
            if (TckRunner.Skipped.ContainsKey(s.Id))
            {
                skipped++;
                counts[2]++;
                if (problem is null)
                {
                    staleSkips.Add(s.Id);
                }
                else
                {
                    skippedProblems.Add(s.Id + " | " + TckRunner.Skipped[s.Id] + " | " + problem.Replace('\n', ' '));
                }
            }
            else if (problem is null)
            {
                passed++;
                counts[0]++;
            }
            else
            {
                failed++;
                counts[1]++;
                failures.Add(s.Id + ": " + problem);
            }
        }

        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"TCK: {passed} passed, {failed} failed, {skipped} skipped") };
        lines.AddRange(perFeature.Select(p => string.Create(CultureInfo.InvariantCulture, $"  {p.Key}: {p.Value[0]} passed, {p.Value[1]} failed, {p.Value[2]} skipped")));
        lines.AddRange(staleSkips.Select(s => "  skip-listed but passing: " + s));
        lines.AddRange(failures.Select(f => "  FAILED " + f));
        foreach (var l in lines)
        {
            output.WriteLine(l);
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "tck-summary.txt"), string.Join("\n", lines) + "\n");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "tck-skipped.txt"), string.Join("\n", skippedProblems) + "\n");
        Assert.True(failed == 0, string.Join("\n", lines));
    }
}
