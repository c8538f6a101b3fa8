namespace KnowledgeGraph.Query;

/// <summary>A node or relationship of a script's staging graph: expressions read its properties as they are now.</summary>
internal interface IScriptElement
{
    /// <summary>The property's current value, or null.</summary>
    object? GetProperty(string key);

    /// <summary>The Cypher type name of the element: "Node" or "Relationship".</summary>
    string ValueTypeName { get; }
}
