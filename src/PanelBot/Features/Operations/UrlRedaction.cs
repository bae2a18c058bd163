using System.Text;
using System.Text.RegularExpressions;

namespace PanelBot.Features.Operations;

/// <summary>
/// URLs as spans may carry them. Our own routes are recorded by their template (an export or feed URL is a
/// credential); outgoing URLs keep scheme, host and the fixed words of the path, while ids, addresses and tokens
/// (the segment after conversations, members, activities or users, and anything that is not a plain word) become <c>{id}</c>. Query strings are dropped.
/// </summary>
public static partial class UrlRedaction
{
    public static string Outgoing(Uri url)
    {
        var path = new StringBuilder();
        var previous = "";
        foreach (var segment in url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var keep = PlainWord().IsMatch(segment) && !Collections.Contains(previous);
            path.Append('/').Append(keep ? segment : "{id}");
            previous = segment;
        }
        return $"{url.Scheme}://{url.Authority}{(path.Length == 0 ? "/" : path.ToString())}";
    }

    /// <summary>Path words after which the Bot Connector and Graph put an id (conversation, member, activity, mailbox).</summary>
    private static readonly HashSet<string> Collections = new(StringComparer.OrdinalIgnoreCase)
    {
        "conversations", "members", "activities", "attachments", "users", "teams", "channels", "messages",
    };

    public static string? RouteTemplate(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern: { Parameters.Count: > 0 } pattern } ? "/" + pattern.RawText?.TrimStart('/') : null;

    /// <summary>API words such as v3, conversations, activities, sendMail, v1.0; not ids, which carry digits runs, ':', '@' or '-'.</summary>
    [GeneratedRegex("^(?:v[0-9]+(?:\\.[0-9]+)?|[A-Za-z]{1,24})$")]
    private static partial Regex PlainWord();
}
