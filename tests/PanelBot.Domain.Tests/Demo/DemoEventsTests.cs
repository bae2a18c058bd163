using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Demo;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Tests.Demo;

public sealed class DemoEventsTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    [Fact]
    public void Webinar_IsFullyPopulated_AtOsloAfternoonInTheComingWeeks()
    {
        var ev = DemoEvents.Create(_clock, TestEvents.Creator, 5)[0];
        Assert.Equal(5, ev.Number);
        Assert.Equal(EventKind.Webinar, ev.Kind);
        Assert.Equal(EventStatus.Published, ev.Status);
        Assert.StartsWith("The relationship between peace operations and humanitarian assistance", ev.Title);
        Assert.Equal("Europe/Oslo", ev.TimeZoneId);
        Assert.Equal((new LocalTime(15, 0), new LocalTime(16, 30)), (ev.StartTime, ev.EndTime));
        Assert.Equal(IsoDayOfWeek.Wednesday, ev.Date.DayOfWeek);
        Assert.InRange(Period.Between(TestEvents.Today, ev.Date, PeriodUnits.Days).Days, 14, 21);
        Assert.True(ev.Recorded);
        Assert.Equal("Zoom", ev.OnlineMeeting!.Platform);
        Assert.StartsWith("https://zoom.us/", ev.OnlineMeeting.JoinUrl);
        Assert.Equal(["Norwegian Centre for Humanitarian Studies", "Effectiveness of Peace Operations Network (EPON)"], ev.Hosts);
        Assert.Equal("Jenny Nordvedt", ev.Contact!.Name);
        Assert.Contains("MINUSCA", ev.Tags);
        Assert.Contains("MONUSCO", ev.Tags);
        Assert.Contains("MINUSMA", ev.Tags);

        var groups = ev.SpeakersByRole();
        Assert.Equal([SpeakerRole.Moderator, SpeakerRole.Presenter, SpeakerRole.Discussant], groups.Select(g => g.Role));
        Assert.Equal("Dr Cedric de Coning", groups[0].Speakers.Single().Name);
        Assert.Equal(["Carlo Koos", "Lise Morje Howard", "Natasja Rupesinghe"], groups[1].Speakers.Select(s => s.Name));
        Assert.Equal(["on the DRC", "on CAR", "on Mali"], groups[1].Speakers.Select(s => s.Topic));
        Assert.Equal(["NUPI", "PRIO"], groups[2].Speakers.Select(s => s.Affiliation));
        Assert.All(ev.Speakers, s => Assert.False(string.IsNullOrEmpty(s.Affiliation)));

        Assert.Equal(RunOfShowFit.ExactlyFills, ev.CheckRunOfShow().Fit);
        Assert.Contains(ev.Segments, s => s.Title.Contains("Q&A"));
        Assert.Equal(3, ev.Readings.Count(r => r.Url.StartsWith("https://effectivepeaceops.net/") && r.Timing == ReadingTiming.Before));
    }

    [Fact]
    public void Panel_IsFullyPopulated_PartOfTheKunoSeriesWithApproval()
    {
        var ev = DemoEvents.Create(_clock, TestEvents.Creator, 5)[1];
        Assert.Equal(6, ev.Number);
        Assert.Equal(EventKind.Panel, ev.Kind);
        Assert.StartsWith("Peacekeeping missions meet humanitarian action", ev.Title);
        Assert.Equal("Myths and Realities of (Dutch) Peacekeeping", ev.PartOf);
        Assert.Equal(["KUNO"], ev.Hosts);
        Assert.Equal("Europe/Amsterdam", ev.TimeZoneId);
        Assert.Equal(RegistrationMode.Approval, ev.RegistrationMode);
        Assert.True(ev.StartsAt > _clock.GetUtcNow().ToInstant());

        var moderator = ev.SpeakersByRole()[0].Speakers.Single();
        Assert.Equal(("Corinne Lamain", "KUNO", "Coordinator"), (moderator.Name, moderator.Affiliation, moderator.JobTitle));
        var panellists = ev.Speakers.Where(s => s.Role == SpeakerRole.Panellist).ToList();
        Assert.Equal(3, panellists.Count);
        Assert.Contains(panellists, s => s.Name == "Wendy MacClinchy" && s.Affiliation!.Contains("CIVIC") && s.JobTitle == "Director of the United Nations program");
        Assert.Contains(panellists, s => s.Name == "Steven Lanting" && s.Affiliation == "Save the Children" && s.JobTitle == "Global Lobby & Advocacy Lead");
        Assert.Contains(panellists, s => s.Status == SpeakerStatus.Tbc && s.Affiliation!.Contains("Ministry of Foreign Affairs"));
        Assert.Contains(ev.Readings, r => r.Author == "Oxfam" && r.Url.StartsWith("https://policy-practice.oxfam.org/"));
        Assert.NotEqual(RunOfShowFit.Overruns, ev.CheckRunOfShow().Fit);
    }

    [Fact]
    public void Webinar_SpeakersHaveTheirRealZones_AndTheSlotSuitsThemAllYearRound()
    {
        var ev = DemoEvents.Create(_clock, TestEvents.Creator, 5)[0];
        Assert.Equal("Africa/Johannesburg", ev.FindSpeaker("Dr Cedric de Coning")!.TimeZoneId); // Pretoria
        Assert.Equal("America/New_York", ev.FindSpeaker("Lise Morje Howard")!.TimeZoneId);     // Washington
        Assert.All(new[] { "Carlo Koos", "Natasja Rupesinghe", "Kari Osland", "Kristoffer Liden" },
            name => Assert.Equal("Europe/Oslo", ev.FindSpeaker(name)!.TimeZoneId));

        // 15:00 Oslo is 09:00 (or 10:00 in the weeks the clocks change apart) in Washington and 15:00-16:00 in Pretoria.
        for (var day = 0; day < 370; day += 7)
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(day));
            var webinar = DemoEvents.Webinar(clock, TestEvents.Creator, 1);
            Assert.Null(SpeakerHours.Warning(webinar, WakingHours.Default));
        }
    }

    [Fact]
    public void Create_AnyDayOfTheYear_Succeeds()
    {
        // Moving through a year exercises both DST changes and year ends.
        for (var day = 0; day < 370; day += 3)
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 23, 30, 0, TimeSpan.Zero).AddDays(day));
            Assert.Equal(2, DemoEvents.Create(clock, TestEvents.Creator).Count);
        }
    }
}
