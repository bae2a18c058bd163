using NodaTime;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Tests.Commands;

public sealed class SetValueTests
{
    private readonly FakeTimeProvider _clock = TestEvents.Clock();

    private Event Apply(string line, Event? ev = null)
    {
        ev ??= TestEvents.Create(_clock);
        Assert.True(CommandParser.TryParse(line, TestEvents.Today, out var command, out var error), error?.Message);
        var result = SetValue.Apply(ev, (SetCommand)command, TestEvents.Today, _clock);
        Assert.True(result.IsSuccess, result.ErrorMessage);
        return ev;
    }

    [Fact]
    public void Set_Venue_SplitsNameAddressCity()
    {
        var ev = Apply("set #1 venue Pakhuis de Zwijger; Piet Heinkade 179; Amsterdam");
        Assert.Equal(new Venue("Pakhuis de Zwijger", "Piet Heinkade 179", "Amsterdam"), ev.Venue);
        Apply("set #1 venue none", ev);
        Assert.Null(ev.Venue);
    }

    [Fact]
    public void Set_Link_GuessesPlatformAndBumpsSequence()
    {
        var ev = Apply("set #1 link https://zoom.us/j/61234567890");
        Assert.Equal(new OnlineMeeting("Zoom", "https://zoom.us/j/61234567890"), ev.OnlineMeeting);
        Assert.Equal(1, ev.Sequence);
    }

    [Fact]
    public void Set_ContactHostsTagsCapacityDeadlineApproval_AreApplied()
    {
        var ev = Apply("set #1 contact Jenny Nordvedt <jenny@example.org>");
        Apply("set #1 hosts Norwegian Centre for Humanitarian Studies; EPON", ev);
        Apply("set #1 tags MINUSCA, MONUSCO, MINUSMA", ev);
        Apply("set #1 capacity 2", ev);
        var deadline = TestEvents.Date.PlusDays(-1).At(new LocalTime(12, 0));
        Apply($"set #1 deadline {TestDates.Short(deadline)}", ev);
        Apply("set #1 approval on", ev);
        Apply("set #1 recorded yes", ev);
        Apply("set #1 release 5", ev);
        Apply("set #1 partof Myths and Realities of (Dutch) Peacekeeping", ev);
        Assert.Equal(new ContactPerson("Jenny Nordvedt", "jenny@example.org"), ev.Contact);
        Assert.Equal(["Norwegian Centre for Humanitarian Studies", "EPON"], ev.Hosts);
        Assert.Equal(["MINUSCA", "MONUSCO", "MINUSMA"], ev.Tags);
        Assert.Equal(2, ev.Capacity);
        Assert.Equal(deadline, ev.RsvpDeadline);
        Assert.Equal(RegistrationMode.Approval, ev.RegistrationMode);
        Assert.True(ev.Recorded);
        Assert.Equal(5, ev.JoinLinkReleaseDays);
        Assert.Equal("Myths and Realities of (Dutch) Peacekeeping", ev.PartOf);
    }

    [Fact]
    public void Set_DateAndTimeRange_Reschedule()
    {
        var ev = Apply("set #1 date next thursday");
        Assert.Equal(TestEvents.Today.Next(IsoDayOfWeek.Thursday), ev.Date);
        Apply("set #1 start 2pm-3:30pm", ev);
        Assert.Equal((new LocalTime(14, 0), new LocalTime(15, 30)), (ev.StartTime, ev.EndTime));
    }

    [Fact]
    public void Set_NegativeCapacity_FailsWithFieldError()
    {
        var ev = TestEvents.Create(_clock);
        var result = SetValue.Apply(ev, EventField.Capacity, "-1", TestEvents.Today, _clock);
        Assert.Equal("capacity", Assert.Single(result.Errors).Field);
        Assert.Null(ev.Capacity);
    }

    [Fact]
    public void Set_ZoneTypo_SuggestsAndKeepsTheZone()
    {
        var ev = TestEvents.Create(_clock);
        var result = SetValue.Apply(ev, EventField.Zone, "Europe/Olso", TestEvents.Today, _clock);
        Assert.Contains("Did you mean Europe/Oslo?", result.ErrorMessage);
        Assert.Equal("Europe/Oslo", ev.TimeZoneId);
    }

    [Fact]
    public void Set_BadDate_SaysHowToWriteIt()
    {
        var ev = TestEvents.Create(_clock);
        var year = TestDates.NextYearWithFebruaryOf(28);
        Assert.Contains($"February {year} has 28 days", SetValue.Apply(ev, EventField.Date, $"{year}-02-31", TestEvents.Today, _clock).ErrorMessage);
    }
}
