using System.Text;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>The words of scheduled messages, chat (Markdown) and mail (plain text), in one place.</summary>
public static class ScheduledTexts
{
    public static string Names(IReadOnlyList<Registration> people) =>
        people.Count == 1 ? people[0].UserName : string.Join(", ", people.Take(people.Count - 1).Select(p => p.UserName)) + " and " + people[^1].UserName;

    public static string ReminderChat(Event ev, NodaTime.Duration offset, IReadOnlyList<Registration> people, string? joinUrl) =>
        $"Reminder for {Names(people)}: **{ev.Reference} {ev.Title}** starts in {ReminderOffsets.Describe(offset)}, {EventCard.When(ev)}." +
        Where(ev) + (joinUrl is null ? "" : $"\nJoin: {joinUrl}");

    public static string ReminderSubject(Event ev) => $"Reminder: {ev.Title}, {EventCard.When(ev)}";

    public static string ReminderMail(Event ev, NodaTime.Duration offset, Registration r, string? joinUrl)
    {
        var text = new StringBuilder($"Hello {r.UserName},\n\n{ev.Title} starts in {ReminderOffsets.Describe(offset)}: {EventCard.When(ev)}.\n");
        text.Append(Where(ev).TrimStart('\n'));
        if (joinUrl is not null)
        {
            text.Append($"\nJoin: {joinUrl}");
        }

        var before = ev.Readings.Where(x => x.Timing == ReadingTiming.Before).ToList();
        if (before.Count > 0)
        {
            text.Append("\n\nTo read before:\n");
            foreach (var reading in before)
            {
                text.Append($"- {Describe(reading)}\n");
            }
        }
        text.Append("\n\nYou get this because you answered that you're going. Change your answer in Teams at any time.\n");
        return text.ToString();
    }

    public static string ReleaseChat(Event ev, IReadOnlyList<Registration> people, OnlineMeeting meeting) =>
        $"{Names(people)}: here is the join link for **{ev.Reference} {ev.Title}** ({EventCard.When(ev)}): {meeting.JoinUrl}" +
        (meeting.Passcode is { } code ? $" (passcode {code})" : "") + (meeting.DialIn is { } dial ? $"\nDial-in: {dial}" : "");

    public static string FollowUpChat(Event ev, IReadOnlyList<Registration> people, bool thanks, IReadOnlyList<Reading> items)
    {
        var text = new StringBuilder(thanks
            ? $"Thank you for joining **{ev.Reference} {ev.Title}**, {Names(people)}!"
            : $"{Names(people)}: new material from **{ev.Reference} {ev.Title}**:");
        if (items.Count > 0)
        {
            if (thanks)
            {
                text.Append(" After the event:");
            }

            foreach (var reading in items)
            {
                text.Append($"\n- {Describe(reading)}");
            }
        }
        return text.ToString();
    }

    public static string FollowUpSubject(Event ev, bool thanks) => thanks ? $"Thank you for joining {ev.Title}" : $"New material: {ev.Title}";

    public static string FollowUpMail(Event ev, Registration r, bool thanks, IReadOnlyList<Reading> items)
    {
        var text = new StringBuilder($"Hello {r.UserName},\n\n");
        text.Append(thanks ? $"Thank you for joining {ev.Title} ({EventCard.When(ev)}).\n" : $"There is new material from {ev.Title}.\n");
        if (items.Count > 0)
        {
            text.Append("\nAfter the event:\n");
            foreach (var reading in items)
            {
                text.Append($"- {Describe(reading)}\n");
            }
        }
        return text.ToString();
    }

    public static string Briefing(Event ev, Speaker speaker)
    {
        var text = new StringBuilder($"Hello {speaker.Name},\n\nThank you for speaking at {ev.Title}. Here is your briefing.\n\n");
        text.Append($"When: {EventCard.When(ev)}\n");
        if (EventCard.WhenForViewer(ev, Domain.Time.SpeakerHours.ZoneOf(speaker)) is { } theirs)
        {
            text.Append($"Your time: {theirs}\n");
        }

        text.Append($"Where: {EventCard.Where(ev)}\n");
        if (ev.OnlineMeeting?.JoinUrl is { } url)
        {
            text.Append($"Join: {url}{(ev.OnlineMeeting.Passcode is { } code ? $" (passcode {code})" : "")}\n");
        }

        if (ev.Contact is { } contact)
        {
            text.Append($"Contact: {contact.Name}{(contact.Email is { } mail ? $" <{mail}>" : "")}\n");
        }

        text.Append($"Your role: {speaker.Role.ToString().ToLowerInvariant()}{(speaker.Topic is { } topic ? $", {topic}" : "")}\n");
        var moderator = ev.Speakers.FirstOrDefault(s => s.Role is SpeakerRole.Moderator or SpeakerRole.Chair);
        if (moderator is not null && moderator != speaker)
        {
            text.Append($"Moderator: {moderator}\n");
        }

        if (ev.Segments.Count > 0)
        {
            text.Append("\nRun of show:\n");
            var at = ev.Start;
            foreach (var segment in ev.Segments)
            {
                text.Append($"- {Domain.Time.TimeFormats.Time(at.TimeOfDay)} {segment.Title} ({segment.Minutes} min{(segment.Lead is { } lead ? $", {lead}" : "")})\n");
                at = at.PlusMinutes(segment.Minutes);
            }
        }
        var fellows = ev.SpeakersByRole().SelectMany(g => g.Speakers.Select(s => (g.Label, s))).Where(x => x.s != speaker).ToList();
        if (fellows.Count > 0)
        {
            text.Append("\nFellow speakers:\n");
            foreach (var (label, s) in fellows)
            {
                text.Append($"- {s} ({label})\n");
            }
        }
        var localTimes = Invitations.InvitationText.SpeakersLocalTimes(ev);
        if (localTimes.Count > 0)
        {
            text.Append($"\n{Invitations.InvitationText.SpeakersLocalTimesHeading}:\n");
            foreach (var line in localTimes)
            {
                text.Append($"- {line}\n");
            }
        }
        return text.ToString();
    }

    public static string Describe(Reading reading) =>
        reading.Title + (reading.Author is { } author ? $" ({author})" : "") + ": " + reading.Url;

    private static string Where(Event ev) => ev.Venue is null ? "" : $"\nWhere: {EventCard.Where(ev)}";
}
