using NodaTime;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Tests.Time;

public sealed class EventScheduleTests
{
    [Fact]
    public void Resolve_SpringForwardGap_IsRefusedWithWhatToDo()
    {
        var result = EventSchedule.Resolve(new LocalDate(2026, 3, 29), new LocalTime(2, 30), new LocalTime(4, 0), "Europe/Oslo");
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("start", error.Field);
        Assert.Equal("02:30 does not exist on 29 Mar 2026 in Europe/Oslo: clocks go forward from 02:00 to 03:00. Pick another time.", error.Message);
    }

    [Fact]
    public void Resolve_AutumnOverlap_TakesTheEarlierAndSaysSo()
    {
        var result = EventSchedule.Resolve(new LocalDate(2026, 10, 25), new LocalTime(2, 30), new LocalTime(4, 0), "Europe/Oslo");
        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), result.Value.StartsAt); // 02:30 CEST = 00:30 UTC
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 3, 0), result.Value.EndsAt);
        Assert.Equal(150, result.Value.LengthMinutes); // the repeated hour makes it 2.5 hours
        var note = Assert.Single(result.Notes);
        Assert.StartsWith("02:30 happens twice on 25 Oct 2026 in Europe/Oslo", note);
        Assert.EndsWith("I took the first (CEST, UTC+02:00).", note);
    }

    [Fact]
    public void Resolve_EndBeforeStart_AsksWhenItEnds()
    {
        var result = EventSchedule.Resolve(new LocalDate(2026, 4, 1), new LocalTime(15, 0), new LocalTime(14, 0), "Europe/Oslo");
        var error = Assert.Single(result.Errors);
        Assert.Equal("end", error.Field);
        Assert.Equal("The end (14:00) is before the start (15:00): when does it end?", error.Message);
    }

    [Fact]
    public void Resolve_MisspelledZone_SuggestsTheClosest()
    {
        var result = EventSchedule.Resolve(new LocalDate(2026, 4, 1), new LocalTime(15, 0), new LocalTime(16, 0), "Europe/Olso");
        var error = Assert.Single(result.Errors);
        Assert.Equal("zone", error.Field);
        Assert.Contains("I don't know the time zone 'Europe/Olso'. Did you mean Europe/Oslo?", error.Message);
    }

    [Theory]
    [InlineData("europe/oslo", "Europe/Oslo")]
    [InlineData(" Europe/Amsterdam ", "Europe/Amsterdam")]
    public void Find_CaseAndSpaces_AreForgiven(string input, string expected) =>
        Assert.Equal(expected, ZoneLookup.Find(input).GetValueOrThrow().Id);

    [Fact]
    public void Suggest_CityOnly_FindsTheZone() => Assert.Equal("Europe/Oslo", ZoneLookup.Suggest("Oslo"));

    [Fact]
    public void CheckNotPast_StartBeforeNow_IsRefused()
    {
        var times = EventSchedule.Resolve(new LocalDate(2026, 2, 1), new LocalTime(15, 0), new LocalTime(16, 0), "Europe/Oslo").GetValueOrThrow();
        var error = EventSchedule.CheckNotPast(times, Instant.FromUtc(2026, 3, 1, 10, 0));
        Assert.NotNull(error);
        Assert.Contains("in the past", error.Message);
    }
}
