using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Rsvp;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary>What to tell going participants: one chat text per conversation, one mail per person.</summary>
/// <param name="KeyPrefix">Identifies this message, e.g. <c>12:reminder:3d:1599656400</c>; the user and channel are appended.</param>
public sealed record AttendeeMessage(string Kind, string KeyPrefix, Func<IReadOnlyList<Registration>, string> ChatText,
    string MailSubject, Func<Registration, string> MailText);

/// <summary>
/// Delivers to each going participant once: by chat in the conversation where they answered (one message per
/// conversation, however many of them answered there) and by email through the outbox when their address is known.
/// </summary>
public sealed class AttendeeDelivery(RegistrationRepository registrations, DeliveryLog log, ChatSender chat, ScheduledMail mailer,
    ILogger<AttendeeDelivery> logger)
{
    public async Task<(int Chats, int Mails)> SendAsync(Event ev, AttendeeMessage message, CancellationToken ct, bool mail = true)
    {
        var going = (await registrations.ListAsync(ev, ct)).Where(r => r.State == RsvpState.Going).ToList();
        var sent = await log.SentKeysAsync(ev.Id, message.Kind, ct);

        // Chat: claim every conversation's keys in one commit, send, give back the claims of what could not be sent.
        var groups = going.Where(r => r.ConversationId is not null && !sent.Contains(Key(message, r, DeliveryLog.Chat)))
            .GroupBy(r => r.ConversationId!).ToList();
        var claims = groups.ToDictionary(g => g.Key,
            g => g.Select(r => (Registration: r, Row: log.Add(ev.Id, message.Kind, Key(message, r, DeliveryLog.Chat), DeliveryLog.Chat))).ToList());
        if (claims.Count > 0 && !await log.TryCommitAsync(ct))
        {
            // A re-run raced this one for some keys: claim conversation by conversation, keeping what is left.
            foreach (var group in groups) claims[group.Key] = await ClaimAsync(ev, message, group.ToList(), ct);
        }
        var texts = claims.Where(c => c.Value.Count > 0)
            .Select(c => (c.Key, message.ChatText(c.Value.Select(x => x.Registration).ToList()))).ToList();
        var failed = texts.Count == 0 ? new HashSet<string>() : await chat.SendAllAsync(texts, ct);
        if (failed.Count > 0) await log.ReleaseAsync(failed.SelectMany(id => claims[id].Select(x => x.Row)), ct);
        var chats = texts.Count - failed.Count;

        // Mail: each claim commits with its outbox message, all in one unit of work (per person when a re-run raced).
        List<Registration> withEmail = mail ? going.Where(r => r.Email is not null && !sent.Contains(Key(message, r, DeliveryLog.Mail))).ToList() : [];
        if (withEmail.Count == 0) return (chats, 0);
        if (!mailer.IsAvailable)
        {
            SchedulingLog.NoOutbox(logger, message.Kind, ev.Id);
            return (chats, 0);
        }
        foreach (var r in withEmail) await AddMailAsync(ev, message, r, ct);
        if (await log.TryCommitAsync(ct)) return (chats, withEmail.Count);
        var mails = 0;
        foreach (var r in withEmail)
        {
            await AddMailAsync(ev, message, r, ct);
            if (await log.TryCommitAsync(ct)) mails++;
        }
        return (chats, mails);
    }

    private async Task AddMailAsync(Event ev, AttendeeMessage message, Registration r, CancellationToken ct)
    {
        await mailer.EnqueueAsync(ev.Id, message.Kind, r.Email!, r.UserName, message.MailSubject, message.MailText(r), ct);
        log.Add(ev.Id, message.Kind, Key(message, r, DeliveryLog.Mail), DeliveryLog.Mail);
    }

    private async Task<List<(Registration Registration, ScheduledDelivery Row)>> ClaimAsync(Event ev, AttendeeMessage message,
        List<Registration> todo, CancellationToken ct)
    {
        var claimed = new List<(Registration, ScheduledDelivery)>();
        foreach (var r in todo)
        {
            var row = log.Add(ev.Id, message.Kind, Key(message, r, DeliveryLog.Chat), DeliveryLog.Chat);
            if (await log.TryCommitAsync(ct)) claimed.Add((r, row));
        }
        return claimed;
    }

    public static string Key(AttendeeMessage message, Registration r, string channel) => $"{message.KeyPrefix}:{r.UserId}:{channel}";
}
