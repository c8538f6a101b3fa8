namespace KnowledgeGraph;

/// <summary>
/// The index from entity id to position in an entity array: an open-addressing hash table (linear
/// probing, at least one and a half slots per entity) of the id strings and their positions, in two
/// parallel arrays. It takes 18 to 27 bytes per entity where a <c>Dictionary&lt;string, int&gt;</c>
/// takes about 30, and a lookup reads the slot's id string straight from the table (one dependent
/// memory access fewer than the dictionary's bucket, entry and key). A loader
/// fills it as it reads (<see cref="TryAdd"/>), renumbers it once the entities are sorted
/// (<see cref="Renumber"/>) and hands it to the graph, so that no second index is built.
/// </summary>
/// <threadsafety>Not thread-safe while it is filled; safe to read from many threads at once after that.</threadsafety>
internal sealed class EntityIdIndex
{
    /// <summary>The id in each slot; null for an empty slot.</summary>
    private string?[] _keys;

    /// <summary>The position of the entity whose id is in each slot.</summary>
    private int[] _positions;

    private int _count;

    /// <summary>An empty index with room for <paramref name="capacity"/> entities before it grows.</summary>
    public EntityIdIndex(int capacity)
    {
        int size = SizeFor(capacity);
        _keys = new string?[size];
        _positions = new int[size];
    }

    /// <summary>Indexes entities whose ids are distinct.</summary>
    /// <param name="entities">The entities (kept, not copied).</param>
    public EntityIdIndex(Entity[] entities)
        : this(entities.Length)
    {
        for (int i = 0; i < entities.Length; i++)
        {
            Insert(entities[i].Id.Value, i);
        }

        _count = entities.Length;
    }

    /// <summary>Adds an entity's id and position unless the id is indexed already.</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="position">The entity's position.</param>
    /// <returns>False when the id was indexed already.</returns>
    public bool TryAdd(string id, int position)
    {
        if (TryGetValue(id, out _))
        {
            return false;
        }

        if ((_count + 1) * 3L > _keys.Length * 2L)
        {
            var (oldKeys, oldPositions) = (_keys, _positions);
            int size = SizeFor(_count * 2);
            _keys = new string?[size];
            _positions = new int[size];
            for (int i = 0; i < oldKeys.Length; i++)
            {
                if (oldKeys[i] is { } key)
                {
                    Insert(key, oldPositions[i]);
                }
            }
        }

        Insert(id, position);
        _count++;
        return true;
    }

    /// <summary>Follows a reordering of the entities: the entity at old position <c>p</c> is now at <c>newPosition[p]</c>.</summary>
    public void Renumber(int[] newPosition)
    {
        var keys = _keys;
        var positions = _positions;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] is not null)
            {
                positions[i] = newPosition[positions[i]];
            }
        }
    }

    /// <summary>Whether an entity has this id text.</summary>
    public bool ContainsKey(string id) => TryGetValue(id, out _);

    /// <summary>The position of the entity with this id text.</summary>
    /// <param name="id">The id text.</param>
    /// <param name="index">The position, or -1.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetValue(ReadOnlySpan<char> id, out int index)
    {
        var keys = _keys;
        int slot = Home(id, keys.Length);
        while (true)
        {
            string? key = keys[slot];
            if (key is null)
            {
                index = -1;
                return false;
            }

            if (id.SequenceEqual(key))
            {
                index = _positions[slot];
                return true;
            }

            slot = slot + 1 == keys.Length ? 0 : slot + 1;
        }
    }

    private static int SizeFor(int count) => (int)Math.Min(Array.MaxLength, Math.Max(4, count + ((long)count / 2) + 1));

    /// <summary>The first slot to probe for an id: its hash scaled to the table's size (multiply and shift, no division).</summary>
    private static int Home(ReadOnlySpan<char> id, int size) => (int)(((ulong)(uint)string.GetHashCode(id) * (ulong)(uint)size) >> 32);

    private void Insert(string id, int position)
    {
        var keys = _keys;
        int slot = Home(id, keys.Length);
        while (keys[slot] is not null)
        {
            slot = slot + 1 == keys.Length ? 0 : slot + 1;
        }

        keys[slot] = id;
        _positions[slot] = position;
    }
}
