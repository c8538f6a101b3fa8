namespace KnowledgeGraph.IO;

/// <summary>The shapes and colours the diagram writers (DOT, Mermaid) give each well-known entity kind.</summary>
internal static class KindStyles
{
    public static (string Shape, string Fill, string Stroke) Of(EntityKind kind) => kind.Name switch
    {
        "Person" => ("ellipse", "#dbeafe", "#1d4ed8"),
        "Organization" => ("box", "#dcfce7", "#15803d"),
        "Country" => ("hexagon", "#fef3c7", "#b45309"),
        "Event" => ("octagon", "#fce7f3", "#be185d"),
        "Place" => ("house", "#ede9fe", "#6d28d9"),
        _ => ("component", "#f3f4f6", "#4b5563"),
    };
}
