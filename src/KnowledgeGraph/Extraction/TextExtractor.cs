using System.Collections.Immutable;
using System.Globalization;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// Builds a knowledge graph from plain English news text with deterministic rules: sentence
/// splitting, mention finding and typing from embedded lexicons, resolution of mentions to
/// entities, and relation rules from lexical cues. Every relation cites the sentence it came from.
/// The whole pass is linear in the length of the text.
/// </summary>
/// <example><code>
/// Graph g = TextExtractor.Extract(File.ReadAllText("article.txt"), new ExtractionOptions { DocumentId = "news:1" });
/// </code></example>
public static class TextExtractor
{
    /// <summary>Extracts a graph from a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">Options; <see cref="ExtractionOptions.Default"/> when null.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Graph Extract(string text, ExtractionOptions? options = null) => Run(text, options, explain: false).Graph;

    /// <summary>Extracts a graph from a text and keeps the sentences, mentions and reasons for inspection.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">Options; <see cref="ExtractionOptions.Default"/> when null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ExtractionResult Analyze(string text, ExtractionOptions? options = null) => Run(text, options, explain: true);

    /// <summary>The whole pass; the relation reasons (one formatted line per relation) are written only when <paramref name="explain"/> is true.</summary>
    private static ExtractionResult Run(string text, ExtractionOptions? options, bool explain)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reasons = Explaining.Set(explain);
        options ??= ExtractionOptions.Default;
        var schema = options.Schema ?? Schema.Default;
        var lexicon = Lexicon.Default;
        var sentences = SentenceSplitter.Split(text);
        var progress = options.Progress;
        Action<int>? read = progress is null ? null : done => progress.Report(new ExtractionProgress(done, sentences.Length, done == 0 ? 0 : sentences[done - 1].End, text.Length));
        var analyses = new MentionFinder(lexicon).Find(text, sentences, read);
        var resolver = new EntityResolver(lexicon, options.Gazetteer);
        resolver.Resolve(analyses);

        var drafts = resolver.Drafts.ToDictionary(d => d.Id.Value, StringComparer.Ordinal);
        EntityKind KindOf(EntityId id) => drafts[id.Value].Kind;
        var (candidates, quotes) = new RelationExtractor(lexicon).Extract(text, analyses);

        string title = options.Title ?? sentences.FirstOrDefault(s => s.IsHeading)?.Text ?? string.Empty;
        var builder = new GraphBuilder(schema);
        builder.AddDocument(new Document(options.DocumentId, title, text));

        // Relations: schema-checked, one per (source, type, target), evidence from every sentence that states it.
        var grouped = Group(candidates, schema, KindOf);
        var stances = new Dictionary<(string Speaker, int Sentence), Quote>();
        foreach (var q in quotes)
        {
            if (q.Speaker is { } speaker && q.Stance is not null)
            {
                stances.TryAdd((speaker.Value, q.SentenceIndex), q);
            }
        }

        var relationReasons = ImmutableArray.CreateBuilder<string>();
        foreach (var g in grouped.Values)
        {
            string source = g.First.Source.Value;
            string type = g.First.Type.Name;
            string target = g.First.Target.Value;
            var evidence = g.Sentences.Select(i => new Evidence(options.DocumentId, sentences[i].Start, sentences[i].Length, sentences[i].Text));
            var qualifiers = Qualifiers(g.First.Type, sentences[g.Sentences[0]].Text, PropertyMap.Empty.With("certainty", g.Explicit ? "explicit" : "implied"));
            if (g.First.Type == RelationType.HoldsRoleIn && drafts[source].Properties.TryGetValue("role", out var role))
            {
                qualifiers = qualifiers.With("role", role);
            }

            if (Rules.RuleContext.IsStance(g.First.Type) && QuoteOf(stances, source, g.Sentences) is { } quote)
            {
                qualifiers = qualifiers.With("quote", quote.Text);
            }

            builder.AddRelation(new Relation(source, new RelationType(type), target, qualifiers, evidence));
            if (explain)
            {
                relationReasons.Add($"({source})-[{type}]->({target}) sentence {string.Join(",", g.Sentences.Select(i => i.ToString(CultureInfo.InvariantCulture)))}: {string.Join("; ", g.Rules)}");
            }
        }

        // An event's place, when a relation says where it was held.
        foreach (var g in grouped.Values.Where(g => g.First.Type == RelationType.HeldIn))
        {
            drafts[g.First.Source.Value].Properties.TryAdd("place", drafts[g.First.Target.Value].Name);
        }

        foreach (var d in resolver.Drafts.Where(d => d.Mentioned))
        {
            builder.AddEntity(d.ToEntity());
        }

        var mentions = analyses.SelectMany(a => a.Mentions).Where(m => m.EntityId is not null).ToImmutableArray();
        var graph = builder.Build();
        progress?.Report(new ExtractionProgress(sentences.Length, sentences.Length, text.Length, text.Length));
        return new ExtractionResult(graph, sentences, mentions, relationReasons.ToImmutable(), [.. quotes]);
    }

    /// <summary>The first quotation with a stance that the source speaks in one of the relation's sentences, or null.</summary>
    private static Quote? QuoteOf(Dictionary<(string Speaker, int Sentence), Quote> stances, string source, List<int> sentenceIndexes)
    {
        foreach (int i in sentenceIndexes.Order())
        {
            if (stances.TryGetValue((source, i), out var q))
            {
                return q;
            }
        }

        return null;
    }

    /// <summary>
    /// What the relation's first evidence sentence says of it (annotation guide, section 7): the first sum of money
    /// (<c>amount</c>, <c>currency</c>) and percentage (<c>share</c>) for giving, backing and criticising (a fine), and
    /// the year and calendar date for what happens at a time (not for roles, citizenship, places or parts).
    /// </summary>
    private static PropertyMap Qualifiers(RelationType type, string sentence, PropertyMap map)
    {
        if (!QualifierReader.HasDigit(sentence))
        {
            return map;
        }

        bool money = type == RelationType.ContributesTo || type == RelationType.Supports || type == RelationType.Criticizes;
        if (money && QualifierReader.Amounts(sentence) is [var first, ..])
        {
            map = map.With("amount", (long)first.Amount).With("currency", first.Currency);
        }

        if ((type == RelationType.ContributesTo || type == RelationType.Supports) && QualifierReader.Share(sentence) is { } share)
        {
            map = map.With("share", (double)share);
        }

        bool timed = !(type == RelationType.CitizenOf || type == RelationType.HoldsRoleIn || type == RelationType.LocatedIn || type == RelationType.PartOf || type == RelationType.AffiliatedWith);
        if (timed && QualifierReader.YearOf(sentence) is { } year)
        {
            map = map.With("year", year);
        }

        if (timed && QualifierReader.DateOf(sentence) is { } date)
        {
            map = map.With("date", date);
        }

        return map;
    }

    /// <summary>The candidates the schema allows, one per (source, type, target) in ordinal order, with every sentence that states it.</summary>
    private static SortedDictionary<string, (RelationCandidate First, List<int> Sentences, List<string> Rules, bool Explicit)> Group(
        List<RelationCandidate> candidates, Schema schema, Func<EntityId, EntityKind> kindOf)
    {
        var grouped = new SortedDictionary<string, (RelationCandidate First, List<int> Sentences, List<string> Rules, bool Explicit)>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            var rule = schema.GetRule(c.Type);
            if (schema.IsClosed && rule is null)
            {
                continue;
            }

            if (rule is not null && (!rule.AllowsSource(kindOf(c.Source)) || !rule.AllowsTarget(kindOf(c.Target))))
            {
                continue;
            }

            string key = c.Source.Value + "\u0001" + c.Type.Name + "\u0001" + c.Target.Value;
            if (!grouped.TryGetValue(key, out var g))
            {
                g = (c, [], [], false);
            }

            if (!g.Sentences.Contains(c.Sentence))
            {
                g.Sentences.Add(c.Sentence);
                g.Rules.Add(c.Rule);
            }

            grouped[key] = (g.First, g.Sentences, g.Rules, g.Explicit || c.Explicit);
        }

        return grouped;
    }
}
