using System.Collections.Immutable;

namespace KnowledgeGraph.Extraction;

/// <summary>What <see cref="TextExtractor.Analyze"/> found: the graph, and for inspection the sentences and mentions (each with the reason for its kind).</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ExtractionResult
{
    internal ExtractionResult(Graph graph, ImmutableArray<Sentence> sentences, ImmutableArray<Mention> mentions, ImmutableArray<string> relationReasons, ImmutableArray<Quote> quotes)
    {
        Quotes = quotes;
        Graph = graph;
        Sentences = sentences;
        Mentions = mentions;
        RelationReasons = relationReasons;
    }

    /// <summary>The extracted graph: one document, the entities and the relations with their evidence.</summary>
    public Graph Graph { get; }

    /// <summary>The sentences and headings of the text, in order.</summary>
    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>The mentions resolved to entities, in text order.</summary>
    public ImmutableArray<Mention> Mentions { get; }

    /// <summary>The quotations and reported speech of the text, in text order, with speaker, subject and stance.</summary>
    public ImmutableArray<Quote> Quotes { get; }

    /// <summary>One line per relation kept: <c>(source)-[TYPE]->(target) sentence N: rule</c>.</summary>
    public ImmutableArray<string> RelationReasons { get; }
}
