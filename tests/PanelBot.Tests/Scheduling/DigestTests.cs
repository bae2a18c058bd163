using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Scheduling;
using PanelBot.Tests.Support;
using Quartz;

namespace PanelBot.Tests.Scheduling;

/// <summary>
/// The organiser digest on its real Quartz cron trigger (08:00 in the event's zone, Europe/Oslo: 07:00 UTC in
/// winter). The fake clock starts on Sunday 22 Nov 2026 10:00 UTC; each step moves it to just past a digest time,
/// inside the misfire threshold, so the scheduler fires the trigger as it would have at that moment.
/// </summary>
public sealed class DigestTests
{
    // Day 22 is the tests' today (22 Nov 2026 at the default now); 08:00 Oslo on the day that many days later.
    private static DateTimeOffset DigestOn(int day) => TestDates.UtcOffset(TestDates.Today().PlusDays(day - 22), new NodaTime.LocalTime(8, 0));

    [Fact]
    public async Task Digest_FiresAtTheDigestTimeInTheEventsZone_OnDaysWithRsvpChanges_AndNotOnADayWithout()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        var key = new TriggerKey("digest", "event-" + await app.EventIdAsync(number));
        var scheduler = await app.SchedulerAsync();
        Assert.Equal(DigestOn(23), (await scheduler.GetTrigger(key))!.NextFireTimeUtc); // 08:00 Oslo, not 08:00 UTC

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.SayAsync("alice", $"rsvp #{number} going");
        app.Clock.SetUtcNow(DigestOn(23).AddSeconds(1));
        var first = Assert.Single(await Proactive.WaitAsync(connector, "RSVP changes for", 1, app.Services));
        Assert.Contains(BotClient.PersonalConversation("olga"), first.Path);
        Assert.Contains("- Alice: going", first.Text);

        // A day without changes: the trigger fires (its next time moves on a day) and nothing is sent.
        app.Clock.SetUtcNow(DigestOn(24).AddSeconds(1));
        await WaitForNextFireAsync(scheduler, key, DigestOn(25));
        await bot.SayAsync("bob", $"rsvp #{number} maybe");
        app.Clock.SetUtcNow(DigestOn(25).AddSeconds(1));
        var digests = await Proactive.WaitAsync(connector, "RSVP changes for", 2, app.Services);
        Assert.Equal(2, digests.Count);
        Assert.Contains("- Bob: maybe", digests[1].Text);
        Assert.DoesNotContain("Alice", digests[1].Text);
        Assert.Equal(2, await app.DbAsync(db => db.ScheduledDeliveries.CountAsync(d => d.Kind == ScheduledKinds.Digest)));
    }

    [Fact]
    public async Task Digest_AfterTheClockJumpsOverSeveralDigestTimes_FiresAtTheNextOne()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        // Quartz looks for misfired triggers once per threshold; a short one keeps the test quick.
        await using var app = new SchedulingApp(connector.ServiceUrl,
            settings: new Dictionary<string, string> { ["Scheduling:MisfireThresholdSeconds"] = "2" }).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        var key = new TriggerKey("digest", "event-" + await app.EventIdAsync(number));
        var scheduler = await app.SchedulerAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.SayAsync("alice", $"rsvp #{number} going");

        // Missed digests are not made up (misfire: do nothing); the next one, 08:00 Oslo on 6 Dec, still comes.
        app.Clock.SetUtcNow(TestDates.UtcOffset(TestDates.Today().PlusDays(13), new NodaTime.LocalTime(15, 0)));
        await WaitForNextFireAsync(scheduler, key, TestDates.UtcOffset(TestDates.Today().PlusDays(14), new NodaTime.LocalTime(8, 0)));
        Assert.Empty(Proactive.Messages(connector, "RSVP changes for"));
        app.Clock.SetUtcNow(TestDates.UtcOffset(TestDates.Today().PlusDays(14), new NodaTime.LocalTime(8, 0)).AddSeconds(1));
        var digest = Assert.Single(await Proactive.WaitAsync(connector, "RSVP changes for", 1, app.Services));
        Assert.Contains("- Alice: going", digest.Text);
    }

    [Fact]
    public async Task Digest_GoesToEveryOrganiser_EachInTheir1To1Chat()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        await bot.SayAsync("mallory", "help"); // her 1:1 chat with the bot
        await Organiser.DoAsync(bot, "olga", $"organiser #{number} add mallory");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.SayAsync("alice", $"rsvp #{number} going");

        app.Clock.SetUtcNow(DigestOn(23).AddSeconds(1));
        var digests = await Proactive.WaitAsync(connector, "RSVP changes for", 2, app.Services);
        Assert.Equal(2, digests.Count);
        Assert.Single(Proactive.To(connector, "olga", "RSVP changes for"));
        Assert.Single(Proactive.To(connector, "mallory", "RSVP changes for"));
        Assert.Empty(Proactive.To(connector, "alice", "RSVP changes for"));
        Assert.All(digests, d => Assert.Contains("- Alice: going", d.Text));
        var keys = await app.DbAsync(db => db.ScheduledDeliveries.Where(d => d.Kind == ScheduledKinds.Digest).Select(d => d.Key).ToListAsync());
        Assert.Equal(2, keys.Count);
    }

    private static Task WaitForNextFireAsync(IScheduler scheduler, TriggerKey key, DateTimeOffset expected) =>
        Eventually.Until(async () => (await scheduler.GetTrigger(key))?.NextFireTimeUtc, next => next == expected,
            next => $"the digest trigger's next fire time {expected:O} (it is {next:O})");
}
