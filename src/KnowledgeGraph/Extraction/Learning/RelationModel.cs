using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Extraction.Learning;

/// <summary>
/// A linear model over the features of pairs of mentions (<see cref="PairFeatures"/>) that proposes
/// relations the rules did not: one weight vector per relation type, a pair proposed for a type when
/// its score is above zero and the schema allows the kinds of its ends. Trained by
/// <see cref="RelationModelTrainer"/> from annotated texts with an averaged perceptron in integer
/// arithmetic, so the same texts give the same model on every machine. Its text form is one feature a
/// line with its weights by type (<c>kg extract --corpus DIR --train FILE</c> writes one, <c>--model FILE</c> uses it).
/// </summary>
internal sealed class RelationModel
{
    private readonly Dictionary<ulong, float[]> _weights;

    internal RelationModel(RelationType[] types, IEnumerable<KeyValuePair<string, float[]>> weights, float[] thresholds)
    {
        Types = types;
        Thresholds = thresholds;
        _weights = [];
        Features = [.. weights.OrderBy(w => w.Key, StringComparer.Ordinal)];
        foreach (var (feature, w) in Features)
        {
            _weights[FeatureHash.Of(feature)] = w;
        }
    }

    /// <summary>The relation types the model scores, in the order of each feature's weights.</summary>
    public RelationType[] Types { get; }

    /// <summary>Per type, the score a pair must exceed to be proposed (infinity: the type is never proposed).</summary>
    public float[] Thresholds { get; }

    /// <summary>The features and their weights, in ordinal order of the feature.</summary>
    public KeyValuePair<string, float[]>[] Features { get; }

    /// <summary>Adds to <paramref name="found"/> the relations the model proposes for the pairs of mentions of every sentence (see <see cref="PairWalker"/>).</summary>
    public void Propose(Lexicon lexicon, Schema schema, List<SentenceAnalysis> sentences, List<RelationCandidate> found, Func<EntityId, EntityKind> kindOf)
    {
        var rules = new RuleFacts(found);
        var walker = new PairWalker(sentences);
        var pairs = new List<MentionPair>();
        var sink = new ScoreSink(_weights, new float[Types.Length]);
        var proposed = new List<RelationCandidate>();
        for (int i = 0; i < sentences.Count; i++)
        {
            walker.PairsAt(i, pairs);
            foreach (var p in pairs)
            {
                var source = p.Source.EntityId!.Value;
                var target = p.Target.EntityId!.Value;
                var sk = kindOf(source);
                var tk = kindOf(target);
                if (!AnyAllowed(schema, sk, tk))
                {
                    continue;
                }

                Array.Clear(sink.Scores);
                PairFeatures.Describe(ref sink, lexicon, walker, p, sk, tk, rules);
                for (int k = 0; k < Types.Length; k++)
                {
                    if (sink.Scores[k] > Thresholds[k] && Allows(schema, Types[k], sk, tk) && !rules.Proposed(source, Types[k], target))
                    {
                        proposed.Add(new RelationCandidate(source, Types[k], target, i, "relation model", Explicit: true));
                    }
                }
            }
        }

        found.AddRange(proposed);
    }

    internal bool AnyAllowed(Schema schema, EntityKind source, EntityKind target)
    {
        foreach (var type in Types)
        {
            if (Allows(schema, type, source, target))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Allows(Schema schema, RelationType type, EntityKind source, EntityKind target) =>
        schema.GetRule(type) is { } rule ? rule.AllowsSource(source) && rule.AllowsTarget(target) : !schema.IsClosed;

    /// <summary>The model's text form: a header line of types, then one feature a line, tab-separated, weights in the header's order.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("# relation model: feature, then one weight per type in this order\n");
        sb.Append("types\t").AppendJoin('\t', Types.Select(t => t.Name)).Append('\n');
        sb.Append("thresholds\t").AppendJoin('\t', Thresholds.Select(Format)).Append('\n');
        foreach (var (feature, w) in Features)
        {
            sb.Append(feature);
            foreach (float x in w)
            {
                sb.Append('\t').Append(Format(x));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Format(float x) => float.IsPositiveInfinity(x) ? "inf" : x.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool TryRead(string s, out float x)
    {
        if (s == "inf")
        {
            x = float.PositiveInfinity;
            return true;
        }

        return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out x);
    }

    /// <summary>Reads a model's text form.</summary>
    /// <exception cref="FormatException">A line does not have the header's number of weights, or a weight is not a number.</exception>
    public static RelationModel Parse(string text, string source)
    {
        RelationType[]? types = null;
        float[]? thresholds = null;
        var weights = new List<KeyValuePair<string, float[]>>();
        int lineNumber = 0;
        foreach (string line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (types is null)
            {
                if (f[0] != "types" || f.Length < 2)
                {
                    throw new FormatException($"{source}, line {lineNumber}: expected the header 'types' followed by relation types, found '{Clip(line)}'.");
                }

                types = [.. f.Skip(1).Select(t => new RelationType(t))];
                continue;
            }

            if (thresholds is null)
            {
                thresholds = Weights(f, types.Length, "thresholds", source, lineNumber);
                continue;
            }

            var w = Weights(f, types.Length, null, source, lineNumber);
            weights.Add(KeyValuePair.Create(f[0], w));
        }

        return new RelationModel(
            types ?? throw new FormatException($"{source}: no 'types' header line."),
            weights,
            thresholds ?? throw new FormatException($"{source}: no 'thresholds' line after the 'types' line."));
    }

    /// <summary>The weights of one line: a feature (or the word <paramref name="header"/>) and one number per type.</summary>
    private static float[] Weights(string[] f, int count, string? header, string source, int lineNumber)
    {
        if (header is not null && f[0] != header)
        {
            throw new FormatException($"{source}, line {lineNumber}: expected the line '{header}', found '{Clip(f[0])}'.");
        }

        if (f.Length != count + 1)
        {
            throw new FormatException($"{source}, line {lineNumber}: expected {count} weights after '{Clip(f[0])}', found {f.Length - 1}.");
        }

        var w = new float[count];
        for (int k = 0; k < count; k++)
        {
            if (!TryRead(f[k + 1], out w[k]))
            {
                throw new FormatException($"{source}, line {lineNumber}: weight {k + 1} ('{Clip(f[k + 1])}') is not a number.");
            }
        }

        return w;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Adds each feature's weights to the scores, without building the feature.</summary>
    private struct ScoreSink(Dictionary<ulong, float[]> weights, float[] scores) : IFeatureSink
    {
        public float[] Scores { get; } = scores;

        public readonly void Add(string prefix, ReadOnlySpan<char> value)
        {
            if (weights.TryGetValue(FeatureHash.Of(prefix, value), out var w))
            {
                for (int k = 0; k < w.Length; k++)
                {
                    Scores[k] += w[k];
                }
            }
        }
    }
}
