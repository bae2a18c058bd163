using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.Rsvp;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary>What to tell going participants: one chat text and one mail per person.</summary>
/// <param name="KeyPrefix">Identifies this message, e.g. <c>12:reminder:3d:1599656400</c>; the user and channel are appended.</param>
public sealed record AttendeeMessage(string Kind, string KeyPrefix, Func<IReadOnlyList<Registration>, string> ChatText,
    string MailSubject, Func<Registration, string> MailText);

/// <summary>
/// Delivers to each going participant once: by chat in their own 1:1 chat with the bot (never where they answered,
/// which may be a channel or group chat) and by email through the outbox when their address is known.
/// </summary>
public sealed class AttendeeDelivery(RegistrationRepository registrations, DeliveryLog log, PrivateLine line, OrganiserNotice organisers,
    ScheduledMail mailer, ILogger<AttendeeDelivery> logger)
{
    public async Task<(int Chats, int Mails)> SendAsync(Event ev, AttendeeMessage message, CancellationToken ct, bool mail = true)
    {
        var going = (await registrations.ListAsync(ev, ct)).Where(r => r.State == RsvpState.Going).ToList();
        var sent = await log.SentKeysAsync(ev.Id, message.Kind, ct);

        // Chat: claim every person's key in one commit, send, give back the claims of what failed for now.
        var todo = going.Where(r => !sent.Contains(Key(message, r, DeliveryLog.Chat))).ToList();
        var claims = todo.Select(r => (Registration: r, Row: log.Add(ev.Id, message.Kind, Key(message, r, DeliveryLog.Chat), DeliveryLog.Chat))).ToList();
        if (claims.Count > 0 && !await log.TryCommitAsync(ct))
        {
            // A re-run raced this one for some keys: claim person by person, keeping what is left.
            claims = await ClaimAsync(ev, message, todo, ct);
        }
        var chats = 0;
        if (claims.Count > 0)
        {
            var results = await line.SendAllAsync(
                claims.Select(c => new PrivateMessage(c.Registration.UserId, new BotReply(message.ChatText([c.Registration])))).ToList(), ct);
            var failed = claims.Where(c => results[c.Registration.UserId].Outcome == PrivateOutcome.Failed).Select(c => c.Row).ToList();
            if (failed.Count > 0)
            {
                await log.ReleaseAsync(failed, ct);
            }

            chats = results.Values.Count(r => r.Outcome == PrivateOutcome.Chat);
            // Someone Teams will not let us reach 1:1 keeps the claim (nothing is gained by trying again); email is
            // their way (the reminder mail, or the updated invitation that carries the link), and the organiser hears of it.
            await organisers.UnreachableAsync(ev, What(message.Kind), claims.Select(c => (c.Registration.UserId, c.Registration.UserName,
                results[c.Registration.UserId] is { Outcome: PrivateOutcome.Unreachable } d && c.Registration.Email is not null
                    ? d with { Outcome = PrivateOutcome.Mail }
                    : results[c.Registration.UserId])), ct);
        }

        // Mail: each claim commits with its outbox message, all in one unit of work (per person when a re-run raced).
        List<Registration> withEmail = mail ? going.Where(r => r.Email is not null && !sent.Contains(Key(message, r, DeliveryLog.Mail))).ToList() : [];
        if (withEmail.Count == 0)
        {
            return (chats, 0);
        }

        if (!mailer.IsAvailable)
        {
            SchedulingLog.NoOutbox(logger, message.Kind, ev.Id);
            return (chats, 0);
        }
        foreach (var r in withEmail)
        {
            await AddMailAsync(ev, message, r, ct);
        }

        if (await log.TryCommitAsync(ct))
        {
            return (chats, withEmail.Count);
        }

        var mails = 0;
        foreach (var r in withEmail)
        {
            await AddMailAsync(ev, message, r, ct);
            if (await log.TryCommitAsync(ct))
            {
                mails++;
            }
        }
        return (chats, mails);
    }

    private static string What(string kind) => kind switch
    {
        ScheduledKinds.Reminder => "the reminder",
        ScheduledKinds.Release => "the join link",
        ScheduledKinds.FollowUp => "the follow-up",
        _ => "a message",
    };

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
            if (await log.TryCommitAsync(ct))
            {
                claimed.Add((r, row));
            }
        }
        return claimed;
    }

    public static string Key(AttendeeMessage message, Registration r, string channel) => $"{message.KeyPrefix}:{r.UserId}:{channel}";
}
