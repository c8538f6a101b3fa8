namespace KnowledgeGraph.IO;

/// <summary>
/// How far a read has come, told to <see cref="GraphReadOptions.Progress"/>: after every 64 KiB of input read,
/// and once more when the graph is built.
/// </summary>
/// <param name="BytesRead">Bytes of input read so far (of both files for CSV).</param>
/// <param name="BytesTotal">The size of the input when known (a file, or a stream that can seek: what is left of it); null otherwise.</param>
/// <param name="Entities">The entities of the graph read: zero until the last report, which comes when the graph is built.</param>
/// <param name="Relations">The relations of the graph read: zero until the last report, which comes when the graph is built.</param>
public readonly record struct GraphReadProgress(long BytesRead, long? BytesTotal, int Entities, int Relations);
