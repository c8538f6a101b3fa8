namespace KnowledgeGraph.Tests;

/// <summary>Small graphs built in code for the tests.</summary>
internal static class TestGraphs
{
    public const string DocText = "Alice met Bob in Paris. Bob leads Acme. Carol praises Alice.";

    /// <summary>
    /// alice -MEETS-> bob, bob -LEADS-> acme, carol -PRAISES-> alice, alice -ATTENDS-> summit,
    /// bob -ATTENDS-> summit, summit -HELD_IN-> paris, acme -LOCATED_IN-> france, dave (isolated).
    /// </summary>
    public static Graph Small()
    {
        var b = new GraphBuilder();
        b.AddDocument(new Document("doc:1", "Test", DocText));
        b.AddEntity(new Entity("person:alice", EntityKind.Person, "Alice Smith", ["Ms. Smith", "Alice"], PropertyMap.Create(("role", "Envoy"))));
        b.AddEntity(new Entity("person:bob", EntityKind.Person, "Bob Jones", ["Mr. Jones"]));
        b.AddEntity(new Entity("person:carol", EntityKind.Person, "Carol King"));
        b.AddEntity(new Entity("person:dave", EntityKind.Person, "Dave Lee"));
        b.AddEntity(new Entity("organization:acme", EntityKind.Organization, "Acme"));
        b.AddEntity(new Entity("event:summit", EntityKind.Event, "The Summit", properties: PropertyMap.Create(("date", "2026-02-13"))));
        b.AddEntity(new Entity("place:paris", EntityKind.Place, "Paris"));
        b.AddEntity(new Entity("country:france", EntityKind.Country, "France", properties: PropertyMap.Create(("iso", "FR"))));
        b.AddRelation(new Relation("person:alice", RelationType.Meets, "person:bob", PropertyMap.Create(("certainty", "explicit")), [new Evidence("doc:1", 0, 23, "Alice met Bob in Paris.")]));
        b.AddRelation(new Relation("person:bob", RelationType.Leads, "organization:acme", null, [new Evidence("doc:1", 24, 15, "Bob leads Acme.")]));
        b.AddRelation(new Relation("person:carol", RelationType.Praises, "person:alice", null, [new Evidence("doc:1", 40, 20, "Carol praises Alice.")]));
        b.AddRelation("person:alice", RelationType.Attends, "event:summit");
        b.AddRelation("person:bob", RelationType.Attends, "event:summit");
        b.AddRelation("event:summit", RelationType.HeldIn, "place:paris");
        b.AddRelation("organization:acme", RelationType.LocatedIn, "country:france");
        return b.Build();
    }

    /// <summary>The text of the tricky graph's document; every evidence sentence is a span of it.</summary>
    public const string TrickyText = "She said \"no\" \\ then left.\nLine two: <b>bold</b> & more.\r\nÜnïcödé 🚀 \u2028 end # % ` | ; { } [ ] '";

    /// <summary>
    /// A graph whose ids, names, kinds, types, properties and evidence hold everything a writer must escape:
    /// quotes, backslashes, newlines, carriage returns, tabs, markup, ampersands, non-ASCII, emoji, line separators.
    /// </summary>
    public static Graph Tricky()
    {
        var b = new GraphBuilder(Schema.Open);
        b.AddDocument(new Document("doc:\"tricky\" <1> & é", "Title \"quoted\" <x>", TrickyText));
        string[] names =
        [
            "Quote \" and 'apostrophe'",
            "Back\\slash \\n not a newline",
            "Line\nbreak\r\nand\ttab",
            "<script>alert('&amp;')</script>",
            "Ünïcödé — 北京 🚀 \u2028\u2029",
            "#quot; # %% ` | ; { } [ ] ( ) end",
            "end",
            "",
        ];
        string[] ids =
        [
            "person:quote\"d",
            "person:back\\slash",
            "a:b",
            "a_b",
            "x y/z?#&<>",
            "ünï:北京",
            "end",
            "o-x",
        ];
        string[] kinds = ["Person", "Organization", "Weird\"<Kind>&", "Country", "Event", "Place", "Thing", "Ünï"];
        for (int i = 0; i < ids.Length; i++)
        {
            var props = PropertyMap.Create(
                ("text", names[(i + 1) % names.Length]),
                ("int", (long)(i - 3) * 1_000_000_007L),
                ("float", i == 0 ? 1e-300 : i + 0.5),
                ("whole", 2.0),
                ("bool", i % 2 == 0),
                ("null", PropertyValue.Null),
                ("list", PropertyValue.From([PropertyValue.From("a\"b"), PropertyValue.From(1L), PropertyValue.From(false)])),
                ("key with space \"q\"", "v"));
            b.AddEntity(new Entity(ids[i], kinds[i], names[i], i == 0 ? ["Alias \"1\"", "Alias\n2 <&>"] : null, props, i == 2 ? ["Extra", "Ünï-Label"] : null));
        }

        var sentence = new Evidence("doc:\"tricky\" <1> & é", 0, 29, TrickyText[..29]);
        var multiline = new Evidence("doc:\"tricky\" <1> & é", 20, 40, TrickyText.Substring(20, 40));
        for (int i = 0; i < ids.Length; i++)
        {
            string type = i % 3 == 0 ? "ATTENDS" : i % 3 == 1 ? "REL\"|<&>`" : "MEMBER_OF";
            b.AddRelation(new Relation(ids[i], type, ids[(i + 1) % ids.Length], PropertyMap.Create(("certainty", "explicit \"really\""), ("amount", 1.5)), [sentence, multiline]));
        }

        b.AddRelation(new Relation(ids[0], "ATTENDS", ids[1]));
        b.AddRelation(new Relation(ids[0], "ATTENDS", ids[1], PropertyMap.Create(("time", "later"))));
        return b.Build();
    }

    public static string Ids(IEnumerable<Entity> entities) => string.Join(",", entities.Select(e => e.Id.Value));

    /// <summary>
    /// A generated graph big enough for progress reports: <paramref name="people"/> people (with a role), one event per
    /// ten people, and for each person an ATTENDS of their event and a MEETS of the next person.
    /// </summary>
    public static Graph Large(int people)
    {
        var b = new GraphBuilder();
        int events = Math.Max(1, people / 10);
        for (int i = 0; i < events; i++)
        {
            b.AddEntity(new Entity($"event:e{i:D6}", EntityKind.Event, $"Meeting {i}"));
        }

        for (int i = 0; i < people; i++)
        {
            b.AddEntity(new Entity($"person:p{i:D6}", EntityKind.Person, $"Person Number {i}", [$"P. {i}"], PropertyMap.Create(("role", "Delegate"))));
        }

        for (int i = 0; i < people; i++)
        {
            b.AddRelation($"person:p{i:D6}", RelationType.Attends, $"event:e{i % events:D6}");
            b.AddRelation($"person:p{i:D6}", RelationType.Meets, $"person:p{(i + 1) % people:D6}");
        }

        return b.Build();
    }
}
