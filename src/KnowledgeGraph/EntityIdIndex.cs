namespace KnowledgeGraph;

/// <summary>
/// The index from entity id to position in an entity array: an open-addressing hash table (linear
/// probing, at least one and a half slots per entity) that holds positions only and reads the ids
/// from the entities themselves. It takes 6 to 9 bytes per entity, where a
/// <c>Dictionary&lt;string, int&gt;</c> takes about 30 and a second reference to each id. A loader
/// fills it as it reads (<see cref="TryAdd"/>), renumbers it once the entities are sorted
/// (<see cref="Renumber"/>) and hands it to the graph, so that no second index is built.
/// </summary>
/// <threadsafety>Not thread-safe while it is filled; safe to read from many threads at once after that.</threadsafety>
internal sealed class EntityIdIndex
{
    private Entity[] _entities;

    /// <summary>Position + 1 of the entity in each slot; 0 for an empty slot.</summary>
    private int[] _slots;

    private int _count;

    /// <summary>An empty index with room for <paramref name="capacity"/> entities before it grows.</summary>
    public EntityIdIndex(int capacity)
    {
        _entities = [];
        _slots = new int[SizeFor(capacity)];
    }

    /// <summary>Indexes entities whose ids are distinct.</summary>
    /// <param name="entities">The entities (kept, not copied).</param>
    public EntityIdIndex(Entity[] entities)
        : this(entities.Length)
    {
        _entities = entities;
        for (int i = 0; i < entities.Length; i++)
        {
            Insert(i);
        }

        _count = entities.Length;
    }

    /// <summary>Adds the entity at <paramref name="position"/> unless an entity with its id is indexed already.</summary>
    /// <param name="entities">The array the positions refer to from now on (a loader's array may have been regrown).</param>
    /// <param name="position">The entity's position.</param>
    /// <returns>False when the id was indexed already.</returns>
    public bool TryAdd(Entity[] entities, int position)
    {
        _entities = entities;
        if (TryGetValue(entities[position].Id.Value, out _))
        {
            return false;
        }

        if ((_count + 1) * 3L > _slots.Length * 2L)
        {
            var old = _slots;
            _slots = new int[SizeFor(_count * 2)];
            foreach (int p in old)
            {
                if (p != 0)
                {
                    Insert(p - 1);
                }
            }
        }

        Insert(position);
        _count++;
        return true;
    }

    /// <summary>Follows a reordering of the entities: the entity at old position <c>p</c> is now at <c>newPosition[p]</c> of <paramref name="entities"/>.</summary>
    public void Renumber(Entity[] entities, int[] newPosition)
    {
        _entities = entities;
        var slots = _slots;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i] != 0)
            {
                slots[i] = newPosition[slots[i] - 1] + 1;
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
        var slots = _slots;
        var entities = _entities;
        int slot = Home(id, slots.Length);
        while (true)
        {
            int p = slots[slot];
            if (p == 0)
            {
                index = -1;
                return false;
            }

            if (id.SequenceEqual(entities[p - 1].Id.Value))
            {
                index = p - 1;
                return true;
            }

            slot = slot + 1 == slots.Length ? 0 : slot + 1;
        }
    }

    private static int SizeFor(int count) => (int)Math.Min(Array.MaxLength, Math.Max(4, count + ((long)count / 2) + 1));

    /// <summary>The first slot to probe for an id: its hash scaled to the table's size (multiply and shift, no division).</summary>
    private static int Home(ReadOnlySpan<char> id, int size) => (int)(((ulong)(uint)string.GetHashCode(id) * (ulong)(uint)size) >> 32);

    private void Insert(int position)
    {
        var slots = _slots;
        int slot = Home(_entities[position].Id.Value, slots.Length);
        while (slots[slot] != 0)
        {
            slot = slot + 1 == slots.Length ? 0 : slot + 1;
        }

        slots[slot] = position + 1;
    }
}
