namespace KnowledgeGraph.Extraction;

/// <summary>A word, number or punctuation mark of a sentence, with its offsets in the text.</summary>
internal readonly record struct Token(int Start, int End, string Text)
{
    public bool IsWord => Text.Length > 0 && char.IsLetterOrDigit(Text[0]);

    public bool IsCapitalized => Text.Length > 0 && (char.IsUpper(Text[0]) && !IsLowerHyphenated || IsNameParticleWord);

    /// <summary>"al-Sisi", "bin-Salman", "el-Erian": an Arabic name particle joined by a hyphen to a capitalised name.</summary>
    public bool IsNameParticleWord
    {
        get
        {
            int h = Text.IndexOf('-', StringComparison.Ordinal);
            return h is >= 2 and <= 3 && h + 1 < Text.Length && char.IsUpper(Text[h + 1]) && Text[..h] is "al" or "el" or "ad" or "as" or "bin" or "ibn" or "abu";
        }
    }

    /// <summary>
    /// "Oslo-based", "Kremlin-backed", "Europe-wide": a capital, then a hyphen and a lower-case word that makes an
    /// adjective of it (a syllable of a name such as "Dong-hoon" or "Jae-myung" does not).
    /// </summary>
    public bool IsLowerHyphenated
    {
        get
        {
            int h = Text.IndexOf('-', StringComparison.Ordinal);
            if (!(h > 0 && h + 1 < Text.Length && char.IsLower(Text[h + 1])))
            {
                return false;
            }

            var rest = Text.AsSpan(h + 1);
            return rest.Length > 5 || rest.EndsWith("ed") || rest.EndsWith("ing") || rest.EndsWith("ly") || rest.EndsWith("wide") || rest.EndsWith("style") || rest.EndsWith("era") || rest.EndsWith("born") || rest.EndsWith("made") || rest.EndsWith("run") || rest.Contains('-');
        }
    }

    /// <summary>"NATO", "U.S.", "OSCE": two or more capitals, maybe dotted, no lower case.</summary>
    public bool IsAcronym
    {
        get
        {
            int upper = 0;
            foreach (char c in Text)
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                if (char.IsUpper(c))
                {
                    upper++;
                }
            }

            return upper >= 2;
        }
    }

    public bool IsPossessive => Text is "’s" or "'s" or "’" or "'";

    public bool IsNumber => Text.Length > 0 && char.IsDigit(Text[0]);

    public bool Is(string text) => string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text;
}

/// <summary>Splits a sentence into tokens: words (with inner hyphens, apostrophes and dots), the possessive "’s", and single punctuation marks.</summary>
internal static class Tokenizer
{
    private static readonly HashSet<string> DottedWords = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Capt", "Maj", "Sgt", "Adm", "Prof", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Rev", "Hon", "Mt", "Ft",
    };

    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(4, (end - start) / 5));
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                if ((c is '’' or '\'') && i + 1 < end && text[i + 1] is 's' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])) && tokens.Count > 0 && tokens[^1].End == i)
                {
                    tokens.Add(new Token(i, i + 2, text.Substring(i, 2)));
                    i += 2;
                    continue;
                }

                tokens.Add(new Token(i, i + 1, text.Substring(i, 1)));
                i++;
                continue;
            }

            int j = WordEnd(text, i, end);
            tokens.Add(new Token(i, j, text[i..j]));
            i = j;
        }

        return tokens;
    }

    /// <summary>Where the word starting at <paramref name="i"/> ends: inner hyphens, slashes, digit commas, dotted acronyms and apostrophes stay inside it.</summary>
    private static int WordEnd(string text, int i, int end)
    {
        int j = i + 1;
        while (j < end)
        {
            char d = text[j];
            if (char.IsLetterOrDigit(d))
            {
                j++;
                continue;
            }

            bool inner = j + 1 < end && char.IsLetterOrDigit(text[j + 1]);
            if (d is '-' or '/' or '.' or ',' && inner)
            {
                if (d == ',' && !(char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1])))
                {
                    break;
                }

                if (d == '.' && !(char.IsUpper(text[j - 1]) && j - 1 >= i && (j - 1 == i || text[j - 2] == '.')))
                {
                    if (!char.IsDigit(text[j - 1]))
                    {
                        break;
                    }
                }

                j++;
                continue;
            }

            if (d is '’' or '\'' && inner && !(text[j + 1] == 's' && (j + 2 >= end || !char.IsLetterOrDigit(text[j + 2]))))
            {
                j++;
                continue;
            }

            break;
        }

        // A trailing dot belongs to dotted acronyms ("U.S.") and to abbreviations ("Mr.").
        if (j < end && text[j] == '.')
        {
            string word = text[i..j];
            bool dotted = word.Length >= 3 && word[^2] == '.';
            bool initial = word.Length == 1 && char.IsUpper(word[0]);
            if (dotted || initial || DottedWords.Contains(word))
            {
                j++;
            }
        }

        return j;
    }
}
