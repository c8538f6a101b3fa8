namespace KnowledgeGraph.IO.Csv;

/// <summary>The header style of CSV/TSV files written by <see cref="CsvGraphWriter"/>.</summary>
public enum CsvHeaderStyle
{
    /// <summary><c>id,kind,name,aliases[,labels],…</c> and <c>source,type,target,…</c>.</summary>
    Plain,

    /// <summary>Neo4j admin-import headers: <c>id:ID,:LABEL,name,aliases:string[],…</c> and <c>:START_ID,:TYPE,:END_ID,…</c>.</summary>
    Neo4j,
}

/// <summary>Options of <see cref="CsvGraphWriter"/>.</summary>
public sealed class CsvWriteOptions
{
    /// <summary>The default options: plain headers, delimiter from the file extension (a comma for streams).</summary>
    public static CsvWriteOptions Default { get; } = new();

    /// <summary>The header style; <see cref="CsvHeaderStyle.Plain"/> by default.</summary>
    public CsvHeaderStyle HeaderStyle { get; init; }

    /// <summary>The field delimiter; when null, a tab for <c>.tsv</c>/<c>.tab</c> files and a comma otherwise (and for streams).</summary>
    public char? Delimiter { get; init; }
}
