using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Rsvp;
using PanelBot.Domain.Time;

namespace PanelBot.Features.Events;

/// <summary>The event card (Adaptive Card 1.5) and its plain-text twin for channels without cards.</summary>
public static class EventCard
{
    public const string RsvpVerb = "rsvp";
    public const string RefreshVerb = "refreshEvent";

    public static BotReply Render(Event ev, RsvpCounts counts, EventViewer viewer, CardSurface surface)
    {
        var text = RenderText(ev, counts, viewer);
        return new BotReply(text, RenderCard(ev, counts, viewer, surface, text));
    }

    public static JsonObject RenderCard(Event ev, RsvpCounts counts, EventViewer viewer, CardSurface surface, string? fallbackText = null)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text($"{KindLabel(ev)} · {ev.Reference}{StatusSuffix(ev)}", size: "Small", subtle: true, weight: "Bolder"),
            Ac.Text(ev.Title, size: "Large", weight: "Bolder"),
        };
        if (ev.Status == EventStatus.Cancelled)
        {
            body.Add(Ac.Text("Cancelled" + (ev.CancellationReason is { } r ? $": {r}" : "."), color: "Attention", weight: "Bolder"));
        }

        if (!string.IsNullOrWhiteSpace(ev.Summary))
        {
            body.Add(Ac.Text(ev.Summary!, subtle: true));
        }

        body.Add(Ac.Facts(Facts(ev, viewer)));
        if (!string.IsNullOrWhiteSpace(ev.Description))
        {
            body.Add(Ac.Text(ev.Description!, spacing: "Medium"));
        }

        foreach (var group in ev.SpeakersByRole())
        {
            body.Add(Ac.Heading(group.Label));
            foreach (var speaker in group.Speakers)
            {
                body.Add(Ac.Text(SpeakerLine(speaker), spacing: "Small"));
            }
        }
        if (SpeakersLocalTimes(ev, viewer) is { Count: > 0 } localTimes)
        {
            body.Add(Ac.Heading(LocalTimesHeading));
            foreach (var (line, inside) in localTimes)
            {
                body.Add(Ac.Text(line, spacing: "Small", color: inside ? null : "Attention"));
            }
        }
        if (ev.Segments.Count > 0)
        {
            body.Add(Ac.Heading("Run of show"));
            body.Add(Ac.Facts(RunOfShow(ev)));
        }
        var before = ev.Readings.Where(r => r.Timing == ReadingTiming.Before).ToList();
        if (before.Count > 0)
        {
            body.Add(Ac.Heading("Further reading"));
            foreach (var reading in before)
            {
                body.Add(Ac.Text(ReadingMarkdown(reading), spacing: "Small"));
            }
        }
        body.Add(Ac.Text(CountsLine(counts), spacing: "Medium", subtle: true, separator: true));
        if (viewer.Rsvp is { } state)
        {
            body.Add(Ac.Text(YourAnswer(state, viewer.WaitlistPosition), weight: "Bolder", color: "Accent"));
        }

        var actions = new List<JsonNode?>();
        if (ev.Status == EventStatus.Published)
        {
            actions.Add(RsvpAction(surface, ev, "Going", RsvpAnswer.Going, viewer.Rsvp is RsvpState.Going or RsvpState.Waitlisted or RsvpState.AwaitingApproval));
            actions.Add(RsvpAction(surface, ev, "Maybe", RsvpAnswer.Maybe, viewer.Rsvp == RsvpState.Maybe));
            actions.Add(RsvpAction(surface, ev, "Can't go", RsvpAnswer.No, viewer.Rsvp == RsvpState.No));
        }
        if (viewer.SeesJoinLink && ev.OnlineMeeting?.JoinUrl is { } joinUrl)
        {
            actions.Add(Ac.OpenUrl($"Join on {ev.OnlineMeeting.Platform ?? "the meeting"}", joinUrl));
        }

        if (viewer.Tools)
        {
            actions.AddRange(Forms.OrganiserTools.Actions(ev, surface));
        }

        var card = Ac.Card(body, actions, fallbackText);
        if (surface.UniversalActions && ev.Status is EventStatus.Published or EventStatus.Draft)
        {
            // Teams refreshes the card per viewer (their own RSVP, current counts, an organiser's tools) through this action.
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = RefreshVerb,
                    ["data"] = new JsonObject { ["event"] = ev.Number },
                },
                ["userIds"] = new JsonArray(RefreshUserIds(ev, viewer).Select(id => (JsonNode)id).ToArray()),
            };
        }
        return card;
    }

    /// <summary>
    /// Teams refreshes a card automatically for at most 60 listed users: the organisers, the viewer, then the
    /// participants in order of answering. Others can still refresh it from the card's menu. Teams matches these against
    /// its user ids (<c>from.id</c>), so person keys are given as the account id they were last seen with.
    /// </summary>
    public static IEnumerable<string> RefreshUserIds(Event ev, EventViewer viewer) =>
        new[] { ev.CreatorId }
            .Concat(ev.CoOrganisers.Select(o => o.UserId))
            .Concat(viewer.UserId is { } me ? [me] : [])
            .Concat(viewer.Participants)
            .Select(key => viewer.AccountIds.GetValueOrDefault(key) ?? UserKey.AccountIdOf(key))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(MaxRefreshUsers);

    public const int MaxRefreshUsers = 60;

    public static string RenderText(Event ev, RsvpCounts counts, EventViewer viewer)
    {
        var text = new StringBuilder();
        text.AppendLine($"**{ev.Title}** ({KindLabel(ev)} {ev.Reference}{StatusSuffix(ev)})");
        if (ev.Status == EventStatus.Cancelled)
        {
            text.AppendLine("Cancelled" + (ev.CancellationReason is { } r ? $": {r}" : "."));
        }

        if (!string.IsNullOrWhiteSpace(ev.Summary))
        {
            text.AppendLine(ev.Summary);
        }

        foreach (var (title, value) in Facts(ev, viewer))
        {
            text.AppendLine($"{title}: {value}");
        }

        if (!string.IsNullOrWhiteSpace(ev.Description))
        {
            text.AppendLine().AppendLine(ev.Description);
        }

        foreach (var group in ev.SpeakersByRole())
        {
            text.AppendLine().AppendLine($"{group.Label}:");
            foreach (var speaker in group.Speakers)
            {
                text.AppendLine($"- {SpeakerLine(speaker)}");
            }
        }
        if (SpeakersLocalTimes(ev, viewer) is { Count: > 0 } localTimes)
        {
            text.AppendLine().AppendLine($"{LocalTimesHeading}:");
            foreach (var (line, _) in localTimes)
            {
                text.AppendLine($"- {line}");
            }
        }
        if (ev.Segments.Count > 0)
        {
            text.AppendLine().AppendLine("Run of show:");
            foreach (var (title, value) in RunOfShow(ev))
            {
                text.AppendLine($"- {title} {value}");
            }
        }
        var before = ev.Readings.Where(r => r.Timing == ReadingTiming.Before).ToList();
        if (before.Count > 0)
        {
            text.AppendLine().AppendLine("Further reading:");
            foreach (var reading in before)
            {
                text.AppendLine($"- {ReadingMarkdown(reading)}");
            }
        }
        text.AppendLine().AppendLine(CountsLine(counts));
        if (viewer.Rsvp is { } state)
        {
            text.AppendLine(YourAnswer(state, viewer.WaitlistPosition));
        }

        if (viewer.SeesJoinLink && ev.OnlineMeeting?.JoinUrl is { } joinUrl)
        {
            text.AppendLine($"Join: {joinUrl}");
        }

        if (ev.Status == EventStatus.Published)
        {
            text.Append($"Answer with: rsvp {ev.Reference} going | maybe | no");
        }

        return text.ToString().TrimEnd();
    }

    public static string When(Event ev) =>
        $"{TimeFormats.LongDate(ev.Date)}, {TimeFormats.Time(ev.StartTime)}–{TimeFormats.Time(ev.EndTime)} " +
        $"{ev.TimeZoneId} ({TimeFormats.Utc(ev.Zone.GetUtcOffset(ev.StartsAt))})";

    /// <summary>The same times in the viewer's zone, or null when it is the event's zone or unknown.</summary>
    public static string? WhenForViewer(Event ev, DateTimeZone? zone)
    {
        if (zone is null || zone.Id == ev.TimeZoneId)
        {
            return null;
        }

        var start = ev.StartsAt.InZone(zone);
        var end = ev.EndsAt.InZone(zone);
        var date = start.Date == ev.Date ? "" : TimeFormats.LongDate(start.Date) + ", ";
        return $"{date}{TimeFormats.Time(start.TimeOfDay)}–{TimeFormats.Time(end.TimeOfDay)} ({zone.Id})";
    }

    public static string Where(Event ev)
    {
        var online = ev.OnlineMeeting is { } meeting ? $"Online ({meeting.Platform ?? "link to follow"})" : null;
        return (ev.Venue, online) switch
        {
            ({ } venue, { } o) => $"{venue} and {o}",
            ({ } venue, null) => venue.ToString(),
            (null, { } o) => o,
            _ => "To be announced",
        };
    }

    private static IEnumerable<(string, string)> Facts(Event ev, EventViewer viewer)
    {
        yield return ("When", When(ev));
        if (WhenForViewer(ev, viewer.Zone) is { } local)
        {
            yield return ("Your time", local);
        }

        yield return ("Where", Where(ev));
        yield return ("Recorded", ev.Recorded ? "Yes" : "No");
        if (ev.Hosts.Count > 0)
        {
            yield return ("Hosts", string.Join("; ", ev.Hosts));
        }

        if (ev.PartOf is { } partOf)
        {
            yield return ("Part of", partOf);
        }

        if (ev.Contact is { } contact)
        {
            yield return ("Contact", contact.ToString());
        }

        if (ev.Tags.Count > 0)
        {
            yield return ("Tags", string.Join(", ", ev.Tags));
        }

        if (ev.Capacity is { } capacity)
        {
            yield return ("Seats", capacity.ToString());
        }

        if (ev.RsvpDeadline is { } deadline)
        {
            yield return ("RSVP by", TimeFormats.DateTime(deadline));
        }

        if (ev.RegistrationMode == RegistrationMode.Approval)
        {
            yield return ("Registration", "Approved by the organisers");
        }

        if (ev.OnlineMeeting is not null && !viewer.SeesJoinLink)
        {
            yield return ("Join link", $"Sent to confirmed participants {ReleaseWhen(ev)}");
        }
    }

    private static string ReleaseWhen(Event ev) => ev.JoinLinkReleaseDays switch
    {
        0 => "on the day",
        1 => "1 day before",
        var days => $"{days} days before",
    };

    private static IEnumerable<(string, string)> RunOfShow(Event ev) =>
        ev.Segments.Select(s => (s.Title, $"{s.Minutes} min" + (s.Lead is { } lead ? $" · {lead}" : "")))
            .Append(("Fit", ev.CheckRunOfShow().Message));

    private const string LocalTimesHeading = "Speakers' local times";

    /// <summary>For organisers: "Lise Howard (presenter) - 09:00-10:30 in New York", marked when outside waking hours.</summary>
    private static IReadOnlyList<(string Line, bool Inside)> SpeakersLocalTimes(Event ev, EventViewer viewer)
    {
        if (!viewer.IsOrganiser)
        {
            return [];
        }

        return SpeakerHours.For(ev, viewer.SpeakerHours)
            .Select(s => (s.IsInside ? s.Line(ev.Date) : $"{s.Line(ev.Date)} (outside {viewer.SpeakerHours})", s.IsInside))
            .ToList();
    }

    private static string SpeakerLine(Speaker s)
    {
        var line = s.ToString();
        return s.Status is SpeakerStatus.Tbc ? line + " (tbc)"
            : s.Status is SpeakerStatus.Declined ? line + " (declined)"
            : line;
    }

    private static string ReadingMarkdown(Reading r)
    {
        var by = r.Author is { } author ? $" ({author})" : "";
        return $"[{EscapeLinkText(r.Title)}]({r.Url}){by}";
    }

    private static string EscapeLinkText(string text) => text.Replace("[", "\\[").Replace("]", "\\]");

    private static string CountsLine(RsvpCounts counts)
    {
        var parts = new List<string> { $"{counts.Going} going" };
        if (counts.Maybe > 0)
        {
            parts.Add($"{counts.Maybe} maybe");
        }

        if (counts.Waitlisted > 0)
        {
            parts.Add($"{counts.Waitlisted} on the waitlist");
        }

        if (counts.AwaitingApproval > 0)
        {
            parts.Add($"{counts.AwaitingApproval} awaiting approval");
        }

        if (counts.SeatsLeft is { } left)
        {
            parts.Add(left == 0 ? "full" : $"{left} seats left");
        }

        return string.Join(" · ", parts);
    }

    private static string YourAnswer(RsvpState state, int? position) => state switch
    {
        RsvpState.Going => "You're going.",
        RsvpState.Maybe => "You said maybe.",
        RsvpState.No => "You can't go.",
        RsvpState.Waitlisted => $"You're on the waitlist (number {position}).",
        RsvpState.AwaitingApproval => "Your registration is waiting for an organiser's approval.",
        _ => "",
    };

    private static string KindLabel(Event ev) => ev.Kind == EventKind.Webinar ? "Webinar" : "Panel";

    private static string StatusSuffix(Event ev) => ev.Status switch
    {
        EventStatus.Draft => " · draft",
        EventStatus.Completed => " · completed",
        _ => "",
    };

    private static JsonObject RsvpAction(CardSurface surface, Event ev, string title, RsvpAnswer answer, bool selected) =>
        Ac.Action(surface, selected ? $"✓ {title}" : title, RsvpVerb,
            new JsonObject { ["event"] = ev.Number, ["answer"] = answer.ToString().ToLowerInvariant() },
            style: selected ? "positive" : null);
}
