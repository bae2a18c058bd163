using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Rsvp;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>Capacity, first-come waitlist, promotion with a message, and harmless double clicks.</summary>
public sealed class WaitlistTests
{
    private const string Olga = "olga";

    [Fact]
    public async Task ThirdOfThree_CapacityTwo_WaitsAndIsPromotedAndToldWhenASeatFrees()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 2);

        var alice = await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        var bob = await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        var carol = await bot.InvokeAsync("carol", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Contains("You're going.", CardJson.TextBlocks(alice.Card));
        Assert.Contains("You're going.", CardJson.TextBlocks(bob.Card));
        var carolTexts = CardJson.TextBlocks(carol.Card);
        Assert.Contains(carolTexts, t => t.Contains($"#{number} is full: you're number 1 on the waitlist"));
        Assert.Contains("You're on the waitlist (number 1).", carolTexts);
        Assert.Contains("2 going · 1 on the waitlist · full", carolTexts);
        Assert.Contains("waitlisted (number 1)", CardJson.TextOf(await bot.SayAsync("carol", "my events", BotClient.Teams)));

        // Bob can't come after all (by text this time, in Teams where he clicked): Carol gets his seat.
        var bobNo = CardJson.TextOf(await bot.SayAsync("bob", $"rsvp #{number} no", BotClient.Teams));
        Assert.Contains($"You're not going to #{number}", bobNo);

        var carolsEvents = CardJson.TextOf(await bot.SayAsync("carol", "my events", BotClient.Teams));
        Assert.Contains($"**#{number}**", carolsEvents);
        Assert.Contains("· going", carolsEvents);
        Assert.DoesNotContain("waitlisted", carolsEvents);

        var told = await connector.WaitForAsync(c =>
            c.Method == "POST" && c.Path == "/v3/conversations/personal-carol/activities" && c.Text?.Contains("Good news, Carol") == true);
        Assert.Contains($"you're now going to #{number}", told.Text);

        var states = await app.DbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.UserId, r => r.State));
        Assert.Equal(RsvpState.Going, states["msteams:alice"]);
        Assert.Equal(RsvpState.No, states["msteams:bob"]);
        Assert.Equal(RsvpState.Going, states["msteams:carol"]);
    }

    [Fact]
    public async Task Promotion_WhenTheConnectorIsUnreachable_StillPromotes()
    {
        await using var app = new BotApp(); // serviceUrl http://127.0.0.1:9/: the "Good news" message fails and is logged
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1);
        await bot.SayAsync("alice", $"rsvp #{number} going");
        await bot.SayAsync("bob", $"rsvp #{number} going");

        var aliceNo = CardJson.TextOf(await bot.SayAsync("alice", $"rsvp #{number} no"));

        Assert.DoesNotContain("something went wrong", aliceNo);
        Assert.Contains("· going", CardJson.TextOf(await bot.SayAsync("bob", "my events")));
    }

    [Fact]
    public async Task Going_ClickedTenTimesAtOnce_RecordsOneRsvp()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 5);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            bot.InvokeAsync("dana", "rsvp", new() { ["event"] = number, ["answer"] = "going" })));

        Assert.True(clicks.All(c => c.HttpStatus == 200), string.Join("\n", clicks) + "\n" + string.Join("\n", app.Logs.Entries));
        Assert.All(clicks, c => Assert.Contains("You're going.", CardJson.TextBlocks(c.Card)));
        // The first clicks of a new person in a new conversation race to record both; none of them fails a write.
        Assert.DoesNotContain(app.Logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
        var registrations = await app.DbAsync(db => db.Registrations.AsNoTracking().ToListAsync());
        var only = Assert.Single(registrations);
        Assert.Equal("msteams:dana", only.UserId); // channel and account id: no Entra object id in this activity
        Assert.Equal(RsvpState.Going, only.State);
        var card = CardJson.Single(await bot.SayAsync(Olga, $"show #{number}", BotClient.Teams));
        Assert.Contains("1 going · 4 seats left", CardJson.TextBlocks(card));
    }

    [Fact]
    public async Task Going_ClickedTenTimesInARow_RecordsOneRsvpAndSaysNoChange()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 5);

        var clicks = new List<InvokeResult>();
        for (var i = 0; i < 10; i++)
            clicks.Add(await bot.InvokeAsync("dana", "rsvp", new() { ["event"] = number, ["answer"] = "going" }));

        Assert.Contains(CardJson.TextBlocks(clicks[0].Card), t => t.Contains($"You're going to #{number}"));
        Assert.All(clicks.Skip(1), c => Assert.Contains(CardJson.TextBlocks(c.Card), t => t.Contains($"No change: going for #{number}")));
        Assert.Equal(1, await app.DbAsync(db => db.Registrations.CountAsync()));
    }
}
