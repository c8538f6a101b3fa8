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
/// <c>xsd:double</c> in canonical form (<c>2.0E0</c>), booleans <c>xsd:boolean</c>, a list one triple per item, null no triple.</para>
/// <para><b>Relations.</b> A relation is a triple with a schema.org property where one fits — ATTENDS as
/// <c>event schema:attendee person</c> (inverted), ORGANIZES as <c>event schema:organizer x</c> (inverted),
/// MEMBER_OF <c>schema:memberOf</c>, AFFILIATED_WITH <c>schema:affiliation</c>, CITIZEN_OF <c>schema:nationality</c>,
/// HELD_IN and LOCATED_IN <c>schema:location</c> — and <c>kg:</c> + the type otherwise (<c>kg:PRAISES</c>).
/// A relation with qualifiers or evidence is also described by a named statement node (standard RDF
/// reification, no RDF-star, no blank nodes): <c>https://knowledge-graph.dev/rel/</c> + source + <c>/</c> + type
/// + <c>/</c> + target (each percent-encoded; a further <c>/2</c>, <c>/3</c>, … for parallel relations of the
/// same type), typed <c>rdf:Statement</c> with <c>rdf:subject</c>, <c>rdf:predicate</c>, <c>rdf:object</c>,
/// <c>kg:relationType</c>, each qualifier as <c>kg:</c> + key, and <c>kg:evidence</c> pointing to
/// <c>…/evidence/1</c>, <c>…/evidence/2</c>, … (typed <c>kg:Evidence</c> with <c>kg:document</c>, <c>kg:start</c>,
/// <c>kg:length</c>, <c>kg:text</c>).</para>
/// <para><b>Documents.</b> <c>schema:CreativeWork</c> with <c>schema:identifier</c>, <c>schema:name</c> (the title)
/// and <c>schema:text</c>.</para>
/// </remarks>
public static class RdfMapping
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
    internal static PropertyValue ValueOf(RdfTerm literal)
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

    /// <summary>Every triple of the graph, sorted by their N-Triples form, each once.</summary>
    internal static List<Triple> Triples(Graph graph, CancellationToken cancellationToken)
    {
        var triples = new List<Triple>(graph.EntityCount * 6 + graph.RelationCount * 4);
        foreach (var d in graph.Documents)
        {
            string s = DocumentIri(d.Id);
            triples.Add(Triple.Iri(s, RdfType, SchemaOrg + "CreativeWork"));
            triples.Add(Triple.Literal(s, SchemaOrg + "identifier", d.Id));
            if (d.Title.Length > 0)
            {
                triples.Add(Triple.Literal(s, SchemaOrg + "name", d.Title));
            }

            triples.Add(Triple.Literal(s, SchemaOrg + "text", d.Text));
        }

        foreach (var e in graph.Entities)
        {
            AddEntity(triples, e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in graph.Relations)
        {
            AddRelation(triples, seen, r, graph.TryGetEntity(r.Source, out var source) ? source.Kind.Name : null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        triples.Sort();
        int write = 0;
        for (int i = 0; i < triples.Count; i++)
        {
            if (write == 0 || triples[i].CompareTo(triples[write - 1]) != 0)
            {
                triples[write++] = triples[i];
            }
        }

        triples.RemoveRange(write, triples.Count - write);
        return triples;
    }

    private static void AddEntity(List<Triple> triples, Entity e)
    {
        string s = EntityIri(e.Id);
        triples.Add(Triple.Iri(s, RdfType, ClassIri(e.Kind)));
        foreach (var label in e.Labels)
        {
            triples.Add(Triple.Iri(s, RdfType, ClassIri(new EntityKind(label))));
        }

        if (!e.Labels.IsEmpty)
        {
            // With several classes, which one is the kind.
            triples.Add(Triple.Literal(s, KindPredicate, e.Kind.Name));
        }

        triples.Add(Triple.Literal(s, SchemaOrg + "identifier", e.Id.Value));
        triples.Add(Triple.Literal(s, SchemaOrg + "name", e.Name));
        foreach (var alias in e.Aliases)
        {
            triples.Add(Triple.Literal(s, SchemaOrg + "alternateName", alias));
        }

        // Sorted triples lose order: several labels, and aliases out of ordinal order, are also written in order.
        if (e.Labels.Length > 1)
        {
            triples.Add(Triple.Literal(s, LabelsPredicate, Json.JsonFragments.Strings(e.Labels), RdfJson));
        }

        if (!IsStrictlyAscending(e.Aliases))
        {
            triples.Add(Triple.Literal(s, AliasesPredicate, Json.JsonFragments.Strings(e.Aliases), RdfJson));
        }

        foreach (var (key, value) in e.Properties)
        {
            AddValue(triples, s, PropertyPredicate(e.Kind, key), value);
        }
    }

    private static bool IsStrictlyAscending(System.Collections.Immutable.ImmutableArray<string> items)
    {
        for (int i = 1; i < items.Length; i++)
        {
            if (string.CompareOrdinal(items[i - 1], items[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddRelation(List<Triple> triples, Dictionary<string, int> seen, Relation r, string? sourceKind)
    {
        var (predicate, inverse) = RelationPredicate(r.Type);
        string subject = EntityIri(inverse ? r.Target : r.Source);
        string obj = EntityIri(inverse ? r.Source : r.Target);
        triples.Add(Triple.Iri(subject, predicate, obj));
        string rel = RelationBase + Encode(r.Source.Value) + "/" + Encode(r.Type.Name) + "/" + Encode(r.Target.Value);
        int n = seen.TryGetValue(rel, out int count) ? count + 1 : 1;
        seen[rel] = n;

        // A statement node carries qualifiers and evidence; it also records a parallel relation (n > 1), which the
        // one triple cannot, and a schema:location relation whose type a reader would not infer from the source's kind.
        bool ambiguous = predicate == SchemaOrg + "location" && (r.Type.Name == "HELD_IN") != (sourceKind == "Event");
        if (r.Qualifiers.IsEmpty && r.Evidence.IsEmpty && n == 1 && !ambiguous)
        {
            return;
        }

        if (n > 1)
        {
            rel += "/" + n.ToString(CultureInfo.InvariantCulture);
        }

        triples.Add(Triple.Iri(rel, RdfType, Rdf + "Statement"));
        triples.Add(Triple.Iri(rel, Rdf + "subject", subject));
        triples.Add(Triple.Iri(rel, Rdf + "predicate", predicate));
        triples.Add(Triple.Iri(rel, Rdf + "object", obj));
        triples.Add(Triple.Literal(rel, Vocabulary + "relationType", r.Type.Name));
        foreach (var (key, value) in r.Qualifiers)
        {
            AddValue(triples, rel, Vocabulary + Encode(key), value);
        }

        for (int i = 0; i < r.Evidence.Length; i++)
        {
            var ev = r.Evidence[i];
            string e = rel + "/evidence/" + (i + 1).ToString(CultureInfo.InvariantCulture);
            triples.Add(Triple.Iri(rel, Vocabulary + "evidence", e));
            triples.Add(Triple.Iri(e, RdfType, Vocabulary + "Evidence"));
            triples.Add(Triple.Iri(e, Vocabulary + "document", DocumentIri(ev.Document)));
            triples.Add(Triple.Literal(e, Vocabulary + "start", ev.Start.ToString(CultureInfo.InvariantCulture), Xsd + "integer"));
            triples.Add(Triple.Literal(e, Vocabulary + "length", ev.Length.ToString(CultureInfo.InvariantCulture), Xsd + "integer"));
            triples.Add(Triple.Literal(e, Vocabulary + "text", ev.Text));
        }
    }

    /// <summary>
    /// The canonical <c>xsd:double</c> form: one digit, a point, the shortest digits that round-trip (at least one),
    /// <c>E</c> and the exponent — <c>2.0E0</c>, <c>5.5E0</c>, <c>1.0E-300</c>; <c>NaN</c>, <c>INF</c>, <c>-INF</c>.
    /// </summary>
    internal static string DoubleLexical(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "INF" : "-INF";
        }

        if (d == 0)
        {
            return "0.0E0";
        }

        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['E', 'e']);
        int exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? r : r[..e];
        int point = mantissa.IndexOf('.');
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int pointPosition = point < 0 ? mantissa.Length : point;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        pointPosition -= leading;
        exponent += pointPosition - 1;
        return (d < 0 ? "-" : string.Empty) + digits[0] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static void AddValue(List<Triple> triples, string subject, string predicate, PropertyValue value)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.String:
                string text = value.AsString;
                bool isDate = predicate == SchemaOrg + "startDate" && text.Length == 10
                    && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                triples.Add(Triple.Literal(subject, predicate, text, isDate ? Xsd + "date" : null));
                break;
            case PropertyValueKind.Integer:
                triples.Add(Triple.Literal(subject, predicate, value.AsInteger.ToString(CultureInfo.InvariantCulture), Xsd + "integer"));
                break;
            case PropertyValueKind.Boolean:
                triples.Add(Triple.Literal(subject, predicate, value.AsBoolean ? "true" : "false", Xsd + "boolean"));
                break;
            case PropertyValueKind.Float:
                triples.Add(Triple.Literal(subject, predicate, DoubleLexical(value.AsFloat), Xsd + "double"));
                break;
            default:
                // A null or a list: its JSON text, so that it reads back as written (order, duplicates, one item).
                triples.Add(Triple.Literal(subject, predicate, Json.JsonFragments.Value(value), RdfJson));
                break;
        }
    }
}

/// <summary>One RDF triple: an IRI subject and predicate, an IRI or literal object.</summary>
internal readonly record struct Triple(string Subject, string Predicate, string Object, bool IsLiteral, string? Datatype)
    : IComparable<Triple>
{
    public static Triple Iri(string subject, string predicate, string obj) => new(subject, predicate, obj, false, null);

    public static Triple Literal(string subject, string predicate, string text, string? datatype = null) => new(subject, predicate, text, true, datatype);

    /// <summary>Subject, rdf:type before other predicates, predicate, then IRI objects before literals, then object text and datatype: the order of the writers.</summary>
    public int CompareTo(Triple other)
    {
        int c = string.CompareOrdinal(Subject, other.Subject);
        if (c == 0)
        {
            // rdf:type first, so Turtle and JSON-LD nodes start with their class.
            c = (Predicate == RdfMapping.RdfType ? 0 : 1).CompareTo(other.Predicate == RdfMapping.RdfType ? 0 : 1);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Predicate, other.Predicate);
        }

        if (c == 0)
        {
            c = IsLiteral.CompareTo(other.IsLiteral);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Object, other.Object);
        }

        return c != 0 ? c : string.CompareOrdinal(Datatype, other.Datatype);
    }
}
