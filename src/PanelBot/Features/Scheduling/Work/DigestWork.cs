using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Conversation;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.Scheduling.Delivery;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>
/// The organiser's daily digest of RSVP changes since the last one, only when there were changes: in the organiser's
/// 1:1 chat, else by email when their address is known.
/// </summary>
public sealed class DigestWork(PanelBotDbContext db, ScheduledEvents events, DeliveryLog log, PrivateLine line, ScheduledMail mail,
    TimeProvider clock, ILogger<DigestWork> logger)
{
    public async Task RunAsync(long eventId, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var ev = await events.FindAsync(eventId, ct);
        if (ev is not { Status: EventStatus.Published })
        {
            SchedulingLog.Skipped(logger, ScheduledKinds.Digest, eventId, dueAt, ev is null ? "event deleted" : "not published");
            return;
        }
        var now = clock.GetCurrentInstant();
        var settings = await db.EventSchedules.SingleOrDefaultAsync(s => s.EventId == eventId, ct);
        var since = settings?.LastDigestAt ?? ev.PublishedAt ?? ev.CreatedAt;
        var changes = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.AnsweredAt > since && r.AnsweredAt <= now)
            .ToListAsync(ct);
        if (changes.Count == 0) return;

        var text = Render(ev, changes.OrderBy(r => r.AnsweredAt).ToList(), await CountsAsync(ev, ct));
        var key = $"{ev.Id}:digest:{now.InZone(ev.Zone).Date:yyyy-MM-dd}";
        if ((await log.SentKeysAsync(ev.Id, ScheduledKinds.Digest, ct)).Contains(key)) return;

        // The digest names who answered what: it goes to the organiser 1:1, never to the channel the event was posted in.
        var row = log.Add(ev.Id, ScheduledKinds.Digest, key, DeliveryLog.Chat);
        if (!await log.TryCommitAsync(ct)) return;
        var delivery = await line.SendAsync(ev.CreatorId, new BotReply(text), null, ct);
        var delivered = delivery.Outcome == PrivateOutcome.Chat;
        if (!delivered) await log.ReleaseAsync([row], ct);
        if (!delivered && mail.IsAvailable && await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == ev.CreatorId, ct) is { Email: { } email } profile)
        {
            await mail.EnqueueAsync(ev.Id, ScheduledKinds.Digest, email, profile.Name, $"RSVP changes: {ev.Title}", text.Replace("**", ""), ct);
            log.Add(ev.Id, ScheduledKinds.Digest, key, DeliveryLog.Mail);
            delivered = await log.TryCommitAsync(ct);
        }
        if (!delivered) return;

        settings ??= db.EventSchedules.Add(new EventScheduleSettings { EventId = eventId }).Entity;
        settings.LastDigestAt = now;
        settings.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        SchedulingLog.Sent(logger, ScheduledKinds.Digest, eventId, delivery.Outcome == PrivateOutcome.Chat ? 1 : 0, delivery.Outcome == PrivateOutcome.Chat ? 0 : 1);
    }

    private async Task<RsvpCounts> CountsAsync(Event ev, CancellationToken ct) =>
        RsvpBook.Count(ev, await db.Registrations.AsNoTracking().Where(r => r.EventId == ev.Id).ToListAsync(ct));

    private static string Render(Event ev, IReadOnlyList<Registration> changes, RsvpCounts counts)
    {
        var text = new StringBuilder($"RSVP changes for **{ev.Reference} {ev.Title}** since the last digest:\n");
        foreach (var r in changes) text.Append($"- {r.UserName}: {r.State.ToString().ToLowerInvariant()}\n");
        text.Append($"Now {counts.Going} going, {counts.Maybe} maybe, {counts.No} can't go" + (counts.Waitlisted > 0 ? $", {counts.Waitlisted} waiting." : "."));
        return text.ToString();
    }
}
