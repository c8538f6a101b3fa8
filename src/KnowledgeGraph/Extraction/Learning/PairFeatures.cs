using KnowledgeGraph.Extraction.Rules;

namespace KnowledgeGraph.Extraction.Learning;

/// <summary>Receives the features of one pair of mentions, each a prefix and a value (lower-cased as it is added).</summary>
internal interface IFeatureSink
{
    /// <summary>Adds the feature <paramref name="prefix"/> followed by <paramref name="value"/>, lower-cased.</summary>
    void Add(string prefix, ReadOnlySpan<char> value);
}

/// <summary>
/// A 64-bit FNV-1a hash of a feature's characters, the value lower-cased invariantly: the same number
/// whether the feature is hashed as one string or as its prefix followed by its value, so that a model
/// read from its text form scores features that are never built as strings.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string feature) => Continue(Offset, feature, lower: false);

    public static ulong Of(string prefix, ReadOnlySpan<char> value) => Continue(Continue(Offset, prefix, lower: false), value, lower: true);

    private static ulong Continue(ulong h, ReadOnlySpan<char> chars, bool lower)
    {
        foreach (char c in chars)
        {
            h = (h ^ (lower ? char.ToLowerInvariant(c) : c)) * Prime;
        }

        return h;
    }
}

/// <summary>
/// The features of an ordered pair of resolved mentions in one sentence, for the relation model: the
/// kinds of both ends, their order and distance, the words between them (crudely stemmed) and the
/// lexicon's cue categories of those words, the words just outside the pair, the cue categories of the
/// whole sentence, what the rules proposed for the same pair, and a few facts of the mentions
/// (anaphor, titled, first in the sentence). Every feature is a prefix and a value; nothing here
/// builds a string unless the sink does.
/// </summary>
internal static class PairFeatures
{
    /// <summary>Tokens between the two mentions beyond which the words between are not listed one by one.</summary>
    private const int MaxBetween = 16;

    /// <summary>The cue categories whose words are features.</summary>
    internal static readonly string[] CueCategories =
    [
        "attend", "praise", "criticize", "contribute", "support", "say", "lead", "member", "meet", "travel", "organize",
        "positive", "negative", "aidnoun", "eventnoun", "attack", "absent", "hostattends", "participantnoun", "memberverb",
        "affiliation", "venue", "deednoun", "outcomepositive", "outcomenegative", "violent", "attendable",
    ];

    /// <summary>"Person>Event": the kinds of a pair's ends, one string per pair of kinds.</summary>
    private static string KindPair(EntityKind source, EntityKind target) =>
        KindPairs.GetOrAdd((source.Name, target.Name), k => k.Item1 + ">" + k.Item2);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), string> KindPairs = new();

    private static readonly string[] Distances = ["0", "1s", "2s", "1t", "2t"];

    /// <summary>Adds the features of a pair of mentions, in one sentence or in two near each other, to the sink.</summary>
    public static void Describe<TSink>(ref TSink sink, Lexicon lexicon, PairWalker walker, in MentionPair p, EntityKind sourceKind, EntityKind targetKind, RuleFacts rules)
        where TSink : IFeatureSink
    {
        string kinds = KindPair(sourceKind, targetKind);
        sink.Add("k=", kinds);
        var s = p.Source;
        var t = p.Target;
        if (p.SourceSentence == p.TargetSentence)
        {
            Within(ref sink, lexicon, walker.Sentences[p.SourceSentence], s, t, kinds, walker.MentionsBetween(p));
        }
        else
        {
            int d = Math.Abs(p.SourceSentence - p.TargetSentence);
            string distance = Distances[p.SourceSentence < p.TargetSentence ? d : d + 2];
            sink.Add("xd=", distance);
            sink.Add("kx=", kinds);
            Around(ref sink, walker.Sentences[p.SourceSentence], s, "sp=", "sn=");
            Around(ref sink, walker.Sentences[p.TargetSentence], t, "tp=", "tn=");
            Cues(ref sink, lexicon, walker.Sentences[p.SourceSentence], "sc=");
            Cues(ref sink, lexicon, walker.Sentences[p.TargetSentence], "tc=");
            var later = walker.Sentences[Math.Max(p.SourceSentence, p.TargetSentence)];
            if (later.Tokens.Count > 0 && later.Tokens[0].Text is "He" or "She" or "They" or "It" or "His" or "Her" or "Their" or "Its")
            {
                sink.Add("pron=", later.Tokens[0].Text);
            }
        }

        Negations(ref sink, walker.Sentences[p.SourceSentence]);
        if (p.TargetSentence != p.SourceSentence)
        {
            Negations(ref sink, walker.Sentences[p.TargetSentence]);
        }

        if (walker.IsMain(s))
        {
            sink.Add("sm=", sourceKind.Name);
        }

        if (walker.IsMain(t))
        {
            sink.Add("tm=", targetKind.Name);
        }

        if (s.IsAnaphor)
        {
            sink.Add("sa=", sourceKind.Name);
        }

        if (t.IsAnaphor)
        {
            sink.Add("ta=", targetKind.Name);
        }

        if (s.Role is not null)
        {
            sink.Add("sr=", s.RoleClass ?? "role");
        }

        if (walker.IsFirst(p.SourceSentence, s))
        {
            sink.Add("sf=", kinds);
        }

        rules.Describe(ref sink, s.EntityId!.Value, t.EntityId!.Value, p.SourceSentence, p.TargetSentence);
    }

    /// <summary>The features of two mentions of one sentence: order, distance, the words between and around them, the cues outside them.</summary>
    private static void Within<TSink>(ref TSink sink, Lexicon lexicon, SentenceAnalysis a, Mention s, Mention t, string kinds, int mentionsBetween)
        where TSink : IFeatureSink
    {
        var tokens = a.Tokens;
        bool forward = s.FirstToken <= t.FirstToken;
        var (left, right) = forward ? (s, t) : (t, s);
        sink.Add(forward ? "ko=f:" : "ko=b:", kinds);
        int between = Math.Max(0, right.FirstToken - left.LastToken - 1);
        sink.Add(forward ? "d=f" : "d=b", Bucket(between));
        sink.Add("nm=", Bucket(mentionsBetween));
        if (between <= MaxBetween)
        {
            for (int i = left.LastToken + 1; i < right.FirstToken; i++)
            {
                Word(ref sink, lexicon, "bw=", "bc=", tokens[i].Text);
            }

            if (between > 0)
            {
                sink.Add("b1=", Stem(tokens[left.LastToken + 1].Text));
                sink.Add("bl=", Stem(tokens[right.FirstToken - 1].Text));
            }
        }
        else
        {
            sink.Add("far=", forward ? "f" : "b");
        }

        sink.Add("pre=", left.FirstToken > 0 ? Stem(tokens[left.FirstToken - 1].Text) : "^");
        sink.Add("post=", right.LastToken + 1 < tokens.Count ? Stem(tokens[right.LastToken + 1].Text) : "$");
        if (left.FirstToken > 1)
        {
            sink.Add("pre2=", Stem(tokens[left.FirstToken - 2].Text));
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (i < left.FirstToken || i > right.LastToken)
            {
                foreach (string c in lexicon.CueCategoriesOf(tokens[i].Text))
                {
                    sink.Add(i < left.FirstToken ? "oc=l:" : "oc=r:", c);
                }
            }
        }
    }

    /// <summary>Words that deny or undo what a sentence would otherwise say ("not", "former", "declined"), each a feature.</summary>
    private static void Negations<TSink>(ref TSink sink, SentenceAnalysis a)
        where TSink : IFeatureSink
    {
        foreach (var token in a.Tokens)
        {
            if (token.Text is "not" or "n't" or "never" or "no" or "former" or "declined" or "refused" or "without" or "skipped" or "instead" or "nor")
            {
                sink.Add("neg=", token.Text);
            }
        }
    }

    /// <summary>The word before and the word after a mention.</summary>
    private static void Around<TSink>(ref TSink sink, SentenceAnalysis a, Mention m, string before, string after)
        where TSink : IFeatureSink
    {
        var tokens = a.Tokens;
        sink.Add(before, m.FirstToken > 0 ? Stem(tokens[m.FirstToken - 1].Text) : "^");
        sink.Add(after, m.LastToken + 1 < tokens.Count ? Stem(tokens[m.LastToken + 1].Text) : "$");
    }

    /// <summary>The cue categories of every word of a sentence.</summary>
    private static void Cues<TSink>(ref TSink sink, Lexicon lexicon, SentenceAnalysis a, string prefix)
        where TSink : IFeatureSink
    {
        foreach (var token in a.Tokens)
        {
            foreach (string c in lexicon.CueCategoriesOf(token.Text))
            {
                sink.Add(prefix, c);
            }
        }
    }

    /// <summary>A word between the two mentions: its stem and its cue categories.</summary>
    private static void Word<TSink>(ref TSink sink, Lexicon lexicon, string wordPrefix, string cuePrefix, string word)
        where TSink : IFeatureSink
    {
        if (word.Length == 0 || !char.IsLetterOrDigit(word[0]))
        {
            if (word is "," or "(" or "“" or "\"" or ":" or ";" or "—" or "–")
            {
                sink.Add(wordPrefix, word);
            }

            return;
        }

        sink.Add(wordPrefix, Stem(word));
        foreach (string c in lexicon.CueCategoriesOf(word))
        {
            sink.Add(cuePrefix, c);
        }
    }

    /// <summary>A crude stem: "attended", "attending" and "attends" all give "attend"; numbers give "0", capitalised words their shape.</summary>
    internal static ReadOnlySpan<char> Stem(string word)
    {
        if (word.Length > 0 && char.IsDigit(word[0]))
        {
            return "0";
        }

        // Capitalised words are names or sentence openings: only their shape is a feature, so that no model learns a name.
        if (word.Length > 0 && char.IsUpper(word[0]))
        {
            return word.Length > 1 && char.IsUpper(word[1]) ? "XX" : "Xx";
        }

        var w = word.AsSpan();
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return w[..^3];
        }

        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return w[..^2];
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase))
        {
            return w[..^1];
        }

        return w;
    }

    private static string Bucket(int n) => n switch
    {
        0 => "0",
        1 => "1",
        2 => "2",
        <= 4 => "3-4",
        <= 7 => "5-7",
        <= 12 => "8-12",
        _ => "13+",
    };
}

/// <summary>What the rules proposed, for the relation model's features: the types proposed for a pair in its sentences and anywhere in the text.</summary>
internal sealed class RuleFacts
{
    private readonly Dictionary<(EntityId, EntityId), List<(RelationType Type, int Sentence)>> _byPair = [];

    public RuleFacts(IEnumerable<RelationCandidate> candidates)
    {
        foreach (var c in candidates)
        {
            if (!_byPair.TryGetValue((c.Source, c.Target), out var list))
            {
                list = [];
                _byPair.Add((c.Source, c.Target), list);
            }

            list.Add((c.Type, c.Sentence));
        }
    }

    /// <summary>Whether the rules proposed this type for this pair anywhere in the text.</summary>
    public bool Proposed(EntityId source, RelationType type, EntityId target)
    {
        if (_byPair.TryGetValue((source, target), out var list))
        {
            foreach (var x in list)
            {
                if (x.Type == type)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public void Describe<TSink>(ref TSink sink, EntityId source, EntityId target, int sentence, int other)
        where TSink : IFeatureSink
    {
        bool any = false;
        if (_byPair.TryGetValue((source, target), out var list))
        {
            foreach (var (type, at) in list)
            {
                bool here = at == sentence || at == other;
                sink.Add(here ? "r=" : "rd=", type.Name);
                any |= here;
            }
        }

        if (_byPair.TryGetValue((target, source), out var reversed))
        {
            foreach (var (type, at) in reversed)
            {
                if (at == sentence || at == other)
                {
                    sink.Add("rr=", type.Name);
                }
            }
        }

        sink.Add("r?=", any ? "y" : "n");
    }
}

/// <summary>Two mentions of different entities, in one sentence or in two sentences near each other; the first is the source.</summary>
internal readonly record struct MentionPair(int SourceSentence, Mention Source, int TargetSentence, Mention Target);

/// <summary>
/// The pairs the relation model scores: for each sentence, every ordered pair of its mentions (the first
/// mention of each entity) and every pair, both ways, of one of its mentions with one of the sentences just
/// before it. Knows each entity's mention count, so that the most mentioned entity of each kind is known.
/// </summary>
internal sealed class PairWalker
{
    /// <summary>How many sentences back a pair may reach.</summary>
    public const int Window = 1;

    private readonly List<Mention>[] _firsts;
    private readonly HashSet<EntityId> _main = [];

    public PairWalker(List<SentenceAnalysis> sentences)
    {
        Sentences = sentences;
        _firsts = new List<Mention>[sentences.Count];
        var counts = new Dictionary<EntityId, (int Count, int First, EntityKind Kind)>();
        for (int i = 0; i < sentences.Count; i++)
        {
            var firsts = new List<Mention>();
            if (!sentences[i].Sentence.IsHeading)
            {
                foreach (var m in sentences[i].Mentions)
                {
                    if (m.EntityId is { } id)
                    {
                        counts[id] = counts.TryGetValue(id, out var c) ? (c.Count + 1, c.First, c.Kind) : (1, i, m.Kind);
                        if (!Contains(firsts, id))
                        {
                            firsts.Add(m);
                        }
                    }
                }
            }

            _firsts[i] = firsts;
        }

        foreach (var byKind in counts.GroupBy(c => c.Value.Kind))
        {
            var top = byKind.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).First();
            if (top.Value.Count > 1)
            {
                _main.Add(top.Key);
            }
        }
    }

    public List<SentenceAnalysis> Sentences { get; }

    /// <summary>The pairs of sentence <paramref name="i"/>, into <paramref name="pairs"/> (cleared first).</summary>
    public void PairsAt(int i, List<MentionPair> pairs)
    {
        pairs.Clear();
        var here = _firsts[i];
        for (int j = Math.Max(0, i - Window); j <= i; j++)
        {
            var there = _firsts[j];
            foreach (var a in here)
            {
                foreach (var b in there)
                {
                    if (a.EntityId == b.EntityId || j == i && ReferenceEquals(a, b))
                    {
                        continue;
                    }

                    pairs.Add(new MentionPair(i, a, j, b));
                    if (j != i)
                    {
                        pairs.Add(new MentionPair(j, b, i, a));
                    }
                }
            }
        }
    }

    /// <summary>Whether the entity of a mention is the most mentioned of its kind (and mentioned more than once).</summary>
    public bool IsMain(Mention m) => _main.Contains(m.EntityId!.Value);

    /// <summary>Whether a mention is the first of its sentence.</summary>
    public bool IsFirst(int sentence, Mention m) => _firsts[sentence].Count > 0 && ReferenceEquals(_firsts[sentence][0], m);

    /// <summary>How many other mentions lie between the two mentions of a pair in one sentence.</summary>
    public int MentionsBetween(in MentionPair p)
    {
        int from = Math.Min(p.Source.LastToken, p.Target.LastToken);
        int to = Math.Max(p.Source.FirstToken, p.Target.FirstToken);
        int n = 0;
        foreach (var m in _firsts[p.SourceSentence])
        {
            if (m.FirstToken > from && m.LastToken < to)
            {
                n++;
            }
        }

        return n;
    }

    private static bool Contains(List<Mention> mentions, EntityId id)
    {
        foreach (var m in mentions)
        {
            if (m.EntityId == id)
            {
                return true;
            }
        }

        return false;
    }
}
