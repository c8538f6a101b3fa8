using System.Globalization;
using KnowledgeGraph.IO.Rdf;

namespace KnowledgeGraph.Tests.IO.Rdf;

/// <summary>
/// RDF graph (and dataset) isomorphism: equal ground statements, and a one-to-one mapping of blank nodes that
/// maps every statement with blank nodes onto one of the other side. Candidates are narrowed by colour
/// refinement (a blank node's colour is the multiset of its statements with neighbours' colours), then
/// searched with backtracking, checking each statement as soon as its blank nodes are mapped.
/// </summary>
internal static class RdfIsomorphism
{
    /// <summary>Null when the two are isomorphic, else a description of the difference.</summary>
    public static string? Difference(IEnumerable<RdfQuad> expected, IEnumerable<RdfQuad> actual)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        if (e.Count != a.Count)
        {
            return $"expected {e.Count} statements, found {a.Count}: {Sample(e, a)}";
        }

        var eGround = e.Where(t => !HasBlank(t)).ToHashSet();
        var aGround = a.Where(t => !HasBlank(t)).ToHashSet();
        if (!eGround.SetEquals(aGround))
        {
            return "ground statements differ: " + Sample(eGround, aGround);
        }

        var eBlank = e.Where(HasBlank).ToList();
        var aBlank = a.Where(HasBlank).ToHashSet();
        var eColours = Colours(eBlank);
        var aColours = Colours(aBlank.ToList());
        if (!eColours.Values.Order(StringComparer.Ordinal).SequenceEqual(aColours.Values.Order(StringComparer.Ordinal)))
        {
            return "blank node structure differs: " + Sample(eBlank.ToHashSet(), aBlank);
        }

        var nodes = eColours.Keys.Order(StringComparer.Ordinal).ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var byNode = nodes.ToDictionary(n => n, n => eBlank.Where(t => t.Mentions(n)).ToList(), StringComparer.Ordinal);
        int budget = 1_000_000;
        return Search(0) ? null : "no blank node mapping makes the statements equal: " + Sample(eBlank.ToHashSet(), aBlank);

        bool Search(int i)
        {
            if (i == nodes.Count)
            {
                return true;
            }

            string n = nodes[i];
            foreach (var (candidate, colour) in aColours)
            {
                if (colour != eColours[n] || used.Contains(candidate) || --budget < 0)
                {
                    continue;
                }

                map[n] = candidate;
                used.Add(candidate);
                if (byNode[n].All(t => !t.AllMapped(map) || aBlank.Contains(t.Map(map))) && Search(i + 1))
                {
                    return true;
                }

                map.Remove(n);
                used.Remove(candidate);
            }

            return false;
        }
    }

    private static bool HasBlank(Statement t) => t.Terms.Any(IsBlank);

    private static bool IsBlank(string term) => term.StartsWith("_:", StringComparison.Ordinal);

    private static HashSet<Statement> Normalize(IEnumerable<RdfQuad> quads) =>
        quads.Select(q => new Statement([Term(q.Subject), Term(q.Predicate), Term(q.Object), Term(q.Graph)])).ToHashSet();

    private static string Term(RdfTerm t) => t.Kind switch
    {
        RdfTermKind.None => string.Empty,
        RdfTermKind.BlankNode => "_:" + t.Value,
        _ => (t with { Language = t.Language?.ToLowerInvariant() }).ToString(),
    };

    private static Dictionary<string, string> Colours(List<Statement> statements)
    {
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in statements)
        {
            foreach (var term in t.Terms.Where(IsBlank))
            {
                colours[term] = string.Empty;
            }
        }

        for (int round = 0; round < 6; round++)
        {
            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var node in colours.Keys)
            {
                var parts = statements
                    .Where(t => t.Mentions(node))
                    .Select(t => string.Join(" ", t.Terms.Select((x, i) => x == node ? "@" + i.ToString(CultureInfo.InvariantCulture) : IsBlank(x) ? "_" + colours[x] : x)))
                    .Order(StringComparer.Ordinal);
                next[node] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts))));
            }

            colours = next;
        }

        return colours;
    }

    private static string Sample(IReadOnlyCollection<Statement> expected, IReadOnlyCollection<Statement> actual)
    {
        var missing = expected.Except(actual).Take(2).Select(s => "missing " + s);
        var extra = actual.Except(expected).Take(2).Select(s => "unexpected " + s);
        return string.Join("; ", missing.Concat(extra));
    }

    private sealed record Statement(string[] Terms)
    {
        public bool Mentions(string node) => Terms.Contains(node);

        public bool AllMapped(Dictionary<string, string> map) => Terms.All(t => !IsBlank(t) || map.ContainsKey(t));

        public Statement Map(Dictionary<string, string> map) => new(Terms.Select(t => IsBlank(t) ? map[t] : t).ToArray());

        public bool Equals(Statement? other) => other is not null && Terms.SequenceEqual(other.Terms);

        public override int GetHashCode() => string.Join("\u0001", Terms).GetHashCode(StringComparison.Ordinal);

        public override string ToString() => string.Join(" ", Terms.Where(t => t.Length > 0)) + " .";
    }
}
