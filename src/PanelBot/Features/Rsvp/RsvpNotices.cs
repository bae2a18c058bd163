using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Features.TeamsQueue;

namespace PanelBot.Features.Rsvp;

/// <summary>What participants are told about their registration without asking (promotion, approval), and its words.</summary>
public static class RsvpNotices
{
    public static PersonalNotice Promoted(Event ev, Registration promoted) =>
        new(NoticeKind.Promoted, ev.Id, promoted.UserId, promoted.UserName, promoted.ConversationId);

    /// <param name="waitlistPlace">The registration's place in line after the decision, when waiting (<see cref="RsvpOutcome.WaitlistPlace"/>).</param>
    public static PersonalNotice Decision(Event ev, Registration registration, int? waitlistPlace, bool approved) =>
        new(!approved ? NoticeKind.Declined : registration.State == RsvpState.Waitlisted ? NoticeKind.ApprovedWaitlisted : NoticeKind.Approved,
            ev.Id, registration.UserId, registration.UserName, registration.ConversationId, waitlistPlace);

    public static string Text(Event ev, PersonalNotice notice) => notice.Kind switch
    {
        NoticeKind.Promoted => $"Good news, {notice.UserName}: a seat is free and you're now going to {ev.Reference} " +
                               $"{ev.Title} ({EventCard.When(ev)}).",
        NoticeKind.ApprovedWaitlisted => $"Your registration for {ev.Reference} {ev.Title} is approved. The event is full, so you're on the waitlist (number {notice.WaitlistPosition}).",
        NoticeKind.Approved => $"Your registration for {ev.Reference} {ev.Title} is approved: you're going ({EventCard.When(ev)}).",
        _ => $"Sorry, the organisers of {ev.Reference} {ev.Title} could not accept your registration.",
    };
}
