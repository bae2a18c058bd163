using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Domain.Tests.Rsvp;

/// <summary>Runs the rules through <see cref="InMemoryRegistrations"/>, which hands them only the facts, as the app does.</summary>
public sealed class RsvpBookTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();
    private readonly InMemoryRegistrations _book = new();

    private RsvpOutcome Answer(Event ev, string user, RsvpAnswer answer, string? email = null)
    {
        _clock.Advance(TimeSpan.FromMinutes(1)); // people answer one after another
        return _book.Answer(ev, new RsvpRequest("29:" + user, user, answer, email), _clock).GetValueOrThrow();
    }

    private Registration Of(string user) => _book.All.Single(r => r.UserId == "29:" + user);

    private int? Place(string user) => _book.Places.Of(Of(user));

    [Fact]
    public void Capacity2_ThirdIsWaitlisted_AndPromotedWhenASeatFrees()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 2 });
        Assert.Equal(RsvpState.Going, Answer(ev, "ann", RsvpAnswer.Going).Registration!.State);
        Assert.Equal(RsvpState.Going, Answer(ev, "bob", RsvpAnswer.Going).Registration!.State);
        var third = Answer(ev, "cat", RsvpAnswer.Going);
        Assert.Equal(RsvpState.Waitlisted, third.Registration!.State);
        Assert.Equal(1, third.WaitlistPlace);
        Assert.Contains("number 1 on the waitlist", third.Message);

        var freed = Answer(ev, "bob", RsvpAnswer.No);
        Assert.Equal(RsvpState.No, Of("bob").State);
        var promoted = Assert.Single(freed.Promoted);
        Assert.Equal("29:cat", promoted.UserId);
        Assert.Equal(RsvpState.Going, Of("cat").State);
        Assert.Null(Of("cat").WaitlistTicket);
        Assert.Null(Place("cat"));
        Assert.Equal(new RsvpCounts(2, 0, 1, 0, 0, 2), freed.Counts);
    }

    [Fact]
    public void Waitlist_PromotesFirstComeFirstServed()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 1 });
        Answer(ev, "ann", RsvpAnswer.Going);
        Answer(ev, "bob", RsvpAnswer.Going);
        Answer(ev, "cat", RsvpAnswer.Going);
        Answer(ev, "dan", RsvpAnswer.Going);
        var outcome = Answer(ev, "ann", RsvpAnswer.Maybe);
        Assert.Equal("29:bob", Assert.Single(outcome.Promoted).UserId);
        Assert.Equal((1, 2), (Place("cat"), Place("dan")));
    }

    [Fact]
    public void DoubleClick_SameAnswerTwice_IsNoChange()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 10 });
        var first = Answer(ev, "ann", RsvpAnswer.Going);
        Assert.True(first.IsNew);
        var answeredAt = Of("ann").AnsweredAt;
        var second = Answer(ev, "ann", RsvpAnswer.Going);
        Assert.True(second.IsNoChange);
        Assert.False(second.IsNew);
        Assert.StartsWith("No change", second.Message);
        Assert.Single(_book.All);
        Assert.Equal(answeredAt, Of("ann").AnsweredAt);
        Assert.Equal(1, second.Counts.Going);
    }

    [Fact]
    public void Waitlisted_SayingGoingAgain_KeepsThePlace()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 1 });
        Answer(ev, "ann", RsvpAnswer.Going);
        Answer(ev, "bob", RsvpAnswer.Going);
        Answer(ev, "cat", RsvpAnswer.Going);
        Assert.True(Answer(ev, "bob", RsvpAnswer.Going).IsNoChange);
        Assert.Equal((1, 2), (Place("bob"), Place("cat")));
    }

    [Fact]
    public void WaitlistPositions_AfterLeavingAndWithdrawing_AreOneToNWithoutGaps()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 1 });
        foreach (var user in new[] { "ann", "bob", "cat", "dan", "eve" }) Answer(ev, user, RsvpAnswer.Going);
        Assert.Equal([1, 2, 3, 4], new[] { "bob", "cat", "dan", "eve" }.Select(u => Place(u)!.Value));

        Answer(ev, "cat", RsvpAnswer.No); // leaves the waitlist
        var withdrawn = _book.Withdraw(ev, "29:bob", _clock).GetValueOrThrow(); // forget me

        Assert.Equal([1, 2], new[] { "dan", "eve" }.Select(u => Place(u)!.Value));
        Assert.Null(Place("cat"));
        Assert.Equal(2, withdrawn.Counts.Waitlisted);
    }

    [Fact]
    public void WaitlistTickets_NeverChangeWhileWaiting_AndThePlacesShownStayOneToKInTicketOrder()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 1 });
        string[] users = ["ann", "bob", "cat", "dan", "eve", "fay", "gus"];
        foreach (var user in users) Answer(ev, user, RsvpAnswer.Going);
        var tickets = users.Skip(1).ToDictionary(u => u, u => Of(u).WaitlistTicket!.Value);

        Answer(ev, "ann", RsvpAnswer.No); // bob promoted
        Answer(ev, "dan", RsvpAnswer.Maybe); // leaves from the middle
        _book.Withdraw(ev, "29:gus", _clock).GetValueOrThrow(); // the last ticket given leaves: it is not given again
        var rejoined = Answer(ev, "dan", RsvpAnswer.Going); // back to the end, with a new ticket

        string[] waiting = ["cat", "eve", "fay", "dan"];
        Assert.Equal(waiting, _book.All.Where(r => r.State == RsvpState.Waitlisted).OrderBy(r => r.WaitlistTicket).Select(r => r.UserName));
        Assert.Equal([1, 2, 3, 4], waiting.Select(u => Place(u)!.Value));
        Assert.All(new[] { "cat", "eve", "fay" }, u => Assert.Equal(tickets[u], Of(u).WaitlistTicket));
        Assert.Equal(tickets.Values.Max() + 1, Of("dan").WaitlistTicket);
        Assert.Equal(4, rejoined.WaitlistPlace);
        Assert.Contains("number 4 on the waitlist", rejoined.Message);
        var again = Answer(ev, "eve", RsvpAnswer.Going);
        Assert.True(again.IsNoChange);
        Assert.Equal(2, again.WaitlistPlace);
        Assert.Equal($"No change: on the waitlist for {ev.Reference} (number 2 on the waitlist).", again.Message);
    }

    [Fact]
    public void Withdraw_GoingUser_PromotesTheFirstWaitlisted()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 1 });
        Answer(ev, "ann", RsvpAnswer.Going);
        Answer(ev, "bob", RsvpAnswer.Going);
        var outcome = _book.Withdraw(ev, "29:ann", _clock).GetValueOrThrow();
        Assert.Equal("29:bob", Assert.Single(outcome.Promoted).UserId);
        Assert.Equal("29:ann", outcome.Removed!.UserId);
    }

    [Fact]
    public void Rebalance_AfterCapacityGrows_PromotesInOrder()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 1 });
        foreach (var user in new[] { "ann", "bob", "cat", "dan" }) Answer(ev, user, RsvpAnswer.Going);
        ev.Edit(d => d with { Capacity = 3 }, _clock).GetValueOrThrow();
        var promoted = _book.Rebalance(ev, _clock);
        Assert.Equal(["29:bob", "29:cat"], promoted.Select(r => r.UserId));
        Assert.Equal(1, Place("dan"));
    }

    [Fact]
    public void Answer_AfterDeadline_IsRefusedAndChangesNothing()
    {
        var deadline = TestEvents.Date.PlusDays(-1).At(new LocalTime(12, 0));
        var ev = TestEvents.Published(_clock, d => d with { RsvpDeadline = deadline });
        Answer(ev, "ann", RsvpAnswer.Going);
        _clock.SetUtcNow(TestDates.UtcOffset(deadline.Date, deadline.TimeOfDay, TestEvents.Zone));
        var result = _book.Answer(ev, new RsvpRequest("29:ann", "ann", RsvpAnswer.No), _clock);
        Assert.Contains($"RSVPs for #1 closed on {TestDates.Short(deadline)}", result.ErrorMessage);
        Assert.Equal(RsvpState.Going, Of("ann").State);
    }

    [Fact]
    public void Answer_WithoutDeadline_ClosesAtTheStart()
    {
        var ev = TestEvents.Published(_clock);
        _clock.SetUtcNow(ev.StartsAt.ToDateTimeOffset());
        Assert.Contains("has started", _book.Answer(ev, new RsvpRequest("29:ann", "ann", RsvpAnswer.Going), _clock).ErrorMessage);
    }

    [Fact]
    public void Answer_DraftOrCancelled_IsRefused()
    {
        var draft = TestEvents.Create(_clock);
        Assert.Contains("not published yet", _book.Answer(draft, new RsvpRequest("29:ann", "ann", RsvpAnswer.Going), _clock).ErrorMessage);
        var cancelled = TestEvents.Published(_clock);
        cancelled.Cancel("ill", _clock).GetValueOrThrow();
        Assert.Contains("was cancelled", _book.Answer(cancelled, new RsvpRequest("29:ann", "ann", RsvpAnswer.Going), _clock).ErrorMessage);
        Assert.Empty(_book.All);
    }

    [Fact]
    public void ApprovalMode_GoingAwaitsApproval_ThenOrganiserApproves()
    {
        var ev = TestEvents.Published(_clock, d => d with { RegistrationMode = RegistrationMode.Approval, Capacity = 1 });
        Assert.Equal(RsvpState.AwaitingApproval, Answer(ev, "ann", RsvpAnswer.Going).Registration!.State);
        Assert.Equal(RsvpState.AwaitingApproval, Answer(ev, "bob", RsvpAnswer.Going).Registration!.State);
        Assert.True(Answer(ev, "ann", RsvpAnswer.Going).IsNoChange);

        Assert.False(_book.Approve(ev, "29:ann", "29:stranger", _clock).IsSuccess);
        _book.Approve(ev, "29:ann", TestEvents.Creator, _clock).GetValueOrThrow();
        Assert.Equal(RsvpState.Going, Of("ann").State);
        var full = _book.Approve(ev, "29:bob", TestEvents.Creator, _clock).GetValueOrThrow();
        Assert.Equal(RsvpState.Waitlisted, Of("bob").State);
        Assert.Contains("waitlist", full.Message);

        var declined = _book.Decline(ev, "29:ann", TestEvents.Creator, _clock).GetValueOrThrow();
        Assert.Equal(RsvpState.No, Of("ann").State);
        Assert.Equal("29:bob", Assert.Single(declined.Promoted).UserId);
    }

    [Fact]
    public void Answer_WithEmail_IsRememberedAndBadEmailRefused()
    {
        var ev = TestEvents.Published(_clock);
        Answer(ev, "ann", RsvpAnswer.Maybe, "ann@example.org");
        Assert.Equal("ann@example.org", Of("ann").Email);
        Assert.Equal("email", Assert.Single(_book.Answer(ev, new RsvpRequest("29:bob", "bob", RsvpAnswer.Going, "bob@"), _clock).Errors).Field);
    }

    [Fact]
    public void Counts_CountEachState()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 1 });
        Answer(ev, "ann", RsvpAnswer.Going);
        Answer(ev, "bob", RsvpAnswer.Going);
        Answer(ev, "cat", RsvpAnswer.Maybe);
        Answer(ev, "dan", RsvpAnswer.No);
        var counts = RsvpBook.Count(ev, _book.All);
        Assert.Equal(new RsvpCounts(1, 1, 1, 1, 0, 1), counts);
        Assert.True(counts.IsFull);
        Assert.Equal(0, counts.SeatsLeft);
    }
}
