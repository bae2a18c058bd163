using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Features.Scheduling.Delivery;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>The speaker briefing by email: run of show, fellow speakers, moderator, logistics.</summary>
public sealed class BriefingWork(ScheduledEvents events, DeliveryLog log, ScheduledMail mail, TimeProvider clock, ILogger<BriefingWork> logger)
{
    public async Task RunAsync(long eventId, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var ev = await events.FindAsync(eventId, ct);
        if (ev is not { Status: EventStatus.Published } || clock.GetCurrentInstant() >= ev.StartsAt)
        {
            SchedulingLog.Skipped(logger, ScheduledKinds.Briefing, eventId, dueAt, ev is null ? "event deleted" : "not published or started");
            return;
        }
        if (!mail.IsAvailable)
        {
            SchedulingLog.NoOutbox(logger, ScheduledKinds.Briefing, eventId);
            return;
        }
        var sent = await log.SentKeysAsync(ev.Id, ScheduledKinds.Briefing, ct);
        var mails = 0;
        foreach (var speaker in ev.Speakers.Where(s => s.Email is not null))
        {
            var key = $"{ev.Id}:briefing:{ev.StartsAt.ToUnixTimeSeconds()}:{speaker.Email!.ToLowerInvariant()}";
            if (sent.Contains(key)) continue;
            await mail.EnqueueAsync(ev.Id, ScheduledKinds.Briefing, speaker.Email, speaker.Name,
                $"Speaker briefing: {ev.Title}, {Events.EventCard.When(ev)}", ScheduledTexts.Briefing(ev, speaker), ct);
            log.Add(ev.Id, ScheduledKinds.Briefing, key, DeliveryLog.Mail);
            if (await log.TryCommitAsync(ct)) mails++;
        }
        SchedulingLog.Sent(logger, ScheduledKinds.Briefing, eventId, 0, mails);
    }
}
