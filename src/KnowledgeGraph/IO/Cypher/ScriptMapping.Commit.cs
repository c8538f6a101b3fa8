using System.Globalization;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

internal static partial class ScriptMapping
{
    /// <summary>
    /// One commit of a staging graph: the role and id of every node, then what is new and what changed among
    /// documents, entities and relations, all checked before <see cref="Apply"/> touches the builder. An error
    /// about a node or relationship names the line and column of the pattern that created it (or of the SET item
    /// that first changed one the builder held), and what is new enters the builder with that position as its
    /// origin, so that a schema violation names it too.
    /// </summary>
    private sealed class Commitment
    {
        private readonly GraphBuilder _builder;
        private readonly ScriptGraph _g;
        private readonly string _source;
        private readonly Role[] _roles;
        private readonly EntityId[] _ids;
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private readonly List<(Document Document, SourceLocation? Origin)> _newDocuments = [];
        private readonly List<Document> _changedDocuments = [];
        private readonly List<(Entity Entity, SourceLocation? Origin)> _newEntities = [];
        private readonly List<Entity> _changedEntities = [];
        private readonly List<(Relation Relation, SourceLocation? Origin)> _newRelations = [];
        private readonly List<(int Index, Relation Relation)> _changedRelations = [];
        private readonly HashSet<string> _deletedDocuments = new(StringComparer.Ordinal);
        private readonly HashSet<string> _deletedEntities = new(StringComparer.Ordinal);
        private readonly HashSet<int> _deletedRelations = [];
        private int _next;

        public Commitment(GraphBuilder builder, ScriptGraph g, string source)
        {
            _builder = builder;
            _g = g;
            _source = source;
            int count = g.Nodes.Count;
            _roles = new Role[count];
            _ids = new EntityId[count];
            for (int i = 0; i < count; i++)
            {
                var n = g.Nodes[i];
                if (n.Deleted)
                {
                    continue;
                }

                _roles[i] = RoleOf(n, out string? id);
                if (_roles[i] == Role.Entity)
                {
                    _ids[i] = new EntityId(id!);
                    _taken.Add(id!);
                }
            }

            _next = builder.EntityCount + 1;
        }

        /// <summary>
        /// Sorts the nodes into new, changed and deleted documents and entities; a node the script made gets a
        /// generated id unless it is an Entity node, and one it made and deleted is forgotten.
        /// </summary>
        public void MapNodes()
        {
            for (int i = 0; i < _roles.Length; i++)
            {
                var n = _g.Nodes[i];
                if (n.Deleted)
                {
                    Forget(n);
                    continue;
                }

                try
                {
                    MapNode(n, i);
                }
                catch (QueryException ex) when (n.Position is { } at)
                {
                    throw at.Locate(ex, "At");
                }
            }
        }

        /// <summary>Sorts the relationships the script made, changed or deleted into new, changed and deleted relations.</summary>
        public void MapRelations()
        {
            foreach (var r in _g.Rels)
            {
                if (r.Deleted)
                {
                    if (r.OriginRelation >= 0)
                    {
                        _deletedRelations.Add(r.OriginRelation);
                    }

                    continue;
                }

                if (r.OriginRelation >= 0 && !r.Changed)
                {
                    continue;
                }

                try
                {
                    MapRelation(r);
                }
                catch (QueryException ex) when (r.Position is { } at)
                {
                    throw at.Locate(ex, "At");
                }
            }
        }

        /// <summary>
        /// Writes the changes to the builder: first what changed in place (documents, entities, relations), then what
        /// was deleted goes, then what is new comes (documents, entities, relations), so that a script may delete
        /// an entity and make another with its id.
        /// </summary>
        public void Apply()
        {
            foreach (var d in _changedDocuments)
            {
                _builder.ReplaceDocument(d);
            }

            foreach (var e in _changedEntities)
            {
                _builder.SetEntity(e);
            }

            foreach (var (index, relation) in _changedRelations)
            {
                _builder.ReplaceRelation(index, relation);
            }

            _builder.RemoveDeleted(_deletedRelations, _deletedEntities, _deletedDocuments);
            foreach (var (d, origin) in _newDocuments)
            {
                _builder.AddDocument(d, origin);
            }

            foreach (var (e, origin) in _newEntities)
            {
                _builder.AddEntity(e, origin);
            }

            foreach (var (r, origin) in _newRelations)
            {
                _builder.AddRelation(r, origin);
            }
        }

        private void MapNode(ScriptNode n, int i)
        {
            if (n.OriginDocument is not null || n.OriginEntity is not null)
            {
                MapImported(n, i);
                return;
            }

            switch (_roles[i])
            {
                case Role.Document:
                    _newDocuments.Add((ToDocument(n), Origin(n.Position)));
                    break;
                case Role.Entity:
                    _newEntities.Add((ToEntity(n, _ids[i]), Origin(n.Position)));
                    break;
                default:
                    _ids[i] = NewId();
                    _newEntities.Add((ToPlainEntity(n, _ids[i]), Origin(n.Position)));
                    break;
            }
        }

        private void MapRelation(ScriptRel r)
        {
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
                _newRelations.Add((relation, Origin(r.Position)));
            }
        }

        /// <summary>Where something new was made in the script, as the builder keeps it for schema violations.</summary>
        private SourceLocation? Origin(ScriptPosition? at) => at is { } p ? new SourceLocation(_source, p.Line, p.Column) : null;

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

        /// <summary>A deleted node: what the builder held for it goes; what the script made and deleted never arrives.</summary>
        private void Forget(ScriptNode n)
        {
            if (n.OriginEntity is { } entity)
            {
                _deletedEntities.Add(entity.Value);
            }
            else if (n.OriginDocument is { } document)
            {
                _deletedDocuments.Add(document);
            }
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
