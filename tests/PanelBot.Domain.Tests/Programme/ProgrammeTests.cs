using NodaTime;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Tests.Programme;

public sealed class ProgrammeTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    [Fact]
    public void AddSpeaker_DuplicateNameIgnoringCase_IsRefused()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddSpeaker(new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter }, _clock).GetValueOrThrow();
        var result = ev.AddSpeaker(new Speaker { Name = "carlo koos", Role = SpeakerRole.Discussant }, _clock);
        Assert.Contains("already on the programme", result.ErrorMessage);
        Assert.Single(ev.Speakers);
    }

    [Fact]
    public void RemoveSpeaker_ByNameIgnoringCase_Removes()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddSpeaker(new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter }, _clock).GetValueOrThrow();
        ev.RemoveSpeaker("CARLO KOOS", _clock).GetValueOrThrow();
        Assert.Empty(ev.Speakers);
        Assert.Contains("no speaker called", ev.RemoveSpeaker("Nobody", _clock).ErrorMessage);
    }

    [Fact]
    public void AddSpeaker_BadEmail_IsRefused()
    {
        var ev = TestEvents.Create(_clock);
        var result = ev.AddSpeaker(new Speaker { Name = "A", Role = SpeakerRole.Chair, Email = "not-an-email" }, _clock);
        Assert.Equal("speaker", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void SpeakersByRole_FollowsDisplayOrderAndProgrammeOrder()
    {
        var ev = TestEvents.Create(_clock);
        foreach (var (name, role) in new[]
                 {
                     ("P1", SpeakerRole.Panellist), ("D1", SpeakerRole.Discussant), ("Pr1", SpeakerRole.Presenter),
                     ("K1", SpeakerRole.Keynote), ("C1", SpeakerRole.Chair), ("M1", SpeakerRole.Moderator), ("Pr2", SpeakerRole.Presenter),
                 })
            ev.AddSpeaker(new Speaker { Name = name, Role = role }, _clock).GetValueOrThrow();
        var groups = ev.SpeakersByRole();
        Assert.Equal([SpeakerRole.Moderator, SpeakerRole.Chair, SpeakerRole.Keynote, SpeakerRole.Presenter, SpeakerRole.Discussant, SpeakerRole.Panellist],
            groups.Select(g => g.Role));
        Assert.Equal(["Pr1", "Pr2"], groups[3].Speakers.Select(s => s.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ev.Speakers.Select(s => s.Order));
    }

    [Fact]
    public void SetSpeakerStatus_TbcToConfirmed_Changes()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddSpeaker(new Speaker { Name = "MFA NL", Role = SpeakerRole.Panellist, Status = SpeakerStatus.Tbc }, _clock).GetValueOrThrow();
        ev.SetSpeakerStatus("mfa nl", SpeakerStatus.Confirmed, _clock).GetValueOrThrow();
        Assert.Equal(SpeakerStatus.Confirmed, ev.Speakers[0].Status);
    }

    [Theory]
    [InlineData(new[] { 30, 30, 20 }, RunOfShowFit.Fits, "The run of show (80 min) fits (10 min spare).")]
    [InlineData(new[] { 45, 45 }, RunOfShowFit.ExactlyFills, "The run of show exactly fills the 90 min event.")]
    [InlineData(new[] { 45, 45, 15 }, RunOfShowFit.Overruns, "The run of show runs 15 min over the 90 min event: shorten a segment or extend the event.")]
    public void CheckRunOfShow_ComparesWithTheEventLength(int[] minutes, RunOfShowFit fit, string message)
    {
        var ev = TestEvents.Create(_clock); // 15:00-16:30
        for (var i = 0; i < minutes.Length; i++)
            ev.AddSegment(new Segment { Title = $"Part {i + 1}", Minutes = minutes[i] }, _clock).GetValueOrThrow();
        var check = ev.CheckRunOfShow();
        Assert.Equal(fit, check.Fit);
        Assert.Equal(message, check.Message);
    }

    [Fact]
    public void AddSegment_NoteSaysWhetherItFits()
    {
        var ev = TestEvents.Create(_clock);
        var result = ev.AddSegment(new Segment { Title = "Everything", Minutes = 100 }, _clock);
        Assert.Contains("runs 10 min over the 90 min event", Assert.Single(result.Notes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void AddSegment_NonPositiveMinutes_IsRefused(int minutes)
    {
        var ev = TestEvents.Create(_clock);
        Assert.False(ev.AddSegment(new Segment { Title = "Close", Minutes = minutes }, _clock).IsSuccess);
        Assert.Empty(ev.Segments);
    }

    [Fact]
    public void RemoveSegment_ByPosition_KeepsTheOrder()
    {
        var ev = TestEvents.Create(_clock);
        foreach (var t in new[] { "A", "B", "C" }) ev.AddSegment(new Segment { Title = t, Minutes = 10 }, _clock).GetValueOrThrow();
        ev.RemoveSegment(2, _clock).GetValueOrThrow();
        Assert.Equal(["A", "C"], ev.Segments.Select(s => s.Title));
        Assert.Contains("pick 1 to 2", ev.RemoveSegment(5, _clock).ErrorMessage);
    }

    [Theory]
    [InlineData("ftp://example.org/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("effectivepeaceops.net")]
    public void AddReading_NonHttpUrl_IsRefused(string url)
    {
        var ev = TestEvents.Create(_clock);
        var result = ev.AddReading(new Reading { Title = "Report", Url = url }, _clock);
        Assert.Contains("must start with http:// or https://", Assert.Single(result.Errors).Message);
        Assert.Empty(ev.Readings);
    }

    [Fact]
    public void AddReading_Https_IsAddedAndRemovableByTitle()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddReading(new Reading { Title = "EPON MINUSMA", Url = "https://effectivepeaceops.net/publication/minusma/", Kind = ReadingKind.Report }, _clock).GetValueOrThrow();
        Assert.False(ev.AddReading(new Reading { Title = "Again", Url = "https://effectivepeaceops.net/publication/minusma/" }, _clock).IsSuccess);
        ev.RemoveReading("epon minusma", _clock).GetValueOrThrow();
        Assert.Empty(ev.Readings);
    }

    [Fact]
    public void ProgrammeChanges_AreNotCalendarRelevant()
    {
        var ev = TestEvents.Create(_clock);
        var update = ev.AddSpeaker(new Speaker { Name = "A", Role = SpeakerRole.Chair }, _clock).GetValueOrThrow();
        Assert.False(update.IsCalendarRelevant);
        Assert.Equal(0, ev.Sequence);
    }

    [Fact]
    public void Roles_Aliases_Parse()
    {
        Assert.True(SpeakerRoles.TryParse("case study", out var role));
        Assert.Equal(SpeakerRole.Presenter, role);
        Assert.True(SpeakerRoles.TryParse("Panelist", out role));
        Assert.Equal(SpeakerRole.Panellist, role);
        Assert.False(SpeakerRoles.TryParse("host", out _));
    }
}
