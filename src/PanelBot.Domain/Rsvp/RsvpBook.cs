using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Text;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Rsvp;

/// <summary>
/// RSVP rules. Pure, and over the facts a change needs rather than every registration: the app, inside a transaction
/// that holds the event's lock, loads <see cref="RsvpFacts"/> (the user's registration, the counts and the first
/// <see cref="WaitlistHeadSize"/> waiting registrations), calls one method, and saves what the outcome says. Validation
/// happens first, so a refused operation changes nothing.
/// </summary>
public static class RsvpBook
{
    /// <summary>
    /// How many waiting registrations, from the front of the waitlist, a change may promote: every free seat plus the one a
    /// leaving participant frees (all of them without a capacity).
    /// </summary>
    public static int WaitlistHeadSize(Event ev, RsvpCounts counts)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Waitlisted <= 0)
        {
            return 0;
        }

        if (ev.Capacity is not { } capacity)
        {
            return counts.Waitlisted;
        }

        return Math.Min(counts.Waitlisted, Math.Max(0, capacity - counts.Going) + 1);
    }

    /// <summary>
    /// Applies a participant's answer; <paramref name="facts"/> hold the requesting user's registration, if any.
    /// A repeated identical answer is a no-change outcome (double clicks are harmless), except that an address arriving
    /// for someone already going counts as a change, so the invitation they could not get before goes out now.
    /// </summary>
    public static DomainResult<RsvpOutcome> Answer(Event ev, RsvpFacts facts, RsvpRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetCurrentInstant();
        if (CheckOpen(ev, now) is { } closed)
        {
            return DomainResult<RsvpOutcome>.Fail("rsvp", closed);
        }

        if (string.IsNullOrWhiteSpace(request.UserId))
        {
            return DomainResult<RsvpOutcome>.Fail("rsvp", "I could not tell who you are; please try again from Teams.");
        }

        if (request.Email is not null && TextRules.CheckEmail("email", request.Email) is { } badEmail)
        {
            return DomainResult<RsvpOutcome>.Fail("email", badEmail);
        }

        if (!Enum.IsDefined(request.Answer))
        {
            return DomainResult<RsvpOutcome>.Fail("rsvp", "Answer going, maybe or no.");
        }

        if (facts.Registration is { } given && given.UserId != request.UserId)
        {
            throw new ArgumentException("The facts are about another user's registration.", nameof(facts));
        }

        var book = new Change(ev, facts, now);
        book.FillFreeSeats();
        var existing = facts.Registration;
        var emailBefore = existing?.Email;
        var isNew = existing is null;
        var registration = existing ?? Registration.Create(ev.Id, request, now);
        if (isNew)
        {
            book.Counts = book.Counts.Add(registration.State, 1);
        }
        else
        {
            registration.UpdateContact(request);
        }

        var previous = isNew ? (RsvpState?)null : registration.State;
        var target = Target(ev, book, previous, request.Answer);
        var changed = previous != target;
        if (changed)
        {
            book.Move(registration, target);
            if (previous == RsvpState.Going)
            {
                book.FillFreeSeats();
            }
        }
        var place = book.PlaceOf(registration);
        var message = changed || isNew ? Describe(ev, registration, place) : Repeat(ev, registration, place);
        var outcome = book.Finish(RsvpOutcome.Answered(registration, previous, book.Counts, message));
        // An address that arrives for someone already going counts as a change, so the invitation they could not get
        // before goes out now.
        var lateEmail = outcome.IsNoChange && registration is { State: RsvpState.Going, Email: not null } && emailBefore is null;
        return DomainResult<RsvpOutcome>.Ok(lateEmail ? outcome.AsLateEmail() : outcome);
    }

    /// <summary>An organiser approves a registration awaiting approval: Going if a seat is free, otherwise waitlisted.</summary>
    public static DomainResult<RsvpOutcome> Approve(Event ev, RsvpFacts facts, string userId, string organiserId, TimeProvider clock) =>
        Decide(ev, facts, userId, organiserId, clock, approve: true);

    /// <summary>An organiser declines a registration awaiting approval (or withdraws an approved one): the state becomes No.</summary>
    public static DomainResult<RsvpOutcome> Decline(Event ev, RsvpFacts facts, string userId, string organiserId, TimeProvider clock) =>
        Decide(ev, facts, userId, organiserId, clock, approve: false);

    /// <summary>Removes a user's registration altogether ("forget me"); frees their seat or their place in line. Allowed at any time.</summary>
    public static DomainResult<RsvpOutcome> Withdraw(Event ev, RsvpFacts facts, string userId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(facts);
        var now = clock.GetCurrentInstant();
        var registration = facts.Registration;
        if (registration is null || registration.UserId != userId)
        {
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"You have no RSVP for {ev.Reference}.");
        }

        var book = new Change(ev, facts, now);
        book.Remove(registration);
        if (ev.Status == EventStatus.Published && now < ev.StartsAt)
        {
            book.FillFreeSeats();
        }

        return DomainResult<RsvpOutcome>.Ok(book.Finish(RsvpOutcome.Withdrawn(registration, book.Counts,
            $"Your RSVP for {ev.Reference} is removed.")));
    }

    /// <summary>After the capacity grew (or seats freed otherwise): promotes from the front of the waitlist.</summary>
    public static RsvpOutcome Rebalance(Event ev, RsvpFacts facts, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(facts);
        var book = new Change(ev, facts, clock.GetCurrentInstant());
        if (ev.Status == EventStatus.Published)
        {
            book.FillFreeSeats();
        }

        return book.Finish(RsvpOutcome.Rebalanced(book.Promoted, book.Counts));
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

    private static DomainResult<RsvpOutcome> Decide(Event ev, RsvpFacts facts, string userId, string organiserId, TimeProvider clock, bool approve)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(facts);
        var now = clock.GetCurrentInstant();
        if (!ev.CanEdit(organiserId))
        {
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"Only the organisers of {ev.Reference} can approve or decline registrations.");
        }

        if (ev.IsReadOnly)
        {
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"{ev.Reference} is {ev.Status.ToString().ToLowerInvariant()}; registrations can no longer change.");
        }

        var registration = facts.Registration;
        if (registration is null || registration.UserId != userId)
        {
            return DomainResult<RsvpOutcome>.Fail("rsvp", $"That user has not registered for {ev.Reference}. Type attendees {ev.Reference} to see who has.");
        }

        var book = new Change(ev, facts, now);
        var previous = registration.State;
        RsvpState target;
        if (approve)
        {
            if (previous != RsvpState.AwaitingApproval)
            {
                return DomainResult<RsvpOutcome>.Ok(book.Finish(RsvpOutcome.Decided(registration, previous, book.Counts,
                    $"{registration.UserName} is not waiting for approval ({Label(previous)}).")));
            }

            target = book.HasFreeSeat ? RsvpState.Going : RsvpState.Waitlisted;
        }
        else
        {
            if (previous == RsvpState.No)
            {
                return DomainResult<RsvpOutcome>.Ok(book.Finish(RsvpOutcome.Decided(registration, previous, book.Counts,
                    $"{registration.UserName} is already not coming.")));
            }

            target = RsvpState.No;
        }
        book.Move(registration, target);
        if (previous == RsvpState.Going)
        {
            book.FillFreeSeats();
        }

        var message = approve
            ? target == RsvpState.Going ? $"{registration.UserName} is approved and going." : $"{registration.UserName} is approved and on the waitlist (number {book.PlaceOf(registration)}): the event is full."
            : $"{registration.UserName}'s registration is declined.";
        return DomainResult<RsvpOutcome>.Ok(book.Finish(RsvpOutcome.Decided(registration, previous, book.Counts, message)));
    }

    private static RsvpState Target(Event ev, Change book, RsvpState? previous, RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.No => RsvpState.No,
        RsvpAnswer.Maybe => RsvpState.Maybe,
        // Already holding or queueing for a seat: saying "going" again keeps the place.
        _ when previous is RsvpState.Going or RsvpState.Waitlisted or RsvpState.AwaitingApproval => previous.Value,
        _ when ev.RegistrationMode == RegistrationMode.Approval => RsvpState.AwaitingApproval,
        _ => book.HasFreeSeat && book.Counts.Waitlisted == 0 ? RsvpState.Going : RsvpState.Waitlisted,
    };

    /// <summary>
    /// One change in progress: the counts as they move, the tickets given and those that left the waitlist (to count the
    /// requester's place after the change), and who joined the end of the waitlist.
    /// </summary>
    private sealed class Change(Event ev, RsvpFacts facts, Instant now)
    {
        private readonly Queue<Registration> _head = new(facts.WaitlistHead
            .Where(r => r.State == RsvpState.Waitlisted).OrderBy(r => r.WaitlistTicket ?? int.MaxValue).ThenBy(r => r.Id));
        private readonly List<int> _left = [];
        private Registration? _joined;
        private int _lastTicket = facts.LastWaitlistTicket;

        public RsvpCounts Counts { get; set; } = facts.Counts with { Capacity = ev.Capacity };
        public List<Registration> Promoted { get; } = [];

        public bool HasFreeSeat => ev.Capacity is not { } capacity || Counts.Going < capacity;

        /// <summary>Promotes from the front of the waitlist while seats are free, first come first served.</summary>
        public void FillFreeSeats()
        {
            while (HasFreeSeat && _head.TryDequeue(out var next))
            {
                if (next.State != RsvpState.Waitlisted)
                {
                    continue; // left the waitlist earlier in this change
                }

                LeaveWaitlist(next);
                next.Promote(now);
                Counts = Counts.Move(RsvpState.Waitlisted, RsvpState.Going);
                Promoted.Add(next);
            }
        }

        public void Move(Registration registration, RsvpState target)
        {
            var from = registration.State;
            if (from == RsvpState.Waitlisted)
            {
                LeaveWaitlist(registration);
            }

            registration.MoveTo(target, now);
            Counts = Counts.Move(from, target);
            if (target == RsvpState.Waitlisted)
            {
                registration.TakeWaitlistTicket(++_lastTicket);
                _joined = registration;
            }
        }

        public void Remove(Registration registration)
        {
            if (registration.State == RsvpState.Waitlisted)
            {
                LeaveWaitlist(registration);
            }

            Counts = Counts.Add(registration.State, -1);
        }

        /// <summary>
        /// The place of the requester's registration after the change: last in line when it joined now (its ticket is the
        /// greatest), otherwise its place before less those ahead of it who left in this change; null when not waiting.
        /// </summary>
        public int? PlaceOf(Registration registration)
        {
            if (registration.State != RsvpState.Waitlisted)
            {
                return null;
            }

            if (ReferenceEquals(registration, _joined))
            {
                return Counts.Waitlisted;
            }

            if (!ReferenceEquals(registration, facts.Registration) || facts.WaitlistPlace is not { } before)
            {
                throw new ArgumentException("The facts hold a waiting registration without its place.", nameof(facts));
            }

            return before - _left.Count(ticket => ticket < registration.WaitlistTicket);
        }

        /// <summary>The outcome with what this change did to the waitlist: who was promoted, where the registration stands.</summary>
        public RsvpOutcome Finish(RsvpOutcome outcome) => outcome with
        {
            Promoted = Promoted,
            WaitlistPlace = outcome.Registration is { } registration ? PlaceOf(registration) : null,
            LastWaitlistTicket = _lastTicket,
        };

        private void LeaveWaitlist(Registration registration)
        {
            if (registration.WaitlistTicket is { } ticket && !ReferenceEquals(registration, _joined))
            {
                _left.Add(ticket);
            }
        }
    }

    private static string Describe(Event ev, Registration r, int? place) => r.State switch
    {
        RsvpState.Going => $"You're going to {ev.Reference} {ev.Title}.",
        RsvpState.Maybe => $"You're a maybe for {ev.Reference}. Say going when you know.",
        RsvpState.No => $"You're not going to {ev.Reference}. You can change your mind until RSVPs close.",
        RsvpState.Waitlisted => $"{ev.Reference} is full: you're number {place} on the waitlist. I'll tell you when a seat frees up.",
        _ => $"Your registration for {ev.Reference} waits for an organiser's approval. I'll tell you when they decide.",
    };

    private static string Repeat(Event ev, Registration r, int? place) => $"No change: {Label(r.State)} for {ev.Reference}" +
        (r.State == RsvpState.Waitlisted ? $" (number {place} on the waitlist)." : ".");

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
