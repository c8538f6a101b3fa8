using KnowledgeGraph.IO;

namespace KnowledgeGraph.Tests.IO.Consumers;

/// <summary>Mermaid's own parser accepts our flowcharts, even of a graph whose names hold everything Mermaid treats specially.</summary>
public class MermaidTests
{
    [SkippableTheory]
    [InlineData("seed")]
    [InlineData("tricky")]
    public void MermaidParse_OurFlowchart_IsValid(string which)
    {
        var g = which == "seed" ? Graph.LoadSeed() : TestGraphs.Tricky();
        var (code, output) = Parse(GraphFormat.Mermaid.WriteToString(g));
        Assert.True(code == 0, output);
        Assert.Equal("ok flowchart-v2", output.Trim());
    }

    [SkippableFact]
    public void MermaidParse_UnescapedLabel_IsRejected()
    {
        // The control: the parser is live and rejects what an unescaping writer would produce.
        var (code, output) = Parse("flowchart LR\n  a[\"say \"hi\"\"] --> end\n");
        Assert.NotEqual(0, code);
        Assert.StartsWith("error ", output);
    }

    private static (int Code, string Output) Parse(string text)
    {
        var (node, folder) = Tool.RequireNodePackages("mermaid", "jsdom");
        string path = Tool.TempFile(".mmd");
        try
        {
            File.WriteAllText(path, text);
            var (code, output, err) = Tool.Run(node, ["mermaid-parse.mjs", path], workingDirectory: folder);
            return (code, output + err);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
