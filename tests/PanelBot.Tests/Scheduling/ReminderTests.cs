using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Scheduling;
using PanelBot.Tests.Support;
using Quartz;
using PanelBot.Features.Invitations;

namespace PanelBot.Tests.Scheduling;

/// <summary>
/// Reminders at the organiser's offsets reach each going participant once, by chat in the conversation where
/// they answered and by email through the outbox. The event is <see cref="Webinar"/> (15:00-16:30 Oslo); the
/// test moves the fake clock to just past each due time and the real Quartz scheduler, on its ADO store in the app's
/// SQLite database, fires within a poll or two (seconds).
/// </summary>
public sealed class ReminderTests
{
    private static readonly DateTimeOffset Start = Webinar.Start;

    [Fact]
    public async Task Reminders_AtTheOrganisersOffsets_ReachGoingParticipantsOnceByChatAndMail()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", joinUrl: null);
        var set = CardJson.TextOf(await bot.SayAsync("olga", $"remind #{number} 2d,30m"));
        Assert.Contains("2 days and 30 minutes before the start", set);
        await bot.SayAsync("alice", "email alice@example.org");
        await bot.SayAsync("alice", $"rsvp #{number} going");
        await bot.SayAsync("bob", $"rsvp #{number} going");
        await bot.SayAsync("carol", $"rsvp #{number} maybe");
        var eventId = await app.EventIdAsync(number);
        var names = (await app.TriggerRowsAsync(eventId)).Select(r => r.Name).ToList();
        Assert.Contains("reminder-2d", names);
        Assert.Contains("reminder-30m", names);
        Assert.DoesNotContain("reminder-3d", names);

        app.Clock.SetUtcNow(Start.AddDays(-2).AddSeconds(1));
        var first = await Proactive.WaitAsync(connector, "Reminder for", 2, app.Services);
        Assert.Equal(2, first.Count);
        Assert.Single(Proactive.To(connector, "alice", "Reminder for Alice: **#" + number));
        Assert.Single(Proactive.To(connector, "bob", "Reminder for Bob"));
        Assert.Empty(Proactive.To(connector, "carol", "Reminder"));
        Assert.Contains("starts in 2 days", first[0].Text);

        app.Clock.SetUtcNow(Start.AddMinutes(-30).AddSeconds(1));
        var all = await Proactive.WaitAsync(connector, "Reminder for", 4, app.Services);
        Assert.Equal(4, all.Count);
        Assert.Equal(2, Proactive.To(connector, "alice", "Reminder").Count);
        Assert.Contains(all, c => c.Text!.Contains("starts in 30 minutes"));

        var mails = await app.DbAsync(db => db.OutboxMessages.Where(m => m.Kind == ScheduledKinds.Reminder).ToListAsync());
        Assert.Equal(2, mails.Count); // Alice, twice; Bob gave no address
        Assert.All(mails, m => Assert.Equal("alice@example.org", m.Recipient));
        Assert.All(mails, m => Assert.StartsWith("Reminder: Peace operations and aid", MailHeaders.Subject(m.Mime)));
        var deliveries = await app.DbAsync(db => db.ScheduledDeliveries.CountAsync(d => d.Kind == ScheduledKinds.Reminder));
        Assert.Equal(6, deliveries); // 2 reminders x (2 chats + 1 mail)
    }

    [Fact]
    public async Task MovingAnEvent_MovesItsTriggers_AndCancellingRemovesThem()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        var eventId = await app.EventIdAsync(number);
        var before = (await app.TriggerRowsAsync(eventId)).ToDictionary(r => r.Name, r => r.NextFireTime);
        Assert.Contains("reminder-3d", before.Keys);
        Assert.Contains("reminder-1h", before.Keys);
        Assert.Contains("release", before.Keys);
        Assert.Contains("follow-up", before.Keys);
        Assert.Contains("digest", before.Keys);
        var scheduler = await app.SchedulerAsync();
        var oneHour = await scheduler.GetTrigger(new TriggerKey("reminder-1h", "event-" + eventId));
        Assert.Equal(Start.AddHours(-1), oneHour!.NextFireTimeUtc);

        var nextDay = Webinar.Date.PlusDays(1);
        await Organiser.DoAsync(bot, "olga", $"set #{number} date {TestDates.Iso(nextDay)}");
        var after = (await app.TriggerRowsAsync(eventId)).ToDictionary(r => r.Name, r => r.NextFireTime);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Equal(TimeSpan.FromDays(1).Ticks, after["reminder-1h"] - before["reminder-1h"]);
        Assert.Equal(TimeSpan.FromDays(1).Ticks, after["follow-up"] - before["follow-up"]);
        oneHour = await scheduler.GetTrigger(new TriggerKey("reminder-1h", "event-" + eventId));
        Assert.Equal(Start.AddDays(1).AddHours(-1), oneHour!.NextFireTimeUtc);

        var schedule = CardJson.TextOf(await bot.SayAsync("olga", $"schedule #{number}"));
        Assert.Contains(nextDay.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture), schedule);
        Assert.Contains("Reminder 1 hour before", schedule);

        await Organiser.DoAsync(bot, "olga", $"cancel #{number} Speaker ill");
        Assert.Empty(await app.TriggerRowsAsync(eventId));
        Assert.Contains("Nothing more is scheduled", CardJson.TextOf(await bot.SayAsync("olga", $"schedule #{number}")));
    }

    [Fact]
    public async Task RemindAndSchedule_ByNonOrganiser_AreRefused()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        Assert.Contains("Only the organisers", CardJson.TextOf(await bot.SayAsync("mallory", $"remind #{number} 5m")));
        Assert.Contains("Only the organisers", CardJson.TextOf(await bot.SayAsync("mallory", $"schedule #{number}")));
        var eventId = await app.EventIdAsync(number);
        Assert.DoesNotContain(await app.TriggerRowsAsync(eventId), r => r.Name == "reminder-5m");
    }
}
