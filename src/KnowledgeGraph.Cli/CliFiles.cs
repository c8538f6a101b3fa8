using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Cli;

/// <summary>A file named on the command line is missing, is a directory, or is not what the command reads (exit code 1).</summary>
internal sealed class InputException(string message) : Exception(message);

/// <summary>Checks of the files and folders named on the command line, with messages that say what to do.</summary>
internal static class CliFiles
{
    /// <summary>The file to read for <paramref name="what"/> (<c>--graph</c>, <c>extract</c>, …): it exists and is not a directory.</summary>
    public static string Input(string path, string what, string expected)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{what} '{path}' is a directory; give a file: {expected}");
        }

        string extension = Path.GetExtension(path);
        bool csvPair = extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || extension.Equals(".tsv", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(path) && !(csvPair && File.Exists(Path.ChangeExtension(path, ".nodes" + extension))))
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            throw new InputException(folder is not null && !Directory.Exists(folder)
                ? $"{what} '{path}': the folder '{Path.GetDirectoryName(path)}' does not exist"
                : $"{what} '{path}' does not exist; give {expected}");
        }

        return path;
    }

    /// <summary>The file to write for <c>-o</c>: not a directory, and its folder exists.</summary>
    public static string Output(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"-o '{path}' is a directory; name a file in it, such as -o {Path.Combine(path, "graph.json")}");
        }

        string? folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            throw new InputException($"the folder '{folder}' for -o '{path}' does not exist; create it first (mkdir -p {folder}) or name a file in an existing folder");
        }

        return path;
    }

    /// <summary>
    /// A text file's content for <c>extract</c>: UTF-8 (with or without a byte order mark) or UTF-16 with its byte
    /// order mark, refused when it does not decode or holds control characters other than tab, line and page ends
    /// (a binary file, an image, an archive).
    /// </summary>
    public static string ReadText(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Encoding encoding = bytes switch
        {
            [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
            [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        };
        int skip = encoding.GetPreamble() is { Length: > 0 } bom && bytes.AsSpan().StartsWith(bom) ? bom.Length : 0;
        string text;
        try
        {
            text = encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InputException($"'{path}' is not text: byte {(ex.Index + skip).ToString(CultureInfo.InvariantCulture)} is not valid {Name(encoding)}; extract reads plain text in UTF-8 (or UTF-16 with a byte order mark)");
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                throw new InputException($"'{path}' is not text: it holds the character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} at character {i.ToString(CultureInfo.InvariantCulture)} ({Name(encoding)}); extract reads plain text, not binary files");
            }
        }

        return text;
    }

    private static string Name(Encoding e) => e is UnicodeEncoding ? "UTF-16" : "UTF-8";
}
