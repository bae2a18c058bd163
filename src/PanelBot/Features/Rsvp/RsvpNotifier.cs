using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.TeamsQueue;

namespace PanelBot.Features.Rsvp;

/// <summary>
/// Tells participants what happened to their registration without them asking (promotion, approval): always 1:1,
/// never where they answered (that may be a channel), by email when Teams will not open a private chat. Changes queue
/// these as <see cref="PersonalNotice"/>s; the background queue delivers them here.
/// </summary>
public sealed class RsvpNotifier(PrivateLine line, OrganiserNotice organisers)
{
    public const string PromotionKind = "promotion";
    public const string DecisionKind = "decision";

    public Task TellPromotedAsync(Event ev, Registration promoted, CancellationToken ct) =>
        TellAsync(ev, promoted, $"Good news, {promoted.UserName}: a seat is free and you're now going to {ev.Reference} " +
                                $"{ev.Title} ({EventCard.When(ev)}).", $"You're going: {ev.Title}", PromotionKind, ct);

    /// <summary>
    /// The answer someone gave in their calendar, confirmed in their 1:1 chat only: no mail fallback, since they just
    /// wrote by mail and answering a calendar reply by mail invites auto-reply loops (RFC 3834).
    /// </summary>
    public Task<PrivateDelivery> TellCalendarAnswerAsync(Event ev, Registration registration, int? waitlistPlace, CancellationToken ct) =>
        line.SendAsync(registration.UserId, new BotReply(registration.State switch
        {
            RsvpState.Going => $"I've recorded the answer from your calendar: you're going to {ev.Reference} {ev.Title} ({EventCard.When(ev)}).",
            RsvpState.Waitlisted => $"I've recorded the answer from your calendar for {ev.Reference} {ev.Title}: it is full, so you're on the waitlist (number {waitlistPlace}).",
            RsvpState.Maybe => $"I've recorded the answer from your calendar: maybe for {ev.Reference} {ev.Title}.",
            _ => $"I've recorded the answer from your calendar: you're not going to {ev.Reference} {ev.Title}. Changed your mind? rsvp {ev.Reference} going",
        }), mailFallback: null, ct);

    /// <summary>A notice the background queue kept (what to say was decided when the change was saved).</summary>
    public Task TellAsync(Event ev, PersonalNotice notice, CancellationToken ct) =>
        Deliver(ev, notice.UserId, notice.UserName, RsvpNotices.Text(ev, notice),
            notice.Kind == NoticeKind.Promoted ? $"You're going: {ev.Title}" : $"Your registration: {ev.Title}",
            notice.Kind == NoticeKind.Promoted ? PromotionKind : DecisionKind, ct);

    private Task TellAsync(Event ev, Registration registration, string text, string subject, string kind, CancellationToken ct) =>
        Deliver(ev, registration.UserId, registration.UserName, text, subject, kind, ct);

    private async Task Deliver(Event ev, string userId, string userName, string text, string subject, string kind, CancellationToken ct)
    {
        var delivery = await line.SendAsync(userId, new BotReply(text), new PrivateMail(subject, kind, ev.Id), ct);
        await organisers.UnreachableAsync(ev, kind == PromotionKind ? "the news of their promotion" : "your decision",
            [(userId, userName, delivery)], ct);
    }
}
