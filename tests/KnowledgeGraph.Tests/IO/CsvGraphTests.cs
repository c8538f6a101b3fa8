using System.Diagnostics;
using System.Text;
using KnowledgeGraph.IO;
using KnowledgeGraph.IO.Csv;

namespace KnowledgeGraph.Tests.IO;

public class CsvGraphTests
{
    private static readonly GraphReadOptions Open = new() { Schema = Schema.Open };

    private static Graph ReadText(string nodes, string edges, char delimiter = ',', GraphReadOptions? options = null, CancellationToken cancellationToken = default) =>
        CsvGraphReader.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(nodes)),
            new MemoryStream(Encoding.UTF8.GetBytes(edges)),
            delimiter,
            options ?? Open,
            cancellationToken);

    private static GraphFormatException FormatError(string nodes, string edges, char delimiter = ',') =>
        Assert.Throws<GraphFormatException>(() => ReadText(nodes, edges, delimiter));

    [Fact]
    public void Read_PlainTsv_BuildsGraphInIdOrder()
    {
        var g = ReadText(
            "id\tkind\tname\np2\tPerson\tBob\np1\tPerson\tAlice\no1\tOrganization\tAcme\n",
            "source\ttype\ttarget\np1\tMEMBER_OF\to1\np2\tPRAISES\tp1\np1\tPRAISES\tp2\n",
            '\t');

        Assert.Equal("o1,p1,p2", TestGraphs.Ids(g.Entities));
        Assert.Equal("Alice", g["p1"].Name);
        Assert.Equal(EntityKind.Organization, g["o1"].Kind);
        Assert.Equal(
            ["(p1)-[MEMBER_OF]->(o1)", "(p1)-[PRAISES]->(p2)", "(p2)-[PRAISES]->(p1)"],
            g.Relations.Select(r => r.ToString()));
        Assert.Equal("p1", TestGraphs.Ids(g.In("p2")));
    }

    [Fact]
    public void Read_Neo4jHeaders_ReadsLabelsAndTypedColumns()
    {
        var g = ReadText(
            "id:ID,:LABEL,name,aliases:string[],age:int,score:float,tags:string[],active:boolean,note\n" +
            "p1,Person;Diplomat,Alice,Ally;Al,42,0.5,a;b,true,hello\n" +
            "c1,Country,France,,,,,,\n",
            ":START_ID,:TYPE,:END_ID,since:int\np1,CITIZEN_OF,c1,1999\n");

        var alice = g["p1"];
        Assert.Equal(EntityKind.Person, alice.Kind);
        Assert.Equal(["Diplomat"], alice.Labels.ToArray());
        Assert.Equal(["Al", "Ally"], alice.Aliases.ToArray());
        Assert.Equal(42, alice.Properties["age"].AsInteger);
        Assert.Equal(0.5, alice.Properties["score"].AsFloat);
        Assert.Equal(["a", "b"], alice.Properties["tags"].AsList.Select(v => v.AsString));
        Assert.True(alice.Properties["active"].AsBoolean);
        Assert.Equal("hello", alice.Properties.GetString("note"));
        Assert.True(g["c1"].Properties.IsEmpty);
        Assert.Equal(1999, g.Relations[0].Qualifiers["since"].AsInteger);
    }

    [Fact]
    public void Read_QuotedFields_KeepDelimitersQuotesAndNewlines()
    {
        var g = ReadText(
            "id,kind,name\r\np1,Person,\"Smith, John\"\r\np2,Person,\"He said \"\"hi\"\"\"\np3,Person,\"two\nlines\"\n\np4,Person,plain\n",
            "source,type,target\np1,PRAISES,p4\n");

        Assert.Equal("Smith, John", g["p1"].Name);
        Assert.Equal("He said \"hi\"", g["p2"].Name);
        Assert.Equal("two\nlines", g["p3"].Name);
        Assert.Equal("plain", g["p4"].Name);
    }

    [Fact]
    public void Read_WrongFieldCount_ReportsLineAndColumn()
    {
        var ex = FormatError("id,kind,name\np1,Person,\"a\nb\"\np2,Person\n", "source,type,target\n");

        Assert.Equal("Wrong number of fields", ex.What);
        Assert.Equal("<stream> nodes", ex.Location.Source);
        Assert.Equal(4, ex.Line);
        Assert.Equal(10, ex.Column);
        Assert.Equal("2 fields", ex.Found);
        Assert.Equal("3 fields, as in the header", ex.Expected);
    }

    [Fact]
    public void Read_ExtraField_PointsAtIt()
    {
        var ex = FormatError("id,kind,name\np1,Person,A\n", "source,type,target\np1,PRAISES,p1,extra\n");

        Assert.Equal(2, ex.Line);
        Assert.Equal(15, ex.Column);
        Assert.Equal("4 fields", ex.Found);
    }

    [Fact]
    public void Read_UnclosedQuote_ReportsWhereItOpened()
    {
        var ex = FormatError("id,kind,name\np1,Person,\"open\n", "source,type,target\n");

        Assert.Equal("Unclosed quoted field", ex.What);
        Assert.Equal((2, 11), (ex.Line, ex.Column));
    }

    [Fact]
    public void Read_TextAfterClosingQuote_IsAnError()
    {
        var ex = FormatError("id,kind,name\np1,Person,\"a\"b\n", "source,type,target\n");

        Assert.Equal("Unexpected text after a closing quote", ex.What);
        Assert.Equal((2, 14), (ex.Line, ex.Column));
        Assert.Equal("'b'", ex.Found);
    }

    [Fact]
    public void Read_BadTypedValue_ReportsFoundAndExpected()
    {
        var ex = FormatError("id:ID,:LABEL,age:int\np1,Person,forty\n", ":START_ID,:TYPE,:END_ID\n");

        Assert.Equal("Invalid value", ex.What);
        Assert.Equal((2, 11), (ex.Line, ex.Column));
        Assert.Equal("'forty'", ex.Found);
        Assert.Equal("an integer", ex.Expected);
    }

    [Theory]
    [InlineData("kind,name\n", "Missing id column")]
    [InlineData("id,name\n", "Missing kind column")]
    [InlineData("", "Missing header")]
    [InlineData("id,kind,age:decimal\n", "Unknown column type")]
    [InlineData("id,kind,name,name\n", "Duplicate column")]
    public void Read_BadNodeHeader_IsAFormatError(string nodes, string what)
    {
        var ex = FormatError(nodes, "source,type,target\n");

        Assert.Equal(what, ex.What);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Read_MissingTypeColumn_NamesBothSpellings()
    {
        var ex = FormatError("id,kind\np1,Person\n", "source,target\np1,p1\n");

        Assert.Equal("Missing type column", ex.What);
        Assert.Equal("a column named type or :TYPE", ex.Expected);
    }

    [Fact]
    public void Read_UnknownEndpoint_IsASchemaViolationWithLocation()
    {
        const string nodes = "id,kind\np1,Person\n";
        const string edges = "source,type,target\np1,PRAISES,p1\np1,PRAISES,p9\n";
        var ex = Assert.Throws<SchemaViolationException>(() => ReadText(nodes, edges));

        var v = Assert.Single(ex.Violations);
        Assert.Equal(SchemaViolationKind.UnknownEntity, v.Kind);
        Assert.Equal("(p1)-[PRAISES]->(p9)", v.Subject);
        Assert.Equal(new SourceLocation("<stream> edges", 3, 12), v.Origin);

        var lenient = ReadText(nodes, edges, options: new GraphReadOptions { Schema = Schema.Open, Lenient = true });
        Assert.Equal(1, lenient.RelationCount);
        Assert.Single(lenient.Violations);
    }

    [Fact]
    public void Read_DuplicateId_IsASchemaViolation()
    {
        var ex = Assert.Throws<SchemaViolationException>(() => ReadText("id,kind\np1,Person\np1,Person\n", "source,type,target\n"));

        Assert.Equal(SchemaViolationKind.DuplicateEntity, Assert.Single(ex.Violations).Kind);
    }

    [Fact]
    public void Read_DefaultSchema_ChecksDomainAndRange()
    {
        var ex = Assert.Throws<SchemaViolationException>(() => ReadText(
            "id,kind\np1,Person\ne1,Event\n",
            "source,type,target\np1,ATTENDS,e1\ne1,ATTENDS,p1\n",
            options: GraphReadOptions.Default));

        Assert.Contains(ex.Violations, v => v.Kind == SchemaViolationKind.DomainMismatch && v.Origin!.Line == 3);
        Assert.All(ex.Violations, v => Assert.Equal("(e1)-[ATTENDS]->(p1)", v.Subject));
    }

    [Fact]
    public void Read_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ReadText("id,kind\np1,Person\n", "source,type,target\n", cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData(CsvHeaderStyle.Plain, ',')]
    [InlineData(CsvHeaderStyle.Plain, '\t')]
    [InlineData(CsvHeaderStyle.Neo4j, ',')]
    public void RoundTrip_SeedGraph_KeepsEntitiesAndRelations(CsvHeaderStyle style, char delimiter)
    {
        var seed = Graph.LoadSeed();
        var (nodes, edges) = WriteToMemory(seed, new CsvWriteOptions { HeaderStyle = style, Delimiter = delimiter });

        var back = CsvGraphReader.Read(new MemoryStream(nodes), new MemoryStream(edges), delimiter, GraphReadOptions.Default);

        // CSV carries no documents and no evidence; everything else survives.
        Assert.Equal(seed.Entities, back.Entities);
        Assert.Equal(
            seed.Relations.Select(r => (r.Source, r.Type, r.Target, r.Qualifiers)),
            back.Relations.Select(r => (r.Source, r.Type, r.Target, r.Qualifiers)));
        Assert.Empty(back.Documents);
    }

    [Fact]
    public void RoundTrip_TypedPropertiesAndAwkwardText_Survive()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddEntity(new Entity("p:1", EntityKind.Person, "Name, with \"quotes\"\nand a line", ["Al\tias"], PropertyMap.Create(
            ("age", 42L), ("score", 0.1 + 0.2), ("active", true), ("tags", PropertyValue.From(["x", "y"])), ("note", "ünïcödé"))));
        b.AddEntity(new Entity("p:2", new EntityKind("Diplomat"), "B", labels: ["Envoy"]));
        b.AddRelation(new Relation("p:1", new RelationType("KNOWS"), "p:2", PropertyMap.Create(("since", 1999L))));
        var g = b.Build();

        foreach (var style in new[] { CsvHeaderStyle.Plain, CsvHeaderStyle.Neo4j })
        {
            var (nodes, edges) = WriteToMemory(g, new CsvWriteOptions { HeaderStyle = style });
            var back = CsvGraphReader.Read(new MemoryStream(nodes), new MemoryStream(edges), ',', Open);
            Assert.Equal(g.Entities, back.Entities);
            Assert.Equal(g.Relations, back.Relations);
        }
    }

    [Fact]
    public void Read_RecordsSpanningBufferRefills_ParseLikeSmallOnes()
    {
        var b = new GraphBuilder(Schema.Open);
        for (int i = 0; i < 4000; i++)
        {
            b.AddEntity(new Entity($"p{i}", EntityKind.Person, $"Person \"{i}\",\n" + new string('x', i % 97)));
            if (i > 0)
            {
                b.AddRelation($"p{i}", RelationType.Praises, $"p{i - 1}");
            }
        }

        var g = b.Build();
        var (nodes, edges) = WriteToMemory(g, null);
        var back = CsvGraphReader.Read(new MemoryStream(nodes), new MemoryStream(edges), ',', Open);

        Assert.Equal(g.Entities, back.Entities);
        Assert.Equal(g.Relations, back.Relations);
    }

    [Fact]
    public void Write_SameGraph_SameBytes()
    {
        var seed = Graph.LoadSeed();
        var first = WriteToMemory(seed, null);
        var second = WriteToMemory(seed, null);

        Assert.Equal(first.Nodes, second.Nodes);
        Assert.Equal(first.Edges, second.Edges);
        Assert.StartsWith("id,kind,name,aliases", Encoding.UTF8.GetString(first.Nodes));
        Assert.StartsWith("source,type,target,", Encoding.UTF8.GetString(first.Edges));
    }

    [Fact]
    public void WriteAndRead_Files_UseTheExtensionForTheDelimiter()
    {
        string dir = Directory.CreateTempSubdirectory("kg-csv-").FullName;
        try
        {
            string nodes = Path.Combine(dir, "nodes.tsv"), edges = Path.Combine(dir, "edges.tsv");
            CsvGraphWriter.Write(TestGraphs.Small(), nodes, edges);

            Assert.StartsWith("id\tkind\tname\taliases", File.ReadAllText(nodes));
            var back = CsvGraphReader.Read(nodes, edges);
            Assert.Equal(TestGraphs.Small().Entities, back.Entities);
            Assert.Equal(7, back.RelationCount);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(CsvHeaderStyle.Plain, "csv")]
    [InlineData(CsvHeaderStyle.Neo4j, "csv")]
    [InlineData(CsvHeaderStyle.Plain, "tsv")]
    public void PythonCsvModule_ReadsOurFiles_SameCounts(CsvHeaderStyle style, string extension)
    {
        var seed = Graph.LoadSeed();
        string dir = Directory.CreateTempSubdirectory("kg-csv-py-").FullName;
        try
        {
            string nodes = Path.Combine(dir, "nodes." + extension), edges = Path.Combine(dir, "edges." + extension);
            CsvGraphWriter.Write(seed, nodes, edges, new CsvWriteOptions { HeaderStyle = style });
            const string script = """
                import csv, sys
                for path in sys.argv[1:]:
                    delim = '\t' if path.endswith('.tsv') else ','
                    with open(path, newline='', encoding='utf-8') as f:
                        rows = list(csv.reader(f, delimiter=delim))
                    widths = {len(r) for r in rows}
                    print(len(rows) - 1, len(widths), rows[1][0])
                """;
            var output = RunPython(script, nodes, edges);

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"{seed.EntityCount} 1 {seed.Entities[0].Id}", lines[0]);
            Assert.Equal($"{seed.RelationCount} 1 {seed.Relations[0].Source}", lines[1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (byte[] Nodes, byte[] Edges) WriteToMemory(Graph g, CsvWriteOptions? options)
    {
        using var nodes = new MemoryStream();
        using var edges = new MemoryStream();
        CsvGraphWriter.Write(g, nodes, edges, options);
        return (nodes.ToArray(), edges.ToArray());
    }

    private static string RunPython(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return output;
    }
}
