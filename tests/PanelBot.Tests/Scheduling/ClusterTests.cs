using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Scheduling;
using PanelBot.Tests.Support;
using PanelBot.Features.Invitations;

namespace PanelBot.Tests.Scheduling;

/// <summary>
/// Two instances of the bot on one PostgreSQL database, both running with Quartz clustered: every reminder
/// goes out exactly once, whichever node fires it.
/// </summary>
public sealed class ClusterTests
{
    private static readonly DateTimeOffset Start = Webinar.Start;

    [PostgresFact]
    public async Task TwoInstancesOnOnePostgresDatabase_SendEveryReminderExactlyOnce()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var database = await TestDatabase.PostgresAsync();
        var clock = TestClock.Create();
        // The jump below leaves the 1h reminders half an hour late: Quartz finds such misfired triggers once per
        // threshold of real time (60 s by default), so a short threshold keeps the wait well inside the time-out.
        var settings = new Dictionary<string, string> { ["Scheduling:MisfireThresholdSeconds"] = "2" };
        await using var one = new SchedulingApp(connector.ServiceUrl, database, clock, settings).Start();
        await using var two = new SchedulingApp(connector.ServiceUrl, database, clock, settings).Start();
        var bots = new[] { one.Bot(), two.Bot() };
        string[] people = ["alice", "bob", "carol", "dave"];
        const int events = 3;
        for (var e = 0; e < events; e++)
        {
            var number = await Organiser.CreateWebinarAsync(bots[e % 2], "olga", title: $"Panel {e}", joinUrl: null);
            await bots[(e + 1) % 2].SayAsync("olga", $"remind #{number} 1h,30m");
            for (var p = 0; p < people.Length; p++)
            {
                if (p % 2 == 0) await bots[p % 2].SayAsync(people[p], $"email {people[p]}@example.org");
                await bots[p % 2].SayAsync(people[p], $"rsvp #{number} going");
            }
        }
        var nodes = await one.DbAsync(db => db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync());
        Assert.Equal(2, nodes.Distinct().Count());

        clock.SetUtcNow(Start.AddMinutes(-29)); // both reminders of every event are due
        const int expected = events * 2 * 4;
        // Counted once both nodes have nothing left to fire or send, so a reminder sent twice would be counted.
        var sent = await Proactive.WaitAsync(connector, "Reminder for", expected, TimeSpan.FromSeconds(60), one.Services, two.Services);
        Assert.Equal(expected, sent.Count);
        Assert.Equal(expected, sent.Select(c => (c.Path, c.Text)).Distinct().Count());
        var chats = await one.DbAsync(db => db.ScheduledDeliveries.CountAsync(d => d.Kind == ScheduledKinds.Reminder && d.Channel == "chat"));
        var mails = await one.DbAsync(db => db.ScheduledDeliveries.CountAsync(d => d.Kind == ScheduledKinds.Reminder && d.Channel == "mail"));
        Assert.Equal(expected, chats);
        Assert.Equal(events * 2 * 2, mails);
        Assert.Equal(events * 2 * 2, await one.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == ScheduledKinds.Reminder)));
    }
}
