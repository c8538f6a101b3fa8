using System.Text;

namespace KnowledgeGraph;

/// <summary>Name rules and the name normalisation used by look-ups.</summary>
internal static class Names
{
    /// <summary>A label (kind or relation type) is non-empty and has no whitespace or control characters.</summary>
    public static bool IsValidLabel(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The look-up key of a name: letters and digits lower-cased (invariant), apostrophes and
    /// dots dropped, every other run of punctuation or space one space, trimmed. "Mr. Rutte" → "mr rutte", "U.S." → "us".
    /// </summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text.Normalize(NormalizationForm.FormKD))
        {
            var category = char.GetUnicodeCategory(c);
            if (category == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '.')
            {
                // "Trump's" and "Trumps" look the same, and so do "U.S." and "US".
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }
}
