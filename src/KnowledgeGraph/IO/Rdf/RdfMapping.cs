using System.Globalization;
using System.Text;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// How a graph becomes RDF: the IRI scheme and the vocabulary shared by <see cref="NTriplesWriter"/>,
/// <see cref="TurtleWriter"/> and <see cref="JsonLdWriter"/>, which all write the same set of triples.
/// </summary>
/// <remarks>
/// <para><b>IRIs.</b> An entity is <c>https://knowledge-graph.dev/id/</c> + its percent-encoded id
/// (<c>person:mark-rutte</c> → <c>https://knowledge-graph.dev/id/person:mark-rutte</c>); a document is
/// <c>https://knowledge-graph.dev/doc/</c> + its percent-encoded id. Percent-encoding keeps ASCII letters,
/// digits, <c>-</c>, <c>.</c>, <c>_</c>, <c>~</c> and <c>:</c> and encodes every other UTF-8 byte as <c>%XX</c>.</para>
/// <para><b>Classes.</b> Person, Organization, Country, Event and Place are <c>schema:Person</c>,
/// <c>schema:Organization</c>, <c>schema:Country</c>, <c>schema:Event</c>, <c>schema:Place</c>
/// (<c>schema:</c> = <c>http://schema.org/</c>, as in the schema.org JSON-LD context); other kinds and extra
/// labels are <c>kg:</c> + the percent-encoded name (<c>kg:</c> = <c>https://knowledge-graph.dev/vocab#</c>).</para>
/// <para><b>Entities.</b> <c>schema:identifier</c> (the id), <c>schema:name</c>, <c>schema:alternateName</c> per alias;
/// an event's <c>date</c> property is <c>schema:startDate</c>, a person's <c>role</c> <c>schema:jobTitle</c>, every
/// other property <c>kg:</c> + its key; strings are plain literals, integers <c>xsd:integer</c>, floats
/// <c>xsd:double</c> in canonical form (<c>2.0E0</c>), booleans <c>xsd:boolean</c>, and a list or a null one literal of
/// datatype <c>rdf:JSON</c> holding its JSON (<c>["a",1]</c>, <c>null</c>), so that order, duplicates and one-item lists
/// survive. An entity with extra labels also has <c>kg:kind</c> (its kind's name, since it has several classes);
/// with more than one label, <c>kg:labels</c>, and with aliases out of ordinal order, <c>kg:aliases</c>: the list as
/// <c>rdf:JSON</c>, because sorted triples lose order.</para>
/// <para><b>Relations.</b> A relation is a triple with a schema.org property where one fits — ATTENDS as
/// <c>event schema:attendee person</c> (inverted), ORGANIZES as <c>event schema:organizer x</c> (inverted),
/// MEMBER_OF <c>schema:memberOf</c>, AFFILIATED_WITH <c>schema:affiliation</c>, CITIZEN_OF <c>schema:nationality</c>,
/// HELD_IN and LOCATED_IN <c>schema:location</c> — and <c>kg:</c> + the type otherwise (<c>kg:PRAISES</c>).
/// A relation with qualifiers or evidence is also described by a named statement node (standard RDF
/// reification, no RDF-star, no blank nodes): <c>https://knowledge-graph.dev/rel/</c> + source + <c>/</c> + type
/// + <c>/</c> + target (each percent-encoded; a further <c>/2</c>, <c>/3</c>, … for parallel relations of the
/// same type), written for a relation with qualifiers or evidence, for the second and later of parallel relations
/// of one type between the same two entities, and for a <c>schema:location</c> relation whose type a reader would
/// not infer (HELD_IN from a non-event, LOCATED_IN from an event); typed <c>rdf:Statement</c> with <c>rdf:subject</c>, <c>rdf:predicate</c>, <c>rdf:object</c>,
/// <c>kg:relationType</c>, each qualifier as <c>kg:</c> + key, and <c>kg:evidence</c> pointing to
/// <c>…/evidence/1</c>, <c>…/evidence/2</c>, … (typed <c>kg:Evidence</c> with <c>kg:document</c>, <c>kg:start</c>,
/// <c>kg:length</c>, <c>kg:text</c>).</para>
/// <para><b>Documents.</b> <c>schema:CreativeWork</c> with <c>schema:identifier</c>, <c>schema:name</c> (the title)
/// and <c>schema:text</c>.</para>
/// <para><b>Reading back</b> (<see cref="NTriplesReader"/>, <see cref="NQuadsReader"/>, <see cref="TurtleReader"/>,
/// <see cref="JsonLdReader"/>): the inverse of the above, so the library's own export reads back to an equal graph.
/// A subject of <see cref="DocumentBase"/> typed <c>schema:CreativeWork</c> is a document; one typed
/// <c>rdf:Statement</c> describes a relation (<c>rdf:subject</c>, <c>rdf:predicate</c>, <c>rdf:object</c>,
/// <c>kg:relationType</c>, every other literal a qualifier, <c>kg:evidence</c> its evidence in the order of the
/// <c>/evidence/N</c> IRIs); one typed <c>kg:Evidence</c> is evidence; every other node that has classes, literals or
/// an IRI-to-IRI link is an entity. An entity's id is the decoded <see cref="EntityBase"/> IRI, else the IRI itself
/// (<c>_:label</c> for a blank node); its kind is <c>kg:kind</c>, else the first <c>rdf:type</c> (the user's class
/// map, the schema.org class's name, a <c>kg:</c> name decoded, else the class's local name), else <c>Thing</c>; other
/// classes are labels. Its name is <c>schema:name</c>, else <c>rdfs:label</c>, <c>skos:prefLabel</c>, <c>foaf:name</c>
/// or any predicate whose local name is <c>name</c> or <c>label</c>, else the IRI's local name; <c>schema:alternateName</c>
/// gives aliases. Each other literal is a property: the key from the user's predicate map, <c>kg:</c> + key,
/// <c>schema:startDate</c> of an event (<c>date</c>), <c>schema:jobTitle</c> of a person (<c>role</c>), else the predicate's
/// local name; integer datatypes read as integers, <c>xsd:double</c>/<c>float</c>/<c>decimal</c> as floats,
/// <c>xsd:boolean</c> as booleans, <c>rdf:JSON</c> as its JSON value, anything else (language-tagged text, dates) as its
/// text; a key given several values holds their list. Each IRI-to-IRI triple between entities is a relation: the
/// user's predicate map, the schema.org properties above (inverted back for <c>schema:attendee</c> and
/// <c>schema:organizer</c>; <c>schema:location</c> is HELD_IN from an event, else LOCATED_IN), <c>kg:</c> + type, else
/// the predicate's local name; numbered statement nodes up to <c>N</c> mean <c>N</c> parallel relations. The graph
/// label of an N-Quads statement is ignored: every graph is read into one. Classes, labels, relation types and
/// kinds taken from local names have whitespace and control characters replaced by <c>_</c>.</para>
/// </remarks>
public static partial class RdfMapping
{
    /// <summary>The base of entity IRIs: <c>https://knowledge-graph.dev/id/</c>.</summary>
    public const string EntityBase = "https://knowledge-graph.dev/id/";

    /// <summary>The base of document IRIs: <c>https://knowledge-graph.dev/doc/</c>.</summary>
    public const string DocumentBase = "https://knowledge-graph.dev/doc/";

    /// <summary>The base of relation statement IRIs: <c>https://knowledge-graph.dev/rel/</c>.</summary>
    public const string RelationBase = "https://knowledge-graph.dev/rel/";

    /// <summary>The library's vocabulary: <c>https://knowledge-graph.dev/vocab#</c> (prefix <c>kg:</c>).</summary>
    public const string Vocabulary = "https://knowledge-graph.dev/vocab#";

    /// <summary>The schema.org namespace as its JSON-LD context defines it: <c>http://schema.org/</c> (prefix <c>schema:</c>).</summary>
    public const string SchemaOrg = "http://schema.org/";

    internal const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    internal const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    internal const string RdfType = Rdf + "type";
    internal const string RdfJson = Rdf + "JSON";
    internal const string KindPredicate = Vocabulary + "kind";
    internal const string LabelsPredicate = Vocabulary + "labels";
    internal const string AliasesPredicate = Vocabulary + "aliases";

    /// <summary>The prefixes the Turtle and JSON-LD writers declare, in order.</summary>
    internal static readonly (string Prefix, string Namespace)[] Prefixes =
    [
        ("rdf", Rdf), ("xsd", Xsd), ("schema", SchemaOrg), ("kg", Vocabulary),
    ];

    /// <summary>The IRI of an entity.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The IRI.</returns>
    public static string EntityIri(EntityId id) => EntityBase + Encode(id.Value);

    /// <summary>The IRI of a document.</summary>
    /// <param name="documentId">The document id.</param>
    /// <returns>The IRI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documentId"/> is null.</exception>
    public static string DocumentIri(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return DocumentBase + Encode(documentId);
    }

    /// <summary>The RDF class of an entity kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The class IRI.</returns>
    public static string ClassIri(EntityKind kind) => kind.Name switch
    {
        "Person" or "Organization" or "Country" or "Event" or "Place" => SchemaOrg + kind.Name,
        _ => Vocabulary + Encode(kind.Name),
    };

    /// <summary>The property a relation type becomes, and whether its subject and object swap (ATTENDS → <c>schema:attendee</c>, inverted).</summary>
    /// <param name="type">The relation type.</param>
    /// <returns>The property IRI and whether the triple runs from target to source.</returns>
    public static (string Predicate, bool Inverse) RelationPredicate(RelationType type) => type.Name switch
    {
        "ATTENDS" => (SchemaOrg + "attendee", true),
        "ORGANIZES" => (SchemaOrg + "organizer", true),
        "MEMBER_OF" => (SchemaOrg + "memberOf", false),
        "AFFILIATED_WITH" => (SchemaOrg + "affiliation", false),
        "CITIZEN_OF" => (SchemaOrg + "nationality", false),
        "HELD_IN" or "LOCATED_IN" => (SchemaOrg + "location", false),
        _ => (Vocabulary + Encode(type.Name), false),
    };

    /// <summary>The property an entity property becomes (an event's <c>date</c> → <c>schema:startDate</c>).</summary>
    /// <param name="kind">The entity's kind.</param>
    /// <param name="key">The property key.</param>
    /// <returns>The property IRI.</returns>
    public static string PropertyPredicate(EntityKind kind, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (kind.Name, key) switch
        {
            ("Event", "date") => SchemaOrg + "startDate",
            ("Person", "role") => SchemaOrg + "jobTitle",
            _ => Vocabulary + Encode(key),
        };
    }

    /// <summary>Percent-encodes text for an IRI: ASCII letters, digits, <c>-._~:</c> kept, every other UTF-8 byte <c>%XX</c>.</summary>
    internal static string Encode(string text)
    {
        bool dots = text is "." or "..";
        var sb = new StringBuilder(text.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '~' or ':' || (c == '.' && !dots))
            {
                sb.Append(c);
                continue;
            }

            Rune rune = Rune.TryGetRuneAt(text, i, out var r) ? r : Rune.ReplacementChar;
            if (rune.Utf16SequenceLength == 2)
            {
                i++;
            }

            int n = rune.EncodeToUtf8(bytes);
            for (int b = 0; b < n; b++)
            {
                sb.Append('%').Append(bytes[b].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Percent-decodes text encoded by <see cref="Encode"/> (any <c>%XX</c> run as UTF-8); other text unchanged.</summary>
    internal static string Decode(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var bytes = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && RdfLexer.IsHex(text[i + 1]) && RdfLexer.IsHex(text[i + 2]))
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
                continue;
            }

            FlushBytes(sb, bytes);
            sb.Append(text[i]);
        }

        FlushBytes(sb, bytes);
        return sb.ToString();
    }

    /// <summary>The entity id an IRI of <see cref="EntityBase"/> names, else null.</summary>
    internal static string? EntityIdOf(string iri) =>
        iri.Length > EntityBase.Length && iri.StartsWith(EntityBase, StringComparison.Ordinal) ? Decode(iri[EntityBase.Length..]) : null;

    /// <summary>The document id an IRI of <see cref="DocumentBase"/> names, else null.</summary>
    internal static string? DocumentIdOf(string iri) =>
        iri.Length > DocumentBase.Length && iri.StartsWith(DocumentBase, StringComparison.Ordinal) ? Decode(iri[DocumentBase.Length..]) : null;

    /// <summary>The kind a class IRI names: the user's map, the five schema.org classes, <c>kg:</c> names, else the local name.</summary>
    internal static string KindOf(string classIri, RdfReadOptions options)
    {
        if (options.Classes.TryGetValue(classIri, out string? mapped))
        {
            return mapped;
        }

        if (classIri.StartsWith(Vocabulary, StringComparison.Ordinal) && classIri.Length > Vocabulary.Length)
        {
            return Decode(classIri[Vocabulary.Length..]);
        }

        return LocalName(classIri);
    }

    /// <summary>
    /// The relation type a predicate names and whether the triple runs from target to source: the user's map,
    /// the inverse of <see cref="RelationPredicate"/> (<c>schema:location</c> is HELD_IN from an event, else
    /// LOCATED_IN), <c>kg:</c> names, else the predicate's local name.
    /// </summary>
    internal static (string Type, bool Inverse) RelationOf(string predicate, RdfReadOptions options, string subjectKind)
    {
        if (options.Predicates.TryGetValue(predicate, out string? mapped))
        {
            return (mapped, false);
        }

        if (predicate.StartsWith(SchemaOrg, StringComparison.Ordinal))
        {
            switch (predicate.AsSpan(SchemaOrg.Length))
            {
                case "attendee": return ("ATTENDS", true);
                case "organizer": return ("ORGANIZES", true);
                case "memberOf": return ("MEMBER_OF", false);
                case "affiliation": return ("AFFILIATED_WITH", false);
                case "nationality": return ("CITIZEN_OF", false);
                case "location": return (subjectKind == "Event" ? "HELD_IN" : "LOCATED_IN", false);
            }
        }

        return (predicate.StartsWith(Vocabulary, StringComparison.Ordinal) && predicate.Length > Vocabulary.Length
            ? Decode(predicate[Vocabulary.Length..])
            : LocalName(predicate), false);
    }

    /// <summary>The property key a predicate with a literal object names: the user's map, the inverse of <see cref="PropertyPredicate"/>, else the local name.</summary>
    internal static string PropertyKeyOf(string predicate, string kind, RdfReadOptions options)
    {
        if (options.Predicates.TryGetValue(predicate, out string? mapped))
        {
            return mapped;
        }

        if (predicate.StartsWith(Vocabulary, StringComparison.Ordinal) && predicate.Length > Vocabulary.Length)
        {
            return Decode(predicate[Vocabulary.Length..]);
        }

        return (kind, predicate) switch
        {
            ("Event", SchemaOrg + "startDate") => "date",
            ("Person", SchemaOrg + "jobTitle") => "role",
            _ => LocalName(predicate),
        };
    }

    /// <summary>
    /// The value a literal holds: integer datatypes as integers (when they fit), <c>xsd:double</c>, <c>xsd:float</c> and
    /// <c>xsd:decimal</c> as floats, <c>xsd:boolean</c> as a boolean, <c>rdf:JSON</c> (the export's nulls and lists)
    /// as its JSON value, everything else (language-tagged text, dates, unknown datatypes) as its lexical form.
    /// </summary>
    internal static PropertyValue ValueOf(RdfTerm literal, string? predicate = null)
    {
        string text = literal.Value;
        string? type = literal.Datatype;
        if (type is null || !type.StartsWith(Xsd, StringComparison.Ordinal))
        {
            return type == RdfJson && Json.JsonFragments.ParseValue(text, out _) is { } json ? json : PropertyValue.From(text);
        }

        switch (type.AsSpan(Xsd.Length))
        {
            case "integer" or "long" or "int" or "short" or "byte" or "nonNegativeInteger" or "positiveInteger"
                or "negativeInteger" or "nonPositiveInteger" or "unsignedLong" or "unsignedInt" or "unsignedShort" or "unsignedByte":
                return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) ? PropertyValue.From(l) : PropertyValue.From(text);
            case "double" or "float" or "decimal":
                string t = text.Trim();
                double d = t switch
                {
                    "INF" or "+INF" => double.PositiveInfinity,
                    "-INF" => double.NegativeInfinity,
                    "NaN" => double.NaN,
                    _ => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN,
                };
                return t is "NaN" || !double.IsNaN(d) ? PropertyValue.From(d) : PropertyValue.From(text);
            case "date" when predicate == SchemaOrg + "startDate":
                // The export types an event's date text as xsd:date; it reads back as that text.
                return PropertyValue.From(text);
            case "date" or "time" or "dateTime" or "duration":
                return TemporalOf(type[Xsd.Length..], text.Trim()) is { } temporal ? PropertyValue.From(temporal) : PropertyValue.From(text);
            case "boolean":
                return text.Trim() switch
                {
                    "true" or "1" => PropertyValue.From(true),
                    "false" or "0" => PropertyValue.From(false),
                    _ => PropertyValue.From(text),
                };
            default:
                return PropertyValue.From(text);
        }
    }

    /// <summary>
    /// The temporal value of an <c>xsd:date</c>, <c>xsd:time</c>, <c>xsd:dateTime</c> or <c>xsd:duration</c> literal:
    /// a time or date-time with an offset (<c>Z</c>, <c>+01:00</c>) is a Cypher time or date-time, without one a local
    /// time or local date-time; null when the text is not one.
    /// </summary>
    private static TemporalValue? TemporalOf(string type, string text)
    {
        // An offset ends the text: Z or ±hh:mm.
        bool offset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        var kind = type switch
        {
            "date" => TemporalKind.Date,
            "time" => offset ? TemporalKind.Time : TemporalKind.LocalTime,
            "dateTime" => offset ? TemporalKind.DateTime : TemporalKind.LocalDateTime,
            _ => TemporalKind.Duration,
        };
        return type == "date" && offset ? null : Query.Temporal.TemporalText.TryParse(kind, text);
    }

    /// <summary>An IRI's local name: the text after its last <c>#</c>, else after its last <c>/</c>, else after its last <c>:</c>; the whole IRI when that is empty.</summary>
    internal static string LocalName(string iri)
    {
        int cut = iri.LastIndexOf('#');
        if (cut < 0 || cut == iri.Length - 1)
        {
            cut = iri.TrimEnd('/').LastIndexOf('/');
        }

        if (cut < 0)
        {
            cut = iri.LastIndexOf(':');
        }

        string local = cut >= 0 && cut < iri.Length - 1 ? iri[(cut + 1)..].TrimEnd('/') : iri;
        return local.Length == 0 ? iri : Decode(local);
    }

    private static void FlushBytes(StringBuilder sb, List<byte> bytes)
    {
        if (bytes.Count > 0)
        {
            sb.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
    }
}
