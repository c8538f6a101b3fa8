using System.Text;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// The character level shared by the N-Triples, N-Quads and Turtle parsers: a buffered, forward-only view of a
/// <see cref="TextReader"/> with 1-based line and column, and the terminals of the RDF 1.1 grammars (IRI
/// references, blank node labels, quoted and long strings with escapes, language tags, numbers, prefixed names).
/// Only a 64 Ki-character window of the input is held; a token may be as long as <see cref="MaxTokenLength"/>.
/// </summary>
internal sealed class RdfLexer
{
    public const int Eof = -1;
    private const int Window = 64 * 1024;
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[Window];
    private readonly StringBuilder _token = new(256);
    private int _pos;
    private int _len;
    private bool _eof;

    public RdfLexer(TextReader reader, string source, int maxTokenLength)
    {
        _reader = reader;
        Source = source;
        MaxTokenLength = maxTokenLength;
    }

    public string Source { get; }

    public int MaxTokenLength { get; }

    /// <summary>The 1-based line of the next character.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The 1-based column of the next character.</summary>
    public int Column { get; private set; } = 1;

    /// <summary>The next character, or <see cref="Eof"/>.</summary>
    public int Peek() => _pos < _len ? _buffer[_pos] : Fill(0);

    /// <summary>The character <paramref name="ahead"/> places after the next (0 = the next), or <see cref="Eof"/>.</summary>
    public int Peek(int ahead) => _pos + ahead < _len ? _buffer[_pos + ahead] : Fill(ahead);

    /// <summary>Consumes and returns the next character, or <see cref="Eof"/>.</summary>
    public int Read()
    {
        int c = Peek();
        if (c == Eof)
        {
            return Eof;
        }

        _pos++;
        if (c == '\n')
        {
            Line++;
            Column = 1;
        }
        else if (!char.IsLowSurrogate((char)c))
        {
            Column++;
        }

        return c;
    }

    /// <summary>Consumes the next character when it is <paramref name="c"/>.</summary>
    public bool TryConsume(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        Read();
        return true;
    }

    /// <summary>Skips spaces, tabs, line breaks (unless <paramref name="stopAtLineBreak"/>) and <c>#</c> comments.</summary>
    public void SkipSpace(bool stopAtLineBreak)
    {
        while (true)
        {
            int c = Peek();
            if (c is ' ' or '\t' || (!stopAtLineBreak && c is '\n' or '\r'))
            {
                Read();
            }
            else if (c == '#')
            {
                while (Peek() is not ('\n' or '\r' or Eof))
                {
                    Read();
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>An error at the current position.</summary>
    public GraphFormatException Error(string what, string? found, string expected) =>
        new(what, new SourceLocation(Source, Line, Column), found, expected);

    /// <summary>An error at a given position.</summary>
    public GraphFormatException Error(string what, int line, int column, string? found, string expected) =>
        new(what, new SourceLocation(Source, line, column), found, expected);

    /// <summary>The next character described for a message.</summary>
    public string Describe() => Describe(Peek());

    public static string Describe(int c) => c switch
    {
        Eof => "the end of the input",
        '\n' => "a line break",
        '\r' => "a carriage return",
        < ' ' or 0x7F => $"U+{c:X4}",
        _ => $"'{(char)c}'",
    };

    /// <summary>Reads <c>&lt;…&gt;</c> (the next character is <c>&lt;</c>) with <c>\u</c>/<c>\U</c> escapes; the text between.</summary>
    public string ReadIriRef()
    {
        int line = Line, column = Column;
        Read();
        _token.Clear();
        while (true)
        {
            int c = Read();
            switch (c)
            {
                case '>':
                    return _token.ToString();
                case '\\':
                    int u = Read();
                    if (u is not ('u' or 'U'))
                    {
                        throw Error("Bad escape in an IRI", line, column, u == Eof ? "the end of the input" : "\\" + (char)u, "\\uXXXX or \\UXXXXXXXX");
                    }

                    int cp = ReadHex(u == 'u' ? 4 : 8);
                    if (cp <= ' ' || cp is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                    {
                        throw Error("Bad character in an IRI", line, column, $"U+{cp:X4}", "a character allowed in an IRI");
                    }

                    AppendCodePoint(cp);
                    break;
                default:
                    if (c == Eof || c <= ' ' || c is '<' or '"' or '{' or '}' or '|' or '^' or '`')
                    {
                        throw Error("Bad IRI", line, column, Describe(c), "an IRI ending with '>'");
                    }

                    Append((char)c);
                    break;
            }
        }
    }

    /// <summary>Reads <c>_:label</c> (the next characters are <c>_:</c>); the label.</summary>
    public string ReadBlankNodeLabel()
    {
        int line = Line, column = Column;
        Read();
        Read();
        _token.Clear();
        int c = Peek();
        if (!(IsPnCharsU(c) || char.IsAsciiDigit((char)Math.Max(c, 0))))
        {
            throw Error("Bad blank node label", line, column, Describe(c), "a letter, digit or '_' after '_:'");
        }

        ReadNameChars(allowColon: false, allowEscapes: false);
        return _token.ToString();
    }

    /// <summary>
    /// Reads the rest of a name after its first character: name characters and inner dots (a dot is taken only when
    /// a name character follows), with <c>:</c> and <c>%XX</c>/<c>\x</c> escapes for a Turtle local name. Appends to the token.
    /// </summary>
    public void ReadNameChars(bool allowColon, bool allowEscapes)
    {
        while (true)
        {
            int c = Peek();
            if (IsPnChars(c) || (allowColon && c == ':'))
            {
                Append((char)Read());
            }
            else if (allowEscapes && c == '%')
            {
                int line = Line, column = Column;
                Read();
                int h1 = Read(), h2 = Read();
                if (!IsHex(h1) || !IsHex(h2))
                {
                    throw Error("Bad percent escape in a local name", line, column, h1 == Eof ? "the end of the input" : "%" + (char)h1, "'%' and two hex digits");
                }

                Append('%').Append((char)h1).Append((char)h2);
            }
            else if (allowEscapes && c == '\\')
            {
                int line = Line, column = Column;
                Read();
                int e = Read();
                if (e == Eof || "_~.-!$&'()*+,;=/?#@%".IndexOf((char)e) < 0)
                {
                    throw Error("Bad escape in a local name", line, column, Describe(e), "one of _~.-!$&'()*+,;=/?#@%");
                }

                Append((char)e);
            }
            else if (c == '.' && ContinuesName(Peek(1), allowColon, allowEscapes))
            {
                Append((char)Read());
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The token text built so far.</summary>
    public string TokenText() => _token.ToString();

    /// <summary>Starts a new token.</summary>
    public void ClearToken() => _token.Clear();

    /// <summary>Appends to the token, refusing one longer than <see cref="MaxTokenLength"/>.</summary>
    public StringBuilder Append(char c)
    {
        if (_token.Length >= MaxTokenLength)
        {
            throw Error("Token too long", $"more than {MaxTokenLength} characters", "a shorter term (GraphReadOptions.MaxStringLength)");
        }

        return _token.Append(c);
    }

    /// <summary>
    /// Reads a string after its opening quote(s): <paramref name="quote"/> is <c>"</c> or <c>'</c>; a long string
    /// (<c>"""</c>) may hold line breaks and lone quotes. Escapes: <c>\t \b \n \r \f \" \' \\</c>, <c>\uXXXX</c>, <c>\UXXXXXXXX</c>.
    /// </summary>
    public string ReadString(char quote, bool isLong, int line, int column)
    {
        _token.Clear();
        while (true)
        {
            int c = Read();
            if (c == quote)
            {
                if (!isLong)
                {
                    return _token.ToString();
                }

                if (Peek() == quote && Peek(1) == quote)
                {
                    // """" ends with the last three quotes: any extra quote before belongs to the string.
                    while (Peek(2) == quote)
                    {
                        Append((char)Read());
                    }

                    Read();
                    Read();
                    return _token.ToString();
                }

                Append((char)c);
            }
            else if (c == '\\')
            {
                ReadEscape(line, column);
            }
            else if (c == Eof || (!isLong && c is '\n' or '\r'))
            {
                throw Error("Unterminated string", line, column, Describe(c), "a closing " + (isLong ? new string(quote, 3) : quote.ToString()));
            }
            else
            {
                Append((char)c);
            }
        }
    }

    /// <summary>Reads a language tag after <c>@</c>: <c>[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*</c>.</summary>
    public string ReadLanguageTag(int line, int column)
    {
        _token.Clear();
        while (char.IsAsciiLetter((char)Math.Max(Peek(), 0)))
        {
            Append((char)Read());
        }

        if (_token.Length == 0)
        {
            throw Error("Bad language tag", line, column, Describe(), "letters after '@'");
        }

        while (Peek() == '-' && char.IsAsciiLetterOrDigit((char)Math.Max(Peek(1), 0)))
        {
            Append((char)Read());
            while (char.IsAsciiLetterOrDigit((char)Math.Max(Peek(), 0)))
            {
                Append((char)Read());
            }
        }

        return _token.ToString();
    }

    public static bool IsPnCharsBase(int c) =>
        c >= 0 && (char.IsAsciiLetter((char)c)
            || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
            || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
            || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
            || (c >= 0xD800 && c <= 0xDFFF) // surrogates: characters beyond the BMP (U+10000…)
            || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD));

    public static bool IsPnCharsU(int c) => c == '_' || IsPnCharsBase(c);

    public static bool IsPnChars(int c) =>
        IsPnCharsU(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);

    public static bool IsHex(int c) => c >= 0 && char.IsAsciiHexDigit((char)c);

    private bool ContinuesName(int c, bool allowColon, bool allowEscapes) =>
        IsPnChars(c) || c == '.' || (allowColon && c == ':') || (allowEscapes && c is '%' or '\\');

    private void ReadEscape(int line, int column)
    {
        int e = Read();
        switch (e)
        {
            case 't': Append('\t'); break;
            case 'b': Append('\b'); break;
            case 'n': Append('\n'); break;
            case 'r': Append('\r'); break;
            case 'f': Append('\f'); break;
            case '"': Append('"'); break;
            case '\'': Append('\''); break;
            case '\\': Append('\\'); break;
            case 'u': AppendCodePoint(ReadHex(4)); break;
            case 'U': AppendCodePoint(ReadHex(8)); break;
            default:
                throw Error("Bad escape in a string", line, column, e == Eof ? "the end of the input" : "\\" + (char)e, "one of \\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX \\UXXXXXXXX");
        }
    }

    private int ReadHex(int digits)
    {
        int line = Line, column = Column;
        int value = 0;
        for (int i = 0; i < digits; i++)
        {
            int c = Read();
            if (!IsHex(c))
            {
                throw Error("Bad hex escape", line, column, Describe(c), $"{digits} hex digits");
            }

            value = (value * 16) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }

        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        {
            throw Error("Bad code point in an escape", line, column, $"U+{value:X}", "a Unicode scalar value");
        }

        return value;
    }

    private void AppendCodePoint(int cp)
    {
        if (cp < 0x10000)
        {
            Append((char)cp);
            return;
        }

        string pair = char.ConvertFromUtf32(cp);
        Append(pair[0]);
        Append(pair[1]);
    }

    private int Fill(int ahead)
    {
        while (!_eof && _pos + ahead >= _len)
        {
            if (_pos > 0)
            {
                Array.Copy(_buffer, _pos, _buffer, 0, _len - _pos);
                _len -= _pos;
                _pos = 0;
            }

            int n = _reader.Read(_buffer, _len, _buffer.Length - _len);
            if (n <= 0)
            {
                _eof = true;
            }
            else
            {
                _len += n;
            }
        }

        return _pos + ahead < _len ? _buffer[_pos + ahead] : Eof;
    }
}
