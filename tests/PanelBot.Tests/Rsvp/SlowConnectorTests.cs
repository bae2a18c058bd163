using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Extensions;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;
using PanelBot.Tests.Support;
using PanelBot.Features.TeamsQueue;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// An answer is saved and shown from the committed change alone: refreshing the posted card, telling the person promoted
/// from the waitlist and looking up members' addresses go to the background queue, so a connector that hangs or throttles
/// does not hold up the click, and the queued work still gets done once Teams answers again.
/// </summary>
public sealed class SlowConnectorTests
{
    private const string Olga = "olga";

    [Fact]
    public Task ConnectorThatHangs_OnSqlite_InvokesAreAnsweredAndTheWorkIsDoneWhenItRecovers() =>
        HangsThenRecoversAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task ConnectorThatHangs_OnPostgreSql_InvokesAreAnsweredAndTheWorkIsDoneWhenItRecovers() =>
        HangsThenRecoversAsync(StorageProvider.PostgreSql);

    private static async Task HangsThenRecoversAsync(StorageProvider provider)
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = await BotApp.StartAsync(provider, connector.ServiceUrl);
        var number = await PostedWebinarAsync(app, connector);

        connector.Stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = app.Bot();
        var ann = await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        var ben = await bot.InvokeAsync("ben", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        var annNo = await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "no" });

        // All three answered while Teams has not answered a single call since the stall began.
        Assert.Contains("You're going.", CardJson.TextBlocks(ann.Card));
        Assert.Contains("You're on the waitlist (number 1).", CardJson.TextBlocks(ben.Card));
        Assert.Contains(CardJson.TextBlocks(annNo.Card), t => t.Contains($"You're not going to #{number}"));
        Assert.Contains("1 going · full", CardJson.TextBlocks(annNo.Card));
        await connector.WaitForAsync(c => c.Method == "PUT"); // the refresh is waiting on the connector...
        Assert.DoesNotContain(connector.Answered, c => c.Method == "PUT"); // ...and got no answer yet
        Assert.Equal(RsvpState.Going, await StateAsync(app, "ben"));

        connector.Stall.SetResult();
        await app.TeamsWorkDoneAsync();
        var told = Assert.Single(connector.Answered, c => c.Method == "POST" && c.Text?.Contains("Good news, Ben") == true);
        Assert.Equal($"/v3/conversations/{BotClient.PersonalConversation("ben")}/activities", told.Path);
        Assert.Contains($"you're now going to #{number}", told.Text);
        var lastRefresh = connector.Answered.Last(c => c.Method == "PUT");
        Assert.Contains("1 going · full", CardJson.AllText(lastRefresh.Json));
    }

    [Fact]
    public async Task ConnectorThatThrottles_InvokeIsAnsweredAndTheQueueRetriesUntilTeamsAccepts()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl)
        {
            // Retry at once (the fake clock does not move); the connector's Retry-After: 0 is honoured either way.
            Settings = { ["TeamsQueue:RetryBaseSeconds"] = "0" },
        };
        var number = await PostedWebinarAsync(app, connector);

        connector.ThrottleNext(10); // more than the connector client's own tries (4), so the queue must try again
        var bot = app.Bot();
        var ann = await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Equal(200, ann.HttpStatus);
        Assert.Contains("You're going.", CardJson.TextBlocks(ann.Card));
        Assert.Contains("1 going · full", CardJson.TextBlocks(ann.Card));

        await app.TeamsWorkDoneAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(10, connector.Throttled);
        var refresh = Assert.Single(connector.Answered, c => c.Method == "PUT");
        Assert.Contains("1 going · full", CardJson.AllText(refresh.Json));
    }

    [Fact]
    public async Task ManyAnswersBeforeTheQueueRuns_RefreshThePostedCardOnceWithTheLastCounts()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl);
        var number = await PostedWebinarAsync(app, connector);

        connector.Stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = app.Bot();
        await bot.InvokeAsync("u0", "rsvp", new() { ["event"] = number, ["answer"] = "maybe" });
        await connector.WaitForAsync(c => c.Method == "PUT"); // the first refresh is in flight, stalled
        foreach (var user in new[] { "u1", "u2", "u3", "u4", "u5" })
            await bot.InvokeAsync(user, "rsvp", new() { ["event"] = number, ["answer"] = "maybe" });
        var pending = await app.DbAsync(db => db.TeamsWork.AsNoTracking().Where(w => w.Kind == "refresh-cards" && w.ClaimedAt == null).CountAsync());
        Assert.Equal(1, pending); // five answers, one refresh waiting behind the one in flight

        connector.Stall.SetResult();
        await app.TeamsWorkDoneAsync();
        var refreshes = connector.Answered.Where(c => c.Method == "PUT").ToList();
        Assert.Equal(2, refreshes.Count);
        Assert.Contains("6 maybe", CardJson.AllText(refreshes[^1].Json));
    }

    [Fact]
    public async Task RefreshThatTeamsRefuses_WhileANewerOneWaits_GivesWayToIt()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl) { Settings = { ["TeamsQueue:RetryBaseSeconds"] = "0" } };
        var number = await PostedWebinarAsync(app, connector);

        connector.Stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = app.Bot();
        await bot.InvokeAsync("u0", "rsvp", new() { ["event"] = number, ["answer"] = "maybe" });
        await connector.WaitForAsync(c => c.Method == "PUT"); // the first refresh is in flight, stalled
        await bot.InvokeAsync("u1", "rsvp", new() { ["event"] = number, ["answer"] = "maybe" }); // a newer refresh waits

        connector.ThrottleNext(10); // the one in flight gives up (the connector client tries 4 times) and goes back
        connector.Stall.SetResult();
        await app.TeamsWorkDoneAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("2 maybe", CardJson.AllText(connector.Answered.Last(c => c.Method == "PUT").Json));
        Assert.Equal(0, await app.DbAsync(db => db.TeamsWork.CountAsync()));
        // The refused one went without a failed write: the waiting refresh covers it.
        Assert.DoesNotContain(app.Logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkLeftClaimedByACrashedInstance_IsDoneOnceItsClaimTimesOut()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl);
        var number = await PostedWebinarAsync(app, connector);
        var ev = await Organiser.EventAsync(app, number);
        var puts = connector.Answered.Count(c => c.Method == "PUT");

        // Another instance claimed a refresh of the posted card and died before doing it.
        await app.DbAsync(async db =>
        {
            db.TeamsWork.Add(new TeamsWorkItem
            {
                Kind = "refresh-cards", CoalesceKey = $"refresh-cards:event:{ev.Id}",
                Payload = System.Text.Json.JsonSerializer.Serialize(new CardRefresh(ev.Id)),
                NextAttemptAt = app.Clock.GetCurrentInstant(), ClaimedAt = app.Clock.GetCurrentInstant(), CreatedAt = app.Clock.GetCurrentInstant(),
            });
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TeamsWorkDispatcher>().Wake();
        Assert.Equal(1, await app.DbAsync(db => db.TeamsWork.CountAsync(w => w.ClaimedAt != null))); // claimed: not this instance's to run

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)); // TeamsQueue:ClaimTimeoutSeconds is 300
        await app.TeamsWorkDoneAsync();
        Assert.Equal(puts + 1, connector.Answered.Count(c => c.Method == "PUT"));
    }

    [Fact]
    public async Task WorkLeftClaimedByThePreviousRun_OnSqlite_IsDoneAtStartUp_OnceAKey()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var database = TestDatabase.Sqlite();
        var clock = TestClock.Create();
        await using (var first = new BotApp(database, clock, connector.ServiceUrl))
        {
            var ev = await Organiser.EventAsync(first, await PostedWebinarAsync(first, connector));
            // The process stopped while running two refreshes of the posted card (an older and a newer claim).
            await first.DbAsync(async db =>
            {
                for (var k = 0; k < 2; k++)
                {
                    db.TeamsWork.Add(new TeamsWorkItem
                    {
                        Kind = "refresh-cards", CoalesceKey = $"refresh-cards:event:{ev.Id}",
                        Payload = System.Text.Json.JsonSerializer.Serialize(new CardRefresh(ev.Id)),
                        NextAttemptAt = clock.GetCurrentInstant(), ClaimedAt = clock.GetCurrentInstant(), CreatedAt = clock.GetCurrentInstant(),
                    });
                }

                return await db.SaveChangesAsync();
            });
        }

        var puts = connector.Answered.Count(c => c.Method == "PUT");
        await using var second = new BotApp(database, clock, connector.ServiceUrl);
        await second.TeamsWorkDoneAsync(); // the clock stands still: no claim time-out is waited for
        Assert.Equal(puts + 1, connector.Answered.Count(c => c.Method == "PUT"));
        Assert.Contains(second.Logs.Entries, e => e.Contains("Released 1 Teams work items left claimed by the previous run", StringComparison.Ordinal));
    }

    private static async Task<int> PostedWebinarAsync(BotApp app, ConnectorRecorder connector)
    {
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1, publish: false, channel: BotClient.Teams);
        // Normal delivery: the card is posted through the connector and kept current there.
        await bot.SendAsync(Olga, $"publish #{number}", BotClient.Teams);
        await connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("is published"));
        await app.TeamsWorkDoneAsync();
        return number;
    }

    private static Task<RsvpState> StateAsync(BotApp app, string user) =>
        app.DbAsync(db => db.Registrations.AsNoTracking().Where(r => r.UserId == BotClient.Teams + ":" + user).Select(r => r.State).SingleAsync());
}
