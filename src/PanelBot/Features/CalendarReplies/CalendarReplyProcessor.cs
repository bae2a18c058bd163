using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PanelBot.Calendar;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Invitations;
using PanelBot.Features.Rsvp;
using PanelBot.Storage;

namespace PanelBot.Features.CalendarReplies;

/// <summary>
/// Applies an attendee's Accept / Tentative / Decline from their calendar (an iTIP REPLY, RFC 5546 §3.2.3) as their RSVP,
/// through the same change path as the chat (<see cref="RsvpChanges"/>): a freed seat promotes the waitlist. The UID
/// must be one of our events, the attendee someone we sent its invitation to, and From that attendee. A REPLY to an
/// older SEQUENCE still counts: the answer is about the same event.
/// </summary>
public sealed class CalendarReplyProcessor(
    PanelBotDbContext db,
    RsvpChanges changes,
    RsvpNotifier notifier,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<CalendarReplyProcessor> logger)
{
    private const string UidPrefix = "panelbot-event-";

    public async Task<ReplyOutcome> ProcessAsync(MimeMessage message, string source, CancellationToken ct, Func<Task>? applied = null)
    {
        if (ReplyMail.Find(message) is not { } reply)
        {
            logger.LogInformation("Mail {Source} holds no calendar reply; set aside", source);
            return ReplyOutcome.NotAReply;
        }

        var sender = ReplyMail.Sender(message);
        var attendee = reply.Attendees.FirstOrDefault(a => string.Equals(a.Email, sender, StringComparison.OrdinalIgnoreCase)) ?? reply.Attendees[0];
        if (EventIdOf(reply.Uid) is not { } eventId
            || await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, ct) is not { } ev
            || !await WasInvitedAsync(eventId, attendee.Email, ct))
        {
            logger.LogWarning("Calendar reply {Source} is for {Uid} from an attendee we did not invite; set aside", source, reply.Uid);
            return ReplyOutcome.Unknown;
        }

        if (!string.Equals(sender, attendee.Email, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Calendar reply {Source} for event {Number} names one attendee but comes from another sender; ignored", source, ev.Number);
            return ReplyOutcome.WrongSender;
        }

        if (ev.Status != Domain.Events.EventStatus.Published || Answer(attendee.PartStat) is not { } answer
            || await db.Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.Email != null)
                .ToListAsync(ct) is var registrations && registrations.FirstOrDefault(r => string.Equals(r.Email, attendee.Email, StringComparison.OrdinalIgnoreCase)) is not { } registration)
        {
            logger.LogInformation("Calendar reply {Source} for event {Number} ({PartStat}) does not change an RSVP; set aside", source, ev.Number, attendee.PartStat);
            return ReplyOutcome.NotApplicable;
        }

        var request = new RsvpRequest(registration.UserId, registration.UserName, answer, registration.Email, registration.ConversationId);
        var result = await changes.ApplyAsync(ev, registration.UserId, facts => RsvpBook.Answer(ev, facts, request, clock), ct);
        if (!result.IsSuccess)
        {
            logger.LogInformation("Calendar reply {Source} for event {Number} refused: {Reason}", source, ev.Number, result.ErrorMessage);
            return ReplyOutcome.NotApplicable;
        }

        logger.LogInformation("Calendar reply {Source}: {Answer} for event {Number} by registration {Registration}", source, answer, ev.Number, registration.Id);
        // The answer is committed: the source may mark it read now, so a shutdown during the chat notice below
        // cannot make it be read (and applied) again.
        if (applied is not null)
        {
            await applied();
        }

        if (result.Value is { IsNoChange: false, Registration: { } changed } outcome)
        {
            await notifier.TellCalendarAnswerAsync(ev, changed, outcome.WaitlistPlace, ct);
        }

        return ReplyOutcome.Applied;
    }

    private long? EventIdOf(string uid)
    {
        var domain = "@" + options.Value.Sender.Domain;
        if (!uid.StartsWith(UidPrefix, StringComparison.Ordinal) || !uid.EndsWith(domain, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = uid[UidPrefix.Length..^domain.Length];
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private Task<bool> WasInvitedAsync(long eventId, string email, CancellationToken ct)
    {
        var lower = email.ToLowerInvariant();
        return db.OutboxMessages.AnyAsync(m => m.EventId == eventId && m.Recipient.ToLower() == lower
            && InvitationKinds.CalendarKinds.Contains(m.Kind) && m.Kind != "cancel", ct);
    }

    private static RsvpAnswer? Answer(ParticipationStatus status) => status switch
    {
        ParticipationStatus.Accepted => RsvpAnswer.Going,
        ParticipationStatus.Tentative => RsvpAnswer.Maybe,
        ParticipationStatus.Declined => RsvpAnswer.No,
        _ => null,
    };
}
