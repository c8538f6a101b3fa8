using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Extraction;

/// <summary>Precision, recall and F1 of one row of an evaluation.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Score
{
    /// <summary>Creates a score from counts.</summary>
    /// <param name="label">What the row counts ("Person", "ATTENDS", "all").</param>
    /// <param name="extracted">How many items were extracted.</param>
    /// <param name="gold">How many items the gold graph has.</param>
    /// <param name="matchedExtracted">How many extracted items match a gold item.</param>
    /// <param name="matchedGold">How many gold items are matched by an extracted item.</param>
    public Score(string label, int extracted, int gold, int matchedExtracted, int matchedGold)
    {
        ArgumentNullException.ThrowIfNull(label);
        Label = label;
        Extracted = extracted;
        Gold = gold;
        MatchedExtracted = matchedExtracted;
        MatchedGold = matchedGold;
    }

    /// <summary>What the row counts.</summary>
    public string Label { get; }

    /// <summary>How many items were extracted.</summary>
    public int Extracted { get; }

    /// <summary>How many items the gold graph has.</summary>
    public int Gold { get; }

    /// <summary>How many extracted items match a gold item.</summary>
    public int MatchedExtracted { get; }

    /// <summary>How many gold items are matched.</summary>
    public int MatchedGold { get; }

    /// <summary>Matched extracted items over extracted items (1 when nothing was extracted).</summary>
    public double Precision => Extracted == 0 ? 1 : (double)MatchedExtracted / Extracted;

    /// <summary>Matched gold items over gold items (1 when the gold graph has none).</summary>
    public double Recall => Gold == 0 ? 1 : (double)MatchedGold / Gold;

    /// <summary>The harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The row as <c>label P=… R=… F1=…</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label} P={Precision:0.000} R={Recall:0.000} F1={F1:0.000}");
}

/// <summary>The scores of an extracted graph against a gold graph: entities by kind and relations by type.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class EvaluationReport
{
    internal EvaluationReport(Score entities, ImmutableArray<Score> entitiesByKind, Score relations, ImmutableArray<Score> relationsByType, ImmutableArray<string> missedRelations, ImmutableArray<string> spuriousRelations)
    {
        Entities = entities;
        EntitiesByKind = entitiesByKind;
        Relations = relations;
        RelationsByType = relationsByType;
        MissedRelations = missedRelations;
        SpuriousRelations = spuriousRelations;
    }

    /// <summary>All entities.</summary>
    public Score Entities { get; }

    /// <summary>Entities by kind, ordered by kind name.</summary>
    public ImmutableArray<Score> EntitiesByKind { get; }

    /// <summary>All relations.</summary>
    public Score Relations { get; }

    /// <summary>Relations by type, ordered by type name.</summary>
    public ImmutableArray<Score> RelationsByType { get; }

    /// <summary>Gold relations no extracted relation matches, as <c>(source)-[TYPE]->(target)</c> with gold ids.</summary>
    public ImmutableArray<string> MissedRelations { get; }

    /// <summary>Extracted relations that match no gold relation, with extracted ids.</summary>
    public ImmutableArray<string> SpuriousRelations { get; }

    /// <summary>The score of one entity kind or relation type, or null.</summary>
    /// <param name="label">A kind name ("Person") or a relation type ("ATTENDS").</param>
    /// <returns>The score or null.</returns>
    public Score? this[string label] =>
        EntitiesByKind.Concat(RelationsByType).FirstOrDefault(s => string.Equals(s.Label, label, StringComparison.Ordinal));

    /// <summary>Both tables, fixed-width, one row a line, <c>\n</c> line ends.</summary>
    /// <returns>The text.</returns>
    public string ToTable()
    {
        var sb = new StringBuilder();
        Table(sb, "entities", EntitiesByKind, Entities);
        sb.Append('\n');
        Table(sb, "relations", RelationsByType, Relations);
        return sb.ToString();
    }

    /// <summary>The tables (see <see cref="ToTable"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToTable();

    private static void Table(StringBuilder sb, string what, ImmutableArray<Score> rows, Score total)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{what,-16} {"extracted",9} {"gold",5} {"matched",7} {"precision",9} {"recall",6} {"F1",6}\n");
        foreach (var row in rows.Append(total))
        {
            int matched = row.MatchedGold;
            sb.Append(CultureInfo.InvariantCulture, $"{row.Label,-16} {row.Extracted,9} {row.Gold,5} {matched,7} {row.Precision,9:0.000} {row.Recall,6:0.000} {row.F1,6:0.000}\n");
        }
    }
}

/// <summary>
/// Scores an extracted graph against a gold graph. An extracted entity matches a gold entity when
/// one of its names (name or alias, normalised as the library's name lookup does: case, accents,
/// punctuation and "’s" ignored) equals one of the gold entity's names; each gold entity is matched
/// by at most one extracted entity, so duplicates count against precision. Kinds are not required
/// to agree (per-kind rows count extracted entities by their own kind and gold entities by theirs).
/// A relation matches when its type is the same and both endpoints match the gold relation's endpoints.
/// </summary>
public static class ExtractionEvaluator
{
    /// <summary>Scores an extracted graph against a gold graph.</summary>
    /// <param name="extracted">The extracted graph.</param>
    /// <param name="gold">The gold graph.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static EvaluationReport Evaluate(Graph extracted, Graph gold)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        ArgumentNullException.ThrowIfNull(gold);

        var mapped = MapEntities(extracted, gold);

        // One-to-one for the entity scores: the first extracted entity (by id) that maps to a gold entity matches it.
        var taken = new HashSet<EntityId>();
        var matchedExtracted = new HashSet<EntityId>();
        foreach (var e in extracted.Entities)
        {
            if (mapped.TryGetValue(e.Id, out var g) && taken.Add(g))
            {
                matchedExtracted.Add(e.Id);
            }
        }

        var kinds = extracted.Entities.Select(e => e.Kind.Name).Concat(gold.Entities.Select(e => e.Kind.Name)).Distinct().Order(StringComparer.Ordinal);
        var byKind = kinds.Select(k => new Score(
            k,
            extracted.Entities.Count(e => e.Kind.Name == k),
            gold.Entities.Count(e => e.Kind.Name == k),
            extracted.Entities.Count(e => e.Kind.Name == k && matchedExtracted.Contains(e.Id)),
            gold.Entities.Count(e => e.Kind.Name == k && taken.Contains(e.Id)))).ToImmutableArray();
        var entities = new Score("all", extracted.EntityCount, gold.EntityCount, matchedExtracted.Count, taken.Count);

        var (relations, byType, missed, spurious) = ScoreRelations(extracted, gold, mapped);
        return new EvaluationReport(entities, byKind, relations, byType, missed, spurious);
    }

    /// <summary>Each extracted entity → the gold entity it names (its name first, then its aliases; same kind preferred).</summary>
    private static Dictionary<EntityId, EntityId> MapEntities(Graph extracted, Graph gold)
    {
        // Gold names → gold entities.
        var goldByName = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        foreach (var g in gold.Entities)
        {
            foreach (var n in NamesOf(g))
            {
                if (!goldByName.TryGetValue(n, out var list))
                {
                    list = [];
                    goldByName.Add(n, list);
                }

                if (!list.Contains(g))
                {
                    list.Add(g);
                }
            }
        }

        var mapped = new Dictionary<EntityId, EntityId>();
        foreach (var e in extracted.Entities)
        {
            Entity? best = null;
            foreach (var n in NamesOf(e))
            {
                if (goldByName.TryGetValue(n, out var candidates))
                {
                    best = candidates.FirstOrDefault(c => c.Kind == e.Kind) ?? candidates[0];
                    break;
                }
            }

            if (best is not null)
            {
                mapped[e.Id] = best.Id;
            }
        }

        return mapped;
    }

    /// <summary>Relations: extracted relations mapped onto gold ids; a mapped triple counts once.</summary>
    private static (Score All, ImmutableArray<Score> ByType, ImmutableArray<string> Missed, ImmutableArray<string> Spurious) ScoreRelations(Graph extracted, Graph gold, Dictionary<EntityId, EntityId> mapped)
    {
        static string Key(EntityId s, RelationType t, EntityId o) => s.Value + " " + t.Name + " " + o.Value;
        var goldTriples = new HashSet<string>(gold.Relations.Select(r => Key(r.Source, r.Type, r.Target)), StringComparer.Ordinal);
        var extractedTriples = new Dictionary<string, (string Type, bool Matched, string Shown)>(StringComparer.Ordinal);
        foreach (var r in extracted.Relations)
        {
            bool ok = mapped.TryGetValue(r.Source, out var s) & mapped.TryGetValue(r.Target, out var o);
            string key = ok ? Key(s, r.Type, o) : "x:" + Key(r.Source, r.Type, r.Target);
            extractedTriples.TryAdd(key, (r.Type.Name, ok && goldTriples.Contains(key), r.ToString()));
        }

        var matchedGold = new HashSet<string>(extractedTriples.Where(x => x.Value.Matched).Select(x => x.Key), StringComparer.Ordinal);
        var types = gold.Relations.Select(r => r.Type.Name).Concat(extracted.Relations.Select(r => r.Type.Name)).Distinct().Order(StringComparer.Ordinal);
        var byType = types.Select(t => new Score(
            t,
            extractedTriples.Values.Count(x => x.Type == t),
            gold.Relations.Where(r => r.Type.Name == t).Select(r => Key(r.Source, r.Type, r.Target)).Distinct().Count(),
            extractedTriples.Values.Count(x => x.Type == t && x.Matched),
            gold.Relations.Where(r => r.Type.Name == t).Select(r => Key(r.Source, r.Type, r.Target)).Distinct().Count(matchedGold.Contains))).ToImmutableArray();
        var relations = new Score("all", extractedTriples.Count, goldTriples.Count, matchedGold.Count, matchedGold.Count);
        var missed = gold.Relations.Where(r => !matchedGold.Contains(Key(r.Source, r.Type, r.Target))).Select(r => r.ToString()).Distinct().ToImmutableArray();
        var spurious = extractedTriples.Values.Where(x => !x.Matched).Select(x => x.Shown).ToImmutableArray();
        return (relations, byType, missed, spurious);
    }

    /// <summary>Extracts every text of a corpus and scores it against its gold annotation.</summary>
    /// <param name="texts">The texts; names must be distinct.</param>
    /// <param name="options">Options for extraction; the document id of each text becomes <c>corpus:NAME</c>.</param>
    /// <returns>The per-text and pooled scores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentException">Two texts have the same name.</exception>
    public static CorpusReport EvaluateCorpus(IEnumerable<CorpusText> texts, ExtractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= ExtractionOptions.Default;
        var reports = new Dictionary<string, EvaluationReport>(StringComparer.Ordinal);
        foreach (var t in texts)
        {
            var o = new ExtractionOptions { DocumentId = "corpus:" + t.Name, Title = options.Title, Gazetteer = options.Gazetteer, Schema = options.Schema };
            if (!reports.TryAdd(t.Name, Evaluate(TextExtractor.Extract(t.Text, o), t.Gold)))
            {
                throw new ArgumentException($"Two corpus texts are named '{t.Name}'.", nameof(texts));
            }
        }

        return new CorpusReport(reports);
    }

    private static IEnumerable<string> NamesOf(Entity e) =>
        e.Aliases.Prepend(e.Name).Select(Names.Normalize).Where(n => n.Length > 0);
}
