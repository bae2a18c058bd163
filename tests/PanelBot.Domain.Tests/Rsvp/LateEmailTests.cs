using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Domain.Tests.Rsvp;

/// <summary>An address that arrives after someone said going is a change, so the invitation they missed is sent.</summary>
public sealed class LateEmailTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();
    private readonly InMemoryRegistrations _book = new();

    private RsvpOutcome Answer(Event ev, RsvpAnswer answer, string? email)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        return _book.Answer(ev, new RsvpRequest("29:ann", "ann", answer, email), _clock).GetValueOrThrow();
    }

    [Fact]
    public void GoingWithoutAddress_ThenGoingWithOne_CountsAsAChangeToGoing()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 10 });
        Answer(ev, RsvpAnswer.Going, email: null);

        var late = Answer(ev, RsvpAnswer.Going, "ann@example.org");

        Assert.False(late.IsNoChange);
        Assert.True(late.StateChanged);
        Assert.Null(late.PreviousState);
        Assert.Equal(RsvpState.Going, late.Registration!.State);
        Assert.Equal("ann@example.org", late.Registration.Email);
    }

    [Fact]
    public void GoingWithAnAddress_SameAnswerAndAddressAgain_IsNoChange()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 10 });
        Answer(ev, RsvpAnswer.Going, "ann@example.org");

        var again = Answer(ev, RsvpAnswer.Going, "ann@example.org");

        Assert.True(again.IsNoChange);
        Assert.Equal(RsvpState.Going, again.PreviousState);
    }

    [Fact]
    public void MaybeWithoutAddress_ThenMaybeWithOne_IsNoChange_ForOnlyGoingGetsAnInvitation()
    {
        var ev = TestEvents.Published(_clock, d => d with { Capacity = 10 });
        Answer(ev, RsvpAnswer.Maybe, email: null);

        var late = Answer(ev, RsvpAnswer.Maybe, "ann@example.org");

        Assert.True(late.IsNoChange);
        Assert.Equal(RsvpState.Maybe, late.PreviousState);
    }
}
