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

    public static string Ids(IEnumerable<Entity> entities) => string.Join(",", entities.Select(e => e.Id.Value));
}
