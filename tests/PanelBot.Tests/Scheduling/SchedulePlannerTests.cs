using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Features.Scheduling;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Scheduling;

/// <summary>The pure rules behind the triggers: what is planned when, what a misfired reminder is still good for.</summary>
public sealed class SchedulePlannerTests
{
    private static readonly SchedulingOptions Options = new();

    private static Event Webinar(FakeTimeProvider clock, bool publish = true, string? joinUrl = "https://zoom.us/j/1")
    {
        var ev = Event.Create(1, new EventDetails
        {
            Kind = EventKind.Webinar, Title = "Peace operations", Date = Support.Webinar.Date,
            StartTime = new LocalTime(15, 0), EndTime = new LocalTime(16, 30), TimeZoneId = "Europe/Oslo",
            OnlineMeeting = joinUrl is null ? null : new OnlineMeeting("Zoom", joinUrl),
        }, "olga", clock).Value!;
        if (publish) ev.Publish(clock);
        return ev;
    }

    [Fact]
    public void Plan_PublishedEvent_HasDefaultRemindersReleaseFollowUpAndDigest()
    {
        var clock = TestClock.Create();
        var plan = SchedulePlanner.Plan(Webinar(clock), null, Options, clock.GetCurrentInstant());
        Assert.Equal(["release", "reminder-3d", "reminder-1h", "follow-up", "digest"], plan.OrderBy(p => p.Name == "digest").ThenBy(p => p.FireAt).ThenBy(p => p.Name).Select(p => p.Name));
        var start = Support.Webinar.Start.ToInstant();
        Assert.Equal(start - Duration.FromHours(1), plan.Single(p => p.Name == "reminder-1h").FireAt);
        Assert.Equal(start + Duration.FromMinutes(150), plan.Single(p => p.Name == "follow-up").FireAt);
    }

    [Fact]
    public void Plan_LeavesOutWhatIsPast_AndTheDigestWhenNoDigestTimeIsLeft()
    {
        var clock = TestClock.Create();
        var ev = Webinar(clock);
        clock.SetUtcNow(Support.Webinar.Start.AddMinutes(-30)); // after 08:00 Oslo on the day, 30 min before
        var names = SchedulePlanner.Plan(ev, null, Options, clock.GetCurrentInstant()).Select(p => p.Name).ToList();
        Assert.Equal(["follow-up"], names);
    }

    [Fact]
    public void Plan_DraftOrCancelled_PlansNothing_UnlessPreviewed()
    {
        var clock = TestClock.Create();
        var draft = Webinar(clock, publish: false);
        Assert.Empty(SchedulePlanner.Plan(draft, null, Options, clock.GetCurrentInstant()));
        Assert.NotEmpty(SchedulePlanner.Plan(draft, null, Options, clock.GetCurrentInstant(), asPublished: true));
        var cancelled = Webinar(clock);
        cancelled.Cancel("ill", clock);
        Assert.Empty(SchedulePlanner.Plan(cancelled, null, Options, clock.GetCurrentInstant()));
    }

    [Fact]
    public void Plan_OrganisersOffsets_ReplaceTheDefaults()
    {
        var clock = TestClock.Create();
        var settings = new EventScheduleSettings { EventId = 1, ReminderOffsets = "2d,90m" };
        var reminders = SchedulePlanner.Plan(Webinar(clock), settings, Options, clock.GetCurrentInstant())
            .Where(p => p.Kind == ScheduledKinds.Reminder).Select(p => p.Name).ToList();
        Assert.Equal(["reminder-2d", "reminder-90m"], reminders);
    }

    [Fact]
    public void IsReminderUseful_OnlyBeforeTheStartAndNotEarly()
    {
        var clock = TestClock.Create();
        var ev = Webinar(clock);
        var start = ev.StartsAt;
        var hour = Duration.FromHours(1);
        Assert.True(SchedulePlanner.IsReminderUseful(ev, hour, start - hour));
        Assert.True(SchedulePlanner.IsReminderUseful(ev, hour, start - Duration.FromMinutes(1))); // late, still useful
        Assert.False(SchedulePlanner.IsReminderUseful(ev, hour, start)); // started
        Assert.False(SchedulePlanner.IsReminderUseful(ev, hour, start - Duration.FromHours(3))); // early: the event moved
    }

    [Theory]
    [InlineData("3d", true)]
    [InlineData("45m", true)]
    [InlineData("61d", false)]
    [InlineData("0h", false)]
    [InlineData("10s", false)]
    public void Options_DefaultReminders_AreValidatedAtStartUp(string reminder, bool valid)
    {
        var result = new SchedulingOptionsValidator().Validate(null, new SchedulingOptions { DefaultReminders = [reminder] });
        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Options_DigestTime_MustBeATimeOfDay() =>
        Assert.True(new SchedulingOptionsValidator().Validate(null, new SchedulingOptions { DigestTime = "8 o'clock" }).Failed);
}
