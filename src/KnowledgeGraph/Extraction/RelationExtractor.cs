using KnowledgeGraph.Extraction.Rules;

namespace KnowledgeGraph.Extraction;

/// <summary>A relation found by a rule, before it is checked against the schema.</summary>
internal sealed record RelationCandidate(EntityId Source, RelationType Type, EntityId Target, int Sentence, string Rule, bool Explicit);

/// <summary>
/// Runs the relation rule families (<see cref="IRelationRule"/>, one per file under Rules/) over the
/// resolved mentions of each sentence, in a fixed order. Each family looks for lexical cues from the
/// lexicon (a verb of praise, a title before a name, "X’s invasion", "professor at", …) and proposes
/// relations between the mentions around them; the schema's domain and range are checked after.
/// </summary>
internal sealed class RelationExtractor(Lexicon lexicon)
{
    /// <summary>The families, in the order they run on each sentence.</summary>
    private static readonly IRelationRule[] Families =
    [
        new RoleAppositionRule(),
        new RoleRule(),
        new AffiliationRule(),
        new EventRule(),
        new VerbRule(),
        new AttendancePhraseRule(),
        new EventFrameRule(),
        new LeadershipRule(),
        new MembershipRule(),
        new LocationRule(),
        new GroupRule(),
        new SpeechRule(),
        new CriticismRule(),
        new KnownAsRule(),
        new QuoteRule(),
    ];

    private readonly Lexicon _lex = lexicon;

    public (List<RelationCandidate> Relations, List<Quote> Quotes) Extract(string text, List<SentenceAnalysis> sentences)
    {
        var context = new RuleContext(_lex) { Text = text };
        context.Prepare(sentences);
        foreach (var a in sentences)
        {
            if (!a.Sentence.IsHeading)
            {
                foreach (var family in Families)
                {
                    family.Apply(context, a);
                }
            }

            context.NotePeople(a);
        }

        DocumentRule.Apply(context, sentences);
        return (context.Found, context.Quotes);
    }
}
