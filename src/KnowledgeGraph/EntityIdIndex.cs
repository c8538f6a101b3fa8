namespace KnowledgeGraph;

/// <summary>
/// The index from entity id to position in an entity array: an open-addressing hash table (linear
/// probing, at least one and a half slots per entity) of positions. A loader fills it as it reads
/// (<see cref="TryAdd"/>) with the id strings beside the positions, so that its many lookups compare
/// the slot's string directly; once the entities are sorted, <see cref="Renumber"/> drops the
/// strings and the table reads the ids from the entities. A graph's index then takes 6 to 9 bytes
/// per entity, where a <c>Dictionary&lt;string, int&gt;</c> takes about 30.
/// </summary>
/// <threadsafety>Not thread-safe while it is filled; safe to read from many threads at once after that.</threadsafety>
internal sealed class EntityIdIndex
{
    /// <summary>The id in each slot while the index is filled; null once it reads the ids from <see cref="_entities"/>.</summary>
    private string?[]? _keys;

    private Entity[] _entities = [];

    /// <summary>Position + 1 of the entity in each slot; 0 for an empty slot.</summary>
    private int[] _positions;

    private int _count;

    /// <summary>An empty index, to be filled, with room for <paramref name="capacity"/> entities before it grows.</summary>
    public EntityIdIndex(int capacity)
    {
        int size = SizeFor(capacity);
        _keys = new string?[size];
        _positions = new int[size];
    }

    /// <summary>Indexes entities whose ids are distinct.</summary>
    /// <param name="entities">The entities (kept, not copied).</param>
    public EntityIdIndex(Entity[] entities)
    {
        _entities = entities;
        _positions = new int[SizeFor(entities.Length)];
        for (int i = 0; i < entities.Length; i++)
        {
            Insert(entities[i].Id.Value, i);
        }

        _count = entities.Length;
    }

    /// <summary>Adds an entity's id and position unless the id is indexed already (only while the index is filled).</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="position">The entity's position.</param>
    /// <returns>False when the id was indexed already.</returns>
    public bool TryAdd(string id, int position)
    {
        if (TryGetValue(id, out _))
        {
            return false;
        }

        if ((_count + 1) * 3L > _positions.Length * 2L)
        {
            var (oldKeys, oldPositions) = (_keys!, _positions);
            int size = SizeFor(_count * 2);
            _keys = new string?[size];
            _positions = new int[size];
            for (int i = 0; i < oldKeys.Length; i++)
            {
                if (oldKeys[i] is { } key)
                {
                    Insert(key, oldPositions[i] - 1);
                }
            }
        }

        Insert(id, position);
        _count++;
        return true;
    }

    /// <summary>
    /// Follows a reordering of the entities (the entity at old position <c>p</c> is now at
    /// <c>newPosition[p]</c> of <paramref name="entities"/>) and from then on reads the ids from them.
    /// </summary>
    public void Renumber(Entity[] entities, int[] newPosition)
    {
        var positions = _positions;
        for (int i = 0; i < positions.Length; i++)
        {
            if (positions[i] != 0)
            {
                positions[i] = newPosition[positions[i] - 1] + 1;
            }
        }

        _entities = entities;
        _keys = null;
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
        var entities = _entities;
        var positions = _positions;
        int slot = Home(id, positions.Length);
        while (true)
        {
            int p = positions[slot];
            if (p == 0)
            {
                index = -1;
                return false;
            }

            if (id.SequenceEqual(keys is not null ? keys[slot] : entities[p - 1].Id.Value))
            {
                index = p - 1;
                return true;
            }

            slot = slot + 1 == positions.Length ? 0 : slot + 1;
        }
    }

    private static int SizeFor(int count) => (int)Math.Min(Array.MaxLength, Math.Max(4, count + ((long)count / 2) + 1));

    /// <summary>The first slot to probe for an id: its hash scaled to the table's size (multiply and shift, no division).</summary>
    private static int Home(ReadOnlySpan<char> id, int size) => (int)(((ulong)(uint)string.GetHashCode(id) * (ulong)(uint)size) >> 32);

    private void Insert(string id, int position)
    {
        var positions = _positions;
        int slot = Home(id, positions.Length);
        while (positions[slot] != 0)
        {
            slot = slot + 1 == positions.Length ? 0 : slot + 1;
        }

        positions[slot] = position + 1;
        if (_keys is { } keys)
        {
            keys[slot] = id;
        }
    }
}
