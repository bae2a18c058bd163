using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Tests.Programme;

public sealed class SpeakerZoneTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    [Fact]
    public void AddSpeaker_ZoneInAnyCase_IsStoredCanonical_AndFlagsTheZoneChange()
    {
        var ev = TestEvents.Create(_clock);
        var update = ev.AddSpeaker(new Speaker { Name = "Aiko Tanaka", Role = SpeakerRole.Presenter, TimeZoneId = " asia/tokyo " }, _clock).GetValueOrThrow();
        Assert.Equal("Asia/Tokyo", ev.Speakers.Single().TimeZoneId);
        Assert.True(update.Changes.HasFlag(EventChanges.SpeakerZones));
        var without = ev.AddSpeaker(new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter }, _clock).GetValueOrThrow();
        Assert.False(without.Changes.HasFlag(EventChanges.SpeakerZones));
    }

    [Fact]
    public void AddSpeaker_UnknownZone_IsRefusedWithTheSameSuggestionAsEvents_AndAddsNobody()
    {
        var ev = TestEvents.Create(_clock);
        var result = ev.AddSpeaker(new Speaker { Name = "Aiko Tanaka", Role = SpeakerRole.Presenter, TimeZoneId = "Tokio" }, _clock);
        Assert.False(result.IsSuccess);
        Assert.Contains("I don't know the time zone 'Tokio'. Did you mean Asia/Tokyo?", result.ErrorMessage);
        Assert.Empty(ev.Speakers);
        Assert.Equal(1, ev.Version);
    }

    [Fact]
    public void SetSpeakerZone_ChangesClearsAndRefuses()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddSpeaker(new Speaker { Name = "Lise Howard", Role = SpeakerRole.Presenter }, _clock).GetValueOrThrow();

        var set = ev.SetSpeakerZone("lise howard", "america/new_york", _clock).GetValueOrThrow();
        Assert.Equal(EventChanges.Speakers | EventChanges.SpeakerZones, set.Changes);
        Assert.Equal("America/New_York", ev.Speakers.Single().TimeZoneId);
        Assert.False(ev.SetSpeakerZone("Lise Howard", "America/New_York", _clock).GetValueOrThrow().HasChanges);

        var typo = ev.SetSpeakerZone("Lise Howard", "New York", _clock);
        Assert.Contains("Did you mean America/New_York?", typo.ErrorMessage);
        Assert.Equal("America/New_York", ev.Speakers.Single().TimeZoneId);
        Assert.Contains("no speaker called", ev.SetSpeakerZone("Nobody", "Europe/Oslo", _clock).ErrorMessage);

        ev.SetSpeakerZone("Lise Howard", null, _clock).GetValueOrThrow();
        Assert.Null(ev.Speakers.Single().TimeZoneId);
    }
}
