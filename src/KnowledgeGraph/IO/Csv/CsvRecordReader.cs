using System.Buffers;
using System.Globalization;

namespace KnowledgeGraph.IO.Csv;

/// <summary>
/// Reads delimited records (RFC 4180 quoting: a field that starts with <c>"</c> may hold the
/// delimiter, line breaks and doubled quotes) from a text reader through one pooled buffer,
/// exposing the fields of the current record as spans. Blank lines are skipped; <c>\r\n</c>
/// and <c>\n</c> both end a record. Lines and columns are 1-based, in characters.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private const int MaxRecordLength = 64 * 1024 * 1024;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private char[] _buffer;
    private int _length;
    private int _position;
    private bool _eof;
    private int _line = 1;

    private int[] _start = new int[16];
    private int[] _end = new int[16];
    private int[] _fieldLine = new int[16];
    private int[] _fieldColumn = new int[16];

    public CsvRecordReader(TextReader reader, char delimiter, string source)
    {
        _reader = reader;
        _delimiter = delimiter;
        Source = source;
        _buffer = ArrayPool<char>.Shared.Rent(InitialBufferSize);
    }

    public string Source { get; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The line the current record starts on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>A field of the current record.</summary>
    public ReadOnlySpan<char> this[int index] => _buffer.AsSpan(_start[index], _end[index] - _start[index]);

    public int LineOf(int field) => _fieldLine[field];

    public int ColumnOf(int field) => _fieldColumn[field];

    /// <summary>The column just past the last field of the record, for "missing field" messages.</summary>
    public int EndColumn => FieldCount == 0 ? 1 : _fieldColumn[FieldCount - 1] + (_end[FieldCount - 1] - _start[FieldCount - 1]);

    public string FieldString(int index) => new(this[index]);

    public SourceLocation Location(int field) => new(Source, _fieldLine[field], _fieldColumn[field]);

    public SourceLocation LocationAfterLastField() => new(Source, FieldCount == 0 ? RecordLine : _fieldLine[FieldCount - 1], EndColumn);

    public void Dispose()
    {
        char[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves to the next non-blank record.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="GraphFormatException">A quoted field is not closed or is followed by other text.</exception>
    public bool Read()
    {
        while (true)
        {
            if (_position >= _length && !Fill())
            {
                FieldCount = 0;
                return false;
            }

            char first = _buffer[_position];
            if (first == '\n')
            {
                _position++;
                _line++;
                continue;
            }

            if (first == '\r' && _position + 1 >= _length && !_eof)
            {
                // A line end split across two reads: read on before deciding.
                Fill();
                continue;
            }

            if (first == '\r' && _position + 1 < _length && _buffer[_position + 1] == '\n')
            {
                _position += 2;
                _line++;
                continue;
            }

            if (TryParseRecord())
            {
                return true;
            }

            // The record runs past the buffer: keep it, read more and parse it again.
            if (!Fill())
            {
                // Unreachable: TryParseRecord completes every record at the end of the input.
                throw new InvalidOperationException("The record reader could not complete a record at the end of the input.");
            }
        }
    }

    private bool TryParseRecord()
    {
        var buffer = _buffer;
        int i = _position;
        int line = _line;
        int lineStart = _position;
        int fields = 0;

        // Fast path: the whole line is in the buffer and holds no quote.
        int newline = buffer.AsSpan(i, _length - i).IndexOf('\n');
        if (newline >= 0 || _eof)
        {
            int lineEnd = newline >= 0 ? i + newline : _length;
            var lineSpan = buffer.AsSpan(i, lineEnd - i);
            if (!lineSpan.Contains('"'))
            {
                int contentEnd = lineEnd > i && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                int fieldStart = i;
                while (true)
                {
                    int d = buffer.AsSpan(fieldStart, contentEnd - fieldStart).IndexOf(_delimiter);
                    int fieldEnd = d < 0 ? contentEnd : fieldStart + d;
                    AddField(ref fields, fieldStart, fieldEnd, line, fieldStart - lineStart + 1);
                    if (d < 0)
                    {
                        break;
                    }

                    fieldStart = fieldEnd + 1;
                }

                FieldCount = fields;
                RecordLine = line;
                _position = newline >= 0 ? lineEnd + 1 : lineEnd;
                _line = line + 1;
                return true;
            }
        }

        if (newline < 0 && !_eof)
        {
            return false;
        }

        // Slow path, with quotes: check first that the record is complete (unescaping moves
        // text, so it must run only once), then parse it for real.
        return SlowParse(commit: false) && SlowParse(commit: true);
    }

    private bool SlowParse(bool commit)
    {
        int i = _position;
        int line = _line;
        int lineStart = _position;
        int fields = 0;
        while (true)
        {
            int fieldLine = line;
            int fieldColumn = i - lineStart + 1;
            int start;
            int end;
            bool endOfRecord;
            if (i < _length && _buffer[i] == '"')
            {
                start = i + 1;
                i = ScanQuoted(start, commit, fieldLine, fieldColumn, ref line, ref lineStart, out end);
                if (i < 0 || !EndsAfterQuote(i, line, lineStart, out endOfRecord))
                {
                    return false;
                }
            }
            else
            {
                // Unquoted field in a record that holds quotes elsewhere.
                start = i;
                i = ScanUnquoted(i);
                if (i < 0)
                {
                    return false;
                }

                endOfRecord = i >= _length || _buffer[i] == '\n';
                end = endOfRecord && i > start && _buffer[i - 1] == '\r' ? i - 1 : i;
            }

            if (commit)
            {
                AddField(ref fields, start, end, fieldLine, fieldColumn);
            }
            else
            {
                fields++;
            }

            if (endOfRecord)
            {
                return !commit || Finish(fields, ref i, ref line);
            }

            i++;
        }
    }

    /// <summary>
    /// Reads a quoted field from <paramref name="read"/>, just after its opening quote, to its closing quote;
    /// when committing, unescapes doubled quotes in place, so that the text ends at <paramref name="write"/>.
    /// </summary>
    /// <returns>The position after the closing quote, or -1 when the buffer ends first and more input may come.</returns>
    private int ScanQuoted(int read, bool commit, int fieldLine, int fieldColumn, ref int line, ref int lineStart, out int write)
    {
        var buffer = _buffer;
        int w = read;
        int l = line;
        int ls = lineStart;
        while (true)
        {
            if (read >= _length)
            {
                write = w;
                if (!_eof)
                {
                    return -1;
                }

                throw new GraphFormatException("Unclosed quoted field", new SourceLocation(Source, fieldLine, fieldColumn), "the end of the input", "a closing '\"'");
            }

            char c = buffer[read];
            if (c == '"')
            {
                if (read + 1 >= _length && !_eof)
                {
                    write = w;
                    return -1;
                }

                if (read + 1 >= _length || buffer[read + 1] != '"')
                {
                    write = w;
                    line = l;
                    lineStart = ls;
                    return read + 1;
                }

                if (commit)
                {
                    buffer[w] = '"';
                }

                w++;
                read += 2;
                continue;
            }

            if (c == '\n')
            {
                l++;
                ls = read + 1;
            }

            if (commit)
            {
                buffer[w] = c;
            }

            w++;
            read++;
        }
    }

    /// <summary>Checks what follows a closing quote at <paramref name="after"/>: the delimiter or the end of the record.</summary>
    /// <returns>False when the buffer ends within a line break and more input may come.</returns>
    private bool EndsAfterQuote(int after, int line, int lineStart, out bool endOfRecord)
    {
        var buffer = _buffer;
        endOfRecord = false;
        if (after < _length && buffer[after] == '\r' && after + 1 >= _length && !_eof)
        {
            return false;
        }

        endOfRecord = after >= _length || buffer[after] == '\n' || (buffer[after] == '\r' && after + 1 < _length && buffer[after + 1] == '\n');
        if (!endOfRecord && buffer[after] != _delimiter)
        {
            throw new GraphFormatException(
                "Unexpected text after a closing quote",
                new SourceLocation(Source, line, after - lineStart + 1),
                Describe(buffer[after]),
                $"{Describe(_delimiter)} or the end of the line");
        }

        return true;
    }

    /// <summary>The end of the unquoted field at <paramref name="i"/> (its delimiter, line feed or the end of the input), or -1 when more input may come.</summary>
    private int ScanUnquoted(int i)
    {
        var buffer = _buffer;
        while (i < _length && buffer[i] != _delimiter && buffer[i] != '\n')
        {
            i++;
        }

        return i >= _length && !_eof ? -1 : i;
    }

    private bool Finish(int fields, ref int i, ref int line)
    {
        FieldCount = fields;
        RecordLine = _fieldLine[0];
        if (i < _length && _buffer[i] == '\r')
        {
            i++;
        }

        if (i < _length && _buffer[i] == '\n')
        {
            i++;
        }

        _position = i;
        _line = line + 1;
        return true;
    }

    private void AddField(ref int fields, int start, int end, int line, int column)
    {
        if (fields == _start.Length)
        {
            Array.Resize(ref _start, fields * 2);
            Array.Resize(ref _end, fields * 2);
            Array.Resize(ref _fieldLine, fields * 2);
            Array.Resize(ref _fieldColumn, fields * 2);
        }

        _start[fields] = start;
        _end[fields] = end;
        _fieldLine[fields] = line;
        _fieldColumn[fields] = column;
        fields++;
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        int keep = _length - _position;
        if (_position == 0 && _length == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordLength)
            {
                throw new GraphFormatException("Record too long", new SourceLocation(Source, _line, 1), $"more than {MaxRecordLength.ToString(CultureInfo.InvariantCulture)} characters", "a shorter record");
            }

            char[] bigger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            Array.Copy(_buffer, bigger, keep);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (keep > 0)
        {
            Array.Copy(_buffer, _position, _buffer, 0, keep);
        }

        _position = 0;
        _length = keep;
        int read = _reader.Read(_buffer, _length, _buffer.Length - _length);
        if (read <= 0)
        {
            _eof = true;
            return keep > 0;
        }

        _length += read;
        return true;
    }

    private static string Describe(char c) => c switch
    {
        '\t' => "a tab",
        ',' => "','",
        _ => "'" + c + "'",
    };
}
