using System.Text;

namespace KnowledgeGraph.Tests.Query.Tck;

/// <summary>One step of a TCK scenario: its keyword-less text, doc string and table.</summary>
public sealed record TckStep(string Text, string? DocString, List<List<string>>? Table);

/// <summary>One TCK scenario (an outline expands into one per example row).</summary>
public sealed record TckScenario(string Feature, string Name, List<TckStep> Steps)
{
    public string Id => Feature + " / " + Name;
}

/// <summary>A small Gherkin reader for the TCK's feature files.</summary>
public static class TckFeature
{
    public static List<TckScenario> Parse(string featureName, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var scenarios = new List<TckScenario>();
        string? name = null;
        bool outline = false;
        var steps = new List<TckStep>();
        List<List<string>>? examples = null;
        var background = new List<TckStep>();
        bool inBackground = false;

        void Flush()
        {
            if (name is null)
            {
                return;
            }

            if (!outline)
            {
                scenarios.Add(new TckScenario(featureName, name, [.. background, .. steps]));
            }
            else if (examples is { Count: > 1 })
            {
                var header = examples[0];
                for (int r = 1; r < examples.Count; r++)
                {
                    var row = examples[r];
                    string Sub(string s)
                    {
                        for (int c = 0; c < header.Count; c++)
                        {
                            s = s.Replace("<" + header[c] + ">", row[c], StringComparison.Ordinal);
                        }

                        return s;
                    }

                    var expanded = steps.Select(st => new TckStep(Sub(st.Text), st.DocString is null ? null : Sub(st.DocString), st.Table?.Select(tr => tr.Select(Sub).ToList()).ToList())).ToList();
                    scenarios.Add(new TckScenario(featureName, $"{name} (example {r})", [.. background, .. expanded]));
                }
            }

            name = null;
            steps = [];
            examples = null;
        }

        List<List<string>>? currentTable = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('@'))
            {
                continue;
            }

            if (line.StartsWith("Feature:", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("Background:", StringComparison.Ordinal))
            {
                inBackground = true;
                continue;
            }

            if (line.StartsWith("Scenario Outline:", StringComparison.Ordinal) || line.StartsWith("Scenario:", StringComparison.Ordinal))
            {
                Flush();
                inBackground = false;
                outline = line.StartsWith("Scenario Outline:", StringComparison.Ordinal);
                name = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                currentTable = null;
                continue;
            }

            if (line.StartsWith("Examples:", StringComparison.Ordinal))
            {
                examples = [];
                currentTable = examples;
                continue;
            }

            if (line.StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                int indent = lines[i].IndexOf('"', StringComparison.Ordinal);
                var sb = new StringBuilder();
                i++;
                while (i < lines.Length && !lines[i].Trim().StartsWith("\"\"\"", StringComparison.Ordinal))
                {
                    string l = lines[i];
                    int cut = Math.Min(indent, l.Length - l.TrimStart().Length);
                    sb.Append(l[cut..]).Append('\n');
                    i++;
                }

                var target = inBackground ? background : steps;
                var last = target[^1];
                target[^1] = last with { DocString = sb.ToString().TrimEnd('\n') };
                continue;
            }

            if (line.StartsWith('|'))
            {
                var cells = SplitRow(line);
                if (currentTable is null)
                {
                    var target = inBackground ? background : steps;
                    var last = target[^1];
                    currentTable = [];
                    target[^1] = last with { Table = currentTable };
                }

                currentTable.Add(cells);
                continue;
            }

            currentTable = null;
            foreach (var kw in new[] { "Given ", "When ", "Then ", "And ", "But " })
            {
                if (line.StartsWith(kw, StringComparison.Ordinal))
                {
                    (inBackground ? background : steps).Add(new TckStep(line[kw.Length..].Trim(), null, null));
                    break;
                }
            }
        }

        Flush();
        return scenarios;
    }

    private static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        bool inString = false;
        for (int i = 1; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                sb.Append('|');
                i++;
                continue;
            }

            if (c == '\\' && inString && i + 1 < line.Length)
            {
                sb.Append(c).Append(line[i + 1]);
                i++;
                continue;
            }

            if (c == '\'')
            {
                inString = !inString;
            }

            if (c == '|' && !inString)
            {
                cells.Add(sb.ToString().Trim());
                sb.Clear();
                continue;
            }

            sb.Append(c);
        }

        return cells;
    }
}
