namespace KnowledgeGraph;

/// <summary>
/// The index from entity id to position in a graph's entity array: an open-addressing hash table
/// (linear probing, a power-of-two size at least one and a half times the entity count) that holds
/// positions only and reads the ids from the entities themselves. It takes 6 to 12 bytes per
/// entity, where a <c>Dictionary&lt;string, int&gt;</c> takes about 30 and a second reference to
/// each id.
/// </summary>
/// <threadsafety>Immutable after construction; safe to read from many threads at once.</threadsafety>
internal sealed class EntityIdIndex
{
    private readonly Entity[] _entities;

    /// <summary>Position + 1 of the entity in each slot; 0 for an empty slot.</summary>
    private readonly int[] _slots;

    private readonly int _mask;

    /// <summary>Indexes entities whose ids are distinct.</summary>
    /// <param name="entities">The entities (kept, not copied).</param>
    public EntityIdIndex(Entity[] entities)
    {
        _entities = entities;
        long wanted = Math.Max(4, entities.Length + ((long)entities.Length / 2));
        int size = (int)Math.Min(1L << 30, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)wanted));
        _slots = new int[size];
        _mask = size - 1;
        for (int i = 0; i < entities.Length; i++)
        {
            int slot = string.GetHashCode(entities[i].Id.Value.AsSpan()) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
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
        int slot = string.GetHashCode(id) & _mask;
        while (true)
        {
            int p = slots[slot];
            if (p == 0)
            {
                index = -1;
                return false;
            }

            if (id.SequenceEqual(_entities[p - 1].Id.Value))
            {
                index = p - 1;
                return true;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
