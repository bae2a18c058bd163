using System.Net;
using System.Text;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;
using PanelBot.Features.Events;

namespace PanelBot.Features.Invitations;

/// <summary>
/// The words of calendar mails. One list of (heading, lines) sections feeds the text body, the HTML body (every user
/// string HTML-encoded) and the iCalendar DESCRIPTION, so the three always say the same.
/// </summary>
public static class InvitationText
{
    public sealed record Section(string? Heading, IReadOnlyList<string> Lines, IReadOnlyList<(string Label, string Url)> Links);

    public static string Subject(Event ev, InvitationKind kind) => kind switch
    {
        InvitationKind.Invitation => $"Invitation: {ev.Title}",
        InvitationKind.Update => $"Updated invitation: {ev.Title}",
        InvitationKind.Release => $"Join link: {ev.Title}",
        InvitationKind.Cancel => $"Cancelled: {ev.Title}",
        _ => $"Removed from your calendar: {ev.Title}",
    } + $" ({TimeFormatsShort(ev)})";

    /// <param name="calendarAnswersRead">Whether Accept / Tentative / Decline in a calendar reach PanelBot (<c>Mail:Inbox</c>).</param>
    public static IReadOnlyList<Section> Sections(Event ev, Invitee to, InvitationKind kind, bool withJoinLink, bool calendarAnswersRead = false)
    {
        var sections = new List<Section> { new(null, [Lead(ev, to, kind)], []) };
        var when = new List<string> { EventCard.When(ev) };
        if (EventCard.WhenForViewer(ev, to.Zone) is { } theirs)
        {
            when.Add("Your time: " + theirs);
        }

        sections.Add(new("When", when, []));
        if (kind.IsCancel())
        {
            if (ev.CancellationReason is { } reason && kind == InvitationKind.Cancel)
            {
                sections.Add(new("Reason", [reason], []));
            }

            sections.Add(new(null, [kind == InvitationKind.Cancel
                ? "Your calendar app removes it when you open this message."
                : $"Changed your mind? Tell PanelBot: rsvp {ev.Reference} going"], []));
            return sections;
        }

        var where = new List<string> { Location(ev, withJoinLink) ?? "To be announced" };
        if (ev.OnlineMeeting is { JoinUrl: not null } meeting)
        {
            if (!withJoinLink)
            {
                where.Add($"The join link will follow {ReleaseWhen(ev)} the event.");
            }
            else
            {
                if (meeting.Passcode is { } passcode)
                {
                    where.Add("Passcode: " + passcode);
                }

                if (meeting.DialIn is { } dialIn)
                {
                    where.Add("Dial-in: " + dialIn);
                }
            }
        }
        sections.Add(new("Where", where, JoinLinks(ev, withJoinLink)));
        foreach (var group in ev.SpeakersByRole())
        {
            sections.Add(new(group.Label, group.Speakers.Select(s => s.ToString()).ToList(), []));
        }

        if (to.SpeakerRole is not null && SpeakersLocalTimes(ev) is { Count: > 0 } localTimes)
        {
            sections.Add(new(SpeakersLocalTimesHeading, localTimes, []));
        }

        var readings = ev.Readings.Where(r => r.Timing == ReadingTiming.Before).ToList();
        if (readings.Count > 0)
        {
            sections.Add(new("Before the event", [], readings.Select(r => (r.Author is null ? r.Title : $"{r.Title} ({r.Author})", r.Url)).ToList()));
        }

        sections.Add(new(null, [to.SpeakerRole is null
            ? calendarAnswersRead
                ? $"To change your answer, use Accept, Tentative or Decline in your calendar, or tell PanelBot in chat: rsvp {ev.Reference} no (or maybe)."
                : $"To change your answer, tell PanelBot in chat: rsvp {ev.Reference} no (or maybe). Your calendar buttons do not change your PanelBot RSVP."
            : $"If you can no longer take part, please tell the organisers{(ev.Contact is { } c ? $" ({c})" : "")}."], []));
        return sections;
    }

    public static string Text(IReadOnlyList<Section> sections)
    {
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            if (section.Heading is not null)
            {
                text.Append(section.Heading).Append(":\n");
            }

            foreach (var line in section.Lines)
            {
                text.Append(section.Heading is null ? "" : "  ").Append(line).Append('\n');
            }

            foreach (var (label, url) in section.Links)
            {
                text.Append("  ").Append(label).Append(": ").Append(url).Append('\n');
            }

            text.Append('\n');
        }
        return text.ToString().TrimEnd() + "\n";
    }

    public static string Html(string title, IReadOnlyList<Section> sections)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title)).Append("</title></head>\n<body style=\"font-family:sans-serif\">\n<h1>")
            .Append(Encode(title)).Append("</h1>\n");
        foreach (var section in sections)
        {
            if (section.Heading is not null)
            {
                html.Append("<h2>").Append(Encode(section.Heading)).Append("</h2>\n");
            }

            foreach (var line in section.Lines)
            {
                html.Append("<p>").Append(Encode(line)).Append("</p>\n");
            }

            if (section.Links.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var (label, url) in section.Links)
                {
                    html.Append("<li><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(label)).Append("</a></li>\n");
                }

                html.Append("</ul>\n");
            }
        }
        return html.Append("</body></html>\n").ToString();
    }

    public static string? Location(Event ev, bool withJoinLink)
    {
        var online = ev.OnlineMeeting is { } meeting
            ? withJoinLink && meeting.JoinUrl is { } url ? $"{meeting.Platform ?? "Online"}: {url}" : $"Online ({meeting.Platform ?? "link to follow"})"
            : null;
        var parts = new[] { ev.Venue?.ToString(), online }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>The DESCRIPTION of downloads and feeds: never the join link.</summary>
    public static string PublicDescription(Event ev, string? pageUrl)
    {
        var text = new StringBuilder();
        if (ev.Summary is { } summary)
        {
            text.Append(summary).Append("\n\n");
        }

        if (ev.Description is { } description)
        {
            text.Append(description).Append("\n\n");
        }

        foreach (var group in ev.SpeakersByRole())
        {
            text.Append(group.Label).Append(": ").Append(string.Join("; ", group.Speakers)).Append('\n');
        }

        if (ev.OnlineMeeting is not null)
        {
            text.Append("\nRegistered participants get the join link by email.\n");
        }

        if (pageUrl is not null)
        {
            text.Append(pageUrl).Append('\n');
        }

        return text.ToString().Trim();
    }

    public const string SpeakersLocalTimesHeading = "Speakers' local times";

    /// <summary>"Lise Howard (presenter) - 09:00-10:30 in New York" for each speaker whose zone is known.</summary>
    public static IReadOnlyList<string> SpeakersLocalTimes(Event ev) =>
        SpeakerHours.For(ev, WakingHours.Default).Select(s => s.Line(ev.Date)).ToList();

    private static string Lead(Event ev, Invitee to, InvitationKind kind)
    {
        var role = to.SpeakerRole is { } r ? $" as {SpeakerRoles.Label(r).ToLowerInvariant()}" : "";
        return kind switch
        {
            InvitationKind.Invitation when to.SpeakerRole is not null => $"Hello {to.Name}, you are on the programme of {ev.Title}{role}.",
            InvitationKind.Invitation => $"Hello {to.Name}, you're going to {ev.Title}. This invitation puts it in your calendar.",
            InvitationKind.Update => $"Hello {to.Name}, {ev.Title} has changed. Your calendar entry is updated{role}.",
            InvitationKind.Release => $"Hello {to.Name}, here is the join link for {ev.Title}.",
            InvitationKind.Cancel => $"Hello {to.Name}, {ev.Title} is cancelled.",
            _ => $"Hello {to.Name}, you're no longer registered for {ev.Title}, so it is removed from your calendar.",
        };
    }

    private static IReadOnlyList<(string, string)> JoinLinks(Event ev, bool withJoinLink)
    {
        if (!withJoinLink || ev.OnlineMeeting is not { JoinUrl: { } url } meeting)
        {
            return [];
        }

        return [($"Join on {meeting.Platform ?? "the web"}", url)];
    }

    private static string ReleaseWhen(Event ev) => ev.JoinLinkReleaseDays switch
    {
        0 => "on the day of",
        1 => "1 day before",
        var days => $"{days} days before",
    };

    private static string TimeFormatsShort(Event ev) =>
        $"{Domain.Time.TimeFormats.Date(ev.Date)} {Domain.Time.TimeFormats.Time(ev.StartTime)} {ev.TimeZoneId}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
