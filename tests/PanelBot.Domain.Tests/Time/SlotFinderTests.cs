using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Tests.Time;

public sealed class SlotFinderTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    [Fact]
    public void Find_NewYorkAndTokyo_NoSlotFitsAnyDay_OffersTheFairestCompromise()
    {
        // New York's day (12:00-01:00 UTC in April) and Tokyo's (23:00-12:00 UTC) only touch at 12:00 UTC.
        var ev = SpeakerHoursTests.ThreeContinents(_clock);
        var search = SlotFinder.Find(ev, WakingHours.Default, _clock.GetCurrentInstant());

        Assert.False(search.EveryoneFits);
        Assert.Equal(3, search.SpeakerCount);
        var best = Assert.Single(search.Options);
        Assert.Equal(SpeakerHoursTests.Day.At(new LocalTime(13, 15)), best.Start); // 11:15 UTC
        Assert.Equal(-45, best.WorstMargin);
        var local = best.Speakers.ToDictionary(s => s.Speaker.Name);
        Assert.Equal("07:15-08:45", local["Lise Howard"].Times(ev.Date));
        Assert.Equal("20:15-21:45", local["Aiko Tanaka"].Times(ev.Date));
        Assert.Equal("45 min before 08:00", local["Lise Howard"].HowFarOutside(WakingHours.Default));
        Assert.Equal("45 min after 21:00", local["Aiko Tanaka"].HowFarOutside(WakingHours.Default));
        Assert.True(local["Thandi Nkosi"].IsInside);
    }

    [Fact]
    public void Find_ThreeZonesThatOverlap_ProposesThreeStartsInsideEveryonesDay_BestFirst()
    {
        var ev = SpeakerHoursTests.ThreeContinents(_clock);
        ev.SetSpeakerZone("Aiko Tanaka", "Asia/Kolkata", _clock).GetValueOrThrow(); // UTC+5:30
        var search = SlotFinder.Find(ev, WakingHours.Default, _clock.GetCurrentInstant());

        Assert.True(search.EveryoneFits);
        Assert.Equal(0, search.DaysSearched);
        Assert.Equal(3, search.Options.Count);
        // New York from 12:00 UTC, Kolkata until 15:30 UTC: the 90 minutes fit between 12:00 and 14:00 UTC (14:00-16:00 Oslo);
        // the centre, 13:00 UTC (15:00 Oslo), leaves 60 min on each side.
        Assert.Equal(SpeakerHoursTests.Day.At(new LocalTime(15, 0)), search.Options[0].Start);
        Assert.Equal(60, search.Options[0].WorstMargin);
        Assert.All(search.Options, o => Assert.True(o.SuitsEveryone));
        Assert.True(search.Options.Zip(search.Options.Skip(1)).All(p => p.First.WorstMargin >= p.Second.WorstMargin));
    }

    [Fact]
    public void Find_NoSpeakerHasAZone_SaysSo()
    {
        var ev = TestEvents.Create(_clock);
        ev.AddSpeaker(new Speaker { Name = "Kari Osland", Role = SpeakerRole.Discussant }, _clock).GetValueOrThrow();
        var search = SlotFinder.Find(ev, WakingHours.Default, _clock.GetCurrentInstant());
        Assert.Equal(0, search.SpeakerCount);
        Assert.Empty(search.Options);
    }

    [Fact]
    public void Find_OnlyAroundADifferingClockChange_LooksAtTheNearestDays()
    {
        // Hours 08:00-14:00 for a 60-minute event, New York and Oslo: six hours apart, their days only touch (14:00 Oslo is
        // 08:00 New York), but from 14 to 27 Mar 2027 New York is on summer time and Oslo not yet, five hours apart, and
        // 13:00-14:00 Oslo is 08:00-09:00 New York. From 10 Mar the nearest such day is 14 Mar, four days on.
        var hours = new WakingHours(new LocalTime(8, 0), new LocalTime(14, 0));
        var speakers = new[]
        {
            new Speaker { Name = "Lise Howard", Role = SpeakerRole.Presenter, TimeZoneId = "America/New_York" },
            new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter, TimeZoneId = "Europe/Oslo" },
        };
        var now = Instant.FromUtc(2026, 11, 22, 10, 0);
        var inWinter = SlotFinder.Find(new LocalDateTime(2027, 3, 10, 13, 0), 60, DateTimeZoneProviders.Tzdb["Europe/Oslo"], speakers, hours, now);

        Assert.True(inWinter.EveryoneFits);
        Assert.Equal(4, inWinter.DaysSearched); // 14 Mar, the first day New York is on summer time
        var option = Assert.Single(inWinter.Options);
        Assert.Equal(new LocalDateTime(2027, 3, 14, 13, 0), option.Start);
        Assert.Equal(["08:00-09:00", "13:00-14:00"], option.Speakers.Select(s => s.Times(s.Start.Date)));
    }

    [Fact]
    public void Find_OnTheDayThatIsUnderway_OffersOnlyStartsStillAhead()
    {
        var speakers = new[] { new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter, TimeZoneId = "Europe/Oslo" } };
        var now = Instant.FromUtc(2027, 4, 14, 15, 0); // 17:00 Oslo
        var search = SlotFinder.Find(new LocalDateTime(2027, 4, 14, 15, 0), 90, DateTimeZoneProviders.Tzdb["Europe/Oslo"], speakers, WakingHours.Default, now);
        Assert.True(search.EveryoneFits);
        Assert.All(search.Options, o => Assert.True(o.StartsAt > now, $"{o.Start} has passed"));
        Assert.Equal(new LocalDateTime(2027, 4, 14, 17, 15), search.Options[0].Start);
    }
}
