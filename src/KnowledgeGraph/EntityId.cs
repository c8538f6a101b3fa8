using System.Diagnostics.CodeAnalysis;

namespace KnowledgeGraph;

/// <summary>
/// The stable, readable identifier of an entity, such as <c>person:mark-rutte</c>.
/// Compared ordinally; the same text is always the same id.
/// </summary>
/// <threadsafety>Immutable value; safe to share across threads.</threadsafety>
public readonly struct EntityId : IEquatable<EntityId>, IComparable<EntityId>
{
    private readonly string? _value;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text: non-empty, without control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or holds a control character.</exception>
    public EntityId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException($"An entity id must be non-empty text without control characters; found '{value}'.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The id text; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether <paramref name="value"/> is valid id text (non-empty, no control characters).</summary>
    /// <param name="value">The text to check.</param>
    /// <returns><see langword="true"/> when the text can be an id.</returns>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Converts text to an id.</summary>
    /// <param name="value">The id text.</param>
    public static implicit operator EntityId(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(EntityId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EntityId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Orders ids ordinally by their text.</summary>
    /// <param name="other">The id to compare with.</param>
    /// <returns>Negative, zero or positive, as <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    public int CompareTo(EntityId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>The id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Equality of two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    public static bool operator ==(EntityId left, EntityId right) => left.Equals(right);

    /// <summary>Inequality of two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    public static bool operator !=(EntityId left, EntityId right) => !left.Equals(right);
}
