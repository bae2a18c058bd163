using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Domain.Tests.Rsvp;

/// <summary>
/// Plays the app's role the way its repository does, over a list: loads only the facts (the user's registration, the
/// counts, the head of the waitlist, the last ticket given, the user's place by counting smaller tickets), runs one
/// change, then saves the outcome. No other row changes: places are counted when shown.
/// </summary>
public sealed class InMemoryRegistrations
{
    private int _lastTicket;

    public List<Registration> All { get; } = [];

    /// <summary>The places as people see them, counted from the tickets.</summary>
    public WaitlistPlaces Places => WaitlistPlaces.Rank(All);

    public RsvpFacts FactsFor(Event ev, string? userId)
    {
        var counts = RsvpCounts.For(All, ev.Capacity);
        var head = All.Where(r => r.State == RsvpState.Waitlisted).OrderBy(r => r.WaitlistTicket)
            .Take(RsvpBook.WaitlistHeadSize(ev, counts)).ToList();
        var mine = userId is null ? null : All.SingleOrDefault(r => r.UserId == userId);
        // The repository counts the place with one query on the (event, ticket) index.
        int? place = mine?.WaitlistTicket is { } ticket ? 1 + All.Count(r => r.WaitlistTicket < ticket) : null;
        // The repository loads the user's own row once; a waiting user at the front of the queue is the same object.
        return new RsvpFacts(mine, counts, head, _lastTicket, place);
    }

    public DomainResult<RsvpOutcome> Apply(Event ev, string? userId, Func<RsvpFacts, DomainResult<RsvpOutcome>> change)
    {
        var facts = FactsFor(ev, userId);
        var result = change(facts);
        if (result.Value is not { } outcome) return result;
        _lastTicket = outcome.LastWaitlistTicket;
        if (outcome.IsNew) All.Add(outcome.Registration!);
        if (outcome.Removed is { } removed) All.Remove(removed);
        return result;
    }

    public DomainResult<RsvpOutcome> Answer(Event ev, RsvpRequest request, TimeProvider clock) =>
        Apply(ev, request.UserId, facts => RsvpBook.Answer(ev, facts, request, clock));

    public DomainResult<RsvpOutcome> Approve(Event ev, string userId, string organiserId, TimeProvider clock) =>
        Apply(ev, userId, facts => RsvpBook.Approve(ev, facts, userId, organiserId, clock));

    public DomainResult<RsvpOutcome> Decline(Event ev, string userId, string organiserId, TimeProvider clock) =>
        Apply(ev, userId, facts => RsvpBook.Decline(ev, facts, userId, organiserId, clock));

    public DomainResult<RsvpOutcome> Withdraw(Event ev, string userId, TimeProvider clock) =>
        Apply(ev, userId, facts => RsvpBook.Withdraw(ev, facts, userId, clock));

    public IReadOnlyList<Registration> Rebalance(Event ev, TimeProvider clock) =>
        Apply(ev, null, facts => DomainResult<RsvpOutcome>.Ok(RsvpBook.Rebalance(ev, facts, clock))).Value!.Promoted;
}
