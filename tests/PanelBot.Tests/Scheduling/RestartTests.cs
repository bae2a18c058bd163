using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Scheduling;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Scheduling;

/// <summary>
/// The bot is stopped before a reminder is due and started after. Quartz finds the misfired trigger in its
/// store and fires it once (FireNow); the reminder job sends it only if the event has not started yet.
/// </summary>
public sealed class RestartTests
{
    private static readonly DateTimeOffset Start = Webinar.Start;

    [Fact]
    public async Task Reminder_DueWhileTheBotWasDown_ArrivesOnceAfterTheRestart_WhenTheEventHasNotStarted()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var database = TestDatabase.Sqlite();
        var clock = TestClock.Create();
        var number = await PlanAsync(connector, database, clock);

        clock.SetUtcNow(Start.AddMinutes(-30)); // the 1h reminder was due at 13:00, half an hour ago
        await using var restarted = new SchedulingApp(connector.ServiceUrl, database, clock).Start();
        var sent = await Proactive.WaitAsync(connector, "Reminder for Alice", 1, restarted.Services);
        Assert.Single(sent);
        Assert.Contains("starts in 1 hour", sent[0].Text);
        Assert.Equal(1, await restarted.DbAsync(db => db.ScheduledDeliveries.CountAsync(d => d.Kind == ScheduledKinds.Reminder)));
        var eventId = await restarted.EventIdAsync(number);
        Assert.DoesNotContain(await restarted.TriggerRowsAsync(eventId), r => r.Name == "reminder-1h"); // fired: a one-off is gone
    }

    [Fact]
    public async Task Reminder_DueWhileTheBotWasDown_IsSkippedAndLogged_WhenTheEventHasStarted()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var database = TestDatabase.Sqlite();
        var clock = TestClock.Create();
        await PlanAsync(connector, database, clock);

        clock.SetUtcNow(Start.AddMinutes(10));
        await using var restarted = new SchedulingApp(connector.ServiceUrl, database, clock).Start();
        await WaitForAsync(() => restarted.Logs.Entries.Any(e => e.Contains("reminder") && e.Contains("the event has started")));
        await AppIdle.WaitAsync(restarted.Services);
        Assert.Empty(Proactive.Messages(connector, "Reminder"));
        Assert.Equal(0, await restarted.DbAsync(db => db.ScheduledDeliveries.CountAsync(d => d.Kind == ScheduledKinds.Reminder)));
    }

    /// <summary>A published event with a 1h reminder and Alice going; the app that planned it is stopped.</summary>
    private static async Task<int> PlanAsync(ConnectorRecorder connector, TestDatabase database, FakeTimeProvider clock)
    {
        await using var first = new SchedulingApp(connector.ServiceUrl, database, clock).Start();
        var bot = first.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", joinUrl: null);
        Assert.Contains("1 hour before", CardJson.TextOf(await bot.SayAsync("olga", $"remind #{number} 1h")));
        await bot.SayAsync("alice", $"rsvp #{number} going");
        return number;
    }

    private static Task WaitForAsync(Func<bool> condition) => Eventually.Until(condition, "the misfire to be logged");
}
