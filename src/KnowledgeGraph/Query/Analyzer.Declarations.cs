namespace KnowledgeGraph.Query;

/// <summary>Declaring the variables of patterns and of the write clauses (CREATE, MERGE, SET, DELETE), and checking what a read-only query may not do.</summary>
internal sealed partial class Analyzer
{
    private int Declare(string name, VarKind kind)
    {
        int slot = SlotCount++;
        _scope[name] = (slot, kind);
        return slot;
    }

    private void DeclarePattern(PatternPart p, HashSet<string> declaredHere)
    {
        foreach (var n in p.Nodes)
        {
            n.Slot = DeclareNode(n.Variable!);
            if (n.Properties is ParameterExpr)
            {
                throw QueryErrors.ParameterAsProperties("node", "MATCH");
            }

            if (n.Properties is not null)
            {
                Resolve(n.Properties, false);
            }
        }

        foreach (var r in p.Rels)
        {
            var kind = r.VarLength ? VarKind.RelationshipList : VarKind.Relationship;
            if (_scope.TryGetValue(r.Variable!, out var existing))
            {
                if (existing.Kind is VarKind.Node or VarKind.Path || (existing.Kind == VarKind.Value && !r.VarLength) || (existing.Kind == VarKind.Relationship && r.VarLength))
                {
                    throw QueryErrors.VariableTypeConflict(r.Variable!, existing.Kind, "relationship");
                }

                if (declaredHere.Contains(r.Variable!))
                {
                    throw QueryErrors.RelationshipUsedTwice(r.Variable!);
                }

                r.Slot = existing.Slot;
            }
            else
            {
                r.Slot = Declare(r.Variable!, kind);
                declaredHere.Add(r.Variable!);
            }

            if (r.Properties is ParameterExpr)
            {
                throw QueryErrors.ParameterAsProperties("relationship", "MATCH");
            }

            if (r.Properties is not null)
            {
                Resolve(r.Properties, false);
            }

            if (r.Min is long min && r.Max is long max && min > max)
            {
                // Legal, matches nothing.
            }
        }

        if (p.PathVariable is not null)
        {
            if (_scope.ContainsKey(p.PathVariable))
            {
                throw QueryErrors.VariableAlreadyBound(p.PathVariable!);
            }

            p.PathSlot = Declare(p.PathVariable, VarKind.Path);
        }
    }

    private int DeclareNode(string name)
    {
        if (_scope.TryGetValue(name, out var existing))
        {
            if (existing.Kind is VarKind.Relationship or VarKind.RelationshipList or VarKind.Path or VarKind.Value)
            {
                throw QueryErrors.VariableTypeConflict(name, existing.Kind, "node");
            }

            return existing.Slot;
        }

        return Declare(name, VarKind.Node);
    }

    private void DeclareCreate(PatternPart p)
    {
        foreach (var n in p.Nodes)
        {
            if (_scope.TryGetValue(n.Variable!, out var existing))
            {
                if (n.Labels.Count > 0 || n.Properties is not null || p.Rels.Count == 0)
                {
                    throw QueryErrors.VariableAlreadyBound(n.Variable!);
                }

                n.Slot = existing.Slot;
            }
            else
            {
                n.Slot = Declare(n.Variable!, VarKind.Node);
            }

            if (n.Properties is not null)
            {
                Resolve(n.Properties, false);
            }
        }

        foreach (var n in p.Nodes)
        {
            foreach (var l in n.Labels)
            {
                CheckName(l, "label");
            }
        }

        foreach (var r in p.Rels)
        {
            // A relationship a write clause creates is new: a bound variable is the first thing wrong with it.
            if (!r.Anonymous && _scope.ContainsKey(r.Variable!))
            {
                throw QueryErrors.VariableAlreadyBound(r.Variable!);
            }

            if (r.Types.Count != 1 || r.Direction == RelDirection.Both || r.VarLength)
            {
                throw QueryErrors.CreateRelationshipShape(r.VarLength, r.Types.Count);
            }

            CheckName(r.Types[0], "relationship type");

            r.Slot = Declare(r.Variable!, VarKind.Relationship);
            if (r.Properties is not null)
            {
                Resolve(r.Properties, false);
            }
        }

        if (p.PathVariable is not null)
        {
            p.PathSlot = Declare(p.PathVariable, VarKind.Path);
        }
    }

    private void CheckWritesAllowed(string clause)
    {
        if (!_allowWrites)
        {
            throw QueryErrors.ReadOnlyGraph(clause);
        }
    }

    private static void CheckName(string name, string what)
    {
        if (!Names.IsValidLabel(name))
        {
            throw QueryErrors.InvalidStoredName(what, name);
        }
    }

    private void DeclareMerge(MergeClause m)
    {
        var p = m.Pattern;
        if (p.Shortest != ShortestKind.None)
        {
            throw QueryErrors.MergeShortestPath();
        }

        if (p.PathVariable is not null)
        {
            throw QueryErrors.MergePathVariable(p.PathVariable!);
        }

        var declaredHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in p.Nodes)
        {
            if (_scope.TryGetValue(n.Variable!, out var existing) && !declaredHere.Contains(n.Variable!))
            {
                if (n.Labels.Count > 0 || n.Properties is not null || p.Rels.Count == 0)
                {
                    throw QueryErrors.VariableAlreadyBound(n.Variable!, "MERGE can reuse a bound node only without labels or properties, in a pattern with a relationship");
                }

                if (existing.Kind is VarKind.Relationship or VarKind.RelationshipList or VarKind.Path or VarKind.Value)
                {
                    throw QueryErrors.VariableTypeConflict(n.Variable!, existing.Kind, "node");
                }

                n.Slot = existing.Slot;
                m.BoundBefore.Add(n.Slot);
            }
            else if (declaredHere.Contains(n.Variable!))
            {
                n.Slot = _scope[n.Variable!].Slot;
            }
            else
            {
                n.Slot = Declare(n.Variable!, VarKind.Node);
                declaredHere.Add(n.Variable!);
            }

            foreach (var l in n.Labels)
            {
                CheckName(l, "label");
            }
        }

        foreach (var r in p.Rels)
        {
            if (!r.Anonymous && _scope.ContainsKey(r.Variable!))
            {
                throw QueryErrors.VariableAlreadyBound(r.Variable!);
            }

            if (r.Types.Count != 1 || r.VarLength)
            {
                throw QueryErrors.MergeRelationshipShape(r.VarLength);
            }

            CheckName(r.Types[0], "relationship type");

            r.Slot = Declare(r.Variable!, VarKind.Relationship);
        }

        foreach (var n in p.Nodes)
        {
            ResolveWriteProperties(n.Properties, "MERGE", "node");
        }

        foreach (var r in p.Rels)
        {
            ResolveWriteProperties(r.Properties, "MERGE", "relationship");
        }
    }

    private void ResolveWriteProperties(Expr? properties, string clause, string what)
    {
        if (properties is ParameterExpr)
        {
            throw QueryErrors.ParameterAsProperties(what, clause);
        }

        if (properties is not null)
        {
            Resolve(properties, false);
        }
    }

    private void ResolveSetItems(List<SetItem> items)
    {
        foreach (var item in items)
        {
            if (!_scope.TryGetValue(item.Target.Name, out var info))
            {
                throw QueryErrors.UndefinedVariable(item.Target.Name);
            }

            if (info.Kind is VarKind.Path or VarKind.RelationshipList or VarKind.Value)
            {
                throw QueryErrors.SetOnNonEntity(item.Target.Name, info.Kind == VarKind.RelationshipList ? "list of relationships" : info.Kind.ToString().ToLowerInvariant());
            }

            if (item.Kind is SetKind.Labels or SetKind.RemoveLabels)
            {
                if (info.Kind == VarKind.Relationship)
                {
                    throw QueryErrors.LabelOnRelationship(item.Target.Name, item.Labels[0]);
                }

                foreach (var l in item.Labels)
                {
                    CheckName(l, "label");
                }
            }

            if (item.Key is { Length: 0 })
            {
                throw QueryErrors.EmptyPropertyName("SET");
            }

            item.Target.Slot = info.Slot;
            if (item.Value is not null)
            {
                Resolve(item.Value, aggregatesAllowed: false);
            }
        }
    }

    /// <summary>
    /// The items of DELETE or DETACH DELETE: a label or type (<c>DELETE n:Label</c>) is an invalid delete, and an
    /// expression that can never give a node, a relationship or a path (<c>DELETE 1 + 1</c>) the wrong type;
    /// what the others give is checked while the script runs.
    /// </summary>
    private void ResolveDelete(DeleteClause d)
    {
        foreach (var item in d.Items)
        {
            if (item is LabelCheckExpr)
            {
                throw QueryErrors.InvalidDelete(d.Name, Text(item));
            }

            Resolve(item, aggregatesAllowed: false);
            if (item is LiteralExpr { Value: not null } or UnaryExpr or BinaryExpr or IsNullExpr or ListExpr or MapExpr or ComprehensionExpr or PatternExpr)
            {
                throw QueryErrors.DeleteNonEntity(d.Name, Text(item));
            }
        }
    }
}
