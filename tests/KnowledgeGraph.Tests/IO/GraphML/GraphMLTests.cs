using KnowledgeGraph.IO;
using KnowledgeGraph.IO.GraphML;

namespace KnowledgeGraph.Tests.IO.GraphML;

public class GraphMLTests
{
    [Fact]
    public void RoundTrip_Seed_IsLossless()
    {
        var g = Graph.LoadSeed();
        var back = GraphMLReader.Parse(GraphMLWriter.ToGraphML(g));
        Assert.Equal(g.ToJson(), back.ToJson());
    }

    [Fact]
    public void RoundTrip_TrickyGraph_IsLossless()
    {
        var g = TestGraphs.Tricky();
        string xml = GraphMLWriter.ToGraphML(g);
        var back = GraphMLReader.Parse(xml, new GraphReadOptions { Schema = Schema.Open });
        Assert.Equal(g.ToJson(), back.ToJson());
        Assert.DoesNotContain("\r\n", xml);
    }

    [Theory]
    [InlineData("\"start\":\"4461\"")]
    [InlineData("\"start\":4461.5")]
    [InlineData("\"start\":null")]
    public void Read_EvidenceStartNotAnInteger_IsAFormatError(string start)
    {
        string xml = GraphMLWriter.ToGraphML(Graph.LoadSeed());
        int at = xml.IndexOf("\"start\":4461", StringComparison.Ordinal);
        Assert.True(at > 0);
        string bad = xml[..at] + start + xml[(at + "\"start\":4461".Length)..];
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Parse(bad));
        Assert.Contains("a JSON array of {\"document\", \"start\", \"length\", \"text\"} objects", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Twice_GivesSameBytes()
    {
        var g = TestGraphs.Tricky();
        Assert.Equal(GraphMLWriter.ToGraphML(g), GraphMLWriter.ToGraphML(g));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<graphml", GraphMLWriter.ToGraphML(g));
    }

    [Fact]
    public void Write_ControlCharacterInName_IsRefusedClearly()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("x:1", "Thing", "bell \u0007"));
        var ex = Assert.Throws<NotSupportedException>(() => GraphMLWriter.ToGraphML(b.Build()));
        Assert.Contains("x:1", ex.Message);
    }

    [Fact]
    public void Read_ForeignFile_UsesIdsKindLabelAndDefaults()
    {
        const string xml = """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="kind" attr.type="string"/>
              <key id="d1" for="node" attr.name="age" attr.type="long"/>
              <key id="d2" for="node" attr.name="label" attr.type="string"/>
              <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
              <key id="d4" for="node" attr.name="vip" attr.type="boolean"><default>false</default></key>
              <graph edgedefault="directed">
                <node id="alice"><data key="d0">Person</data><data key="d1">42</data><data key="d2">Alice A.</data></node>
                <node id="bob"><data key="d2">Robot</data><data key="d4">true</data></node>
                <node id="carol"/>
                <edge source="alice" target="bob"><data key="d3">0.5</data></edge>
              </graph>
            </graphml>
            """;
        var g = GraphMLReader.Parse(xml);
        Assert.Equal(3, g.EntityCount);
        var alice = g["alice"];
        Assert.Equal("Person", alice.Kind.Name);
        Assert.Equal("Alice A.", alice.Name);
        Assert.Equal(42L, alice.Properties["age"].AsInteger);
        Assert.False(alice.Properties["vip"].AsBoolean);
        Assert.Equal("Robot", g["bob"].Kind.Name);
        Assert.Equal("bob", g["bob"].Name);
        Assert.True(g["bob"].Properties["vip"].AsBoolean);
        Assert.Equal(GraphMLReader.DefaultKind, g["carol"].Kind.Name);
        var r = Assert.Single(g.Relations);
        Assert.Equal(GraphMLReader.DefaultRelationType, r.Type.Name);
        Assert.Equal(0.5, r.Qualifiers["weight"].AsFloat);
    }

    [Fact]
    public void Read_YEdFile_SkipsGraphicsAndKeepsLabels()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key for="node" id="d0" yfiles.type="nodegraphics"/>
              <key attr.name="description" attr.type="string" for="node" id="d1"/>
              <graph edgedefault="directed" id="G">
                <node id="n0">
                  <data key="d1">first</data>
                  <data key="d0"><y:ShapeNode><y:NodeLabel>Alice</y:NodeLabel></y:ShapeNode></data>
                </node>
                <node id="n1"/>
                <edge id="e0" source="n0" target="n1"/>
              </graph>
            </graphml>
            """;
        var g = GraphMLReader.Parse(xml);
        Assert.Equal(2, g.EntityCount);
        Assert.Equal("first", g["n0"].Properties["description"].AsString);
        Assert.Single(g.Relations);
    }

    [Fact]
    public void Read_MarkupInValueData_IsReported()
    {
        const string xml = "<graphml><key id=\"k\" for=\"node\" attr.name=\"n\"/><graph>\n<node id=\"a\"><data key=\"k\"><b>x</b></data></node></graph></graphml>";
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Parse(xml));
        Assert.Equal("Unsupported GraphML data", ex.What);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Read_Xxe_IsRefused()
    {
        string secret = Path.GetTempFileName();
        File.WriteAllText(secret, "top secret");
        try
        {
            string xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE graphml [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="name" for="node" attr.name="name" attr.type="string"/>
                  <graph edgedefault="directed"><node id="n"><data key="name">&xxe;</data></node></graph>
                </graphml>
                """;
            var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Parse(xml));
            Assert.Equal("DTD not allowed", ex.What);
            Assert.Equal(2, ex.Line);
            Assert.DoesNotContain("top secret", ex.Message);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Read_BillionLaughs_IsRefused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <graphml><graph><node id="&lol9;"/></graph></graphml>
            """;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Parse(xml));
        Assert.Equal("DTD not allowed", ex.What);
        Assert.Equal(2, ex.Line);
    }

    [Theory]
    [InlineData("<graphml><graph><node id=\"a\"></graph></graphml>", "Malformed XML", 1)]
    [InlineData("<notgraphml/>", "Not a GraphML document", 1)]
    [InlineData("<graphml>\n<graph>\n<node id=\"a\"><data key=\"nokey\">x</data></node></graph></graphml>", "Undeclared GraphML key", 3)]
    [InlineData("<graphml>\n<graph>\n<hyperedge/></graph></graphml>", "Hyperedges are not supported", 3)]
    [InlineData("<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/><graph>\n<node id=\"a\"><data key=\"k\">x1</data></node></graph></graphml>", "Invalid value of GraphML key 'k'", 3)]
    [InlineData("<graphml></graphml>", "Missing graph", 1)]
    public void Read_BadInput_ReportsWhatAndWhere(string xml, string what, int line)
    {
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Parse(xml));
        Assert.Equal(what, ex.What);
        Assert.Equal(line, ex.Line);
        Assert.True(ex.Column > 0);
        Assert.Equal("<string>", ex.Location.Source);
    }

    [Fact]
    public void Read_OwnFileWithBadJson_ReportsTheDataElement()
    {
        string xml = GraphMLWriter.ToGraphML(TestGraphs.Small()).Replace("[\"Mr. Jones\"]", "[\"Mr. Jones\"", StringComparison.Ordinal);
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Parse(xml));
        Assert.Equal("Invalid value of GraphML key 'aliases'", ex.What);
        Assert.Contains("JSON array of strings", ex.Expected);
        Assert.True(ex.Line > 10);
    }

    [Fact]
    public void Read_EdgeToMissingNode_RaisesSchemaViolation()
    {
        const string xml = "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>";
        Assert.Throws<SchemaViolationException>(() => GraphMLReader.Parse(xml));
    }
}
