using System.Collections.Immutable;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// Splits English news text into sentences in one pass: a sentence ends at '.', '!' or '?'
/// (with any closing quotes or brackets) followed by a space and a new sentence, or at a line
/// break. Abbreviations ("Mr.", "Rep.", "U.S.", initials) do not end a sentence, except that a
/// dotted acronym does before a line break or a word that usually starts a sentence ("the U.S. But …").
/// A quotation that ends in '.', '?' or '!' does not end the sentence when the text goes on in
/// lower case ("“… back,” she said"). Lines without closing punctuation are headings.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Capt", "Maj", "Sgt", "Adm", "Cmdr",
        "Prof", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "vs", "etc", "No", "Jan", "Feb", "Mar", "Apr",
        "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Rev", "Hon", "Pres", "Gens", "Reps", "Sens",
        "Mt", "Ft", "approx", "e.g", "i.e", "cf", "al", "Messrs", "Mmes",
    };

    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "But", "And", "So", "Yet", "Still", "It", "Its", "He", "She", "They", "We", "I", "This",
        "That", "These", "Those", "There", "In", "On", "At", "As", "If", "When", "While", "After", "Before",
        "Despite", "Though", "Although", "Some", "Many", "Most", "Such", "Meanwhile", "However", "Others", "His",
        "Her", "Their", "Our", "For", "By", "With", "What", "Why", "How", "Who", "Now", "Then",
    };

    /// <summary>Splits a text into sentences and headings, in order.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The sentences; blank lines give none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ImmutableArray<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ImmutableArray.CreateBuilder<Sentence>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            SplitLine(text, lineStart, lineEnd, result);
            lineStart = lineEnd + 1;
        }

        return result.ToImmutable();
    }

    private static void SplitLine(string text, int start, int end, ImmutableArray<Sentence>.Builder result)
    {
        int s = start;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c is '.' or '!' or '?')
            {
                int j = i + 1;
                while (j < end && text[j] is '.' or '!' or '?')
                {
                    j++;
                }

                while (j < end && IsCloser(text[j]))
                {
                    j++;
                }

                if (j >= end || IsBoundary(text, s, i, j, end))
                {
                    Add(text, s, j, result);
                    s = j;
                }

                i = j;
                continue;
            }

            i++;
        }

        Add(text, s, end, result);
    }

    private static bool IsBoundary(string text, int sentenceStart, int stop, int after, int lineEnd)
    {
        if (!char.IsWhiteSpace(text[after]))
        {
            return false;
        }

        int k = after;
        while (k < lineEnd && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        if (k >= lineEnd)
        {
            return true;
        }

        char next = text[k];
        if (char.IsLower(next))
        {
            return false;
        }

        if (text[stop] != '.')
        {
            return char.IsUpper(next) || IsOpener(next) || char.IsDigit(next);
        }

        if (!(char.IsUpper(next) || IsOpener(next) || char.IsDigit(next)))
        {
            return false;
        }

        bool quoted = stop + 1 < after && IsCloser(text[stop + 1]);
        if (quoted)
        {
            return true;
        }

        // The word before the period.
        int w = stop;
        while (w > sentenceStart && !char.IsWhiteSpace(text[w - 1]) && !IsOpener(text[w - 1]))
        {
            w--;
        }

        string word = text[w..stop];
        if (word.Length == 0)
        {
            return true;
        }

        if (Abbreviations.Contains(word))
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "John F. Kennedy"
        }

        if (word.Contains('.', StringComparison.Ordinal))
        {
            // A dotted acronym ("U.S.") ends a sentence only before a usual sentence starter.
            int e = k;
            while (e < lineEnd && char.IsLetter(text[e]))
            {
                e++;
            }

            return SentenceStarters.Contains(text[k..e]);
        }

        return true;
    }

    private static void Add(string text, int start, int end, ImmutableArray<Sentence>.Builder result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end <= start)
        {
            return;
        }

        string s = text[start..end];
        string trimmed = s.TrimEnd('”', '"', '’', '\'', ')', ']', '»');
        bool closed = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?';
        bool heading = !closed && CountWords(s) <= 14;
        result.Add(new Sentence(result.Count, start, s, heading));
    }

    private static int CountWords(string s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
    }

    private static bool IsCloser(char c) => c is '”' or '"' or '’' or '\'' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '“' or '"' or '‘' or '(' or '[' or '«';
}
