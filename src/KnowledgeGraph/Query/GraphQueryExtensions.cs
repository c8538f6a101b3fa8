using KnowledgeGraph.Query;

namespace KnowledgeGraph;

/// <summary>
/// Queries on a graph: <c>graph.Query(cypher)</c>, declared by the query layer on <see cref="Graph"/>
/// so that the model never names the query engine.
/// </summary>
public static class GraphQueryExtensions
{
    extension(Graph graph)
    {
        /// <summary>
        /// Runs a read-only query in the openCypher subset described in the README: MATCH (and
        /// OPTIONAL MATCH, shortestPath), WHERE, WITH, UNWIND, RETURN with aggregates, ORDER BY,
        /// SKIP, LIMIT, UNION. A node's first label is its entity kind; its properties are the entity's
        /// properties plus <c>id</c>, <c>name</c> and <c>aliases</c>; a relationship's properties are its
        /// qualifiers, and <c>evidence(r)</c> returns the sentences that support it. <c>id(n)</c> is the entity id.
        /// </summary>
        /// <param name="cypher">The query text.</param>
        /// <param name="parameters">Values for <c>$name</c> parameters: null, bool, integers, floats, strings, lists, maps, entities.</param>
        /// <param name="cancellationToken">Stops a long-running query.</param>
        /// <param name="options">Limits; <see cref="QueryOptions.Default"/> when null.</param>
        /// <returns>The columns and rows.</returns>
        /// <example><code>
        /// var result = graph.Query("MATCH (p)-[:PRAISES]->(t {name: $name}) RETURN p.name ORDER BY p.name",
        ///     new Dictionary&lt;string, object?&gt; { ["name"] = "Donald Trump" });
        /// </code></example>
        /// <exception cref="ArgumentNullException"><paramref name="cypher"/> is null.</exception>
        /// <exception cref="QuerySyntaxException">The text does not parse.</exception>
        /// <exception cref="QuerySemanticException">The query refers to an unknown variable or function, misuses an aggregate, or writes (CREATE, MERGE, SET, REMOVE, DELETE: use CypherScript).</exception>
        /// <exception cref="QueryTypeException">A value has the wrong type while the query runs.</exception>
        /// <exception cref="QueryLimitException">The query exceeds a limit of <paramref name="options"/>.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public QueryResult Query(string cypher, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default, QueryOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(cypher);
            return QueryEngine.Run(graph, cypher, parameters, options ?? QueryOptions.Default, cancellationToken);
        }
    }
}
