using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Tests.Time;

public sealed class SpeakerHoursTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    /// <summary>
    /// A Wednesday with Oslo on summer time and New York on daylight time for a week either side (the slot search looks
    /// that far): the first two weeks or more after the tests' now.
    /// </summary>
    internal static readonly LocalDate Day = TestDates.FirstWithOffsets(IsoDayOfWeek.Wednesday, 8,
        ("Europe/Oslo", 2), ("America/New_York", -4), ("Asia/Tokyo", 9), ("Africa/Johannesburg", 2), ("Asia/Kolkata", 5.5));

    /// <summary>15:00-16:30 Oslo (UTC+2) on <see cref="Day"/> is 13:00 UTC: 09:00 in New York, 22:00 in Tokyo, 15:00 in Johannesburg.</summary>
    internal static Event ThreeContinents(TimeProvider clock)
    {
        var ev = TestEvents.Create(clock, d => d with { Date = Day, StartTime = new LocalTime(15, 0), EndTime = new LocalTime(16, 30) });
        ev.AddSpeaker(new Speaker { Name = "Lise Howard", Role = SpeakerRole.Presenter, TimeZoneId = "America/New_York" }, clock).GetValueOrThrow();
        ev.AddSpeaker(new Speaker { Name = "Aiko Tanaka", Role = SpeakerRole.Presenter, TimeZoneId = "Asia/Tokyo" }, clock).GetValueOrThrow();
        ev.AddSpeaker(new Speaker { Name = "Thandi Nkosi", Role = SpeakerRole.Moderator, TimeZoneId = "Africa/Johannesburg" }, clock).GetValueOrThrow();
        return ev;
    }

    [Fact]
    public void For_ThreeContinents_GivesEachSpeakersLocalSlot()
    {
        var ev = ThreeContinents(_clock);
        var local = SpeakerHours.For(ev, WakingHours.Default).ToDictionary(s => s.Speaker.Name);

        Assert.Equal("Thandi Nkosi (moderator) - 15:00-16:30 in Johannesburg", local["Thandi Nkosi"].Line(ev.Date));
        Assert.Equal("Lise Howard (presenter) - 09:00-10:30 in New York", local["Lise Howard"].Line(ev.Date));
        Assert.Equal("Aiko Tanaka (presenter) - 22:00-23:30 in Tokyo", local["Aiko Tanaka"].Line(ev.Date));
        Assert.Equal([true, true, false], new[] { "Thandi Nkosi", "Lise Howard", "Aiko Tanaka" }.Select(n => local[n].IsInside));
        Assert.Equal("2 h 30 min after 21:00", local["Aiko Tanaka"].HowFarOutside(WakingHours.Default));
    }

    [Fact]
    public void Warning_NamesOnlyTheSpeakersOutsideTheirHours()
    {
        var ev = ThreeContinents(_clock);
        Assert.Equal(
            "Outside waking hours (08:00-21:00 local): the slot is 22:00-23:30 for Aiko Tanaka (Tokyo). Type `times #1` for start times that suit every speaker.",
            SpeakerHours.Warning(ev, WakingHours.Default));

        ev.SetSpeakerZone("Aiko Tanaka", "Asia/Kolkata", _clock).GetValueOrThrow(); // 18:30-20:00
        Assert.Null(SpeakerHours.Warning(ev, WakingHours.Default));
        Assert.NotNull(SpeakerHours.Warning(ev, new WakingHours(new LocalTime(9, 30), new LocalTime(20, 0)))); // New York 09:00 now too early
    }

    [Fact]
    public void Warning_DeclinedSpeakersAndSpeakersWithoutZone_AreLeftOut()
    {
        var ev = ThreeContinents(_clock);
        ev.SetSpeakerStatus("Aiko Tanaka", SpeakerStatus.Declined, _clock).GetValueOrThrow();
        ev.AddSpeaker(new Speaker { Name = "Kari Osland", Role = SpeakerRole.Discussant }, _clock).GetValueOrThrow();
        Assert.Null(SpeakerHours.Warning(ev, WakingHours.Default));
        Assert.Equal(["Thandi Nkosi", "Lise Howard"], SpeakerHours.WithZones(ev).Select(s => s.Name));
    }

    [Fact]
    public void For_AcrossAClockChangeBeforeTheEvent_UsesTheOffsetsOfTheEventsDate()
    {
        // Today New York is on EST (UTC-5). Two days after its next spring-forward it is on EDT while Oslo is still on
        // CET (Europe changes two or three weeks later): 13:30 Oslo is 12:30 UTC, 08:30 in New York, inside the hours.
        // Today's offset would say 07:30, outside.
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var springForward = TestDates.NextGap("America/New_York");
        var aWeekBefore = springForward.At - Duration.FromDays(7);
        if (aWeekBefore > _clock.GetCurrentInstant()) _clock.SetUtcNow(aWeekBefore.ToDateTimeOffset()); // winter in New York
        var date = springForward.Date.PlusDays(2);
        Assert.True(DateTimeZoneProviders.Tzdb["Europe/Oslo"].AtStartOfDay(date).Offset == Offset.FromHours(1),
            $"Test assumption broken: Oslo should still be on UTC+1 on {date}, two days after New York's clock change (TZDB {DateTimeZoneProviders.Tzdb.VersionId}).");
        var ev = TestEvents.Create(_clock, d => d with { Date = date, StartTime = new LocalTime(13, 30), EndTime = new LocalTime(15, 0) });
        ev.AddSpeaker(new Speaker { Name = "Lise Howard", Role = SpeakerRole.Presenter, TimeZoneId = "America/New_York" }, _clock).GetValueOrThrow();
        Assert.Equal(new LocalTime(7, 30), ev.StartsAt.WithOffset(newYork.GetUtcOffset(_clock.GetCurrentInstant())).TimeOfDay);

        var local = Assert.Single(SpeakerHours.For(ev, WakingHours.Default));
        Assert.Equal(date.At(new LocalTime(8, 30)), local.Start);
        Assert.Equal(30, local.MarginMinutes);
        Assert.Null(SpeakerHours.Warning(ev, WakingHours.Default));
    }

    [Fact]
    public void Times_OnAnotherDayForTheSpeaker_SayWhichDay()
    {
        var ev = TestEvents.Create(_clock, d => d with { Date = Day, StartTime = new LocalTime(18, 0), EndTime = new LocalTime(19, 30) });
        ev.AddSpeaker(new Speaker { Name = "Aiko Tanaka", Role = SpeakerRole.Keynote, TimeZoneId = "Asia/Tokyo" }, _clock).GetValueOrThrow();
        var local = Assert.Single(SpeakerHours.For(ev, WakingHours.Default));
        Assert.Equal("01:00-02:30 on " + Day.PlusDays(1).ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture), local.Times(ev.Date));
        Assert.Equal("5 h 30 min after 21:00", local.HowFarOutside(WakingHours.Default));
    }
}
