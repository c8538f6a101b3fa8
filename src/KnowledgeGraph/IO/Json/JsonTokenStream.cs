using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.IO.Json;

/// <summary>
/// A pull reader of JSON tokens over a <see cref="Stream"/>: it refills a buffer as needed
/// (never holding the whole input), tracks 1-based lines and character columns, and turns
/// every syntax error into a <see cref="GraphFormatException"/>.
/// </summary>
internal sealed class JsonTokenStream : IDisposable
{
    private const int InitialBuffer = 64 * 1024;
    private readonly Stream _stream;
    private readonly string _source;
    private readonly JsonReaderOptions _options;
    private readonly CancellationToken _cancellationToken;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private bool _firstBlock = true;

    // Line and column at _start (1-based; column counts characters).
    private int _line = 1;
    private int _column = 1;
    private long _byteInLine;

    public JsonTokenStream(Stream stream, string source, int maxDepth, CancellationToken cancellationToken)
    {
        _stream = stream;
        _source = source;
        _cancellationToken = cancellationToken;
        _options = new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };
        _state = new JsonReaderState(_options);
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The token's value: decoded string for strings and property names, raw text for numbers.</summary>
    public string? Text { get; private set; }

    public int TokenLine { get; private set; }

    public int TokenColumn { get; private set; }

    /// <summary>The maximum length, in characters, of a string value.</summary>
    public int MaxStringLength { get; init; } = int.MaxValue;

    public string Source => _source;

    public bool Read()
    {
        while (true)
        {
            if (TryReadToken(out bool progress))
            {
                return true;
            }

            if (_final)
            {
                if (progress)
                {
                    continue;
                }

                return false;
            }

            Fill();
        }
    }

    public SourceLocation Location(string? path) => new(_source, TokenLine, TokenColumn, path);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool TryReadToken(out bool progress)
    {
        progress = false;
        var span = _buffer.AsSpan(_start, _end - _start);
        if (_firstBlock && span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            _start += 3;
            span = span[3..];
        }

        if (_firstBlock && (span.Length >= 3 || _final))
        {
            _firstBlock = false;
        }

        var reader = new Utf8JsonReader(span, _final, _state);
        bool ok;
        try
        {
            ok = reader.Read();
        }
        catch (JsonException ex)
        {
            throw SyntaxError(span, ex);
        }

        if (!ok)
        {
            return false;
        }

        int tokenStart = (int)reader.TokenStartIndex;
        Advance(span[..tokenStart]);
        TokenLine = _line;
        TokenColumn = _column;
        TokenType = reader.TokenType;
        Text = TokenType switch
        {
            JsonTokenType.String or JsonTokenType.PropertyName => DecodeString(ref reader),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => null,
        };
        int consumed = (int)reader.BytesConsumed;
        Advance(span[tokenStart..consumed]);
        _start += consumed;
        _state = reader.CurrentState;
        progress = true;
        return true;
    }

    private string DecodeString(ref Utf8JsonReader reader)
    {
        int rawLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > MaxStringLength * 6L + 6)
        {
            throw TooLong();
        }

        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new GraphFormatException("Invalid string", Location(null), "text that is not valid UTF-8", "a UTF-8 string", ex);
        }

        if (value.Length > MaxStringLength)
        {
            throw TooLong();
        }

        return value;

        GraphFormatException TooLong() => new(
            "String too long",
            new SourceLocation(_source, TokenLine, TokenColumn),
            $"a string of more than {MaxStringLength} characters",
            $"at most {MaxStringLength} characters (GraphReadOptions.MaxStringLength)");
    }

    private void Advance(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b == (byte)'\n')
            {
                _line++;
                _column = 1;
                _byteInLine = 0;
                continue;
            }

            _byteInLine++;
            if ((b & 0xC0) != 0x80)
            {
                _column++;
            }
        }
    }

    private void Fill()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _final = true;
        }

        _end += n;
    }

    private GraphFormatException SyntaxError(ReadOnlySpan<byte> span, JsonException ex)
    {
        // The reader state carries over between blocks, so the exception's 0-based line and byte position
        // count from the start of the input; translate them to a 1-based line and a character column.
        long exLine = (ex.LineNumber ?? 0) + 1;
        long exByte = ex.BytePositionInLine ?? 0;
        int line = _line;
        int column = _column;
        int offset = 0;
        if (exLine == _line)
        {
            long skip = Math.Max(0, exByte - _byteInLine);
            for (long b = 0; b < skip && offset < span.Length; b++, offset++)
            {
                if ((span[offset] & 0xC0) != 0x80)
                {
                    column++;
                }
            }
        }
        else
        {
            while (line < exLine && offset < span.Length)
            {
                if (span[offset++] == (byte)'\n')
                {
                    line++;
                }
            }

            column = 1;
            for (long b = 0; b < exByte && offset < span.Length; b++, offset++)
            {
                if ((span[offset] & 0xC0) != 0x80)
                {
                    column++;
                }
            }
        }

        string found = offset < span.Length ? Describe(span[offset..]) : "the end of the input";
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        message = message
            .Replace(", when isFinalBlock is true", string.Empty, StringComparison.Ordinal)
            .Replace(" which is not supported in this mode. Change the reader options", string.Empty, StringComparison.Ordinal)
            .Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
        return new GraphFormatException("Malformed JSON (" + message.TrimEnd('.', ' ') + ")", new SourceLocation(_source, line, column), found, "valid JSON", ex);
    }

    private static string Describe(ReadOnlySpan<byte> rest)
    {
        int n = Math.Min(rest.Length, 12);
        string text = Encoding.UTF8.GetString(rest[..n]);
        int nl = text.IndexOfAny(['\r', '\n']);
        if (nl >= 0)
        {
            text = text[..nl];
        }

        return text.Length == 0 ? "a line break" : "'" + text + "'";
    }
}
