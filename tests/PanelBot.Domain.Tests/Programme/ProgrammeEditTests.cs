using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Tests.Programme;

public sealed class ProgrammeEditTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    [Fact]
    public void ReplaceSpeaker_KeepsTheirPlace_AndMayRenameThem()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddSpeaker(new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter }, _clock).GetValueOrThrow();
        ev.AddSpeaker(new Speaker { Name = "Kari Osland", Role = SpeakerRole.Discussant }, _clock).GetValueOrThrow();

        ev.ReplaceSpeaker("carlo koos", new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Chair, Affiliation = " CMI " }, _clock).GetValueOrThrow();
        ev.ReplaceSpeaker("Kari Osland", new Speaker { Name = "Kari M. Osland", Role = SpeakerRole.Discussant }, _clock).GetValueOrThrow();

        Assert.Equal([("Carlo Koos", SpeakerRole.Chair, "CMI", 1), ("Kari M. Osland", SpeakerRole.Discussant, null, 2)],
            ev.Speakers.Select(s => (s.Name, s.Role, s.Affiliation, s.Order)));
    }

    [Fact]
    public void ReplaceSpeaker_WithAnotherSpeakersNameOrABadEmail_ChangesNothing()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddSpeaker(new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter }, _clock).GetValueOrThrow();
        ev.AddSpeaker(new Speaker { Name = "Kari Osland", Role = SpeakerRole.Discussant }, _clock).GetValueOrThrow();
        var before = ev.Speakers.ToList();

        Assert.Contains("already on the programme", ev.ReplaceSpeaker("Carlo Koos", new Speaker { Name = "kari osland", Role = SpeakerRole.Chair }, _clock).ErrorMessage);
        Assert.Contains("does not look like an email", ev.ReplaceSpeaker("Carlo Koos", new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Chair, Email = "x" }, _clock).ErrorMessage);
        Assert.Contains("no speaker called", ev.ReplaceSpeaker("Nobody", new Speaker { Name = "Nobody", Role = SpeakerRole.Chair }, _clock).ErrorMessage);
        Assert.Equal(before, ev.Speakers);
    }

    [Fact]
    public void MoveSegment_UpAndDown_ReordersAndRefusesPositionsOutsideTheList()
    {
        var ev = TestEvents.Create(_clock);
        foreach (var title in new[] { "A", "B", "C" })
            ev.AddSegment(new Segment { Title = title, Minutes = 10 }, _clock).GetValueOrThrow();

        ev.MoveSegment(3, 1, _clock).GetValueOrThrow();
        Assert.Equal(["C", "A", "B"], ev.Segments.Select(s => s.Title));
        ev.MoveSegment(1, 2, _clock).GetValueOrThrow();
        Assert.Equal(["A", "C", "B"], ev.Segments.Select(s => s.Title));
        Assert.False(ev.MoveSegment(1, 1, _clock).GetValueOrThrow().HasChanges);
        Assert.Contains("There is no segment 4: pick 1 to 3.", ev.MoveSegment(1, 4, _clock).ErrorMessage);
        Assert.Equal(["A", "C", "B"], ev.Segments.Select(s => s.Title));
    }
}
