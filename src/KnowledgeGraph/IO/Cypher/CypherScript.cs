using System.Text;
using KnowledgeGraph.IO;

using KnowledgeGraph.Query;

namespace KnowledgeGraph.IO.Cypher;

/// <summary>
/// Runs Cypher scripts that write a graph: statements of <c>CREATE</c>, <c>MERGE</c> (with <c>ON CREATE SET</c>
/// and <c>ON MATCH SET</c>), <c>SET</c>, <c>REMOVE</c>, <c>DELETE</c> and <c>DETACH DELETE</c>, after <c>MATCH</c>, <c>UNWIND</c> and <c>WITH</c>, separated by
/// <c>;</c>. It reads back the scripts <see cref="IO.Cypher.CypherWriter"/> writes. The immutable
/// <see cref="Graph"/> is never changed: a script builds through a <see cref="GraphBuilder"/>.
/// </summary>
/// <remarks>
/// <para><b>Scripts.</b> Statements are separated by <c>;</c> (the last one may go without); empty statements,
/// <c>//</c> and <c>/* */</c> comments are allowed, and a <c>;</c> inside a string or a quoted name is text.
/// Each statement sees what the earlier ones wrote, as in cypher-shell. A statement ends with a write clause
/// or with RETURN (whose rows are dropped); a LIMIT after a write limits the rows, never the writes. The whole
/// script is parsed and checked before any statement runs, and the builder is changed only when every statement succeeded: a failing script
/// leaves it as it was. Error messages name the line and column in the whole script (of the offending text
/// for a syntax error; of the node or relationship pattern that created a node or relationship the mapping
/// below refuses, or of the SET item that first changed one the builder held; of the statement otherwise), and
/// what the script adds enters the builder with that line and column as its origin (the source
/// <c>&lt;string&gt;</c>), so that <see cref="SchemaViolation.Origin"/> names it.</para>
/// <para><b>Semantics.</b> Writes go to a staging property graph (nodes with labels and properties, typed
/// relationships with properties) that MATCH and MERGE read. <c>MERGE</c> matches its whole pattern or creates
/// it all (Neo4j semantics; an undirected relationship is created left to right; a null property value is an
/// error). <c>SET n.key = v</c> sets a property (null removes it), <c>SET n:A:B</c> adds labels,
/// <c>SET n += {map}</c> sets several properties and <c>SET n = {map}</c> replaces them all. <c>REMOVE n.key</c> removes a property and <c>REMOVE n:A</c> a label.
/// <c>DELETE x, …</c> removes nodes, relationships and the nodes and relationships of paths (null deletes
/// nothing; anything else is a type error); a node it removes must have lost every relationship by the end of
/// the statement (deleted in the same statement), while <c>DETACH DELETE</c> removes a node's relationships
/// with it. DELETE deletes for every row before the next clause runs, so a later MERGE never matches what it
/// deleted; reading a deleted node's or relationship's properties or labels later in the statement is an
/// error (<c>type(r)</c> still works), and what the builder held and the script deleted leaves the builder. MERGE and SET
/// see every earlier write. Within one statement MATCH finds only the nodes and relationships that existed
/// when the statement began, a MATCH with relationships, a path or WHERE may not follow a write in the same
/// statement (start a new statement), and reading a matched node (<c>n.key</c>, <c>labels(n)</c>) may see it
/// as it was when the statement began when the statement also matches relationships or calls functions of
/// nodes. A node created in the statement can be read with <c>n.key</c> but not yet with <c>labels(n)</c>,
/// <c>keys(n)</c> or <c>properties(n)</c>.</para>
/// <para><b>From the staging graph to the builder</b>, when the script ends:</para>
/// <list type="bullet">
/// <item>a node labelled <c>Entity</c> with a string <c>id</c> becomes the entity with that id: its first other
/// label is the kind (<c>Entity</c> when it has none), the rest are <see cref="Entity.Labels"/>; <c>name</c> (a
/// string) is the name, <c>aliases</c> (a list of strings) the aliases, <c>property_id</c>,
/// <c>property_name</c> and <c>property_aliases</c> the properties <c>id</c>, <c>name</c> and <c>aliases</c>,
/// and every other property a property;</item>
/// <item>otherwise, a node labelled only <c>Document</c> with a string <c>id</c> and no properties but string
/// <c>title</c> and <c>text</c> becomes a <see cref="Document"/>;</item>
/// <item>any other node becomes an entity as CREATE always made them: its first label is the kind (a node
/// without labels gets <see cref="UnlabeledKind"/>, which <c>labels(n)</c> does not show and no label predicate
/// matches), its other labels are labels, a non-empty string <c>name</c> is the name, other properties are kept;
/// such entities get the ids <c>_:1</c>, <c>_:2</c>, … (the next free ones), which queries do not show as an
/// <c>id</c> property;</item>
/// <item>a relationship becomes a relation between its ends' entities; the parallel lists
/// <c>evidenceDocument</c>, <c>evidenceStart</c>, <c>evidenceLength</c> and <c>evidenceText</c> become its
/// <see cref="Evidence"/> (all four or none), every other property a qualifier.</item>
/// </list>
/// <para>In a script <c>id(n)</c> is the id the node's entity gets (for an entity the builder held or a node
/// labelled <c>Entity</c> with a string <c>id</c>), as in a query of the result.</para>
/// <para>What the builder held before the script is seen by it in the same shape (entities with ids as
/// <c>Entity</c> nodes, documents as <c>Document</c> nodes, evidence as those lists), so running an export
/// twice changes nothing. A MERGE-only script cannot hold two identical relations between the same nodes, nor
/// null properties: the export of such a graph reads back with one relation and without the nulls.</para>
/// </remarks>
/// <example><code>
/// var builder = new GraphBuilder(Schema.Open);
/// CypherScript.Apply(builder, """
///     MERGE (a:Person {name: 'Ann'}) SET a.age = 30;
///     MERGE (b:Person {name: 'Bob'});
///     MATCH (a:Person {name: 'Ann'}), (b:Person {name: 'Bob'}) MERGE (a)-[:KNOWS {since: 2020}]->(b);
///     """);
/// Graph g = builder.Build();
/// Graph back = CypherScript.Load(CypherWriter.ToCypher(Graph.LoadSeed())); // the export reads back
/// </code></example>
public static partial class CypherScript
{
    /// <summary>The kind given to a node created without labels: <c>(unlabeled)</c>.</summary>
    public const string UnlabeledKind = Values.UnlabeledKind;

    /// <summary>The source that schema violations name for what a script given as a string made: <c>&lt;string&gt;(3,17)</c>.</summary>
    private const string ScriptSource = "<string>";

    /// <summary>Runs a Cypher script (one or more <c>;</c>-separated statements) that writes to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder to write to. The script sees what it holds when the script starts.</param>
    /// <param name="cypher">The script, such as <c>CREATE (a:A {name: 'a'})-[:T]->(b:B); MERGE (c:C {id: 1})</c>.</param>
    /// <param name="parameters">Values for <c>$name</c> parameters, shared by every statement.</param>
    /// <param name="cancellationToken">Stops a long-running script.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="cypher"/> is null.</exception>
    /// <exception cref="QuerySyntaxException">The script does not parse; the message shows the line with a caret.</exception>
    /// <exception cref="QuerySemanticException">A statement is not meaningful, or the staging graph breaks the mapping's conventions (for example a relationship touching a document, or evidence lists of different lengths).</exception>
    /// <exception cref="QueryTypeException">A value has the wrong type while a statement runs (a map stored as a property, …), a DELETE leaves a node with relationships, or a statement reads a node or relationship it deleted.</exception>
    /// <exception cref="QueryLimitException">A statement exceeds a limit of <see cref="QueryOptions.Default"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static GraphBuilder Apply(GraphBuilder builder, string cypher, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cypher);
        var runner = new ScriptRunner(parameters, QueryOptions.Default, cancellationToken);
        ScriptMapping.Import(builder, runner.Graph);
        runner.Run(cypher);
        ScriptMapping.Commit(builder, runner.Graph, ScriptSource);
        return builder;
    }

    /// <summary>Runs a Cypher script against an empty builder and builds the graph: reads back what <see cref="IO.Cypher.CypherWriter"/> wrote.</summary>
    /// <param name="script">The script.</param>
    /// <param name="schema">The schema to build against; <see cref="Schema.Default"/> when null.</param>
    /// <param name="parameters">Values for <c>$name</c> parameters.</param>
    /// <param name="cancellationToken">Stops a long-running script.</param>
    /// <returns>The graph.</returns>
    /// <example><code>
    /// Graph back = CypherScript.Load(CypherWriter.ToCypher(graph), Schema.Open);
    /// </code></example>
    /// <exception cref="ArgumentNullException"><paramref name="script"/> is null.</exception>
    /// <exception cref="QuerySyntaxException">The script does not parse.</exception>
    /// <exception cref="QuerySemanticException">A statement is not meaningful, or the result breaks the mapping's conventions.</exception>
    /// <exception cref="QueryTypeException">A value has the wrong type while a statement runs.</exception>
    /// <exception cref="QueryLimitException">A statement exceeds a limit.</exception>
    /// <exception cref="SchemaViolationException">The graph breaks <paramref name="schema"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Graph Load(string script, Schema? schema = null, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var builder = new GraphBuilder(schema);
        Apply(builder, script, parameters, cancellationToken);
        return builder.Build();
    }

    /// <summary>
    /// The reader behind <see cref="GraphFormat.Cypher"/>: runs the script in the stream and builds the graph. A bad
    /// script raises <see cref="GraphFormatException"/> at the offending line and column (of the failing statement
    /// for errors found while it runs; of the pattern that created the node or relationship the final mapping
    /// refuses), with the query exception as its inner exception.
    /// </summary>
    internal static Graph Read(Stream stream, GraphReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= GraphReadOptions.Default;
        return ReadProgress.Track(stream, options, s => ReadCore(s, options, cancellationToken));
    }

    private static Graph ReadCore(Stream stream, GraphReadOptions options, CancellationToken cancellationToken)
    {
        string source = options.SourceName ?? "<stream>";
        string text;
        try
        {
            using var reader = new StreamReader(stream, TextOutput.Utf8, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException ex)
        {
            throw new GraphFormatException("Invalid UTF-8", new SourceLocation(source), ex.Message, "a UTF-8 Cypher script", ex);
        }

        var builder = new GraphBuilder(options.Schema);
        var runner = new ScriptRunner(null, QueryOptions.Default, cancellationToken);
        try
        {
            runner.Run(text);
            ScriptMapping.Commit(builder, runner.Graph, source);
        }
        catch (QuerySyntaxException ex)
        {
            throw new GraphFormatException("Cypher syntax error", new SourceLocation(source, ex.Line, ex.Column), ex.Found, ex.Expected, ex);
        }
        catch (QueryException ex)
        {
            var (line, column) = ex.Position;
            string message = ex.Message;
            int prefix = message.IndexOf(": ", StringComparison.Ordinal);
            if (line > 0 && prefix >= 0 && (message.StartsWith("In the statement at line ", StringComparison.Ordinal) || message.StartsWith("At line ", StringComparison.Ordinal)))
            {
                message = message[(prefix + 2)..];
            }

            throw new GraphFormatException("Cypher script failed: " + message.TrimEnd('.'), new SourceLocation(source, line, column), inner: ex);
        }

        return builder.Build(options.Lenient ? GraphBuildOptions.LenientMode : null);
    }
}
