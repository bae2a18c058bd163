using NodaTime;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Tests.Events;

public sealed partial class EventTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    [Fact]
    public void Create_ValidDetails_IsADraftWithResolvedTimes()
    {
        var ev = TestEvents.Create(_clock, number: 7);
        Assert.Equal(7, ev.Number);
        Assert.Equal("#7", ev.Reference);
        Assert.Equal("peace-operations-and", ev.Slug);
        Assert.Equal(EventStatus.Draft, ev.Status);
        Assert.Equal(TestEvents.At(new LocalTime(15, 0)), ev.StartsAt);
        Assert.Equal(90, ev.LengthMinutes);
        Assert.Equal(3, ev.JoinLinkReleaseDays);
        Assert.Equal(0, ev.Sequence);
        Assert.True(ev.CanEdit(TestEvents.Creator));
        Assert.False(ev.CanEdit("29:someone"));
    }

    [Fact]
    public void Create_StartInThePast_IsRefused()
    {
        var result = Event.Create(1, TestEvents.Details(d => d with { Date = TestEvents.Today.PlusDays(-2) }), TestEvents.Creator, _clock);
        Assert.Contains(result.Errors, e => e.Field == "start" && e.Message.Contains("in the past"));
    }

    [Fact]
    public void Create_ManyProblems_ReportsEachField()
    {
        var result = Event.Create(1, TestEvents.Details(d => d with
        {
            Title = "",
            Capacity = -1,
            JoinLinkReleaseDays = 61,
            OnlineMeeting = new OnlineMeeting("Zoom", "ftp://zoom.us/j/1"),
        }), TestEvents.Creator, _clock);
        Assert.Equal(["title", "link", "release", "capacity"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Create_NegativeCapacity_SaysWhatToDo()
    {
        var result = Event.Create(1, TestEvents.Details(d => d with { Capacity = -5 }), TestEvents.Creator, _clock);
        var error = Assert.Single(result.Errors);
        Assert.Equal("capacity", error.Field);
        Assert.Contains("cannot be negative", error.Message);
    }

    [Fact]
    public void Create_SpringForwardGap_IsRefused()
    {
        var gap = TestDates.NextGap(TestEvents.Zone);
        var result = Event.Create(1, TestEvents.Details(d => d with { Date = gap.Date, StartTime = gap.Inside, EndTime = new LocalTime(4, 0) }), TestEvents.Creator, _clock);
        Assert.Contains(result.Errors, e => e.Message.StartsWith($"{TestDates.Time(gap.Inside)} does not exist on {TestDates.Day(gap.Date)} in Europe/Oslo"));
    }

    [Fact]
    public void Create_AmbiguousTime_SucceedsWithANote()
    {
        var overlap = TestDates.NextOverlap(TestEvents.Zone);
        var result = Event.Create(1, TestEvents.Details(d => d with { Date = overlap.Date, StartTime = overlap.Inside, EndTime = overlap.Inside.PlusHours(1) }), TestEvents.Creator, _clock);
        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Contains(result.Notes, n => n.Contains("I took the first (CEST, UTC+02:00)"));
    }

    [Fact]
    public void Create_UnknownZone_SuggestsOne()
    {
        var result = Event.Create(1, TestEvents.Details(d => d with { TimeZoneId = "Europe/Olso" }), TestEvents.Creator, _clock);
        Assert.Contains("Did you mean Europe/Oslo?", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Create_DeadlineAfterStart_IsRefused()
    {
        var result = Event.Create(1, TestEvents.Details(d => d with { RsvpDeadline = TestEvents.Date.At(new LocalTime(15, 0)) }), TestEvents.Creator, _clock);
        Assert.Equal("deadline", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Create_ZoneInOtherCase_IsStoredCanonically()
    {
        Assert.Equal("Europe/Oslo", TestEvents.Create(_clock, d => d with { TimeZoneId = "europe/oslo" }).TimeZoneId);
    }

    [Theory]
    [InlineData("Line one\nline two")]
    [InlineData("Carriage\rreturn")]
    [InlineData("Tab\there")]
    [InlineData("Null\0char")]
    [InlineData("Bell\u0007")]
    public void SetTitle_ControlCharacters_AreRefusedAndEventUnchanged(string title)
    {
        var ev = TestEvents.Create(_clock);
        var before = Snapshot(ev);
        var result = ev.Edit(d => d with { Title = title }, _clock);
        var error = Assert.Single(result.Errors);
        Assert.Equal("title", error.Field);
        Assert.Contains("single line", error.Message);
        Assert.Equal(before, Snapshot(ev));
    }

    [Fact]
    public void SetTitle_TenThousandCharacters_IsRefusedAndEventUnchanged()
    {
        var ev = TestEvents.Create(_clock);
        var before = Snapshot(ev);
        var result = ev.Edit(d => d with { Title = new string('x', 10_000) }, _clock);
        Assert.Equal("The title is 10,000 characters long; the limit is 200. Please shorten it.", Assert.Single(result.Errors).Message);
        Assert.Equal(before, Snapshot(ev));
    }

    [Fact]
    public void Update_OneBadFieldAmongGoodOnes_ChangesNothing()
    {
        var ev = TestEvents.Create(_clock);
        var before = Snapshot(ev);
        var result = ev.Edit(d => d with { Summary = "New summary", Capacity = -1, StartTime = new LocalTime(9, 0) }, _clock);
        Assert.False(result.IsSuccess);
        Assert.Equal(before, Snapshot(ev));
    }

    [Fact]
    public void Description_NewlinesAllowed_OtherControlCharactersRefused()
    {
        var ev = TestEvents.Create(_clock);
        Assert.True(ev.Edit(d => d with { Description = "# Heading\r\n\r\n* item\n\ttabbed" }, _clock).IsSuccess);
        var result = ev.Edit(d => d with { Description = "bad \u001b[31m escape" }, _clock);
        Assert.Equal("description", Assert.Single(result.Errors).Field);
        Assert.False(ev.Edit(d => d with { Description = new string('x', 10_001) }, _clock).IsSuccess);
    }

    [Fact]
    public void Update_EndBeforeStart_HasFriendlyMessage()
    {
        var ev = TestEvents.Create(_clock);
        var result = ev.Edit(d => d with { EndTime = new LocalTime(14, 0) }, _clock);
        Assert.Equal("The end (14:00) is before the start (15:00): when does it end?", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Update_TimeChange_IsCalendarRelevantAndBumpsSequence()
    {
        var ev = TestEvents.Create(_clock);
        var version = ev.Version;
        var result = ev.Edit(d => d with { StartTime = new LocalTime(14, 0) }, _clock).GetValueOrThrow();
        Assert.Equal(EventChanges.Time, result.Changes);
        Assert.True(result.IsCalendarRelevant);
        Assert.Equal(1, ev.Sequence);
        Assert.Equal(version + 1, ev.Version);
        Assert.Equal(TestEvents.At(new LocalTime(14, 0)), ev.StartsAt);
    }

    [Fact]
    public void Update_VenueAndLink_AreCalendarRelevant_TitleIsNot()
    {
        var ev = TestEvents.Create(_clock);
        Assert.True(ev.Edit(d => d with { Venue = new Venue("NUPI", "C.J. Hambros plass 2d", "Oslo") }, _clock).GetValueOrThrow().IsCalendarRelevant);
        Assert.True(ev.Edit(d => d with { OnlineMeeting = new OnlineMeeting(null, "https://zoom.us/j/1") }, _clock).GetValueOrThrow().IsCalendarRelevant);
        Assert.Equal("Zoom", ev.OnlineMeeting!.Platform);
        var title = ev.Edit(d => d with { Title = "Another title" }, _clock).GetValueOrThrow();
        Assert.False(title.IsCalendarRelevant);
        Assert.Equal(2, ev.Sequence);
    }

    [Fact]
    public void Update_SameDetails_IsNoChange()
    {
        var ev = TestEvents.Create(_clock);
        var version = ev.Version;
        Assert.False(ev.Update(ev.Details, _clock).GetValueOrThrow().HasChanges);
        Assert.Equal(version, ev.Version);
    }

    [Fact]
    public void Update_OtherFieldsOfAStartedEvent_AreAllowed()
    {
        var ev = TestEvents.Published(_clock);
        _clock.SetUtcNow((ev.StartsAt + Duration.FromMinutes(30)).ToDateTimeOffset()); // during the event
        Assert.True(ev.Edit(d => d with { Summary = "Typo fixed" }, _clock).IsSuccess);
        Assert.Contains("in the past", ev.Edit(d => d with { StartTime = new LocalTime(14, 0) }, _clock).ErrorMessage);
    }

    [Fact]
    public void CoOrganiser_CanEdit_AfterBeingAdded()
    {
        var ev = TestEvents.Create(_clock);
        Assert.False(ev.CheckCanEdit("29:jenny").IsSuccess);
        ev.AddCoOrganiser("29:jenny", "Jenny Nordvedt", _clock).GetValueOrThrow();
        Assert.True(ev.CanEdit("29:jenny"));
        Assert.Equal(new CoOrganiser("29:jenny", "Jenny Nordvedt"), Assert.Single(ev.CoOrganisers));
        Assert.False(ev.AddCoOrganiser("29:jenny", "Jenny Nordvedt", _clock).GetValueOrThrow().HasChanges);
        ev.RemoveCoOrganiser("29:jenny", _clock).GetValueOrThrow();
        Assert.False(ev.CanEdit("29:jenny"));
    }

    private static string Snapshot(Event ev) =>
        string.Join("|", ev.Title, ev.Summary, ev.Start, ev.End, ev.TimeZoneId, ev.Capacity, ev.Version, ev.Sequence, ev.UpdatedAt, ev.Status);
}
