using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.IO;

namespace KnowledgeGraph.Cli;

/// <summary>
/// The progress line of <c>kg</c>: one line on standard error, rewritten in place with <c>'\r'</c>, shown only when
/// standard error is a terminal and the work is long enough to matter (an input over 1 MiB or a graph of
/// <see cref="LargeGraph"/> entities and relations, else once it has taken half a second). Disposing it clears the
/// line, so the output that follows starts at the beginning of an empty line. Piped or redirected, <c>kg</c> writes
/// none of it: <see cref="For"/> gives null and the library is asked for no reports.
/// </summary>
internal sealed class TerminalProgress : IProgress<GraphReadProgress>, IProgress<GraphWriteProgress>, IProgress<ExtractionProgress>, IDisposable
{
    /// <summary>An input this large shows its progress from the start.</summary>
    public const long LargeInput = 1024 * 1024;

    /// <summary>A graph with this many entities and relations shows the progress of its writing from the start.</summary>
    public const int LargeGraph = 10_000;

    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _stderr;
    private readonly string _what;
    private readonly bool _large;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _drawn;
    private int _width;

    private TerminalProgress(TextWriter stderr, string what, bool large)
    {
        _stderr = stderr;
        _what = what;
        _large = large;
    }

    /// <summary>
    /// A progress line for <paramref name="what"/> (<c>loading graph.json</c>) when <paramref name="stderr"/> is the
    /// process's standard error and a terminal; null otherwise.
    /// </summary>
    public static TerminalProgress? For(TextWriter stderr, string what, bool large) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new TerminalProgress(stderr, what, large) : null;

    /// <summary>The bytes of the files that exist among <paramref name="paths"/>.</summary>
    public static long SizeOf(params string[] paths) => paths.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    /// <inheritdoc/>
    public void Report(GraphReadProgress value)
    {
        bool done = value.Entities > 0 || value.Relations > 0 || value.BytesRead == value.BytesTotal;
        string read = Size(value.BytesRead);
        string status = value.BytesTotal is { } total ? Percent(value.BytesRead, total) + read : read;
        if (value.Entities > 0 || value.Relations > 0)
        {
            status += string.Create(CultureInfo.InvariantCulture, $", {value.Entities:N0} entities, {value.Relations:N0} relations");
        }
        else if (value.BytesTotal is { } size)
        {
            status += " of " + Size(size);
        }

        Draw(status, done);
    }

    /// <inheritdoc/>
    public void Report(GraphWriteProgress value)
    {
        long written = (long)value.EntitiesWritten + value.RelationsWritten;
        long total = (long)value.EntityTotal + value.RelationTotal;
        Draw(
            Percent(written, total) + string.Create(CultureInfo.InvariantCulture, $"{value.EntitiesWritten:N0} of {value.EntityTotal:N0} entities, {value.RelationsWritten:N0} of {value.RelationTotal:N0} relations"),
            written == total);
    }

    /// <inheritdoc/>
    public void Report(ExtractionProgress value) =>
        Draw(
            Percent(value.CharactersDone, value.CharacterTotal) + string.Create(CultureInfo.InvariantCulture, $"{value.SentencesDone:N0} of {value.SentenceTotal:N0} sentences"),
            value.SentencesDone == value.SentenceTotal);

    /// <summary>Clears the line when one was drawn.</summary>
    public void Dispose()
    {
        if (_width > 0)
        {
            _stderr.Write("\r" + new string(' ', _width) + "\r");
            _stderr.Flush();
            _width = 0;
        }
    }

    private void Draw(string status, bool done)
    {
        var now = _clock.Elapsed;
        if ((!_large && now < Patience) || (!done && _drawn is { } drawn && now - drawn < Redraw))
        {
            return;
        }

        _drawn = now;
        string line = "kg: " + _what + "  " + status;
        int columns = Columns();
        if (line.Length >= columns)
        {
            line = line[..(columns - 1)];
        }

        _stderr.Write("\r" + line.PadRight(_width));
        _stderr.Flush();
        _width = Math.Max(_width, line.Length);
    }

    /// <summary>The terminal's width (a longer line would wrap, and <c>'\r'</c> rewrite only its last part); 80 when it does not say.</summary>
    private static int Columns()
    {
        try
        {
            return Console.WindowWidth is > 10 and var width ? width : 80;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
        {
            return 80;
        }
    }

    private static string Percent(long part, long whole) =>
        whole <= 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{part * 100 / whole,3}%  ");

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");
}
