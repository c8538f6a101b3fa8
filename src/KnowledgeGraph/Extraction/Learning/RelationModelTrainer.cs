namespace KnowledgeGraph.Extraction.Learning;

/// <summary>
/// Trains a <see cref="RelationModel"/> from annotated texts. Each text is extracted by the rules
/// alone; its extracted entities are mapped onto the gold entities as the evaluator maps them; every
/// ordered pair of mentions in a sentence becomes an example, positive for a type when the gold
/// annotation has that relation between the mapped ends with evidence in that sentence, left out for
/// that type when the gold relation is stated elsewhere, and negative otherwise. One binary averaged
/// perceptron per type is trained on the examples whose kinds the schema allows, visiting them in an
/// order fixed by the texts, in integer arithmetic.
/// </summary>
internal static class RelationModelTrainer
{
    /// <summary>Passes over the examples.</summary>
    internal const int Epochs = 12;

    /// <summary>Inner folds over the training texts, from which each type's threshold is chosen.</summary>
    internal const int InnerFolds = 4;

    /// <summary>The examples of one text: its name, its pairs, and the rules' own scores by relation type.</summary>
    internal sealed record TextExamples(string Name, List<Example> Items, Dictionary<string, Score> Rules);

    /// <summary>
    /// One pair: its features, the kinds of its ends, per relation type 1 (positive), 0 (negative) or -1 (left out);
    /// the pair's key (gold ids when both ends map), the types the gold annotation has for it anywhere, and the types the rules proposed for it.
    /// </summary>
    internal sealed record Example(string[] Features, EntityKind Source, EntityKind Target, Dictionary<string, sbyte> Labels, string Pair, HashSet<string> GoldTypes, HashSet<string> RuleTypes);

    /// <summary>The examples of one annotated text.</summary>
    public static TextExamples Describe(CorpusText text)
    {
        var lexicon = Lexicon.Default;
        List<SentenceAnalysis>? sentences = null;
        List<RelationCandidate>? candidates = null;
        Func<EntityId, EntityKind>? kindOf = null;
        var result = TextExtractor.AnalyzeWith(text.Text, new ExtractionOptions { DocumentId = "corpus:" + text.Name }, null, (a, c, k) => (sentences, candidates, kindOf) = (a, c, k));
        var mapped = ExtractionEvaluator.MapEntities(result.Graph, text.Gold);
        var evidence = new Dictionary<(EntityId, EntityId), List<(string Type, int Start, int End)>>();
        foreach (var r in text.Gold.Relations)
        {
            if (!evidence.TryGetValue((r.Source, r.Target), out var list))
            {
                list = [];
                evidence.Add((r.Source, r.Target), list);
            }

            list.AddRange(r.Evidence.Select(e => (r.Type.Name, e.Start, e.Start + e.Length)));
            if (r.Evidence.Length == 0)
            {
                list.Add((r.Type.Name, -1, -1));
            }
        }

        var rules = new RuleFacts(candidates!);
        var walker = new PairWalker(sentences!);
        var pairs = new List<MentionPair>();
        var items = new List<Example>();
        for (int i = 0; i < sentences!.Count; i++)
        {
            walker.PairsAt(i, pairs);
            foreach (var p in pairs)
            {
                var sk = kindOf!(p.Source.EntityId!.Value);
                var tk = kindOf(p.Target.EntityId!.Value);
                var sink = new ListSink([]);
                PairFeatures.Describe(ref sink, lexicon, walker, p, sk, tk, rules);
                var labels = Labels(sentences[p.SourceSentence].Sentence, sentences[p.TargetSentence].Sentence, p.Source, p.Target, mapped, evidence);
                bool both = mapped.TryGetValue(p.Source.EntityId.Value, out var gs) & mapped.TryGetValue(p.Target.EntityId.Value, out var gt);
                string key = both ? gs.Value + "\u0001" + gt.Value : "x:" + p.Source.EntityId.Value.Value + "\u0001" + p.Target.EntityId.Value.Value;
                var goldTypes = both && evidence.TryGetValue((gs, gt), out var ev) ? ev.Select(x => x.Type).ToHashSet(StringComparer.Ordinal) : [];
                var ruleTypes = candidates!.Where(c => c.Source == p.Source.EntityId.Value && c.Target == p.Target.EntityId.Value).Select(c => c.Type.Name).ToHashSet(StringComparer.Ordinal);
                items.Add(new Example([.. sink.Features], sk, tk, labels, key, goldTypes, ruleTypes));
            }
        }

        var byType = ExtractionEvaluator.Evaluate(result.Graph, text.Gold).RelationsByType.ToDictionary(r => r.Label, StringComparer.Ordinal);
        return new TextExamples(text.Name, items, byType);
    }

    private static Dictionary<string, sbyte> Labels(Sentence sentence, Sentence other, Mention s, Mention t, Dictionary<EntityId, EntityId> mapped, Dictionary<(EntityId, EntityId), List<(string Type, int Start, int End)>> evidence)
    {
        var labels = new Dictionary<string, sbyte>(StringComparer.Ordinal);
        if (!mapped.TryGetValue(s.EntityId!.Value, out var gs) || !mapped.TryGetValue(t.EntityId!.Value, out var gt) || !evidence.TryGetValue((gs, gt), out var list))
        {
            return labels;
        }

        foreach (var (type, start, stop) in list)
        {
            bool here = Overlaps(sentence, start, stop) || Overlaps(other, start, stop);
            if (here)
            {
                labels[type] = 1;
            }
            else
            {
                labels.TryAdd(type, -1);
            }
        }

        return labels;
    }

    private static bool Overlaps(Sentence s, int start, int stop) => start < s.Start + s.Text.Length && s.Start < stop;

    /// <summary>
    /// Trains one model on the examples of the given texts, for every relation type that has a positive example;
    /// each type's threshold is the one that gives the best F1 of the rules and the model together on the training
    /// texts, each scored by a model trained without it (<see cref="InnerFolds"/> folds).
    /// </summary>
    public static RelationModel Train(IReadOnlyList<TextExamples> texts)
    {
        var types = texts.SelectMany(t => t.Items).SelectMany(e => e.Labels.Where(l => l.Value == 1).Select(l => l.Key)).Distinct().Order(StringComparer.Ordinal).Select(n => new RelationType(n)).ToArray();
        var folds = new List<Dictionary<string, float[]>>();
        var thresholds = Thresholds(texts, types, folds);
        var sum = new SortedDictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var fold in folds)
        {
            foreach (var (feature, w) in fold)
            {
                if (!sum.TryGetValue(feature, out var total))
                {
                    total = new float[types.Length];
                    sum.Add(feature, total);
                }

                for (int k = 0; k < w.Length; k++)
                {
                    total[k] += w[k] / folds.Count;
                }
            }
        }

        var kept = sum.Where(f => f.Value.Any(w => MathF.Abs(w) >= 0.0005f)).Select(f => KeyValuePair.Create(f.Key, f.Value.Select(w => MathF.Round(w, 3)).ToArray()));
        return new RelationModel(types, kept, thresholds);
    }

    /// <summary>The perceptron of every type: each kept feature's weights, by feature.</summary>
    private static Dictionary<string, float[]> Fit(IReadOnlyList<TextExamples> texts, RelationType[] types)
    {
        var schema = Schema.Default;
        var all = texts.SelectMany(t => t.Items).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var encoded = all.Select(e => e.Features.Select(f => index.TryGetValue(f, out int i) ? i : index[f] = index.Count).Distinct().ToArray()).ToList();
        var weights = new float[index.Count][];
        for (int f = 0; f < weights.Length; f++)
        {
            weights[f] = new float[types.Length];
        }

        for (int k = 0; k < types.Length; k++)
        {
            var chosen = new List<(int[] Features, int Label)>();
            for (int e = 0; e < all.Count; e++)
            {
                var ex = all[e];
                sbyte label = ex.Labels.TryGetValue(types[k].Name, out var l) ? l : (sbyte)0;
                if (label >= 0 && RelationModel.Allows(schema, types[k], ex.Source, ex.Target))
                {
                    chosen.Add((encoded[e], label == 1 ? 1 : -1));
                }
            }

            var averaged = Perceptron(chosen, index.Count);
            for (int f = 0; f < averaged.Length; f++)
            {
                weights[f][k] = averaged[f];
            }
        }

        var names = new string[index.Count];
        foreach (var (name, i) in index)
        {
            names[i] = name;
        }

        return Enumerable.Range(0, names.Length)
            .Where(f => weights[f].Any(w => MathF.Abs(w) >= 0.0005f))
            .ToDictionary(f => names[f], f => weights[f], StringComparer.Ordinal);
    }

    /// <summary>Each type's threshold: the score above which adding the model's pairs to the rules' gives the best F1 out of fold.</summary>
    private static float[] Thresholds(IReadOnlyList<TextExamples> texts, RelationType[] types, List<Dictionary<string, float[]>> folds)
    {
        var schema = Schema.Default;
        var scored = new List<(string Type, float Score, bool Gold)>();
        for (int fold = 0; fold < InnerFolds; fold++)
        {
            var train = texts.Where((_, i) => i % InnerFolds != fold).ToList();
            var test = texts.Where((_, i) => i % InnerFolds == fold).ToList();
            var innerTypes = types;
            var weights = Fit(train, types);
            folds.Add(weights);
            foreach (var t in test)
            {
                var best = new Dictionary<(string Pair, int Type), float>();
                var truth = new Dictionary<(string Pair, int Type), bool>();
                foreach (var e in t.Items)
                {
                    var score = new float[innerTypes.Length];
                    foreach (string f in e.Features)
                    {
                        if (weights.TryGetValue(f, out var w))
                        {
                            for (int k = 0; k < score.Length; k++)
                            {
                                score[k] += w[k];
                            }
                        }
                    }

                    for (int k = 0; k < innerTypes.Length; k++)
                    {
                        string type = innerTypes[k].Name;
                        if (e.RuleTypes.Contains(type) || !RelationModel.Allows(schema, innerTypes[k], e.Source, e.Target))
                        {
                            continue;
                        }

                        best[(e.Pair, k)] = best.TryGetValue((e.Pair, k), out float b) ? Math.Max(b, score[k]) : score[k];
                        truth[(e.Pair, k)] = e.GoldTypes.Contains(type);
                    }
                }

                scored.AddRange(best.Select(b => (innerTypes[b.Key.Type].Name, b.Value, truth[b.Key])));
            }
        }

        // A pair added with the rules' output raises the pooled F1 = 2M / (E + G) exactly when the added pairs' precision
        // is above F1 / 2; so each type takes the ranked prefix that most exceeds that rate, with F1 refined a few times.
        int extracted = texts.Sum(t => t.Rules.GetValueOrDefault("all")?.Extracted ?? 0);
        int matched = texts.Sum(t => t.Rules.GetValueOrDefault("all")?.MatchedGold ?? 0);
        int gold = texts.Sum(t => t.Rules.GetValueOrDefault("all")?.Gold ?? 0);
        var ranked = types.Select(t => scored.Where(x => x.Type == t.Name).OrderByDescending(x => x.Score).ToList()).ToArray();
        var thresholds = new float[types.Length];
        double rate = extracted + gold == 0 ? 0 : (double)matched / (extracted + gold);
        for (int round = 0; round < 4; round++)
        {
            int e = extracted, m = matched;
            for (int k = 0; k < types.Length; k++)
            {
                var (threshold, count, hits) = BestThreshold(ranked[k], rate);
                thresholds[k] = threshold;
                e += count;
                m += hits;
            }

            rate = e + gold == 0 ? 0 : (double)m / (e + gold);
        }

        return thresholds;
    }

    /// <summary>The threshold above which the ranked pairs most exceed the rate (hits minus rate per pair); infinity when no prefix does.</summary>
    private static (float Threshold, int Count, int Hits) BestThreshold(List<(string Type, float Score, bool Gold)> ranked, double rate)
    {
        double best = 0, gain = 0;
        int bestCount = 0, bestHits = 0, hits = 0;
        for (int i = 0; i < ranked.Count; i++)
        {
            hits += ranked[i].Gold ? 1 : 0;
            gain += (ranked[i].Gold ? 1 : 0) - rate;
            if (gain > best && (i + 1 == ranked.Count || ranked[i + 1].Score < ranked[i].Score))
            {
                best = gain;
                bestCount = i + 1;
                bestHits = hits;
            }
        }

        if (bestCount == 0)
        {
            return (float.PositiveInfinity, 0, 0);
        }

        float last = ranked[bestCount - 1].Score;
        float next = bestCount < ranked.Count ? ranked[bestCount].Score : last - 1;
        return (MathF.Round((last + next) / 2, 3), bestCount, bestHits);
    }

    /// <summary>A binary averaged perceptron: integer weights and the running sum of their updates, averaged at the end.</summary>
    private static float[] Perceptron(List<(int[] Features, int Label)> examples, int featureCount)
    {
        var w = new long[featureCount];
        var u = new long[featureCount];
        long c = 1;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        uint state = 2166136261;
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                state = state * 1664525 + 1013904223;
                int j = (int)(state % (uint)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            foreach (int e in order)
            {
                var (features, label) = examples[e];
                long score = 0;
                foreach (int f in features)
                {
                    score += w[f];
                }

                if (label * score <= 0)
                {
                    foreach (int f in features)
                    {
                        w[f] += label;
                        u[f] += c * label;
                    }
                }

                c++;
            }
        }

        var averaged = new float[featureCount];
        for (int f = 0; f < featureCount; f++)
        {
            averaged[f] = (float)(w[f] - (double)u[f] / c);
        }

        return averaged;
    }

    /// <summary>
    /// Leave-one-text-out: for every text, a model trained on all the others, and the text extracted with
    /// the rules and that model and scored against its gold annotation.
    /// </summary>
    public static CorpusReport CrossValidate(IReadOnlyList<CorpusText> texts)
    {
        var described = texts.Select(Describe).ToList();
        var reports = new List<KeyValuePair<string, EvaluationReport>>();
        for (int i = 0; i < texts.Count; i++)
        {
            var model = Train([.. described.Where((_, j) => j != i)]);
            var options = new ExtractionOptions { DocumentId = "corpus:" + texts[i].Name, Model = model };
            reports.Add(KeyValuePair.Create(texts[i].Name, ExtractionEvaluator.Evaluate(TextExtractor.Extract(texts[i].Text, options), texts[i].Gold)));
        }

        return new CorpusReport(reports);
    }

    /// <summary>Collects each feature as a string, lower-cased as the hash lower-cases it.</summary>
    private readonly struct ListSink(List<string> features) : IFeatureSink
    {
        public List<string> Features { get; } = features;

        public void Add(string prefix, ReadOnlySpan<char> value)
        {
            var lower = new char[value.Length];
            for (int i = 0; i < value.Length; i++)
            {
                lower[i] = char.ToLowerInvariant(value[i]);
            }

            Features.Add(prefix + new string(lower));
        }
    }
}
