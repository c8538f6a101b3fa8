using System.Globalization;
using System.Text;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>N-Triples and Turtle terms, escaped as canonical N-Triples does.</summary>
internal static class RdfText
{
    /// <summary><c>&lt;iri&gt;</c>, with any character N-Triples forbids in an IRI as <c>\uXXXX</c>.</summary>
    public static void AppendIri(StringBuilder sb, string iri)
    {
        sb.Append('<');
        foreach (char c in iri)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('>');
    }

    /// <summary>
    /// A quoted literal: <c>"</c> and <c>\</c> escaped, backspace, tab, line feed, form feed and carriage return as
    /// <c>\b \t \n \f \r</c>, other control characters as <c>\uXXXX</c>, everything else as UTF-8.
    /// </summary>
    public static void AppendString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < ' ' || c == '\u007F')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>One N-Triples statement: subject, predicate, object, " .", and a line end.</summary>
    public static void AppendStatement(StringBuilder sb, Triple t)
    {
        AppendIri(sb, t.Subject);
        sb.Append(' ');
        AppendIri(sb, t.Predicate);
        sb.Append(' ');
        AppendObject(sb, t);
        sb.Append(" .\n");
    }

    /// <summary>The N-Triples form of a triple's object.</summary>
    public static void AppendObject(StringBuilder sb, Triple t, Func<string, string?>? compact = null)
    {
        if (!t.IsLiteral)
        {
            AppendTerm(sb, t.Object, compact);
            return;
        }

        AppendString(sb, t.Object);
        if (t.Datatype is not null)
        {
            sb.Append("^^");
            AppendTerm(sb, t.Datatype, compact);
        }
    }

    /// <summary>An IRI as a prefixed name when <paramref name="compact"/> gives one, else <c>&lt;iri&gt;</c>.</summary>
    public static void AppendTerm(StringBuilder sb, string iri, Func<string, string?>? compact)
    {
        string? name = compact?.Invoke(iri);
        if (name is null)
        {
            AppendIri(sb, iri);
        }
        else
        {
            sb.Append(name);
        }
    }

    /// <summary>A prefixed name (<c>schema:Person</c>) for an IRI in one of the declared namespaces whose local part is a plain word; else null.</summary>
    public static string? Compact(string iri)
    {
        foreach (var (prefix, ns) in RdfMapping.Prefixes)
        {
            if (iri.Length > ns.Length && iri.StartsWith(ns, StringComparison.Ordinal) && IsPlainWord(iri.AsSpan(ns.Length)))
            {
                return prefix + ":" + iri[ns.Length..];
            }
        }

        return null;
    }

    private static bool IsPlainWord(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || !(char.IsAsciiLetter(local[0]) || local[0] == '_'))
        {
            return false;
        }

        foreach (char c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
