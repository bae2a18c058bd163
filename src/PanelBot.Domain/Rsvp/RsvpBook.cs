using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Text;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Rsvp;

/// <summary>
/// RSVP rules. Pure: the app loads the event and all its registrations inside a transaction, calls one method, and saves the
/// registrations it passed in (they are changed in place) plus the outcome's new or removed one. Validation happens first,
/// so a refused operation changes nothing.
/// </summary>
public static class RsvpBook
{
    /// <summary>Applies a participant's answer. A repeated identical answer is a no-change outcome (double clicks are harmless).</summary>
    public static DomainResult<RsvpOutcome> Answer(Event ev, IReadOnlyList<Registration> registrations, RsvpRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetCurrentInstant();
        if (CheckOpen(ev, now) is { } closed) return DomainResult<RsvpOutcome>.Fail("rsvp", closed);
        if (string.IsNullOrWhiteSpace(request.UserId))
            return DomainResult<RsvpOutcome>.Fail("rsvp", "I could not tell who you are; please try again from Teams.");
        if (request.Email is not null && TextRules.CheckEmail("email", request.Email) is { } badEmail)
            return DomainResult<RsvpOutcome>.Fail("email", badEmail);
        if (!Enum.IsDefined(request.Answer))
            return DomainResult<RsvpOutcome>.Fail("rsvp", "Answer going, maybe or no.");

        var all = registrations.ToList();
        var promoted = FillFreeSeats(ev, all, now);
        var existing = all.FirstOrDefault(r => r.UserId == request.UserId);
        var isNew = existing is null;
        var registration = existing ?? Registration.Create(ev.Id, request, now);
        if (isNew) all.Add(registration);
        else registration.UpdateContact(request);

        var previous = isNew ? (RsvpState?)null : registration.State;
        var target = Target(ev, all, previous, request.Answer);
        var changed = previous != target;
        if (changed)
        {
            registration.MoveTo(target, now);
            if (previous == RsvpState.Going) promoted.AddRange(FillFreeSeats(ev, all, now));
        }
        Renumber(all);
        var message = changed || isNew ? Describe(ev, registration) : Repeat(ev, registration);
        return DomainResult<RsvpOutcome>.Ok(new RsvpOutcome(
            registration, isNew, previous, changed, promoted, null, RsvpCounts.For(all, ev.Capacity), message));
    }

    /// <summary>An organiser approves a registration awaiting approval: Going if a seat is free, otherwise waitlisted.</summary>
    public static DomainResult<RsvpOutcome> Approve(Event ev, IReadOnlyList<Registration> registrations, string userId, string organiserId, TimeProvider clock) =>
        Decide(ev, registrations, userId, organiserId, clock, approve: true);

    /// <summary>An organiser declines a registration awaiting approval (or withdraws an approved one): the state becomes No.</summary>
    public static DomainResult<RsvpOutcome> Decline(Event ev, IReadOnlyList<Registration> registrations, string userId, string organiserId, TimeProvider clock) =>
        Decide(ev, registrations, userId, organiserId, clock, approve: false);

    /// <summary>Removes a user's registration altogether ("forget me"); frees their seat and renumbers the waitlist. Allowed at any time.</summary>
    public static DomainResult<RsvpOutcome> Withdraw(Event ev, IReadOnlyList<Registration> registrations, string userId, TimeProvider clock)
    {
        var now = clock.GetCurrentInstant();
        var all = registrations.ToList();
        var registration = all.FirstOrDefault(r => r.UserId == userId);
        if (registration is null)
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"You have no RSVP for {ev.Reference}.");
        all.Remove(registration);
        var promoted = ev.Status == EventStatus.Published && now < ev.StartsAt ? FillFreeSeats(ev, all, now) : [];
        Renumber(all);
        return DomainResult<RsvpOutcome>.Ok(new RsvpOutcome(
            null, false, registration.State, true, promoted, registration, RsvpCounts.For(all, ev.Capacity),
            $"Your RSVP for {ev.Reference} is removed."));
    }

    /// <summary>After the capacity grew (or seats freed otherwise): promotes from the waitlist and renumbers.</summary>
    public static IReadOnlyList<Registration> Rebalance(Event ev, IReadOnlyList<Registration> registrations, TimeProvider clock)
    {
        var all = registrations.ToList();
        var promoted = ev.Status == EventStatus.Published ? FillFreeSeats(ev, all, clock.GetCurrentInstant()) : [];
        Renumber(all);
        return promoted;
    }

    public static RsvpCounts Count(Event ev, IEnumerable<Registration> registrations) => RsvpCounts.For(registrations, ev.Capacity);

    /// <summary>Null when RSVPs are open, otherwise the reason they are not.</summary>
    public static string? CheckOpen(Event ev, Instant now) => ev.Status switch
    {
        EventStatus.Draft => $"{ev.Reference} is not published yet, so it does not take RSVPs.",
        EventStatus.Cancelled => $"{ev.Reference} was cancelled, so it no longer takes RSVPs.",
        EventStatus.Completed => $"{ev.Reference} is over.",
        _ when now >= ev.RsvpClosesAt => ev.RsvpDeadline is { } deadline
            ? $"RSVPs for {ev.Reference} closed on {TimeFormats.DateTime(deadline)} ({ev.TimeZoneId}). Contact the organiser{ContactHint(ev)} if you still want to come."
            : $"{ev.Reference} has started, so RSVPs are closed.",
        _ => null,
    };

    private static DomainResult<RsvpOutcome> Decide(Event ev, IReadOnlyList<Registration> registrations, string userId, string organiserId, TimeProvider clock, bool approve)
    {
        var now = clock.GetCurrentInstant();
        if (!ev.CanEdit(organiserId))
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"Only the organisers of {ev.Reference} can approve or decline registrations.");
        if (ev.IsReadOnly)
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"{ev.Reference} is {ev.Status.ToString().ToLowerInvariant()}; registrations can no longer change.");
        var all = registrations.ToList();
        var registration = all.FirstOrDefault(r => r.UserId == userId);
        if (registration is null)
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"That user has not registered for {ev.Reference}. Type attendees {ev.Reference} to see who has.");

        var previous = registration.State;
        RsvpState target;
        if (approve)
        {
            if (previous != RsvpState.AwaitingApproval)
                return DomainResult<RsvpOutcome>.Ok(new RsvpOutcome(registration, false, previous, false, [], null,
                    RsvpCounts.For(all, ev.Capacity), $"{registration.UserName} is not waiting for approval ({Label(previous)})."));
            target = HasFreeSeat(ev, all) ? RsvpState.Going : RsvpState.Waitlisted;
        }
        else
        {
            if (previous == RsvpState.No)
                return DomainResult<RsvpOutcome>.Ok(new RsvpOutcome(registration, false, previous, false, [], null,
                    RsvpCounts.For(all, ev.Capacity), $"{registration.UserName} is already not coming."));
            target = RsvpState.No;
        }
        registration.MoveTo(target, now);
        var promoted = previous == RsvpState.Going ? FillFreeSeats(ev, all, now) : [];
        Renumber(all);
        var message = approve
            ? target == RsvpState.Going ? $"{registration.UserName} is approved and going." : $"{registration.UserName} is approved and on the waitlist (number {registration.WaitlistPosition}): the event is full."
            : $"{registration.UserName}'s registration is declined.";
        return DomainResult<RsvpOutcome>.Ok(new RsvpOutcome(registration, false, previous, true, promoted, null, RsvpCounts.For(all, ev.Capacity), message));
    }

    private static RsvpState Target(Event ev, List<Registration> all, RsvpState? previous, RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.No => RsvpState.No,
        RsvpAnswer.Maybe => RsvpState.Maybe,
        // Already holding or queueing for a seat: saying "going" again keeps the place.
        _ when previous is RsvpState.Going or RsvpState.Waitlisted or RsvpState.AwaitingApproval => previous.Value,
        _ when ev.RegistrationMode == RegistrationMode.Approval => RsvpState.AwaitingApproval,
        _ => HasFreeSeat(ev, all) && !all.Any(r => r.State == RsvpState.Waitlisted) ? RsvpState.Going : RsvpState.Waitlisted,
    };

    private static bool HasFreeSeat(Event ev, List<Registration> all) =>
        ev.Capacity is not { } capacity || all.Count(r => r.State == RsvpState.Going) < capacity;

    private static List<Registration> FillFreeSeats(Event ev, List<Registration> all, Instant now)
    {
        var promoted = new List<Registration>();
        foreach (var next in Waitlist(all))
        {
            if (!HasFreeSeat(ev, all)) break;
            next.Promote(now);
            promoted.Add(next);
        }
        return promoted;
    }

    private static List<Registration> Waitlist(List<Registration> all) =>
        all.Where(r => r.State == RsvpState.Waitlisted)
            .OrderBy(r => r.WaitlistedAt ?? r.AnsweredAt)
            .ThenBy(r => r.WaitlistPosition ?? int.MaxValue)
            .ThenBy(r => r.Id)
            .ToList();

    private static void Renumber(List<Registration> all)
    {
        var position = 1;
        foreach (var r in Waitlist(all)) r.SetWaitlistPosition(position++);
        foreach (var r in all.Where(r => r.State != RsvpState.Waitlisted)) r.SetWaitlistPosition(null);
    }

    private static string Describe(Event ev, Registration r) => r.State switch
    {
        RsvpState.Going => $"You're going to {ev.Reference} {ev.Title}.",
        RsvpState.Maybe => $"You're a maybe for {ev.Reference}. Say going when you know.",
        RsvpState.No => $"You're not going to {ev.Reference}. You can change your mind until RSVPs close.",
        RsvpState.Waitlisted => $"{ev.Reference} is full: you're number {r.WaitlistPosition} on the waitlist. I'll tell you when a seat frees up.",
        _ => $"Your registration for {ev.Reference} waits for an organiser's approval. I'll tell you when they decide.",
    };

    private static string Repeat(Event ev, Registration r) => $"No change: {Label(r.State)} for {ev.Reference}" +
        (r.State == RsvpState.Waitlisted ? $" (number {r.WaitlistPosition} on the waitlist)." : ".");

    private static string Label(RsvpState state) => state switch
    {
        RsvpState.Going => "going",
        RsvpState.Maybe => "maybe",
        RsvpState.No => "not going",
        RsvpState.Waitlisted => "on the waitlist",
        _ => "awaiting approval",
    };

    private static string ContactHint(Event ev) => ev.Contact is { } c ? $" ({c})" : "";
}
