using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;
using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Features.People;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.Scheduling.Delivery;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>
/// The speaker briefing by email (run of show, fellow speakers, moderator, logistics), and in the speaker's 1:1 chat
/// too when they talk to the bot under the same address. It carries the join link, so never to a shared conversation.
/// </summary>
public sealed class BriefingWork(ScheduledEvents events, DeliveryLog log, ScheduledMail mail, PrivateLine line, PanelBotDbContext db,
    TimeProvider clock, ILogger<BriefingWork> logger)
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
            if (sent.Contains(key))
            {
                continue;
            }

            await mail.EnqueueAsync(ev.Id, ScheduledKinds.Briefing, speaker.Email, speaker.Name,
                $"Speaker briefing: {ev.Title}, {Events.EventCard.When(ev)}", ScheduledTexts.Briefing(ev, speaker), ct);
            log.Add(ev.Id, ScheduledKinds.Briefing, key, DeliveryLog.Mail);
            if (await log.TryCommitAsync(ct))
            {
                mails++;
            }
        }
        var chats = await ChatAsync(ev, sent, ct);
        SchedulingLog.Sent(logger, ScheduledKinds.Briefing, eventId, chats, mails);
    }

    private async Task<int> ChatAsync(Event ev, HashSet<string> sent, CancellationToken ct)
    {
        var chats = 0;
        foreach (var speaker in ev.Speakers.Where(s => s.Email is not null))
        {
            var email = speaker.Email!.ToLowerInvariant();
            var userId = await db.UserProfiles.AsNoTracking().Where(p => p.Email != null && p.Email.ToLower() == email)
                .Select(p => p.UserId).FirstOrDefaultAsync(ct);
            var key = $"{ev.Id}:briefing:{ev.StartsAt.ToUnixTimeSeconds()}:{email}:chat";
            if (userId is null || sent.Contains(key))
            {
                continue;
            }

            var row = log.Add(ev.Id, ScheduledKinds.Briefing, key, DeliveryLog.Chat);
            if (!await log.TryCommitAsync(ct))
            {
                continue;
            }

            var delivery = await line.SendAsync(userId, new BotReply(ScheduledTexts.Briefing(ev, speaker)), null, ct);
            if (delivery.Outcome == PrivateOutcome.Chat)
            {
                chats++;
            }
            else if (delivery.Outcome == PrivateOutcome.Failed)
            {
                await log.ReleaseAsync([row], ct);
            }
        }
        return chats;
    }
}
