namespace KnowledgeGraph.IO.Rdf;

/// <summary>What an RDF term is.</summary>
internal enum RdfTermKind
{
    /// <summary>No term (the default graph of a triple).</summary>
    None,

    /// <summary>An absolute IRI.</summary>
    Iri,

    /// <summary>A blank node; the value is its label, unique within one document.</summary>
    BlankNode,

    /// <summary>A literal; the value is its lexical form.</summary>
    Literal,
}

/// <summary>
/// One RDF term as the syntax layer reads it: an IRI (resolved), a blank node label, or a literal with its
/// datatype IRI (null for a simple literal, <c>rdf:langString</c> with a language tag).
/// </summary>
internal readonly record struct RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public const string LangString = RdfMapping.Rdf + "langString";

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);

    public static RdfTerm Literal(string text, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, text, language is null ? (datatype == RdfMapping.Xsd + "string" ? null : datatype) : LangString, language);

    public bool IsIri => Kind == RdfTermKind.Iri;

    public bool IsLiteral => Kind == RdfTermKind.Literal;

    /// <summary>The term in N-Triples form (<c>&lt;iri&gt;</c>, <c>_:label</c>, <c>"text"@lang</c>, <c>"1"^^&lt;…#integer&gt;</c>).</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        switch (Kind)
        {
            case RdfTermKind.Iri:
                RdfText.AppendIri(sb, Value);
                break;
            case RdfTermKind.BlankNode:
                sb.Append("_:").Append(Value);
                break;
            case RdfTermKind.Literal:
                RdfText.AppendString(sb, Value);
                if (Language is not null)
                {
                    sb.Append('@').Append(Language);
                }
                else if (Datatype is not null)
                {
                    sb.Append("^^");
                    RdfText.AppendIri(sb, Datatype);
                }

                break;
        }

        return sb.ToString();
    }
}

/// <summary>One statement read: subject, predicate, object, graph (<see cref="RdfTermKind.None"/> for the default graph) and where it starts (1-based).</summary>
internal readonly record struct RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm Graph, int Line, int Column);

/// <summary>A streaming reader of RDF statements: one at a time, in document order, never the whole document at once.</summary>
internal abstract class RdfStatementReader : IDisposable
{
    /// <summary>Reads the next statement; false at the end of the input.</summary>
    /// <exception cref="GraphFormatException">The input is not valid in the syntax, with line and column.</exception>
    public abstract bool TryRead(out RdfQuad quad);

    /// <inheritdoc/>
    public abstract void Dispose();
}
