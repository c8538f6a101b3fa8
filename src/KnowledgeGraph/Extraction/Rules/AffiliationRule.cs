namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Affiliation cues ("a professor at X’s Y", "served as adviser to …"): the person before the cue
/// is affiliated with the organisations after it, holds a role in the last, and "X’s Y" makes Y part of X.
/// </summary>
internal sealed class AffiliationRule : IRelationRule
{
    public void Apply(RuleContext context, SentenceAnalysis a)
    {
        var t = a.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            int cueEnd = context.CueAt(t, i, "affiliation");
            if (cueEnd < 0)
            {
                continue;
            }

            var person = a.Mentions.LastOrDefault(m => m.Kind == EntityKind.Person && m.LastToken < i);
            if (person is null)
            {
                continue;
            }

            var orgs = OrganisationsAfter(a, cueEnd);
            foreach (var org in orgs)
            {
                context.Add(person, RelationType.AffiliatedWith, org, a, "affiliation cue '" + t[i].Text + "'");
            }

            if (orgs.Count > 0)
            {
                context.Add(person, RelationType.HoldsRoleIn, orgs[^1], a, "role at an organisation");
            }

            for (int k = 1; k < orgs.Count; k++)
            {
                if (orgs[k].FirstToken == orgs[k - 1].LastToken + 2 && t[orgs[k - 1].LastToken + 1].IsPossessive)
                {
                    context.Add(orgs[k], RelationType.PartOf, orgs[k - 1], a, "organisation’s organisation");
                }
            }
        }
    }

    private static List<Mention> OrganisationsAfter(SentenceAnalysis a, int from)
    {
        var t = a.Tokens;
        var orgs = new List<Mention>();
        for (int k = from; k < t.Count; k++)
        {
            if (t[k].Text is "," or ";" or "." or "–" or "—" or ":" || (t[k].Is("in") && orgs.Count > 0))
            {
                break;
            }

            var org = a.Mentions.FirstOrDefault(m => m.FirstToken == k && m.Kind == EntityKind.Organization);
            if (org is not null)
            {
                orgs.Add(org);
                k = org.LastToken;
            }
        }

        return orgs;
    }
}
