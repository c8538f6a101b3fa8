using System.Globalization;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>The export direction of <see cref="RdfMapping"/>: the triples a graph becomes (documented on the class).</summary>
public static partial class RdfMapping
{
    /// <summary>Every triple of the graph, sorted by their N-Triples form, each once.</summary>
    internal static List<Triple> Triples(Graph graph, CancellationToken cancellationToken, WriteProgress? progress = null)
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
            progress?.Entity();
            AddEntity(triples, e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in graph.Relations)
        {
            progress?.Relation();
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

    /// <summary>
    /// A temporal value as an XML Schema literal: <c>xsd:date</c>, <c>xsd:time</c> (local or with an offset),
    /// <c>xsd:dateTime</c> (local or with an offset; a named zone is not part of the lexical form and is left out),
    /// <c>xsd:duration</c>.
    /// </summary>
    private static Triple TemporalLiteral(string subject, string predicate, TemporalValue v)
    {
        string text = v.ToString();
        int zone = text.IndexOf('[');
        if (zone >= 0)
        {
            text = text[..zone];
        }

        string type = v.Kind switch
        {
            TemporalKind.Date => "date",
            TemporalKind.LocalTime or TemporalKind.Time => "time",
            TemporalKind.LocalDateTime or TemporalKind.DateTime => "dateTime",
            _ => "duration",
        };
        return Triple.Literal(subject, predicate, text, Xsd + type);
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
            case PropertyValueKind.Temporal:
                triples.Add(TemporalLiteral(subject, predicate, value.AsTemporal));
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
