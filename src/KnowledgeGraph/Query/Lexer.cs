using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Query;

internal enum TokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
    Integer,
    Float,
    String,
    Parameter,
    Symbol,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Offset, int Length, object? Value = null)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Identifier => $"identifier `{Text}`",
        TokenKind.QuotedIdentifier => $"identifier `{Text}`",
        TokenKind.Integer or TokenKind.Float => $"number `{Text}`",
        TokenKind.String => $"string {Text}",
        TokenKind.Parameter => $"parameter `{Text}`",
        _ => $"`{Text}`",
    };
}

/// <summary>Splits query text into tokens with their offsets.</summary>
internal static class Lexer
{
    private static readonly string[] Symbols =
    [
        "<>", "<=", ">=", "=~", "..", "+=",
        "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "-", "+", "*", "/", "%", "^", "=", "<", ">", ";",
    ];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, text.Length, 0));
                return tokens;
            }

            char c = text[i];
            int start = i;
            if (char.IsLetter(c) || c == '_')
            {
                i = NameEnd(text, i);
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start, i - start));
            }
            else if (c == '`')
            {
                tokens.Add(QuotedName(text, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && !PreviousIsValue(tokens)))
            {
                tokens.Add(Number(text, ref i));
            }
            else if (c == '\'' || c == '"')
            {
                tokens.Add(StringLiteral(text, ref i));
            }
            else if (c == '$')
            {
                tokens.Add(Parameter(text, ref i));
            }
            else
            {
                tokens.Add(Symbol(text, ref i));
            }
        }
    }

    /// <summary>The end of a name's letters, digits and underscores from <paramref name="i"/>.</summary>
    private static int NameEnd(string text, int i)
    {
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        return i;
    }

    /// <summary>A name in backquotes, a doubled backquote standing for one.</summary>
    private static Token QuotedName(string text, ref int i)
    {
        int start = i;
        var sb = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw QueryErrors.UnclosedQuotedName(text, start);
            }

            if (text[i] == '`')
            {
                if (i + 1 < text.Length && text[i + 1] == '`')
                {
                    sb.Append('`');
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            sb.Append(text[i++]);
        }

        return new Token(TokenKind.QuotedIdentifier, sb.ToString(), start, i - start);
    }

    /// <summary>A parameter: <c>$name</c> or <c>$`quoted name`</c>.</summary>
    private static Token Parameter(string text, ref int i)
    {
        int start = i;
        i++;
        int nameStart = i;
        if (i < text.Length && text[i] == '`')
        {
            int close = text.IndexOf('`', i + 1);
            if (close < 0)
            {
                throw QueryErrors.UnclosedParameterName(text, i);
            }

            var quoted = new Token(TokenKind.Parameter, text[(i + 1)..close], start, close + 1 - start);
            i = close + 1;
            return quoted;
        }

        i = NameEnd(text, i);
        if (i == nameStart)
        {
            throw QueryErrors.MissingParameterName(text, i);
        }

        return new Token(TokenKind.Parameter, text[nameStart..i], start, i - start);
    }

    /// <summary>An operator or bracket, the longest that matches first (<see cref="Symbols"/> lists longer ones first).</summary>
    private static Token Symbol(string text, ref int i)
    {
        foreach (var s in Symbols)
        {
            if (string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
            {
                var token = new Token(TokenKind.Symbol, s, i, s.Length);
                i += s.Length;
                return token;
            }
        }

        char c = text[i];
        string shown = char.IsControl(c) ? $"character U+{(int)c:X4}" : $"character `{c}`";
        throw QueryErrors.UnexpectedCharacter(text, i);
    }

    private static bool PreviousIsValue(List<Token> tokens) =>
        tokens.Count > 0 && tokens[^1].Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier or TokenKind.Parameter
            || (tokens.Count > 0 && (tokens[^1].Is(")") || tokens[^1].Is("]") || tokens[^1].Is("}")));

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw QueryErrors.UnclosedComment(text, i);
                }

                i = close + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static Token Number(string text, ref int i)
    {
        int start = i;
        if (text[i] == '0' && i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            i += 2;
            int digits = i;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            string hex = text[digits..i];
            if (hex.Length == 0 || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hv) || hv < 0)
            {
                throw QueryErrors.HexIntegerOverflow(text, start, i);
            }

            return new Token(TokenKind.Integer, text[start..i], start, i - start, hv);
        }

        bool isFloat = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isFloat = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int save = i;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                isFloat = true;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }

        if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
        {
            throw QueryErrors.BadNumberEnd(text, i);
        }

        string s = text[start..i];
        if (isFloat)
        {
            double d = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d))
            {
                throw QueryErrors.FloatOverflow(text, start, s);
            }

            return new Token(TokenKind.Float, s, start, i - start, d);
        }

        // Integers are kept as text until the parser knows whether a minus sign precedes them.
        return new Token(TokenKind.Integer, s, start, i - start, null);
    }

    private static Token StringLiteral(string text, ref int i)
    {
        int start = i;
        char quote = text[i++];
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw QueryErrors.UnclosedString(text, start, quote);
            }

            char c = text[i++];
            if (c == quote)
            {
                break;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i >= text.Length)
            {
                throw QueryErrors.UnclosedString(text, start, quote);
            }

            char e = text[i++];
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'u':
                case 'U':
                    int n = e == 'u' ? 4 : 8;
                    if (i + n > text.Length || !int.TryParse(text.AsSpan(i, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp)
                        || cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    {
                        throw QueryErrors.BadUnicodeEscape(text, i - 2, e, n);
                    }

                    sb.Append(char.ConvertFromUtf32(cp));
                    i += n;
                    break;
                default:
                    throw QueryErrors.BadEscape(text, i - 2, e);
            }
        }

        return new Token(TokenKind.String, text[start..i], start, i - start, sb.ToString());
    }
}
