using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// Whether the extraction pass running on this thread writes the reasons of its mentions and relations:
/// on for <see cref="TextExtractor.Analyze"/>, which returns them, off for <see cref="TextExtractor.Extract"/>,
/// which returns only the graph and so formats none of them.
/// </summary>
internal static class Explaining
{
    [ThreadStatic]
    private static bool t_off;

    /// <summary>Whether reasons are written now.</summary>
    public static bool IsOn => !t_off;

    /// <summary>Writes reasons, or not, until the returned scope is disposed; the setting before it comes back then.</summary>
    /// <param name="on">Whether to write them.</param>
    /// <returns>The scope.</returns>
    public static Scope Set(bool on)
    {
        var scope = new Scope(t_off);
        t_off = !on;
        return scope;
    }

    /// <summary>Puts back the setting it was made with.</summary>
    public readonly struct Scope(bool previousOff) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => t_off = previousOff;
    }
}

/// <summary>
/// An interpolated reason ("event cue word '{last}'") that is formatted only while <see cref="Explaining.IsOn"/>:
/// otherwise none of its parts is evaluated and it is the empty string.
/// </summary>
[InterpolatedStringHandler]
internal ref struct ReasonText
{
    private readonly bool _on;
    private DefaultInterpolatedStringHandler _text;

    /// <summary>Starts a reason.</summary>
    /// <param name="literalLength">The length of its literal parts.</param>
    /// <param name="formattedCount">How many values it formats.</param>
    /// <param name="shouldAppend">Whether its parts are to be appended.</param>
    public ReasonText(int literalLength, int formattedCount, out bool shouldAppend)
    {
        _on = shouldAppend = Explaining.IsOn;
        _text = _on ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>Appends a literal part.</summary>
    /// <param name="value">The part.</param>
    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    /// <summary>Appends a value.</summary>
    /// <typeparam name="T">Its type.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    /// <summary>The reason's text, or the empty string when reasons are not written.</summary>
    /// <returns>The text.</returns>
    public string ToStringAndClear() => _on ? _text.ToStringAndClear() : string.Empty;
}
