namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// The N-Triples 1.1 and N-Quads 1.1 grammars: one statement a line, absolute IRIs, <c>_:</c> blank nodes,
/// double-quoted literals with escapes, <c>@lang</c> or <c>^^&lt;datatype&gt;</c>, <c>#</c> comments; with
/// <c>quads</c> an optional fourth term names the graph. Reads one line at a time from the lexer's window.
/// </summary>
internal sealed class NQuadsParser : RdfStatementReader
{
    private readonly RdfLexer _lexer;
    private readonly TextReader _reader;
    private readonly bool _quads;
    private readonly bool _ownsReader;

    public NQuadsParser(TextReader reader, string source, bool quads, int maxTokenLength = 16 * 1024 * 1024, bool ownsReader = false)
    {
        _reader = reader;
        _lexer = new RdfLexer(reader, source, maxTokenLength);
        _quads = quads;
        _ownsReader = ownsReader;
    }

    private string Format => _quads ? "N-Quads" : "N-Triples";

    /// <inheritdoc/>
    public override bool TryRead(out RdfQuad quad)
    {
        var lx = _lexer;
        while (true)
        {
            lx.SkipSpace(stopAtLineBreak: true);
            int c = lx.Peek();
            if (c == RdfLexer.Eof)
            {
                quad = default;
                return false;
            }

            if (c is '\n' or '\r')
            {
                lx.Read();
                continue;
            }

            int line = lx.Line, column = lx.Column;
            var subject = c == '<' ? ReadIri() : c == '_' ? ReadBlank() : throw Unexpected("subject", "an IRI or a blank node");
            lx.SkipSpace(stopAtLineBreak: true);
            var predicate = lx.Peek() == '<' ? ReadIri() : throw Unexpected("predicate", "an IRI");
            lx.SkipSpace(stopAtLineBreak: true);
            var obj = lx.Peek() switch
            {
                '<' => ReadIri(),
                '_' => ReadBlank(),
                '"' => ReadLiteral(),
                _ => throw Unexpected("object", "an IRI, a blank node or a literal"),
            };
            lx.SkipSpace(stopAtLineBreak: true);
            var graph = default(RdfTerm);
            if (_quads && lx.Peek() is '<' or '_')
            {
                graph = lx.Peek() == '<' ? ReadIri() : ReadBlank();
                lx.SkipSpace(stopAtLineBreak: true);
            }

            if (!lx.TryConsume('.'))
            {
                throw Unexpected("statement end", _quads && graph.Kind == RdfTermKind.None ? "a graph label or '.'" : "'.'");
            }

            lx.SkipSpace(stopAtLineBreak: true);
            if (lx.Peek() is not ('\n' or '\r' or RdfLexer.Eof))
            {
                throw Unexpected("line end", "a line break after '.'");
            }

            quad = new RdfQuad(subject, predicate, obj, graph, line, column);
            return true;
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }

    /// <summary>Whether an IRI is absolute: a scheme (<c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>) and a colon.</summary>
    internal static bool IsAbsolute(string iri)
    {
        if (iri.Length == 0 || !char.IsAsciiLetter(iri[0]))
        {
            return false;
        }

        for (int i = 1; i < iri.Length; i++)
        {
            char c = iri[i];
            if (c == ':')
            {
                return true;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    private RdfTerm ReadIri()
    {
        int line = _lexer.Line, column = _lexer.Column;
        string iri = _lexer.ReadIriRef();
        return IsAbsolute(iri)
            ? RdfTerm.Iri(iri)
            : throw _lexer.Error("Relative IRI in " + Format, line, column, "<" + iri + ">", "an absolute IRI");
    }

    private RdfTerm ReadBlank()
    {
        if (_lexer.Peek(1) != ':')
        {
            throw Unexpected("term", "'_:' and a blank node label");
        }

        return RdfTerm.Blank(_lexer.ReadBlankNodeLabel());
    }

    private RdfTerm ReadLiteral()
    {
        int line = _lexer.Line, column = _lexer.Column;
        _lexer.Read();
        string text = _lexer.ReadString('"', isLong: false, line, column);
        if (_lexer.Peek() == '@')
        {
            int l = _lexer.Line, c = _lexer.Column;
            _lexer.Read();
            return RdfTerm.Literal(text, null, _lexer.ReadLanguageTag(l, c));
        }

        if (_lexer.Peek() == '^')
        {
            _lexer.Read();
            if (!_lexer.TryConsume('^') || _lexer.Peek() != '<')
            {
                throw Unexpected("datatype", "'^^' and an IRI");
            }

            return RdfTerm.Literal(text, ReadIri().Value);
        }

        return RdfTerm.Literal(text);
    }

    private GraphFormatException Unexpected(string what, string expected) =>
        _lexer.Error($"Bad {Format} {what}", _lexer.Describe(), expected);
}
