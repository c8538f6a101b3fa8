using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Algorithms;

public sealed partial class GraphDiff
{
    /// <summary>The deepest nesting of lists in a property value that <see cref="ToText"/> and <see cref="ToJson"/> write.</summary>
    public const int MaxValueDepth = 64;

    /// <summary>
    /// The diff as text, one line per item: a summary line, then documents, entities and relations,
    /// each section added (<c>+</c>), removed (<c>-</c>) and changed (<c>~</c>, with an indented line
    /// per field that differs). Strings are quoted with JSON escapes, so every item is one line.
    /// </summary>
    /// <returns>The text, ending with <c>\n</c>; <c>no differences\n</c> for an empty diff.</returns>
    /// <example><code>
    /// ~ entity person:mark-rutte
    ///     name: "Mark Rutte" → "Mark Rutte (NATO)"
    ///     aliases: + "Mr. Rutte"
    /// + relation (person:mark-rutte)-[PRAISES]->(person:donald-trump)
    /// </code></example>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(ToString()).Append('\n');
        foreach (var d in AddedDocuments)
        {
            sb.Append("+ document ").Append(Quote(d.Id)).Append(" title ").Append(Quote(d.Title)).Append('\n');
        }

        foreach (var d in RemovedDocuments)
        {
            sb.Append("- document ").Append(Quote(d.Id)).Append('\n');
        }

        foreach (var (before, after) in ChangedDocuments)
        {
            sb.Append("~ document ").Append(Quote(before.Id)).Append('\n');
            Field(sb, "title", before.Title, after.Title);
            Field(sb, "text", before.Text, after.Text);
        }

        foreach (var e in AddedEntities)
        {
            sb.Append("+ entity ").Append(e.Id.Value).Append(' ').Append(e.Kind.Name).Append(' ').Append(Quote(e.Name)).Append('\n');
        }

        foreach (var e in RemovedEntities)
        {
            sb.Append("- entity ").Append(e.Id.Value).Append('\n');
        }

        foreach (var (before, after) in ChangedEntities)
        {
            sb.Append("~ entity ").Append(before.Id.Value).Append('\n');
            Field(sb, "kind", before.Kind.Name, after.Kind.Name);
            Field(sb, "name", before.Name, after.Name);
            Set(sb, "aliases", before.Aliases, after.Aliases);
            Set(sb, "labels", before.Labels, after.Labels);
            Properties(sb, "property", before.Properties, after.Properties);
        }

        foreach (var r in AddedRelations)
        {
            sb.Append("+ relation ").Append(r).Append(Details(r)).Append('\n');
        }

        foreach (var r in RemovedRelations)
        {
            sb.Append("- relation ").Append(r).Append(Details(r)).Append('\n');
        }

        foreach (var (before, after) in ChangedRelations)
        {
            sb.Append("~ relation ").Append(before).Append('\n');
            Properties(sb, "qualifier", before.Qualifiers, after.Qualifiers);
            Set(sb, "evidence", before.Evidence.Select(EvidenceText), after.Evidence.Select(EvidenceText));
        }

        return sb.ToString();
    }

    private static string Details(Relation r)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in r.Qualifiers)
        {
            sb.Append(' ').Append(Quote(key)).Append('=').Append(ValueText(value));
        }

        if (!r.Evidence.IsEmpty)
        {
            sb.Append(CultureInfo.InvariantCulture, $" evidence {r.Evidence.Length}");
        }

        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string name, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            sb.Append("    ").Append(name).Append(": ").Append(Quote(before)).Append(" → ").Append(Quote(after)).Append('\n');
        }
    }

    private static void Set(StringBuilder sb, string name, IEnumerable<string> before, IEnumerable<string> after)
    {
        var left = before.ToList();
        var right = after.ToList();
        var gone = left.Except(right, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var come = right.Except(left, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (gone.Count == 0 && come.Count == 0)
        {
            return;
        }

        var parts = come.Select(x => "+ " + Quote(x)).Concat(gone.Select(x => "- " + Quote(x)));
        sb.Append("    ").Append(name).Append(": ").Append(string.Join("; ", parts)).Append('\n');
    }

    private static void Properties(StringBuilder sb, string name, PropertyMap before, PropertyMap after)
    {
        foreach (string key in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            bool had = before.TryGetValue(key, out var old), has = after.TryGetValue(key, out var now);
            if (had && has && old.Equals(now))
            {
                continue;
            }

            sb.Append("    ").Append(name).Append(' ').Append(Quote(key)).Append(": ");
            sb.Append(had ? ValueText(old) : "(none)").Append(" → ").Append(has ? ValueText(now) : "(none)").Append('\n');
        }
    }

    private static string EvidenceText(Evidence e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Document}[{e.Start}+{e.Length}] {e.Text}");

    private static string ValueText(PropertyValue value) => ValueText(value, 0);

    private static string ValueText(PropertyValue value, int depth) => CheckDepth(depth) ?? value.Kind switch
    {
        PropertyValueKind.Null => "null",
        PropertyValueKind.Boolean => value.AsBoolean ? "true" : "false",
        PropertyValueKind.Integer => value.AsInteger.ToString(CultureInfo.InvariantCulture),
        PropertyValueKind.Float => value.AsFloat.ToString("R", CultureInfo.InvariantCulture),
        PropertyValueKind.String => Quote(value.AsString),
        PropertyValueKind.Temporal => TemporalFormat.KindName(value.AsTemporal.Kind) + "(" + Quote(value.AsTemporal.ToString()) + ")",
        _ => "[" + string.Join(", ", value.AsList.Select(v => ValueText(v, depth + 1))) + "]",
    };

    /// <summary>Property lists nest at most <see cref="MaxValueDepth"/> deep (the readers' own limit); returns null.</summary>
    private static string? CheckDepth(int depth) => depth <= MaxValueDepth
        ? null
        : throw new NotSupportedException($"A property value nests lists {depth} deep; the diff writes at most {MaxValueDepth} levels.");

    /// <summary>A string in double quotes with JSON escapes (control characters, quotes, backslashes, line separators).</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u007f')
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
