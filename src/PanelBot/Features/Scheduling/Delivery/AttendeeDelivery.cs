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
        var chats = 0;
        foreach (var conversation in going.Where(r => r.ConversationId is not null).GroupBy(r => r.ConversationId!))
        {
            var todo = conversation.Where(r => !sent.Contains(Key(message, r, DeliveryLog.Chat))).ToList();
            if (todo.Count == 0) continue;
            var claimed = await ClaimAsync(ev, message, todo, ct);
            if (claimed.Count == 0) continue;
            if (await chat.SendAsync(conversation.Key, message.ChatText(claimed.Select(c => c.Registration).ToList()), ct)) chats++;
            else await log.ReleaseAsync(claimed.Select(c => c.Row), ct);
        }

        var mails = 0;
        List<Registration> withEmail = mail ? going.Where(r => r.Email is not null && !sent.Contains(Key(message, r, DeliveryLog.Mail))).ToList() : [];
        if (withEmail.Count > 0 && !mailer.IsAvailable) SchedulingLog.NoOutbox(logger, message.Kind, ev.Id);
        else
        {
            foreach (var r in withEmail)
            {
                // The claim and the mail commit together: either both are recorded or neither.
                await mailer.EnqueueAsync(ev.Id, message.Kind, r.Email!, r.UserName, message.MailSubject, message.MailText(r), ct);
                log.Add(ev.Id, message.Kind, Key(message, r, DeliveryLog.Mail), DeliveryLog.Mail);
                if (await log.TryCommitAsync(ct)) mails++;
            }
        }
        return (chats, mails);
    }

    private async Task<List<(Registration Registration, ScheduledDelivery Row)>> ClaimAsync(Event ev, AttendeeMessage message,
        List<Registration> todo, CancellationToken ct)
    {
        var rows = todo.Select(r => (r, log.Add(ev.Id, message.Kind, Key(message, r, DeliveryLog.Chat), DeliveryLog.Chat))).ToList();
        if (await log.TryCommitAsync(ct)) return rows;
        // Someone else claimed some of them (a re-run racing this one): claim one by one and keep what is left.
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
