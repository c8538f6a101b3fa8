using System.Collections.Immutable;

namespace KnowledgeGraph.Tests.Model;

public class ModelTests
{
    [Fact]
    public void Entity_AliasesAndLabels_AreDistinctSortedAndExcludeNameAndKind()
    {
        var e = new Entity("person:x", EntityKind.Person, "X Y", ["b", "a", "b", "X Y"], labels: ["Person", "Politician", "Politician"]);
        Assert.Equal(["a", "b"], e.Aliases.ToArray());
        Assert.Equal(["Politician"], e.Labels.ToArray());
        Assert.Equal(["Person", "Politician"], e.AllLabels);
        Assert.True(e.HasLabel("Politician"));
    }

    [Fact]
    public void Entity_WithMethods_ReturnNewEntitiesAndLeaveOriginal()
    {
        var e = new Entity("person:x", EntityKind.Person, "X");
        var e2 = e.WithAlias("Mr. X").WithProperty("role", "Envoy").WithLabel("Diplomat");
        Assert.Empty(e.Aliases);
        Assert.True(e.Properties.IsEmpty);
        Assert.Equal("Envoy", e2.Properties.GetString("role"));
        Assert.Equal(["Mr. X"], e2.Aliases.ToArray());
        Assert.NotEqual(e, e2);
        Assert.Equal(e2, e.WithAlias("Mr. X").WithProperty("role", "Envoy").WithLabel("Diplomat"));
        var renamed = e.WithName("Xavier");
        Assert.Equal("Xavier", renamed.Name);
        Assert.Contains("X", renamed.Aliases);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\t")]
    public void EntityKindAndRelationType_InvalidNames_Throw(string name)
    {
        Assert.Throws<ArgumentException>(() => new EntityKind(name));
        Assert.Throws<ArgumentException>(() => new RelationType(name));
    }

    [Fact]
    public void EntityId_ControlCharacters_Throw()
    {
        Assert.Throws<ArgumentException>(() => new EntityId("a\nb"));
        Assert.Throws<ArgumentException>(() => new EntityId(""));
        Assert.Throws<ArgumentNullException>(() => new EntityId(null!));
        Assert.Equal("x:y", new EntityId("x:y").ToString());
    }

    [Fact]
    public void PropertyValue_KindsRoundTripAndCompare()
    {
        Assert.Equal(PropertyValueKind.Null, PropertyValue.Null.Kind);
        Assert.Equal(42L, PropertyValue.From(42L).AsInteger);
        Assert.Equal(2.5, PropertyValue.From(2.5).AsFloat);
        Assert.Equal(42.0, PropertyValue.From(42L).AsFloat);
        Assert.True(PropertyValue.From(true).AsBoolean);
        Assert.Equal("s", PropertyValue.From("s").AsString);
        var list = PropertyValue.From(["a", "b"]);
        Assert.Equal(2, list.AsList.Length);
        Assert.Equal(list, PropertyValue.From(["a", "b"]));
        Assert.NotEqual(PropertyValue.From(1L), PropertyValue.From(1.0));
        Assert.Equal(PropertyValue.From(double.NaN), PropertyValue.From(double.NaN));
        Assert.Throws<InvalidOperationException>(() => PropertyValue.From("s").AsInteger);
        Assert.Equal("[a, b]", list.ToString());
        Assert.Equal("1.5", PropertyValue.From(1.5).ToString());
    }

    [Fact]
    public void PropertyMap_IsSortedAndImmutable()
    {
        var map = PropertyMap.Create(("b", 1L), ("a", "x"), ("b", 2L));
        Assert.Equal(["a", "b"], map.Keys);
        Assert.Equal(2L, map["b"].AsInteger);
        var map2 = map.With("c", true).Without("a");
        Assert.Equal(["a", "b"], map.Keys);
        Assert.Equal(["b", "c"], map2.Keys);
        Assert.Throws<KeyNotFoundException>(() => map["zzz"]);
        Assert.Equal(map, PropertyMap.Create(("a", "x"), ("b", 2L)));
        Assert.Same(PropertyMap.Empty, PropertyMap.Create());
    }

    [Fact]
    public void Relation_EvidenceIsSorted()
    {
        var r = new Relation("a:1", "T", "b:1", null, [new Evidence("d", 10, 1, "x"), new Evidence("d", 2, 1, "y")]);
        Assert.Equal([2, 10], r.Evidence.Select(e => e.Start));
        Assert.Equal("(a:1)-[T]->(b:1)", r.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Evidence("d", -1, 1, "x"));
    }

    [Fact]
    public void Schema_Default_DeclaresWellKnownTypes()
    {
        var schema = Schema.Default;
        Assert.True(schema.IsClosed);
        foreach (var type in RelationType.WellKnown)
        {
            Assert.NotNull(schema.GetRule(type));
        }

        var attends = schema.GetRule(RelationType.Attends)!;
        Assert.True(attends.AllowsSource(EntityKind.Person));
        Assert.False(attends.AllowsTarget(EntityKind.Person));
        Assert.Equal("ATTENDS: Person|Organization|Country → Event", attends.ToString());
        var extended = schema.WithRule("FUNDS", [EntityKind.Country], [EntityKind.Organization]);
        Assert.NotNull(extended.GetRule("FUNDS"));
        Assert.Null(schema.GetRule("FUNDS"));
    }

    [Fact]
    public void PublicTypes_AreSealedOrStaticOrValueTypes()
    {
        var types = typeof(Graph).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed)
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(types);
    }

    [Fact]
    public void PublicMemberTypes_ExposeNoMutableCollections()
    {
        var mutable = new[] { typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>) };
        var offenders = typeof(Graph).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties().Select(p => (t, p.Name, p.PropertyType)))
            .Where(x => x.PropertyType.IsGenericType && mutable.Contains(x.PropertyType.GetGenericTypeDefinition()))
            .Select(x => x.t.Name + "." + x.Name)
            .ToArray();
        Assert.Empty(offenders);
        Assert.IsType<ImmutableArray<string>>(new Entity("a:b", "K", "n").Aliases);
    }
}
