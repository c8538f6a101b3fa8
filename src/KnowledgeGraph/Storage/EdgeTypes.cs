namespace KnowledgeGraph.Storage;

/// <summary>
/// The type code of each edge: one byte per edge while a graph has at most 256 relation types
/// (nearly every graph), four bytes beyond that.
/// </summary>
/// <threadsafety>Immutable once built; safe to read from many threads at once.</threadsafety>
internal readonly struct EdgeTypes
{
    private readonly byte[]? _narrow;
    private readonly int[]? _wide;

    /// <summary>Codes of one byte each.</summary>
    public EdgeTypes(byte[] narrow)
        : this(narrow, null)
    {
    }

    /// <summary>Codes of four bytes each.</summary>
    public EdgeTypes(int[] wide)
        : this(null, wide)
    {
    }

    private EdgeTypes(byte[]? narrow, int[]? wide)
    {
        _narrow = narrow;
        _wide = wide;
    }

    /// <summary>The number of edges.</summary>
    public int Length => _narrow?.Length ?? _wide?.Length ?? 0;

    /// <summary>Whether the codes take one byte each.</summary>
    public bool IsNarrow => _narrow is not null;

    /// <summary>The type code of an edge.</summary>
    public int this[int edge] => _narrow is { } narrow ? narrow[edge] : _wide![edge];

    /// <summary>Stores the codes of <paramref name="codes"/> in the narrowest form that holds <paramref name="typeCount"/> codes.</summary>
    /// <param name="codes">The type code per edge (kept when the codes need four bytes).</param>
    /// <param name="typeCount">The number of type codes.</param>
    /// <returns>The codes.</returns>
    public static EdgeTypes From(int[] codes, int typeCount)
    {
        if (!FitInAByte(typeCount))
        {
            return new EdgeTypes(null, codes);
        }

        var narrow = GC.AllocateUninitializedArray<byte>(codes.Length);
        for (int e = 0; e < codes.Length; e++)
        {
            narrow[e] = (byte)codes[e];
        }

        return new EdgeTypes(narrow, null);
    }

    /// <summary>Whether codes below <paramref name="typeCount"/> fit in a byte.</summary>
    public static bool FitInAByte(int typeCount) => typeCount <= byte.MaxValue + 1;
}
