using System.Security.Cryptography;
using System.Text;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Features.Scheduling.Delivery;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>
/// The follow-up after the end: thanks and the after-event readings; run again when readings are added later, it
/// sends only the items nobody got yet. Each round is named by what it carries, so a re-run of a half-finished round
/// completes it (per-person keys) and a finished round is never repeated (event-level item keys).
/// </summary>
public sealed class FollowUpWork(ScheduledEvents events, AttendeeDelivery delivery, DeliveryLog log, ILogger<FollowUpWork> logger)
{
    public async Task RunAsync(long eventId, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var ev = await events.FindAsync(eventId, ct);
        if (ev is not { Status: EventStatus.Published or EventStatus.Completed })
        {
            SchedulingLog.Skipped(logger, ScheduledKinds.FollowUp, eventId, dueAt, ev is null ? "event deleted" : "not held");
            return;
        }
        var sent = await log.SentKeysAsync(ev.Id, ScheduledKinds.FollowUp, ct);
        var thanksKey = $"{ev.Id}:follow-up:thanks";
        var thanks = !sent.Contains(thanksKey);
        var items = ev.Readings.Where(r => r.Timing == ReadingTiming.After && !sent.Contains(ItemKey(ev, r))).ToList();
        if (!thanks && items.Count == 0)
        {
            return;
        }

        var round = thanks ? "thanks" : "items-" + Hash(string.Join("\n", items.Select(i => i.Url)));
        var message = new AttendeeMessage(ScheduledKinds.FollowUp, $"{ev.Id}:follow-up:{round}",
            people => ScheduledTexts.FollowUpChat(ev, people, thanks, items),
            ScheduledTexts.FollowUpSubject(ev, thanks),
            r => ScheduledTexts.FollowUpMail(ev, r, thanks, items));
        var (chats, mails) = await delivery.SendAsync(ev, message, ct);

        if (thanks)
        {
            log.Add(ev.Id, ScheduledKinds.FollowUp, thanksKey, "event");
        }

        foreach (var item in items)
        {
            log.Add(ev.Id, ScheduledKinds.FollowUp, ItemKey(ev, item), "event");
        }

        await log.TryCommitAsync(ct);
        SchedulingLog.Sent(logger, ScheduledKinds.FollowUp, eventId, chats, mails);
    }

    private static string ItemKey(Event ev, Reading reading) => $"{ev.Id}:follow-up:item:{Hash(reading.Url)}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
