using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace KnowledgeGraph;

/// <summary>
/// An immutable map of property names to values, kept in ordinal key order so that it
/// enumerates and serializes the same way every time.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PropertyMap : IReadOnlyDictionary<string, PropertyValue>, IEquatable<PropertyMap>
{
    private readonly string[] _keys;
    private readonly PropertyValue[] _values;

    private PropertyMap(string[] keys, PropertyValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>The empty map.</summary>
    public static PropertyMap Empty { get; } = new([], []);

    /// <summary>Creates a map from pairs; a later pair wins over an earlier one with the same key.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentException">A key is null or empty.</exception>
    public static PropertyMap Create(IEnumerable<KeyValuePair<string, PropertyValue>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var sorted = new SortedDictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A property name must not be empty.", nameof(pairs));
            }

            sorted[key] = value;
        }

        return sorted.Count == 0 ? Empty : new PropertyMap([.. sorted.Keys], [.. sorted.Values]);
    }

    /// <summary>Creates a map from name/value pairs.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <returns>The map.</returns>
    public static PropertyMap Create(params (string Key, PropertyValue Value)[] pairs) =>
        Create(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    /// <inheritdoc/>
    public int Count => _keys.Length;

    /// <summary>Whether the map is empty.</summary>
    public bool IsEmpty => _keys.Length == 0;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _keys;

    /// <inheritdoc/>
    public IEnumerable<PropertyValue> Values => _values;

    /// <inheritdoc/>
    /// <exception cref="KeyNotFoundException">No property has that name.</exception>
    public PropertyValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No property named '{key}'.");

    /// <summary>A copy with one property set.</summary>
    /// <param name="key">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new map.</returns>
    public PropertyMap With(string key, PropertyValue value) =>
        Create(this.Where(p => p.Key != key).Append(KeyValuePair.Create(key, value)));

    /// <summary>A copy without one property.</summary>
    /// <param name="key">The name.</param>
    /// <returns>The new map, or this one when the name is absent.</returns>
    public PropertyMap Without(string key) => ContainsKey(key) ? Create(this.Where(p => p.Key != key)) : this;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PropertyValue value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    /// <summary>The string value of a property, or null when absent or not a string.</summary>
    /// <param name="key">The name.</param>
    /// <returns>The string or null.</returns>
    public string? GetString(string key) =>
        TryGetValue(key, out var v) && v.Kind == PropertyValueKind.String ? v.AsString : null;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            yield return KeyValuePair.Create(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(PropertyMap? other) =>
        other is not null && _keys.AsSpan().SequenceEqual(other._keys) && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PropertyMap);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (int i = 0; i < _keys.Length; i++)
        {
            hash.Add(_keys[i], StringComparer.Ordinal);
            hash.Add(_values[i]);
        }

        return hash.ToHashCode();
    }

    /// <summary>The map as <c>{key: value, …}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "{" + string.Join(", ", this.Select(p => p.Key + ": " + p.Value)) + "}";

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Array.BinarySearch(_keys, key, StringComparer.Ordinal);
    }
}
