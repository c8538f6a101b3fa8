using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph;

/// <summary>What a <see cref="PropertyValue"/> holds.</summary>
public enum PropertyValueKind
{
    /// <summary>No value.</summary>
    Null = 0,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit floating-point number.</summary>
    Float,

    /// <summary>A string.</summary>
    String,

    /// <summary>A list of values.</summary>
    List,

    /// <summary>A date, time, date-time or duration (<see cref="TemporalValue"/>).</summary>
    Temporal,
}

/// <summary>
/// A typed property value of an entity or relation: null, boolean, integer, float, string,
/// temporal (a date, time, date-time or duration), or a list of these. Values compare by kind and content (floats by their bits, so
/// <c>NaN</c> equals itself and the type is usable as a key).
/// </summary>
/// <threadsafety>Immutable value; safe to share across threads.</threadsafety>
public readonly struct PropertyValue : IEquatable<PropertyValue>
{
    private readonly long _bits;
    private readonly object? _reference;

    private PropertyValue(PropertyValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _reference = reference;
    }

    /// <summary>The null value (also <c>default</c>).</summary>
    public static PropertyValue Null => default;

    /// <summary>What this value holds.</summary>
    public PropertyValueKind Kind { get; }

    /// <summary>Whether this is the null value.</summary>
    public bool IsNull => Kind == PropertyValueKind.Null;

    /// <summary>A boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static PropertyValue From(bool value) => new(PropertyValueKind.Boolean, value ? 1 : 0, null);

    /// <summary>A temporal value: a date, time, date-time or duration.</summary>
    /// <param name="value">The temporal value; null gives <see cref="Null"/>.</param>
    /// <returns>The value.</returns>
    public static PropertyValue From(TemporalValue? value) => value is null ? Null : new(PropertyValueKind.Temporal, 0, value);

    /// <summary>An integer value.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static PropertyValue From(long value) => new(PropertyValueKind.Integer, value, null);

    /// <summary>A floating-point value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static PropertyValue From(double value) => new(PropertyValueKind.Float, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A string value; null gives <see cref="Null"/>.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static PropertyValue From(string? value) => value is null ? Null : new(PropertyValueKind.String, 0, value);

    /// <summary>A list value.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The value.</returns>
    public static PropertyValue From(ImmutableArray<PropertyValue> items) =>
        new(PropertyValueKind.List, 0, items.IsDefault ? ImmutableArray<PropertyValue>.Empty : items);

    /// <summary>A list value of strings.</summary>
    /// <param name="items">The strings.</param>
    /// <returns>The value.</returns>
    public static PropertyValue From(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return From(items.Select(From).ToImmutableArray());
    }

    /// <summary>Converts a string.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator PropertyValue(string? value) => From(value);

    /// <summary>Converts an integer.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator PropertyValue(long value) => From(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator PropertyValue(double value) => From(value);

    /// <summary>Converts a boolean.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator PropertyValue(bool value) => From(value);

    /// <summary>The boolean held.</summary>
    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean => Kind == PropertyValueKind.Boolean ? _bits != 0 : throw WrongKind(PropertyValueKind.Boolean);

    /// <summary>The integer held.</summary>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public long AsInteger => Kind == PropertyValueKind.Integer ? _bits : throw WrongKind(PropertyValueKind.Integer);

    /// <summary>The number held (integers convert).</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double AsFloat => Kind switch
    {
        PropertyValueKind.Float => BitConverter.Int64BitsToDouble(_bits),
        PropertyValueKind.Integer => _bits,
        _ => throw WrongKind(PropertyValueKind.Float),
    };

    /// <summary>The string held.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string AsString => Kind == PropertyValueKind.String ? (string)_reference! : throw WrongKind(PropertyValueKind.String);

    /// <summary>The items of a list.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list.</exception>
    public ImmutableArray<PropertyValue> AsList => Kind == PropertyValueKind.List ? (ImmutableArray<PropertyValue>)_reference! : throw WrongKind(PropertyValueKind.List);

    /// <summary>The temporal value held.</summary>
    /// <exception cref="InvalidOperationException">The value is not temporal.</exception>
    public TemporalValue AsTemporal => Kind == PropertyValueKind.Temporal ? (TemporalValue)_reference! : throw WrongKind(PropertyValueKind.Temporal);

    /// <summary>The value as a CLR object: null, bool, long, double, string, <see cref="TemporalValue"/> or an array of objects.</summary>
    /// <returns>The object.</returns>
    public object? ToObject() => Kind switch
    {
        PropertyValueKind.Null => null,
        PropertyValueKind.Boolean => AsBoolean,
        PropertyValueKind.Integer => AsInteger,
        PropertyValueKind.Float => AsFloat,
        PropertyValueKind.String => AsString,
        PropertyValueKind.Temporal => AsTemporal,
        _ => AsList.Select(v => v.ToObject()).ToArray(),
    };

    /// <inheritdoc/>
    public bool Equals(PropertyValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            PropertyValueKind.String => string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal),
            PropertyValueKind.List => AsList.SequenceEqual(other.AsList),
            PropertyValueKind.Temporal => AsTemporal.Equals(other.AsTemporal),
            _ => _bits == other._bits,
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PropertyValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        switch (Kind)
        {
            case PropertyValueKind.String:
                return HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode((string)_reference!));
            case PropertyValueKind.List:
                var hash = new HashCode();
                hash.Add(Kind);
                foreach (var item in AsList)
                {
                    hash.Add(item);
                }

                return hash.ToHashCode();
            case PropertyValueKind.Temporal:
                return HashCode.Combine(Kind, AsTemporal);
            default:
                return HashCode.Combine(Kind, _bits);
        }
    }

    /// <summary>The value as text, invariant culture: strings as they are, temporal values in ISO 8601, lists as <c>[a, b]</c>, null as empty.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        PropertyValueKind.Null => string.Empty,
        PropertyValueKind.Boolean => AsBoolean ? "true" : "false",
        PropertyValueKind.Integer => AsInteger.ToString(CultureInfo.InvariantCulture),
        PropertyValueKind.Float => AsFloat.ToString("R", CultureInfo.InvariantCulture),
        PropertyValueKind.String => AsString,
        PropertyValueKind.Temporal => AsTemporal.ToString(),
        _ => "[" + string.Join(", ", AsList.Select(v => v.ToString())) + "]",
    };

    /// <summary>Equality of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(PropertyValue left, PropertyValue right) => left.Equals(right);

    /// <summary>Inequality of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(PropertyValue left, PropertyValue right) => !left.Equals(right);

    private InvalidOperationException WrongKind(PropertyValueKind wanted) =>
        new($"The property value is {Kind}, not {wanted}.");
}
