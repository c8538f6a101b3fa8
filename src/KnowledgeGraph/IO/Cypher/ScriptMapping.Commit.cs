using System.Globalization;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

internal static partial class ScriptMapping
{
    /// <summary>
    /// One commit of a staging graph: the role and id of every node, then what is new and what changed among
    /// documents, entities and relations, all checked before <see cref="Apply"/> touches the builder.
    /// </summary>
    private sealed class Commitment
    {
        private readonly GraphBuilder _builder;
        private readonly ScriptGraph _g;
        private readonly Role[] _roles;
        private readonly EntityId[] _ids;
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private readonly List<Document> _newDocuments = [];
        private readonly List<Document> _changedDocuments = [];
        private readonly List<Entity> _newEntities = [];
        private readonly List<Entity> _changedEntities = [];
        private readonly List<Relation> _newRelations = [];
        private readonly List<(int Index, Relation Relation)> _changedRelations = [];
        private int _next;

        public Commitment(GraphBuilder builder, ScriptGraph g)
        {
            _builder = builder;
            _g = g;
            int count = g.Nodes.Count;
            _roles = new Role[count];
            _ids = new EntityId[count];
            for (int i = 0; i < count; i++)
            {
                var n = g.Nodes[i];
                _roles[i] = RoleOf(n, out string? id);
                if (_roles[i] == Role.Entity)
                {
                    _ids[i] = new EntityId(id!);
                    _taken.Add(id!);
                }
            }

            _next = builder.EntityCount + 1;
        }

        /// <summary>Sorts the nodes into new and changed documents and entities; a node the script made gets a generated id unless it is an Entity node.</summary>
        public void MapNodes()
        {
            for (int i = 0; i < _roles.Length; i++)
            {
                var n = _g.Nodes[i];
                if (n.OriginDocument is not null || n.OriginEntity is not null)
                {
                    MapImported(n, i);
                    continue;
                }

                switch (_roles[i])
                {
                    case Role.Document:
                        _newDocuments.Add(ToDocument(n));
                        break;
                    case Role.Entity:
                        _newEntities.Add(ToEntity(n, _ids[i]));
                        break;
                    default:
                        _ids[i] = NewId();
                        _newEntities.Add(ToPlainEntity(n, _ids[i]));
                        break;
                }
            }
        }

        /// <summary>Sorts the relationships the script made or changed into new and changed relations.</summary>
        public void MapRelations()
        {
            foreach (var r in _g.Rels)
            {
                if (r.OriginRelation >= 0 && !r.Changed)
                {
                    continue;
                }

                foreach (var end in new[] { r.Start, r.End })
                {
                    if (_roles[end.Index] == Role.Document)
                    {
                        throw Mapping($"A relationship :{r.Type} touches the Document node '{end.Properties["id"]}'; a document cannot be an end of a relation.");
                    }
                }

                var relation = ToRelation(r, _ids[r.Start.Index], _ids[r.End.Index]);
                if (r.OriginRelation >= 0)
                {
                    _changedRelations.Add((r.OriginRelation, relation));
                }
                else
                {
                    _newRelations.Add(relation);
                }
            }
        }

        /// <summary>Writes the changes to the builder: documents, then entities, then relations, each changed ones first.</summary>
        public void Apply()
        {
            foreach (var d in _changedDocuments)
            {
                _builder.ReplaceDocument(d);
            }

            foreach (var d in _newDocuments)
            {
                _builder.AddDocument(d);
            }

            foreach (var e in _changedEntities)
            {
                _builder.SetEntity(e);
            }

            foreach (var e in _newEntities)
            {
                _builder.AddEntity(e);
            }

            foreach (var (index, relation) in _changedRelations)
            {
                _builder.ReplaceRelation(index, relation);
            }

            foreach (var r in _newRelations)
            {
                _builder.AddRelation(r);
            }
        }

        /// <summary>A node that came from the builder keeps its id; it is mapped again only when the script changed it.</summary>
        private void MapImported(ScriptNode n, int i)
        {
            if (n.OriginEntity is { } origin)
            {
                if (_roles[i] == Role.Entity && _ids[i] != origin)
                {
                    throw Mapping($"The script changed the id of entity '{origin}' to '{_ids[i]}'; the builder cannot rename an entity it holds.");
                }

                if (_roles[i] == Role.Document)
                {
                    throw Mapping($"The script turned entity '{origin}' into a document; the builder cannot do that.");
                }

                _ids[i] = origin;
            }

            if (!n.Changed)
            {
                return;
            }

            if (n.OriginDocument is not { } doc)
            {
                _changedEntities.Add(_roles[i] == Role.Entity ? ToEntity(n, _ids[i]) : ToPlainEntity(n, _ids[i]));
                return;
            }

            if (_roles[i] != Role.Document || !string.Equals((string)n.Properties["id"]!, doc, StringComparison.Ordinal))
            {
                throw Mapping($"The script changed document '{doc}' so that it is no longer a document node (label Document; string id, title and text only) with that id.");
            }

            _changedDocuments.Add(ToDocument(n));
        }

        private EntityId NewId()
        {
            while (true)
            {
                string id = Values.GeneratedIdPrefix + (_next++).ToString(CultureInfo.InvariantCulture);
                if (!_builder.ContainsEntity(id) && !_taken.Contains(id))
                {
                    return new EntityId(id);
                }
            }
        }
    }
}
