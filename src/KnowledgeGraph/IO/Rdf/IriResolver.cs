using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.IO.Rdf;

/// <summary>
/// Relative IRI resolution as RFC 3986 section 5.2 gives it (the algorithm of 5.2.2, merge of 5.2.3, dot
/// segments removed as 5.2.4). An IRI that already has a scheme is returned as written.
/// </summary>
internal static class IriResolver
{
    // RFC 3986 appendix B.
    private static readonly Regex Parts = new(@"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>The IRI <paramref name="reference"/> resolved against <paramref name="baseIri"/>.</summary>
    public static string Resolve(string baseIri, string reference)
    {
        if (NQuadsParser.IsAbsolute(reference))
        {
            return reference;
        }

        var b = Parts.Match(baseIri);
        var r = Parts.Match(reference);
        string? authority, path, query;
        if (r.Groups[3].Success)
        {
            authority = r.Groups[4].Value;
            path = RemoveDotSegments(r.Groups[5].Value);
            query = r.Groups[6].Success ? r.Groups[7].Value : null;
        }
        else
        {
            string rPath = r.Groups[5].Value;
            if (rPath.Length == 0)
            {
                path = b.Groups[5].Value;
                query = r.Groups[6].Success ? r.Groups[7].Value : b.Groups[6].Success ? b.Groups[7].Value : null;
            }
            else
            {
                path = RemoveDotSegments(rPath[0] == '/' ? rPath : Merge(b, rPath));
                query = r.Groups[6].Success ? r.Groups[7].Value : null;
            }

            authority = b.Groups[3].Success ? b.Groups[4].Value : null;
        }

        var sb = new StringBuilder(baseIri.Length + reference.Length);
        if (b.Groups[1].Success)
        {
            sb.Append(b.Groups[2].Value).Append(':');
        }

        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }

        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }

        if (r.Groups[8].Success)
        {
            sb.Append('#').Append(r.Groups[9].Value);
        }

        return sb.ToString();
    }

    private static string Merge(Match b, string relativePath)
    {
        string basePath = b.Groups[5].Value;
        if (b.Groups[3].Success && basePath.Length == 0)
        {
            return "/" + relativePath;
        }

        int slash = basePath.LastIndexOf('/');
        return slash < 0 ? relativePath : basePath[..(slash + 1)] + relativePath;
    }

    /// <summary>RFC 3986 5.2.4.</summary>
    internal static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return path;
        }

        string input = path;
        var output = new StringBuilder(path.Length);
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal))
            {
                input = input[3..];
            }
            else if (input.StartsWith("./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input.StartsWith("/./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input == "/.")
            {
                input = "/";
            }
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input.Length == 3 ? "/" : input[3..];
                int last = output.ToString().LastIndexOf('/');
                output.Length = Math.Max(0, last);
            }
            else if (input is "." or "..")
            {
                input = string.Empty;
            }
            else
            {
                int start = input[0] == '/' ? 1 : 0;
                int next = input.IndexOf('/', start);
                if (next < 0)
                {
                    next = input.Length;
                }

                output.Append(input, 0, next);
                input = input[next..];
            }
        }

        return output.ToString();
    }
}
