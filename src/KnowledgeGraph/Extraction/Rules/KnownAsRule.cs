namespace KnowledgeGraph.Extraction.Rules;

/// <summary>"the islands of A, B, and C (known as the D gap)": A, B and C are part of D.</summary>
internal sealed class KnownAsRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i + 3 < t.Count; i++)
        {
            if (!(t[i].Text == "(" && t[i + 1].Is("known") && t[i + 2].Is("as")))
            {
                continue;
            }

            var whole = a.Mentions.FirstOrDefault(m => m.FirstToken > i + 2 && m.FirstToken <= i + 4 && m.Kind != EntityKind.Person);
            if (whole is null)
            {
                continue;
            }

            for (int k = i - 1; k >= 0; k--)
            {
                var part = a.Mentions.LastOrDefault(m => m.LastToken == k && RuleContext.IsPlace(m));
                if (part is not null)
                {
                    context.Add(part, RelationType.PartOf, whole, a, "'A, B and C (known as D)'", isExplicit: false);
                    k = part.FirstToken;
                    continue;
                }

                if (t[k].Text is not ("," or "and"))
                {
                    break;
                }
            }
        }
    }
}
