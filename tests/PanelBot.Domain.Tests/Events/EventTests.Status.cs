using PanelBot.Domain.Events;

namespace PanelBot.Domain.Tests.Events;

public sealed partial class EventTests
{
    [Fact]
    public void Publish_Draft_BecomesPublished()
    {
        var ev = TestEvents.Create(_clock);
        var result = ev.Publish(_clock).GetValueOrThrow();
        Assert.Equal(EventChanges.Status, result.Changes);
        Assert.Equal(EventStatus.Published, ev.Status);
        Assert.NotNull(ev.PublishedAt);
        Assert.False(ev.Publish(_clock).GetValueOrThrow().HasChanges); // publishing twice is harmless
    }

    [Fact]
    public void Publish_AfterStart_IsRefused()
    {
        var ev = TestEvents.Create(_clock);
        _clock.SetUtcNow((ev.StartsAt + NodaTime.Duration.FromMinutes(1)).ToDateTimeOffset());
        Assert.Contains("cannot be published", ev.Publish(_clock).ErrorMessage);
        Assert.Equal(EventStatus.Draft, ev.Status);
    }

    [Fact]
    public void Cancel_Published_KeepsReasonBumpsSequenceAndIsReadOnly()
    {
        var ev = TestEvents.Published(_clock);
        ev.Cancel("The speakers are ill", _clock).GetValueOrThrow();
        Assert.Equal(EventStatus.Cancelled, ev.Status);
        Assert.Equal("The speakers are ill", ev.CancellationReason);
        Assert.Equal(1, ev.Sequence);
        Assert.True(ev.IsReadOnly);

        var before = ev.Title;
        var edit = ev.Edit(d => d with { Title = "Changed" }, _clock);
        Assert.Contains("is cancelled, so it can no longer be changed", edit.ErrorMessage);
        Assert.Equal(before, ev.Title);
        Assert.False(ev.Publish(_clock).IsSuccess);
        Assert.False(ev.Cancel(null, _clock).IsSuccess);
        Assert.False(ev.AddSpeaker(new PanelBot.Domain.Programme.Speaker { Name = "X", Role = PanelBot.Domain.Programme.SpeakerRole.Chair }, _clock).IsSuccess);
    }

    [Fact]
    public void ReleaseJoinLink_AtReleaseTime_RaisesSequenceOnce_BeforeItOrWithoutLinkIsRefused()
    {
        var ev = TestEvents.Published(_clock, d => d with { OnlineMeeting = new OnlineMeeting(null, "https://zoom.us/j/1") });
        var sequence = ev.Sequence;
        Assert.False(ev.ReleaseJoinLink(_clock).IsSuccess);
        Assert.Equal(sequence, ev.Sequence);

        _clock.SetUtcNow(ev.JoinLinkReleasedAt.ToDateTimeOffset());
        ev.ReleaseJoinLink(_clock).GetValueOrThrow();
        Assert.Equal(sequence + 1, ev.Sequence);

        var noLink = TestEvents.Published(_clock);
        Assert.False(noLink.ReleaseJoinLink(_clock).IsSuccess);
        Assert.Equal(0, noLink.Sequence);
    }

    [Fact]
    public void Cancel_Draft_IsAllowed()
    {
        var ev = TestEvents.Create(_clock);
        Assert.True(ev.Cancel(null, _clock).IsSuccess);
        Assert.Null(ev.CancellationReason);
    }

    [Fact]
    public void Complete_OnlyAfterTheEnd()
    {
        var ev = TestEvents.Published(_clock);
        Assert.Contains("can be completed after that", ev.Complete(_clock).ErrorMessage);
        _clock.SetUtcNow(ev.EndsAt.ToDateTimeOffset());
        ev.Complete(_clock).GetValueOrThrow();
        Assert.Equal(EventStatus.Completed, ev.Status);
        Assert.Contains("completed, so it can no longer be changed", ev.Edit(d => d with { Summary = "x" }, _clock).ErrorMessage);
    }

    [Fact]
    public void Complete_Draft_IsRefused()
    {
        var ev = TestEvents.Create(_clock);
        _clock.SetUtcNow(ev.EndsAt.ToDateTimeOffset());
        Assert.Contains("draft", ev.Complete(_clock).ErrorMessage);
    }

    [Fact]
    public void JoinLink_ReleasedDaysBeforeStart()
    {
        var ev = TestEvents.Published(_clock, d => d with { JoinLinkReleaseDays = 3 });
        // Three days earlier on the local calendar, at the same wall-clock time (a clock change in between shifts it in UTC).
        Assert.Equal(TestDates.Utc(ev.Date.PlusDays(-3), ev.StartTime, ev.TimeZoneId), ev.JoinLinkReleasedAt);
        Assert.False(ev.IsJoinLinkReleased(ev.JoinLinkReleasedAt - NodaTime.Duration.FromSeconds(1)));
        Assert.True(ev.IsJoinLinkReleased(ev.JoinLinkReleasedAt));
    }
}
