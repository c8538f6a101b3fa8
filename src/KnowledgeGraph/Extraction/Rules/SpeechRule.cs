namespace KnowledgeGraph.Extraction.Rules;

/// <summary>Attributed speech that speaks well of someone ("“Norway has been a stalwart partner,” Kari Lund said"): the speaker praises them.</summary>
internal sealed class SpeechRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        var speaker = context.Speaker(a);
        if (speaker is null || !a.Sentence.Text.Contains('“', StringComparison.Ordinal) && !a.Sentence.Text.Contains('"', StringComparison.Ordinal))
        {
            return;
        }

        bool positive = false;
        for (int i = 0; i < t.Count && !positive; i++)
        {
            positive = context.CueAt(t, i, "positive") >= 0;
        }

        if (!positive)
        {
            return;
        }

        var about = a.Mentions.FirstOrDefault(m => RuleContext.IsActor(m) && m.EntityId != speaker.EntityId && !context.InsidePrepositionalPhrase(a, m) && !(m.FirstToken >= speaker.FirstToken && m.LastToken <= speaker.LastToken));
        if (about is not null)
        {
            context.Add(speaker, RelationType.Praises, about, a, "attributed speech with a word of praise", isExplicit: false);
        }
    }
}
