namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// One family of relation rules: it reads one analysed sentence (its tokens and resolved
/// mentions) and proposes relations through the context, which also carries what earlier
/// sentences established (the last person named, the text's dominant country, …).
/// </summary>
internal interface IRelationRule
{
    /// <summary>Proposes the relations this family finds in one sentence.</summary>
    /// <param name="context">The state of the pass and the place candidates go.</param>
    /// <param name="sentence">The sentence, with its tokens and mentions.</param>
    void Apply(RuleContext context, SentenceAnalysis sentence);
}
