using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.IO.Json;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// The subset of JSON-LD 1.1 that <see cref="JsonLdWriter"/> writes, read as a stream of statements: a document
/// that is a node object, an array of node objects, or an object with <c>@context</c> (before the nodes) and
/// <c>@graph</c>. The context maps prefixes and terms to IRI strings and may set <c>@vocab</c>; node objects give
/// <c>@id</c> first when they have one (else they are blank nodes), <c>@type</c> as a string or array, and
/// properties whose values are strings, numbers, booleans, <c>{"@id"}</c>, <c>{"@value", "@type"|"@language"}</c>,
/// nested node objects, or arrays of those. Not read: remote contexts, scoped or expanded term definitions,
/// <c>@list</c>, <c>@set</c>, <c>@reverse</c>, <c>@included</c>, named graphs, and <c>@id</c> after other keys;
/// these raise <see cref="GraphFormatException"/>. Terms the context does not map are dropped, as JSON-LD does.
/// Nesting is bounded by <see cref="GraphReadOptions.MaxDepth"/>.
/// </summary>
internal sealed class JsonLdParser : RdfStatementReader
{
    private readonly JsonTokenStream _json;
    private readonly Queue<RdfQuad> _pending = new();
    private readonly Dictionary<string, string> _context = new(StringComparer.Ordinal);
    private string? _vocab;
    private int _blankCount;
    private int _state; // 0: before the document, 1: in the top-level array of nodes, 2: done

    public JsonLdParser(Stream stream, string source, GraphReadOptions options, CancellationToken cancellationToken)
    {
        _json = new JsonTokenStream(stream, source, options.MaxDepth, cancellationToken) { MaxStringLength = options.MaxStringLength };
    }

    /// <inheritdoc/>
    public override bool TryRead(out RdfQuad quad)
    {
        while (_pending.Count == 0 && _state != 2)
        {
            Step();
        }

        return _pending.TryDequeue(out quad);
    }

    /// <inheritdoc/>
    public override void Dispose() => _json.Dispose();

    private void Step()
    {
        if (_state == 1)
        {
            Next();
            if (_json.TokenType == JsonTokenType.EndArray)
            {
                _state = 2;
                return;
            }

            NodeObject();
            return;
        }

        if (!_json.Read())
        {
            throw Error("Empty JSON-LD", "the end of the input", "a JSON object or array");
        }

        if (_json.TokenType == JsonTokenType.StartArray)
        {
            _state = 1;
            return;
        }

        Require(JsonTokenType.StartObject, "a JSON object or array");
        TopObject();
    }

    /// <summary>The top-level object: <c>@context</c>, then either <c>@graph</c> or the properties of one node.</summary>
    private void TopObject()
    {
        Next();
        if (_json.TokenType == JsonTokenType.PropertyName && _json.Text == "@context")
        {
            Context();
            Next();
        }

        if (_json.TokenType == JsonTokenType.PropertyName && _json.Text == "@graph")
        {
            Next();
            Require(JsonTokenType.StartArray, "an array of node objects after @graph");
            _state = 1;
            Next();
            if (_json.TokenType == JsonTokenType.EndArray)
            {
                FinishTop();
                return;
            }

            NodeObject();
            return;
        }

        NodeBody(advance: false);
        _state = 2;
    }

    private void FinishTop()
    {
        Next();
        Require(JsonTokenType.EndObject, "the end of the document after @graph");
        _state = 2;
    }

    private void Context()
    {
        Next();
        Require(JsonTokenType.StartObject, "an inline @context object (remote contexts are not read)");
        for (Next(); _json.TokenType != JsonTokenType.EndObject; Next())
        {
            string key = _json.Text!;
            Next();
            Require(JsonTokenType.String, "an IRI string for the term '" + key + "' (expanded term definitions are not read)");
            if (key == "@vocab")
            {
                _vocab = _json.Text;
            }
            else if (key.StartsWith('@'))
            {
                throw Error("Unsupported context keyword", key, "prefix or term definitions and @vocab");
            }
            else
            {
                _context[key] = _json.Text!;
            }
        }
    }

    /// <summary>Reads one node object (the current token is its <c>{</c>) and returns its subject.</summary>
    private RdfTerm NodeObject()
    {
        Require(JsonTokenType.StartObject, "a node object");
        return NodeBody(advance: true);
    }

    /// <summary>The keys of a node object, from its first key (read now when <paramref name="advance"/>) to its <c>}</c>.</summary>
    private RdfTerm NodeBody(bool advance)
    {
        if (advance)
        {
            Next();
        }

        RdfTerm subject;
        if (_json.TokenType == JsonTokenType.PropertyName && _json.Text == "@id")
        {
            Next();
            Require(JsonTokenType.String, "an IRI string for @id");
            subject = Node(_json.Text!);
            Next();
        }
        else
        {
            subject = NewBlank();
        }

        return NestedBody(subject);
    }

    /// <summary>The value(s) of one property: a single value or an array of values.</summary>
    private void Values(RdfTerm subject, RdfTerm predicate, int line, int column, bool isType)
    {
        Next();
        if (_json.TokenType != JsonTokenType.StartArray)
        {
            Value(subject, predicate, line, column, isType);
            return;
        }

        for (Next(); _json.TokenType != JsonTokenType.EndArray; Next())
        {
            Value(subject, predicate, line, column, isType);
        }
    }

    private void Value(RdfTerm subject, RdfTerm predicate, int line, int column, bool isType)
    {
        RdfTerm obj;
        switch (_json.TokenType)
        {
            case JsonTokenType.String when isType:
                obj = RdfTerm.Iri(Expand(_json.Text!, vocab: true) ?? throw Error("Unmapped type", _json.Text!, "an IRI, a compact IRI or a term of the context"));
                break;
            case JsonTokenType.String:
                obj = RdfTerm.Literal(_json.Text!);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                obj = RdfTerm.Literal(_json.TokenType == JsonTokenType.True ? "true" : "false", RdfMapping.Xsd + "boolean");
                break;
            case JsonTokenType.Number:
                string raw = _json.Text!;
                obj = raw.AsSpan().IndexOfAny(".eE") < 0
                    ? RdfTerm.Literal(raw, RdfMapping.Xsd + "integer")
                    : RdfTerm.Literal(RdfMapping.DoubleLexical(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)), RdfMapping.Xsd + "double");
                break;
            case JsonTokenType.Null:
                return;
            case JsonTokenType.StartObject when !isType:
                obj = ValueObject();
                break;
            default:
                throw Error("Bad JSON-LD value", _json.TokenType.ToString(), isType ? "a type IRI string" : "a string, number, boolean, value object or node object");
        }

        _pending.Enqueue(new RdfQuad(subject, predicate, obj, default, line, column));
    }

    /// <summary>After <c>{</c>: <c>{"@value": …}</c>, <c>{"@id": …}</c> alone, or a nested node object.</summary>
    private RdfTerm ValueObject()
    {
        Next();
        if (_json.TokenType == JsonTokenType.PropertyName && _json.Text == "@value")
        {
            Next();
            string text = _json.TokenType switch
            {
                JsonTokenType.String or JsonTokenType.Number => _json.Text!,
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => throw Error("Bad @value", _json.TokenType.ToString(), "a string, number or boolean"),
            };
            string? type = null, language = null;
            for (Next(); _json.TokenType != JsonTokenType.EndObject; Next())
            {
                string key = _json.Text!;
                Next();
                Require(JsonTokenType.String, "a string for " + key);
                if (key == "@type")
                {
                    type = Expand(_json.Text!, vocab: true);
                }
                else if (key == "@language")
                {
                    language = _json.Text;
                }
                else
                {
                    throw Error("Unsupported key in a value object", key, "@type or @language");
                }
            }

            return RdfTerm.Literal(text, type, language);
        }

        if (_json.TokenType == JsonTokenType.PropertyName && _json.Text == "@id")
        {
            Next();
            Require(JsonTokenType.String, "an IRI string for @id");
            var node = Node(_json.Text!);
            Next();
            if (_json.TokenType == JsonTokenType.EndObject)
            {
                return node;
            }

            // A nested node object with an @id and properties.
            return NestedBody(node);
        }

        return NestedBody(NewBlank());
    }

    private RdfTerm NestedBody(RdfTerm subject)
    {
        for (; _json.TokenType != JsonTokenType.EndObject; Next())
        {
            Require(JsonTokenType.PropertyName, "a property name");
            string key = _json.Text!;
            int line = _json.TokenLine, column = _json.TokenColumn;
            if (key == "@type")
            {
                Values(subject, RdfTerm.Iri(RdfMapping.RdfType), line, column, isType: true);
            }
            else if (key.StartsWith('@'))
            {
                throw Error("Unsupported JSON-LD keyword", key == "@id" ? "@id after other keys" : key, "@id first, @type and properties");
            }
            else if (Expand(key, vocab: true) is { } predicate)
            {
                Values(subject, RdfTerm.Iri(predicate), line, column, isType: false);
            }
            else
            {
                Skip();
            }
        }

        return subject;
    }

    /// <summary>A term, compact IRI or IRI expanded: a context term, <c>prefix:local</c> with a known prefix, an IRI, or (with <paramref name="vocab"/>) <c>@vocab</c> + term; null when unmapped.</summary>
    private string? Expand(string value, bool vocab)
    {
        if (_context.TryGetValue(value, out string? term))
        {
            return term;
        }

        int colon = value.IndexOf(':');
        if (colon > 0)
        {
            string prefix = value[..colon];
            return _context.TryGetValue(prefix, out string? ns) && !value.AsSpan(colon + 1).StartsWith("//") ? ns + value[(colon + 1)..] : value;
        }

        return vocab && _vocab is not null ? _vocab + value : null;
    }

    private RdfTerm Node(string id) =>
        id.StartsWith("_:", StringComparison.Ordinal) ? RdfTerm.Blank(id[2..]) : RdfTerm.Iri(Expand(id, vocab: false) ?? id);

    private RdfTerm NewBlank() => RdfTerm.Blank("-j" + (++_blankCount).ToString(CultureInfo.InvariantCulture));

    private void Skip()
    {
        Next();
        if (_json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        for (int depth = 1; depth > 0;)
        {
            Next();
            depth += _json.TokenType switch
            {
                JsonTokenType.StartObject or JsonTokenType.StartArray => 1,
                JsonTokenType.EndObject or JsonTokenType.EndArray => -1,
                _ => 0,
            };
        }
    }

    private void Next()
    {
        if (!_json.Read())
        {
            throw Error("Unexpected end of JSON-LD", "the end of the input", "the rest of the document");
        }
    }

    private void Require(JsonTokenType type, string expected)
    {
        if (_json.TokenType != type)
        {
            throw Error("Bad JSON-LD", _json.TokenType.ToString(), expected);
        }
    }

    private GraphFormatException Error(string what, string found, string expected) =>
        new(what, _json.Location(null), found, expected);
}
