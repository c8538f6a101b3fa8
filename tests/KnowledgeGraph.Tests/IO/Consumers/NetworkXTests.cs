using System.Text.Json;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.GraphML;

namespace KnowledgeGraph.Tests.IO.Consumers;

/// <summary>NetworkX reads our GraphML, and we read the GraphML NetworkX writes.</summary>
public class NetworkXTests
{
    private const string Install = "apt-get install -y python3-networkx (when 'python3 -c \"import networkx\"' fails)";

    private const string ReadScript = """
        import json, sys
        import networkx as nx
        g = nx.read_graphml(sys.argv[1])
        out = {
            "directed": g.is_directed(),
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "graph": dict(g.graph),
            "node_attrs": {str(n): d for n, d in g.nodes(data=True)},
            "edges_list": sorted([[str(u), str(v), d.get("type"), d.get("qualifiers"), d.get("evidence")] for u, v, d in g.edges(data=True)], key=lambda e: (e[0], e[2] or "", e[1], e[3] or "", e[4] or "")),
        }
        json.dump(out, sys.stdout, ensure_ascii=True, sort_keys=True)
        """;

    [SkippableTheory]
    [InlineData("seed")]
    [InlineData("tricky")]
    public void ReadGraphml_OurGraph_SameCountsLabelsAndAttributes(string which)
    {
        var g = which == "seed" ? Graph.LoadSeed() : TestGraphs.Tricky();
        string path = Tool.TempFile(".graphml");
        try
        {
            g.Save(path);
            using var doc = RunPython(ReadScript, path);
            var root = doc.RootElement;
            Assert.True(root.GetProperty("directed").GetBoolean());
            Assert.Equal(g.EntityCount, root.GetProperty("nodes").GetInt32());
            Assert.Equal(g.RelationCount, root.GetProperty("edges").GetInt32());
            Assert.Equal(GraphMLWriter.FormatMarker, root.GetProperty("graph").GetProperty("format").GetString());
            var nodes = root.GetProperty("node_attrs");
            foreach (var e in g.Entities)
            {
                var attrs = nodes.GetProperty(e.Id.Value);
                Assert.Equal(e.Kind.Name, attrs.GetProperty("kind").GetString());
                Assert.Equal(e.Name, attrs.GetProperty("name").GetString());
                if (!e.Aliases.IsEmpty)
                {
                    Assert.Equal(e.Aliases, JsonSerializer.Deserialize<string[]>(attrs.GetProperty("aliases").GetString()!));
                }

                if (!e.Labels.IsEmpty)
                {
                    Assert.Equal(e.Labels, JsonSerializer.Deserialize<string[]>(attrs.GetProperty("labels").GetString()!));
                }

                if (!e.Properties.IsEmpty)
                {
                    using var props = JsonDocument.Parse(attrs.GetProperty("properties").GetString()!);
                    Assert.Equal(e.Properties.Keys, props.RootElement.EnumerateObject().Select(p => p.Name));
                }
            }

            var expectedEdges = g.Relations
                .Select(r => (r.Source.Value, r.Target.Value, r.Type.Name))
                .Order()
                .ToList();
            var actualEdges = root.GetProperty("edges_list").EnumerateArray()
                .Select(a => (a[0].GetString()!, a[1].GetString()!, a[2].GetString()!))
                .Order()
                .ToList();
            Assert.Equal(expectedEdges, actualEdges);
            int withEvidence = root.GetProperty("edges_list").EnumerateArray().Count(a => a[4].ValueKind == JsonValueKind.String);
            Assert.Equal(g.Relations.Count(r => !r.Evidence.IsEmpty), withEvidence);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void ReadGraphml_FileNetworkXWrote_LoadsWithTypesKindsAndNames()
    {
        const string writeScript = """
            import sys
            import networkx as nx
            g = nx.MultiDiGraph()
            g.add_node("alice", kind="Person", name="Alice \"A\" <Smith> & co", age=42, score=0.5, vip=True)
            g.add_node("nato", label="Organization", members=32)
            g.add_node("x y")
            g.add_edge("alice", "nato", type="MEMBER_OF", since=2001)
            g.add_edge("alice", "nato", type="LEADS")
            g.add_edge("nato", "x y", weight=1.5)
            nx.write_graphml(g, sys.argv[1])
            """;
        string path = Tool.TempFile(".graphml");
        try
        {
            RunPythonRaw(writeScript, path);
            var g = Graph.Load(path);
            Assert.Equal(3, g.EntityCount);
            Assert.Equal(3, g.RelationCount);
            var alice = g["alice"];
            Assert.Equal(EntityKind.Person, alice.Kind);
            Assert.Equal("Alice \"A\" <Smith> & co", alice.Name);
            Assert.Equal(42L, alice.Properties["age"].AsInteger);
            Assert.Equal(0.5, alice.Properties["score"].AsFloat);
            Assert.True(alice.Properties["vip"].AsBoolean);
            Assert.Equal(EntityKind.Organization, g["nato"].Kind);
            Assert.Equal(32L, g["nato"].Properties["members"].AsInteger);
            Assert.Equal(GraphMLReader.DefaultKind, g["x y"].Kind.Name);
            Assert.Equal("x y", g["x y"].Name);
            Assert.Equal(["LEADS", "MEMBER_OF"], g.RelationsOf("alice", Direction.Out).Select(r => r.Type.Name).Order().ToArray());
            Assert.Equal(2001L, g.RelationsOf("alice", Direction.Out).Single(r => r.Type == RelationType.MemberOf).Qualifiers["since"].AsInteger);
            var toXy = g.RelationsOf("nato", Direction.Out).Single();
            Assert.Equal(GraphMLReader.DefaultRelationType, toXy.Type.Name);
            Assert.Equal(1.5, toXy.Qualifiers["weight"].AsFloat);

            // And our own round trip of what NetworkX wrote stays stable.
            var again = GraphMLReader.Parse(GraphMLWriter.ToGraphML(g), new GraphReadOptions { Schema = Schema.Open });
            Assert.Equal(g.ToJson(), again.ToJson());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonDocument RunPython(string script, string path) => JsonDocument.Parse(RunPythonRaw(script, path));

    private static string RunPythonRaw(string script, string path)
    {
        string python = Tool.Require("python3", "apt-get install -y python3");
        var probe = Tool.Run(python, ["-c", "import networkx"]);
        if (probe.Code != 0)
        {
            Tool.Missing("NetworkX is not installed for python3; .ci/run installs it with: " + Install + "\n" + probe.Err);
        }
        var (code, output, err) = Tool.Run(python, ["-c", script, path]);
        Assert.True(code == 0, "python3 failed: " + err);
        return output;
    }
}
