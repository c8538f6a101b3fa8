using KnowledgeGraph.IO.Cypher;
using KnowledgeGraph.Query;

namespace KnowledgeGraph.Tests.IO.Cypher;

/// <summary>What the script tests share: run a script on an open schema, and read a query's first column.</summary>
internal static class CypherScriptRuns
{
    /// <summary>The graph a script builds, any label and type allowed.</summary>
    public static Graph Run(string script) => CypherScript.Load(script, Schema.Open);

    /// <summary>The first column of a query's rows, in order.</summary>
    public static List<object?> Column(Graph g, string query) => g.Query(query).Select(row => row[0]).ToList();
}
