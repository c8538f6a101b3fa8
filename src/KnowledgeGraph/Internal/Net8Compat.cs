#if !NET9_0_OR_GREATER
namespace KnowledgeGraph.Internal;

/// <summary>
/// Stand-ins, on net8.0 only, for span APIs that arrived in .NET 9 (span splitting, span look-ups in
/// string-keyed dictionaries), so that the same source builds for both targets. On net10.0 the
/// framework's own, allocation-free versions are used.
/// </summary>
internal static class Net8Compat
{
    /// <summary>Splits a span at a separator, yielding the ranges between separators (as <c>MemoryExtensions.Split</c> in .NET 9).</summary>
    public static SpanSplitEnumerator Split(this ReadOnlySpan<char> span, char separator) => new(span, separator);

    /// <summary>The ranges of a span between separators.</summary>
    internal ref struct SpanSplitEnumerator
    {
        private readonly ReadOnlySpan<char> _span;
        private readonly char _separator;
        private int _start;
        private bool _done;

        public SpanSplitEnumerator(ReadOnlySpan<char> span, char separator)
        {
            _span = span;
            _separator = separator;
            _start = 0;
            _done = false;
            Current = default;
        }

        public Range Current { get; private set; }

        public readonly SpanSplitEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            int i = _span[_start..].IndexOf(_separator);
            if (i < 0)
            {
                Current = new Range(_start, _span.Length);
                _done = true;
                return true;
            }

            Current = new Range(_start, _start + i);
            _start += i + 1;
            return true;
        }
    }
}

/// <summary>A look-up of a string-keyed dictionary by a span of characters (allocates the key on net8.0).</summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal readonly struct SpanLookup<TValue>(Dictionary<string, TValue> dictionary)
{
    public bool TryGetValue(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        dictionary.TryGetValue(key.ToString(), out value);

    public bool ContainsKey(ReadOnlySpan<char> key) => dictionary.ContainsKey(key.ToString());
}
#endif
