using System.Globalization;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>Relations: IRI-to-IRI statements, with the qualifiers and evidence of their reified statement nodes.</summary>
internal sealed partial class RdfGraphLoader
{
    /// <summary>The statement nodes, grouped by the triple (subject, predicate, object) they describe.</summary>
    private Dictionary<(int S, int P, int O), List<StatementInfo>> CollectStatements(Dictionary<int, string> documentIds)
    {
        var statements = new Dictionary<int, StatementInfo>();
        var evidence = new Dictionary<int, EvidenceInfo>();
        for (int i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            if (node.Role == NodeRole.Statement)
            {
                statements[i] = NewStatement(node);
            }
            else if (node.Role == NodeRole.Evidence)
            {
                evidence[i] = NewEvidence(node);
            }
        }

        for (int e = 0; e < _edgeCount; e++)
        {
            int s = _edgeSource[e], p = _edgePredicate[e], t = _edgeTarget[e];
            if (statements.TryGetValue(s, out var st))
            {
                if (p == _rdfSubject)
                {
                    st.Subject = t;
                }
                else if (p == _rdfObject)
                {
                    st.Object = t;
                }
                else if (p == _rdfPredicate)
                {
                    st.Predicate = Predicate(_nodes[t].Key);
                }
                else if (p == _evidence && evidence.TryGetValue(t, out var ev))
                {
                    st.Evidence.Add(ev);
                }
            }
            else if (p == _document && evidence.TryGetValue(s, out var ev))
            {
                ev.Document = documentIds.TryGetValue(t, out string? id) ? id : RdfMapping.DocumentIdOf(_nodes[t].Key) ?? _nodes[t].Key;
            }
        }

        var groups = new Dictionary<(int, int, int), List<StatementInfo>>();
        foreach (var st in statements.Values)
        {
            if (st.Subject < 0 || st.Object < 0 || st.Predicate < 0)
            {
                continue;
            }

            var key = (st.Subject, st.Predicate, st.Object);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(st);
        }

        return groups;
    }

    private StatementInfo NewStatement(Node node)
    {
        var st = new StatementInfo { Line = node.Line, Index = IndexAfter(node.Key, RdfMapping.RelationBase, 2) };
        foreach (var (p, value, lexical) in node.Literals ?? [])
        {
            string predicate = _predicates[p];
            if (predicate == RdfMapping.Vocabulary + "relationType")
            {
                st.Type ??= lexical;
            }
            else
            {
                st.Qualifiers.Add(KeyValuePair.Create(RdfMapping.PropertyKeyOf(predicate, string.Empty, _rdf), value));
            }
        }

        return st;
    }

    private EvidenceInfo NewEvidence(Node node)
    {
        var ev = new EvidenceInfo { Line = node.Line, Index = IndexAfter(node.Key, "/evidence/", 0) };
        foreach (var (p, value, lexical) in node.Literals ?? [])
        {
            switch (_predicates[p])
            {
                case RdfMapping.Vocabulary + "start" when value.Kind == PropertyValueKind.Integer:
                    ev.Start = (int)Math.Clamp(value.AsInteger, int.MinValue, int.MaxValue);
                    break;
                case RdfMapping.Vocabulary + "length" when value.Kind == PropertyValueKind.Integer:
                    ev.Length = (int)Math.Clamp(value.AsInteger, int.MinValue, int.MaxValue);
                    break;
                case RdfMapping.Vocabulary + "text":
                    ev.Text = lexical;
                    break;
            }
        }

        return ev;
    }

    /// <summary>
    /// The position a library IRI carries: for a statement (<c>rel/S/T/O</c> is 1, <c>rel/S/T/O/2</c> is 2) and for
    /// evidence (<c>…/evidence/3</c> is 3); 0 for a foreign IRI.
    /// </summary>
    private static int IndexAfter(string iri, string marker, int slashes)
    {
        if (slashes > 0)
        {
            if (!iri.StartsWith(marker, StringComparison.Ordinal))
            {
                return 0;
            }

            var parts = iri[marker.Length..].Split('/');
            return parts.Length == slashes + 1 ? 1
                : parts.Length == slashes + 2 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
                : 0;
        }

        int at = iri.LastIndexOf(marker, StringComparison.Ordinal);
        return at >= 0 && int.TryParse(iri.AsSpan(at + marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : 0;
    }

    private void AddRelations(GraphBuilder builder, Dictionary<(int S, int P, int O), List<StatementInfo>> groups, Entity?[] entities, string source)
    {
        var done = new HashSet<(int, int, int)>();
        for (int e = 0; e < _edgeCount; e++)
        {
            var key = (_edgeSource[e], _edgePredicate[e], _edgeTarget[e]);
            if (entities[key.Item1] is null || entities[key.Item3] is null || !done.Add(key))
            {
                continue;
            }

            groups.Remove(key, out var statements);
            AddRelations(builder, key, statements ?? [], entities, new SourceLocation(source, _edgeLine[e]));
        }

        // Statements of triples that were not asserted: the relation still holds.
        foreach (var (key, statements) in groups.OrderBy(g => g.Value[0].Line))
        {
            if (entities[key.S] is not null && entities[key.O] is not null)
            {
                AddRelations(builder, key, statements, entities, new SourceLocation(source, statements[0].Line));
            }
        }
    }

    /// <summary>
    /// The relations one triple stands for: the library numbers its statement nodes (1, 2, … for parallel relations),
    /// so <c>n</c> numbered statements up to <c>k</c> mean <c>k</c> relations, those without a statement plain; each
    /// foreign statement node is one more relation; a triple without any is one plain relation.
    /// </summary>
    private void AddRelations(GraphBuilder builder, (int S, int P, int O) key, List<StatementInfo> statements, Entity?[] entities, SourceLocation origin)
    {
        int slots = 0;
        foreach (var st in statements)
        {
            slots = Math.Max(slots, st.Index);
        }

        var ordered = new StatementInfo?[slots];
        var extra = new List<StatementInfo>();
        foreach (var st in statements)
        {
            if (st.Index > 0 && ordered[st.Index - 1] is null)
            {
                ordered[st.Index - 1] = st;
            }
            else
            {
                extra.Add(st);
            }
        }

        var all = ordered.Concat(extra).ToList();
        if (all.Count == 0)
        {
            all.Add(null);
        }

        var subject = entities[key.S]!;
        var obj = entities[key.O]!;
        var (type, inverse) = RdfMapping.RelationOf(_predicates[key.P], _rdf, subject.Kind.Name);
        foreach (var st in all)
        {
            string relationType = Label(st?.Type ?? type);
            var evidence = st?.Evidence.OrderBy(ev => ev.Index).Select(ev => ToEvidence(ev, origin.Source)).ToArray() ?? [];
            var relation = new Relation(
                inverse ? obj.Id : subject.Id,
                relationType,
                inverse ? subject.Id : obj.Id,
                st is null ? null : Properties(st.Qualifiers),
                evidence);
            builder.AddRelation(relation, st is null ? origin : new SourceLocation(origin.Source, st.Line));
        }
    }

    private static Evidence ToEvidence(EvidenceInfo ev, string? source)
    {
        try
        {
            return new Evidence(ev.Document ?? string.Empty, ev.Start, ev.Length, ev.Text ?? string.Empty);
        }
        catch (ArgumentException ex)
        {
            throw new GraphFormatException("Bad evidence", new SourceLocation(source, ev.Line), ex.Message, "kg:document, a non-negative kg:start and kg:length, and kg:text", ex);
        }
    }

    private sealed class StatementInfo
    {
        public int Subject { get; set; } = -1;

        public int Predicate { get; set; } = -1;

        public int Object { get; set; } = -1;

        public string? Type { get; set; }

        public int Index { get; init; }

        public int Line { get; init; }

        public List<KeyValuePair<string, PropertyValue>> Qualifiers { get; } = [];

        public List<EvidenceInfo> Evidence { get; } = [];
    }

    private sealed class EvidenceInfo
    {
        public int Index { get; init; }

        public int Line { get; init; }

        public string? Document { get; set; }

        public int Start { get; set; }

        public int Length { get; set; }

        public string? Text { get; set; }
    }
}
