using NodaTime;
using NodaTime.Extensions;
using PanelBot.Features.Operations;
using PanelBot.Features.Scheduling.Delivery;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>A reminder to going participants, if it is still useful: before the start and at its time.</summary>
public sealed class ReminderWork(ScheduledEvents events, AttendeeDelivery delivery, TimeProvider clock, PanelBotMetrics metrics, ILogger<ReminderWork> logger)
{
    public async Task RunAsync(long eventId, Duration offset, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var ev = await events.FindAsync(eventId, ct);
        var now = clock.GetCurrentInstant();
        if (ev is null || !SchedulePlanner.IsReminderUseful(ev, offset, now))
        {
            var reason = ev is null ? "event deleted" : now >= ev.StartsAt ? "the event has started" : $"the event is {ev.Status} or moved";
            SchedulingLog.Skipped(logger, ScheduledKinds.Reminder, eventId, dueAt, reason);
            return;
        }
        var joinUrl = ev.IsJoinLinkReleased(now) ? ev.OnlineMeeting?.JoinUrl : null;
        var message = new AttendeeMessage(ScheduledKinds.Reminder,
            $"{ev.Id}:reminder:{ReminderOffsets.Format(offset)}:{ev.StartsAt.ToUnixTimeSeconds()}",
            people => ScheduledTexts.ReminderChat(ev, offset, people, joinUrl),
            ScheduledTexts.ReminderSubject(ev),
            r => ScheduledTexts.ReminderMail(ev, offset, r, joinUrl));
        var (chats, mails) = await delivery.SendAsync(ev, message, ct);
        // Late against the reminder's own time (start minus offset), which a misfire re-fire does not move.
        metrics.ReminderFired((now - (ev.StartsAt - offset)).ToTimeSpan(), chats, mails);
        SchedulingLog.Sent(logger, ScheduledKinds.Reminder, eventId, chats, mails);
    }
}
