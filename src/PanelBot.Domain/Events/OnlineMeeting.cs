namespace PanelBot.Domain.Events;

/// <summary>How to join online. <see cref="JoinUrl"/> is http(s) only and is released to attendees late (see JoinLinkReleaseDays).</summary>
public sealed record OnlineMeeting(string? Platform, string? JoinUrl, string? Passcode = null, string? DialIn = null)
{
    /// <summary>Guesses the platform from a join URL: Zoom, Teams, Webex, Google Meet, or null.</summary>
    public static string? PlatformFromUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host == "zoom.us" || host.EndsWith(".zoom.us", StringComparison.Ordinal))
        {
            return "Zoom";
        }

        if (host.StartsWith("teams.", StringComparison.Ordinal) && host.Contains("microsoft"))
        {
            return "Teams";
        }

        if (host.EndsWith("webex.com", StringComparison.Ordinal))
        {
            return "Webex";
        }

        if (host == "meet.google.com")
        {
            return "Google Meet";
        }

        return null;
    }
}
