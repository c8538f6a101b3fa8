namespace KnowledgeGraph.IO;

/// <summary>
/// How far a save has come, told to the progress that <c>graph.Save(path, format, progress)</c> is given: after every
/// 1,024 entities or relations written, and once more, with the totals, when the output is complete.
/// </summary>
/// <param name="EntitiesWritten">Entities written so far.</param>
/// <param name="EntityTotal">The entities of the graph.</param>
/// <param name="RelationsWritten">Relations written so far.</param>
/// <param name="RelationTotal">The relations of the graph.</param>
public readonly record struct GraphWriteProgress(int EntitiesWritten, int EntityTotal, int RelationsWritten, int RelationTotal);

/// <summary>Counts what a writer has written and tells a <see cref="GraphWriteProgress"/> listener at a bounded rate.</summary>
internal sealed class WriteProgress(IProgress<GraphWriteProgress> progress, Graph graph)
{
    /// <summary>The entities and relations between two reports.</summary>
    public const int Step = 1024;

    private int _entities;
    private int _relations;

    /// <summary>A counter, or null when nobody listens.</summary>
    public static WriteProgress? For(IProgress<GraphWriteProgress>? progress, Graph graph) =>
        progress is null ? null : new WriteProgress(progress, graph);

    /// <summary>One more entity written.</summary>
    public void Entity()
    {
        if (++_entities % Step == 0)
        {
            Report();
        }
    }

    /// <summary>One more relation written.</summary>
    public void Relation()
    {
        if (++_relations % Step == 0)
        {
            Report();
        }
    }

    /// <summary>The last report: everything written.</summary>
    public void Done()
    {
        _entities = graph.EntityCount;
        _relations = graph.RelationCount;
        Report();
    }

    private void Report() => progress.Report(new GraphWriteProgress(_entities, graph.EntityCount, _relations, graph.RelationCount));
}
