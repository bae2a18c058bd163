using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.Scheduling.Delivery;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>
/// The organisers' daily digest of RSVP changes since the last one, only when there were changes: to the creator and
/// every co-organiser, each in their own 1:1 chat, else by email when their address is known.
/// </summary>
public sealed class DigestWork(PanelBotDbContext db, ScheduledEvents events, DeliveryLog log, PrivateLine line,
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
        if (changes.Count == 0)
        {
            return;
        }

        var text = Render(ev, changes.OrderBy(r => r.AnsweredAt).ToList(), await CountsAsync(ev, ct));
        var day = now.InZone(ev.Zone).Date;
        var sent = await log.SentKeysAsync(ev.Id, ScheduledKinds.Digest, ct);
        var claims = Organisers(ev).Where(id => !sent.Contains(Key(ev, day, id)))
            .Select(id => (UserId: id, Row: log.Add(ev.Id, ScheduledKinds.Digest, Key(ev, day, id), DeliveryLog.Chat)))
            .ToList();
        if (claims.Count == 0 || !await log.TryCommitAsync(ct))
        {
            return; // today's digest went out, or another run is sending it
        }

        // The digest names who answered what: it goes to each organiser 1:1, never to the channel the event was posted in.
        var mail = new PrivateMail($"RSVP changes: {ev.Title}", ScheduledKinds.Digest, ev.Id);
        var results = await line.SendAllAsync(claims.Select(c => new PrivateMessage(c.UserId, new BotReply(text), mail)).ToList(), ct);
        var undelivered = claims.Where(c => !results[c.UserId].Delivered).Select(c => c.Row).ToList();
        if (undelivered.Count > 0)
        {
            await log.ReleaseAsync(undelivered, ct);
        }

        foreach (var (userId, row) in claims.Where(c => results[c.UserId].Outcome == PrivateOutcome.Mail))
        {
            row.Channel = DeliveryLog.Mail;
        }

        if (undelivered.Count == claims.Count)
        {
            return; // nobody got it: the next digest carries these changes too
        }

        settings ??= db.EventSchedules.Add(new EventScheduleSettings { EventId = eventId }).Entity;
        settings.LastDigestAt = now;
        settings.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        SchedulingLog.Sent(logger, ScheduledKinds.Digest, eventId, results.Values.Count(r => r.Outcome == PrivateOutcome.Chat),
            results.Values.Count(r => r.Outcome == PrivateOutcome.Mail));
    }

    /// <summary>The creator first, then the co-organisers, each once.</summary>
    private static IEnumerable<string> Organisers(Event ev) =>
        new[] { ev.CreatorId }.Concat(ev.CoOrganisers.Select(o => o.UserId)).Distinct(StringComparer.Ordinal);

    private static string Key(Event ev, LocalDate day, string userId) => $"{ev.Id}:digest:{day:yyyy-MM-dd}:{userId}";

    private async Task<RsvpCounts> CountsAsync(Event ev, CancellationToken ct) =>
        RsvpBook.Count(ev, await db.Registrations.AsNoTracking().Where(r => r.EventId == ev.Id).ToListAsync(ct));

    private static string Render(Event ev, IReadOnlyList<Registration> changes, RsvpCounts counts)
    {
        var text = new StringBuilder($"RSVP changes for **{ev.Reference} {ev.Title}** since the last digest:\n");
        foreach (var r in changes)
        {
            text.Append($"- {r.UserName}: {r.State.ToString().ToLowerInvariant()}\n");
        }

        text.Append($"Now {counts.Going} going, {counts.Maybe} maybe, {counts.No} can't go" + (counts.Waitlisted > 0 ? $", {counts.Waitlisted} waiting." : "."));
        return text.ToString();
    }
}
