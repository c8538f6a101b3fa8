using System.Globalization;

namespace KnowledgeGraph.Query.Temporal;

/// <summary>Reads the parts of an ISO 8601 text (date, time, offset, duration) from left to right.</summary>
internal struct Cursor(string text)
{
    private readonly string _text = text;
    private int _pos;

    private readonly bool AtEnd => _pos >= _text.Length;

    private readonly char Peek => _pos < _text.Length ? _text[_pos] : '\0';

    public bool TryChar(char c)
    {
        if (Peek != c)
        {
            return false;
        }

        _pos++;
        return true;
    }

    public readonly void End()
    {
        if (!AtEnd)
        {
            throw TemporalText.Invalid(_text, "temporal value");
        }
    }

    public string Until(char close)
    {
        int end = _text.IndexOf(close, _pos);
        if (end < 0)
        {
            throw TemporalText.Invalid(_text, "time zone");
        }

        string s = _text[_pos..end];
        _pos = end + 1;
        return s;
    }

    private int Digits(int count)
    {
        if (_pos + count > _text.Length)
        {
            throw TemporalText.Invalid(_text, "temporal value");
        }

        int v = 0;
        for (int i = 0; i < count; i++)
        {
            char ch = _text[_pos + i];
            if (ch is < '0' or > '9')
            {
                throw TemporalText.Invalid(_text, "temporal value");
            }

            v = (v * 10) + (ch - '0');
        }

        _pos += count;
        return v;
    }

    private readonly int RunOfDigits()
    {
        int n = 0;
        while (_pos + n < _text.Length && char.IsAsciiDigit(_text[_pos + n]))
        {
            n++;
        }

        return n;
    }

    public DateOnly Date()
    {
        int year = Digits(4);
        try
        {
            if (TryChar('-'))
            {
                return DashedDate(year);
            }

            if (TryChar('W'))
            {
                int week = Digits(2);
                int dow = char.IsAsciiDigit(Peek) ? Digits(1) : 1;
                return TemporalCalendar.FromWeek(year, week, dow);
            }

            int run = RunOfDigits();
            return run switch
            {
                0 => new DateOnly(year, 1, 1),
                2 => new DateOnly(year, Digits(2), 1),
                3 => TemporalCalendar.FromOrdinal(year, Digits(3)),
                _ => new DateOnly(year, Digits(2), Digits(2)),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            throw TemporalText.Invalid(_text, "date");
        }
    }

    private DateOnly DashedDate(int year)
    {
        if (TryChar('W'))
        {
            int week = Digits(2);
            int dow = TryChar('-') ? Digits(1) : 1;
            return TemporalCalendar.FromWeek(year, week, dow);
        }

        if (TryChar('Q'))
        {
            int quarter = Digits(1);
            int dayOfQuarter = TryChar('-') ? Digits(2) : 1;
            return TemporalCalendar.FromQuarter(year, quarter, dayOfQuarter);
        }

        if (RunOfDigits() == 3)
        {
            return TemporalCalendar.FromOrdinal(year, Digits(3));
        }

        int month = Digits(2);
        int day = TryChar('-') ? Digits(2) : 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Reads <c>HH[:MM[:SS[.f]]]</c> or <c>HH[MM[SS[.f]]]</c>; returns nanoseconds of the day.</summary>
    public long Time()
    {
        int hour = Digits(2), minute = 0, second = 0;
        long nanos = 0;
        bool colon = TryChar(':');
        if (colon || RunOfDigits() >= 2)
        {
            minute = Digits(2);
            if ((colon && TryChar(':')) || (!colon && RunOfDigits() >= 2))
            {
                second = Digits(2);
                if (Peek is '.' or ',')
                {
                    _pos++;
                    nanos = Fraction();
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            throw TemporalText.Invalid(_text, "time");
        }

        return (((hour * 3600L) + (minute * 60L) + second) * TemporalText.NanosPerSecond) + nanos;
    }

    private long Fraction()
    {
        int run = RunOfDigits();
        if (run is 0 or > 9)
        {
            throw TemporalText.Invalid(_text, "time");
        }

        long v = Digits(run);
        for (int i = run; i < 9; i++)
        {
            v *= 10;
        }

        return v;
    }

    /// <summary>Reads an offset (<c>Z</c>, <c>±HH[:MM[:SS]]</c>, <c>±HHMM</c>) when one follows; null otherwise.</summary>
    public int? Offset()
    {
        if (TryChar('Z'))
        {
            return 0;
        }

        if (Peek is not ('+' or '-'))
        {
            return null;
        }

        int sign = _text[_pos++] == '-' ? -1 : 1;
        int hours = Digits(2), minutes = 0, seconds = 0;
        if (TryChar(':'))
        {
            minutes = Digits(2);
            if (TryChar(':'))
            {
                seconds = Digits(2);
            }
        }
        else if (RunOfDigits() >= 2)
        {
            minutes = Digits(2);
        }

        if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0))
        {
            throw TemporalText.Invalid(_text, "UTC offset");
        }

        return sign * ((hours * 3600) + (minutes * 60) + seconds);
    }

    /// <summary>Reads a duration: <c>P[nY][nM][nW][nD][T[nH][nM][nS]]</c> (fractions allowed) or <c>PYYYY-MM-DDThh:mm:ss</c>.</summary>
    public TemporalValue Duration()
    {
        if (!TryChar('P'))
        {
            throw TemporalText.Invalid(_text, "duration");
        }

        int save = _pos;
        int run = RunOfDigits();
        if (run == 4 && _pos + 4 < _text.Length && _text[_pos + 4] == '-')
        {
            var d = Date();
            long t = TryChar('T') ? Time() : 0;
            return TemporalValue.OfDuration((d.Year * 12L) + d.Month, d.Day, 0, t);
        }

        _pos = save;
        var acc = new DurationBuilder();
        bool inTime = false, any = false;
        while (!AtEnd)
        {
            if (!inTime && TryChar('T'))
            {
                inTime = true;
                continue;
            }

            decimal n = Number();
            char unit = AtEnd ? '\0' : _text[_pos++];
            if (!acc.Add(n, unit, inTime))
            {
                throw TemporalText.Invalid(_text, "duration");
            }

            any = true;
        }

        if (!any)
        {
            throw TemporalText.Invalid(_text, "duration");
        }

        return acc.Build();
    }

    private decimal Number()
    {
        int start = _pos;
        if (Peek is '-' or '+')
        {
            _pos++;
        }

        while (char.IsAsciiDigit(Peek) || Peek is '.' or ',')
        {
            _pos++;
        }

        string s = _text[start.._pos].Replace(',', '.');
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal n))
        {
            throw TemporalText.Invalid(_text, "duration");
        }

        return n;
    }
}
