using System.Globalization;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// The Turtle 1.1 grammar: <c>@prefix</c>/<c>PREFIX</c>, <c>@base</c>/<c>BASE</c> (relative IRIs resolved by RFC 3986),
/// prefixed names with escapes, <c>a</c>, <c>;</c> and <c>,</c> lists, blank nodes (<c>_:x</c>, <c>[]</c>, <c>[ … ]</c>),
/// collections, short and long strings in both quotes, language tags, datatypes, and integer, decimal, double and
/// boolean shorthand. One statement is parsed at a time and its triples handed out before the next is read.
/// Nested <c>[ … ]</c> and collections are parsed recursively up to <see cref="GraphReadOptions.MaxDepth"/> levels;
/// deeper nesting raises <see cref="GraphFormatException"/>.
/// </summary>
internal sealed class TurtleParser : RdfStatementReader
{
    private const string RdfNs = RdfMapping.Rdf;
    private const string XsdNs = RdfMapping.Xsd;
    private readonly RdfLexer _lx;
    private readonly Queue<RdfQuad> _pending = new();
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly int _maxDepth;
    private string? _base;
    private int _blankCount;
    private int _line;
    private int _column;

    public TurtleParser(TextReader reader, string source, string? baseIri, int maxDepth = 64, int maxTokenLength = 16 * 1024 * 1024)
    {
        _lx = new RdfLexer(reader, source, maxTokenLength);
        _base = baseIri;
        _maxDepth = maxDepth;
    }

    /// <inheritdoc/>
    public override bool TryRead(out RdfQuad quad)
    {
        while (_pending.Count == 0)
        {
            _lx.SkipSpace(stopAtLineBreak: false);
            if (_lx.Peek() == RdfLexer.Eof)
            {
                quad = default;
                return false;
            }

            Statement();
        }

        quad = _pending.Dequeue();
        return true;
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
    }

    private void Statement()
    {
        _line = _lx.Line;
        _column = _lx.Column;
        int c = _lx.Peek();
        if (c == '@')
        {
            int line = _lx.Line, column = _lx.Column;
            _lx.Read();
            string word = _lx.ReadLanguageTag(line, column);
            if (word == "prefix")
            {
                PrefixDirective();
            }
            else if (word == "base")
            {
                BaseDirective();
            }
            else
            {
                throw _lx.Error("Unknown directive", line, column, "@" + word, "@prefix or @base");
            }

            Expect('.', "'.' after a directive");
            return;
        }

        if (IsWordStart(c) && TrySparqlDirective())
        {
            return;
        }

        Triples();
        Expect('.', "'.' at the end of the statement");
    }

    private bool TrySparqlDirective()
    {
        // PREFIX and BASE (any case) are words, not prefixed names: no ':' follows them.
        string word = PeekWord();
        if (word.Equals("PREFIX", StringComparison.OrdinalIgnoreCase) && _lx.Peek(word.Length) != ':')
        {
            Skip(word.Length);
            PrefixDirective();
            return true;
        }

        if (word.Equals("BASE", StringComparison.OrdinalIgnoreCase) && _lx.Peek(word.Length) != ':')
        {
            Skip(word.Length);
            BaseDirective();
            return true;
        }

        return false;
    }

    private void PrefixDirective()
    {
        _lx.SkipSpace(stopAtLineBreak: false);
        _lx.ClearToken();
        int c = _lx.Peek();
        if (RdfLexer.IsPnCharsBase(c))
        {
            _lx.Append((char)_lx.Read());
            _lx.ReadNameChars(allowColon: false, allowEscapes: false);
        }

        string prefix = _lx.TokenText();
        Expect(':', "':' after the prefix name", skipSpace: false);
        _lx.SkipSpace(stopAtLineBreak: false);
        if (_lx.Peek() != '<')
        {
            throw Unexpected("an IRI in angle brackets for the prefix");
        }

        _prefixes[prefix] = ReadIriRef();
    }

    private void BaseDirective()
    {
        _lx.SkipSpace(stopAtLineBreak: false);
        if (_lx.Peek() != '<')
        {
            throw Unexpected("an IRI in angle brackets for the base");
        }

        _base = ReadIriRef();
    }

    private void Triples()
    {
        int c = _lx.Peek();
        if (c == '[')
        {
            var subject = BlankNodePropertyList(0, out bool empty);
            _lx.SkipSpace(stopAtLineBreak: false);
            if (empty || _lx.Peek() != '.')
            {
                PredicateObjectList(subject, 0);
            }

            return;
        }

        RdfTerm s = c switch
        {
            '<' => RdfTerm.Iri(ReadIriRef()),
            '_' when _lx.Peek(1) == ':' => RdfTerm.Blank(_lx.ReadBlankNodeLabel()),
            '(' => Collection(0),
            _ when IsWordStart(c) || c == ':' => PrefixedName(allowKeywords: false),
            _ => throw Unexpected("a subject: an IRI, a prefixed name, a blank node or a collection"),
        };
        PredicateObjectList(s, 0);
    }

    private void PredicateObjectList(RdfTerm subject, int depth)
    {
        _lx.SkipSpace(stopAtLineBreak: false);
        var predicate = Verb();
        ObjectList(subject, predicate, depth);
        while (true)
        {
            _lx.SkipSpace(stopAtLineBreak: false);
            if (!_lx.TryConsume(';'))
            {
                return;
            }

            _lx.SkipSpace(stopAtLineBreak: false);
            while (_lx.TryConsume(';'))
            {
                _lx.SkipSpace(stopAtLineBreak: false);
            }

            if (_lx.Peek() is '.' or ']' or RdfLexer.Eof)
            {
                return;
            }

            predicate = Verb();
            ObjectList(subject, predicate, depth);
        }
    }

    private void ObjectList(RdfTerm subject, RdfTerm predicate, int depth)
    {
        while (true)
        {
            _lx.SkipSpace(stopAtLineBreak: false);
            int line = _lx.Line, column = _lx.Column;
            var obj = Object(depth);
            _pending.Enqueue(new RdfQuad(subject, predicate, obj, default, line, column));
            _lx.SkipSpace(stopAtLineBreak: false);
            if (!_lx.TryConsume(','))
            {
                return;
            }
        }
    }

    private RdfTerm Verb()
    {
        int c = _lx.Peek();
        if (c == '<')
        {
            return RdfTerm.Iri(ReadIriRef());
        }

        if (c == 'a' && !ContinuesWord(_lx.Peek(1)))
        {
            _lx.Read();
            return RdfTerm.Iri(RdfNs + "type");
        }

        if (IsWordStart(c) || c == ':')
        {
            return PrefixedName(allowKeywords: false);
        }

        throw Unexpected("a predicate: an IRI, a prefixed name or 'a'");
    }

    private RdfTerm Object(int depth)
    {
        int c = _lx.Peek();
        switch (c)
        {
            case '<':
                return RdfTerm.Iri(ReadIriRef());
            case '_' when _lx.Peek(1) == ':':
                return RdfTerm.Blank(_lx.ReadBlankNodeLabel());
            case '[':
                return BlankNodePropertyList(depth + 1, out _);
            case '(':
                return Collection(depth + 1);
            case '"' or '\'':
                return Literal();
            case '+' or '-' or (>= '0' and <= '9'):
                return Number();
            case '.' when _lx.Peek(1) is >= '0' and <= '9':
                return Number();
        }

        if (IsWordStart(c) || c == ':')
        {
            return PrefixedName(allowKeywords: true);
        }

        throw Unexpected("an object: an IRI, a prefixed name, a blank node, a collection or a literal");
    }

    private RdfTerm BlankNodePropertyList(int depth, out bool empty)
    {
        CheckDepth(depth);
        _lx.Read();
        var node = NewBlank();
        _lx.SkipSpace(stopAtLineBreak: false);
        empty = _lx.TryConsume(']');
        if (empty)
        {
            return node;
        }

        PredicateObjectList(node, depth);
        Expect(']', "']' closing the blank node");
        return node;
    }

    private RdfTerm Collection(int depth)
    {
        CheckDepth(depth);
        _lx.Read();
        RdfTerm head = RdfTerm.Iri(RdfNs + "nil");
        RdfTerm previous = default;
        while (true)
        {
            _lx.SkipSpace(stopAtLineBreak: false);
            if (_lx.TryConsume(')'))
            {
                if (previous.Kind != RdfTermKind.None)
                {
                    _pending.Enqueue(new RdfQuad(previous, RdfTerm.Iri(RdfNs + "rest"), RdfTerm.Iri(RdfNs + "nil"), default, _line, _column));
                }

                return head;
            }

            if (_lx.Peek() == RdfLexer.Eof)
            {
                throw Unexpected("')' closing the collection");
            }

            int line = _lx.Line, column = _lx.Column;
            var cell = NewBlank();
            if (previous.Kind == RdfTermKind.None)
            {
                head = cell;
            }
            else
            {
                _pending.Enqueue(new RdfQuad(previous, RdfTerm.Iri(RdfNs + "rest"), cell, default, line, column));
            }

            var item = Object(depth);
            _pending.Enqueue(new RdfQuad(cell, RdfTerm.Iri(RdfNs + "first"), item, default, line, column));
            previous = cell;
        }
    }

    private RdfTerm Literal()
    {
        int line = _lx.Line, column = _lx.Column;
        char quote = (char)_lx.Read();
        bool isLong = _lx.Peek() == quote && _lx.Peek(1) == quote;
        if (isLong)
        {
            _lx.Read();
            _lx.Read();
        }

        string text = _lx.ReadString(quote, isLong, line, column);
        if (_lx.Peek() == '@')
        {
            int l = _lx.Line, c = _lx.Column;
            _lx.Read();
            return RdfTerm.Literal(text, null, _lx.ReadLanguageTag(l, c));
        }

        if (_lx.Peek() == '^' && _lx.Peek(1) == '^')
        {
            _lx.Read();
            _lx.Read();
            int c = _lx.Peek();
            var datatype = c == '<' ? RdfTerm.Iri(ReadIriRef())
                : IsWordStart(c) || c == ':' ? PrefixedName(allowKeywords: false)
                : throw Unexpected("a datatype IRI after '^^'");
            return RdfTerm.Literal(text, datatype.Value);
        }

        return RdfTerm.Literal(text);
    }

    private RdfTerm Number()
    {
        _lx.ClearToken();
        if (_lx.Peek() is '+' or '-')
        {
            _lx.Append((char)_lx.Read());
        }

        int digits = Digits();
        string type = "integer";
        if (_lx.Peek() == '.' && (IsDigit(_lx.Peek(1)) || (IsExponentStart(1) && digits > 0)))
        {
            _lx.Append((char)_lx.Read());
            digits += Digits();
            type = "decimal";
        }

        if (digits == 0)
        {
            throw Unexpected("digits in a number");
        }

        if (IsExponentStart(0))
        {
            _lx.Append((char)_lx.Read());
            if (_lx.Peek() is '+' or '-')
            {
                _lx.Append((char)_lx.Read());
            }

            Digits();
            type = "double";
        }

        return RdfTerm.Literal(_lx.TokenText(), XsdNs + type);
    }

    private bool IsExponentStart(int at) =>
        _lx.Peek(at) is 'e' or 'E' && (IsDigit(_lx.Peek(at + 1)) || (_lx.Peek(at + 1) is '+' or '-' && IsDigit(_lx.Peek(at + 2))));

    private int Digits()
    {
        int n = 0;
        while (IsDigit(_lx.Peek()))
        {
            _lx.Append((char)_lx.Read());
            n++;
        }

        return n;
    }

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    /// <summary>A prefixed name (<c>ex:local</c>, <c>:local</c>, <c>ex:</c>), or with <paramref name="allowKeywords"/> <c>true</c>/<c>false</c>.</summary>
    private RdfTerm PrefixedName(bool allowKeywords)
    {
        int line = _lx.Line, column = _lx.Column;
        _lx.ClearToken();
        if (_lx.Peek() != ':')
        {
            _lx.Append((char)_lx.Read());
            _lx.ReadNameChars(allowColon: false, allowEscapes: false);
        }

        string prefix = _lx.TokenText();
        if (_lx.Peek() != ':')
        {
            if (allowKeywords && prefix is "true" or "false")
            {
                return RdfTerm.Literal(prefix, XsdNs + "boolean");
            }

            throw _lx.Error("Bad Turtle term", line, column, "'" + prefix + "'" + (_lx.Peek() == RdfLexer.Eof ? string.Empty : " then " + _lx.Describe()), "a prefixed name such as ex:name");
        }

        _lx.Read();
        if (!_prefixes.TryGetValue(prefix, out string? ns))
        {
            throw _lx.Error("Undeclared prefix", line, column, "'" + prefix + ":'", "a prefix declared by @prefix or PREFIX");
        }

        _lx.ClearToken();
        int c = _lx.Peek();
        if (RdfLexer.IsPnCharsU(c) || IsDigit(c) || c is ':' or '%' or '\\')
        {
            _lx.ReadNameChars(allowColon: true, allowEscapes: true);
        }

        return RdfTerm.Iri(ns + _lx.TokenText());
    }

    private string ReadIriRef()
    {
        int line = _lx.Line, column = _lx.Column;
        string iri = _lx.ReadIriRef();
        if (NQuadsParser.IsAbsolute(iri))
        {
            return iri;
        }

        return _base is null
            ? throw _lx.Error("Relative IRI without a base", line, column, "<" + iri + ">", "an absolute IRI, or @base before it")
            : IriResolver.Resolve(_base, iri);
    }

    private RdfTerm NewBlank() => RdfTerm.Blank("-g" + (++_blankCount).ToString(CultureInfo.InvariantCulture));

    private void CheckDepth(int depth)
    {
        if (depth > _maxDepth)
        {
            throw _lx.Error("Nesting too deep", $"more than {_maxDepth} levels of [ ] or ( )", "shallower nesting (GraphReadOptions.MaxDepth)");
        }
    }

    private void Expect(char c, string expected, bool skipSpace = true)
    {
        if (skipSpace)
        {
            _lx.SkipSpace(stopAtLineBreak: false);
        }

        if (!_lx.TryConsume(c))
        {
            throw Unexpected(expected);
        }
    }

    private string PeekWord()
    {
        int n = 0;
        var chars = new char[8];
        while (n < chars.Length && char.IsAsciiLetter((char)Math.Max(_lx.Peek(n), 0)))
        {
            chars[n] = (char)_lx.Peek(n);
            n++;
        }

        return new string(chars, 0, n);
    }

    private void Skip(int n)
    {
        for (int i = 0; i < n; i++)
        {
            _lx.Read();
        }
    }

    private static bool IsWordStart(int c) => RdfLexer.IsPnCharsBase(c);

    private static bool ContinuesWord(int c) => RdfLexer.IsPnChars(c) || c is ':' or '.';

    private GraphFormatException Unexpected(string expected) => _lx.Error("Bad Turtle", _lx.Describe(), expected);
}
