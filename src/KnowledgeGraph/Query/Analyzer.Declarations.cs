namespace KnowledgeGraph.Query;

/// <summary>Declaring the variables of patterns and of the write clauses (CREATE, MERGE, SET), and checking what a read-only query may not do.</summary>
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
                throw new QuerySemanticException("A parameter cannot be used as a node's properties in MATCH; write {key: $param}.", "InvalidParameterUse");
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
                    throw new QuerySemanticException($"Variable `{r.Variable}` is a {existing.Kind} and cannot be used as a relationship.", "VariableTypeConflict");
                }

                if (declaredHere.Contains(r.Variable!))
                {
                    throw new QuerySemanticException($"Cannot use the same relationship variable `{r.Variable}` twice in one MATCH.", "RelationshipUniquenessViolation");
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
                throw new QuerySemanticException("A parameter cannot be used as a relationship's properties in MATCH; write {key: $param}.", "InvalidParameterUse");
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
                throw new QuerySemanticException($"Variable `{p.PathVariable}` already declared.", "VariableAlreadyBound");
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
                throw new QuerySemanticException($"Variable `{name}` is a {existing.Kind} and cannot be used as a node.", "VariableTypeConflict");
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
                    throw new QuerySemanticException($"Variable `{n.Variable}` already declared.", "VariableAlreadyBound");
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
            if (r.Types.Count != 1 || r.Direction == RelDirection.Both || r.VarLength)
            {
                throw new QuerySemanticException("CREATE needs each relationship to have one type and a direction.", r.VarLength ? "CreatingVarLength" : r.Types.Count != 1 ? "NoSingleRelationshipType" : "RequiresDirectedRelationship");
            }

            CheckName(r.Types[0], "relationship type");

            if (_scope.ContainsKey(r.Variable!))
            {
                throw new QuerySemanticException($"Variable `{r.Variable}` already declared.", "VariableAlreadyBound");
            }

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
            throw new QuerySemanticException($"{clause} is not allowed here: a Graph is immutable; run writes (CREATE, MERGE, SET) against a GraphBuilder with CypherScript.Apply, or load a script with CypherScript.Load.", "UnsupportedClause");
        }
    }

    private static void CheckName(string name, string what)
    {
        if (!Names.IsValidLabel(name))
        {
            throw new QuerySemanticException($"The {what} `{name}` cannot be stored: {what}s must be non-empty names without whitespace or control characters.", "InvalidName", "SemanticError");
        }
    }

    private void DeclareMerge(MergeClause m)
    {
        var p = m.Pattern;
        if (p.Shortest != ShortestKind.None)
        {
            throw new QuerySemanticException("MERGE cannot use shortestPath or allShortestPaths.", "InvalidRelationshipPattern");
        }

        if (p.PathVariable is not null)
        {
            throw new QuerySemanticException($"MERGE does not bind a path variable (`{p.PathVariable}`); name the nodes and relationships instead.", "InvalidRelationshipPattern");
        }

        var declaredHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in p.Nodes)
        {
            if (_scope.TryGetValue(n.Variable!, out var existing) && !declaredHere.Contains(n.Variable!))
            {
                if (n.Labels.Count > 0 || n.Properties is not null || p.Rels.Count == 0)
                {
                    throw new QuerySemanticException($"Variable `{n.Variable}` already declared; MERGE can reuse a bound node only without labels or properties, in a pattern with a relationship.", "VariableAlreadyBound");
                }

                if (existing.Kind is VarKind.Relationship or VarKind.RelationshipList or VarKind.Path or VarKind.Value)
                {
                    throw new QuerySemanticException($"Variable `{n.Variable}` is a {existing.Kind} and cannot be used as a node.", "VariableTypeConflict");
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
            if (r.Types.Count != 1 || r.VarLength)
            {
                throw new QuerySemanticException("MERGE needs each relationship to have exactly one type and no variable length.", r.VarLength ? "CreatingVarLength" : "NoSingleRelationshipType");
            }

            CheckName(r.Types[0], "relationship type");
            if (_scope.ContainsKey(r.Variable!))
            {
                throw new QuerySemanticException($"Variable `{r.Variable}` already declared.", "VariableAlreadyBound");
            }

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
            throw new QuerySemanticException($"A parameter cannot be used as a {what}'s properties in {clause}; write {{key: $param}}.", "InvalidParameterUse");
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
                throw new QuerySemanticException($"Variable `{item.Target.Name}` not defined.", "UndefinedVariable");
            }

            if (info.Kind is VarKind.Path or VarKind.RelationshipList or VarKind.Value)
            {
                throw new QuerySemanticException($"SET needs a node or a relationship; `{item.Target.Name}` is a {(info.Kind == VarKind.RelationshipList ? "list of relationships" : info.Kind.ToString().ToLowerInvariant())}.", "InvalidArgumentType");
            }

            if (item.Kind is SetKind.Labels or SetKind.RemoveLabels)
            {
                if (info.Kind == VarKind.Relationship)
                {
                    throw new QuerySemanticException($"SET {item.Target.Name}:{item.Labels[0]}: only nodes have labels; `{item.Target.Name}` is a relationship.", "InvalidArgumentType");
                }

                foreach (var l in item.Labels)
                {
                    CheckName(l, "label");
                }
            }

            if (item.Key is { Length: 0 })
            {
                throw new QuerySemanticException("SET needs a non-empty property name.", "InvalidName", "SemanticError");
            }

            item.Target.Slot = info.Slot;
            if (item.Value is not null)
            {
                Resolve(item.Value, aggregatesAllowed: false);
            }
        }
    }
}
