using System.Text;

namespace KnowledgeGraph.IO;

/// <summary>The plumbing the text writers share: UTF-8 without BOM, <c>\n</c> line ends, streams left open.</summary>
internal static class TextOutput
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Runs <paramref name="write"/> over a UTF-8 text writer on <paramref name="stream"/>, then flushes.</summary>
    /// <exception cref="NotSupportedException">The text holds an unpaired surrogate, which UTF-8 cannot encode.</exception>
    public static void Write(Stream stream, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var writer = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            write(writer);
            writer.Flush();
        }
        catch (EncoderFallbackException ex)
        {
            throw new NotSupportedException("A name or text holds an unpaired UTF-16 surrogate, which UTF-8 cannot encode: " + ex.Message, ex);
        }
    }

    /// <summary>What a stream writer produces, as a string.</summary>
    public static string ToText(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return Utf8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }
}
