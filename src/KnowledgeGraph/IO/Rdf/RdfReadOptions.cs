using System.Collections.Immutable;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// How the RDF readers map foreign vocabulary into the typed model, on top of <see cref="RdfMapping"/>'s own
/// mapping: a class map (class IRI → entity kind) and a predicate map (predicate IRI → relation type for
/// IRI and blank node objects, property key for literal objects). A mapped IRI wins over the built-in rules.
/// </summary>
/// <example><code>
/// var rdf = new RdfReadOptions
/// {
///     Classes = new Dictionary&lt;string, string&gt; { ["http://xmlns.com/foaf/0.1/Person"] = "Person" },
///     Predicates = new Dictionary&lt;string, string&gt; { ["http://xmlns.com/foaf/0.1/knows"] = "KNOWS" },
/// };
/// Graph g = NTriplesReader.Read("people.nt", new GraphReadOptions { Schema = Schema.Open }, rdf);
/// </code></example>
/// <threadsafety>Immutable once built; safe to share across threads.</threadsafety>
public sealed class RdfReadOptions
{
    /// <summary>The defaults: no maps, every graph of an N-Quads file read into one graph.</summary>
    public static RdfReadOptions Default { get; } = new();

    /// <summary>Class IRI → entity kind name; empty by default.</summary>
    public IReadOnlyDictionary<string, string> Classes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Predicate IRI → relation type (IRI or blank node object) or property key (literal object); empty by default.</summary>
    public IReadOnlyDictionary<string, string> Predicates { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The base IRI of a Turtle document without <c>@base</c>, for its relative IRIs; null to refuse relative IRIs.</summary>
    public string? BaseIri { get; init; }
}
