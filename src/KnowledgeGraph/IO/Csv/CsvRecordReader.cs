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
        var buffer = _buffer;
        int i = _position;
        int line = _line;
        int lineStart = _position;
        int fields = 0;
        while (true)
        {
            int fieldLine = line;
            int fieldColumn = i - lineStart + 1;
            if (i < _length && buffer[i] == '"')
            {
                int write = i + 1;
                int read = i + 1;
                while (true)
                {
                    if (read >= _length)
                    {
                        if (!_eof)
                        {
                            return false;
                        }

                        throw new GraphFormatException("Unclosed quoted field", new SourceLocation(Source, fieldLine, fieldColumn), "the end of the input", "a closing '\"'");
                    }

                    char c = buffer[read];
                    if (c == '"')
                    {
                        if (read + 1 >= _length && !_eof)
                        {
                            return false;
                        }

                        if (read + 1 < _length && buffer[read + 1] == '"')
                        {
                            if (commit)
                            {
                                buffer[write] = '"';
                            }

                            write++;
                            read += 2;
                            continue;
                        }

                        read++;
                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                        lineStart = read + 1;
                    }

                    if (commit)
                    {
                        buffer[write] = c;
                    }

                    write++;
                    read++;
                }

                int after = read;
                if (after < _length && buffer[after] == '\r' && after + 1 >= _length && !_eof)
                {
                    return false;
                }

                bool endOfRecord = after >= _length || buffer[after] == '\n' || (buffer[after] == '\r' && after + 1 < _length && buffer[after + 1] == '\n');
                if (!endOfRecord && buffer[after] != _delimiter)
                {
                    throw new GraphFormatException(
                        "Unexpected text after a closing quote",
                        new SourceLocation(Source, line, after - lineStart + 1),
                        Describe(buffer[after]),
                        $"{Describe(_delimiter)} or the end of the line");
                }

                if (commit)
                {
                    AddField(ref fields, i + 1, write, fieldLine, fieldColumn);
                }
                else
                {
                    fields++;
                }

                i = after;
                if (endOfRecord)
                {
                    return !commit || Finish(fields, ref i, ref line);
                }

                i++;
                continue;
            }

            // Unquoted field in a record that holds quotes elsewhere.
            int start = i;
            while (i < _length && buffer[i] != _delimiter && buffer[i] != '\n')
            {
                i++;
            }

            if (i >= _length && !_eof)
            {
                return false;
            }

            int end = i;
            if (end > start && (i >= _length || buffer[i] == '\n') && buffer[end - 1] == '\r')
            {
                end--;
            }

            if (commit)
            {
                AddField(ref fields, start, end, fieldLine, fieldColumn);
            }
            else
            {
                fields++;
            }

            if (i >= _length || buffer[i] == '\n')
            {
                return !commit || Finish(fields, ref i, ref line);
            }

            i++;
        }
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
