using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary>Events survive a restart (SQLite file) and the main flow works on PostgreSQL.</summary>
public sealed class PersistenceTests
{
    private const string Olga = "olga";

    [Fact]
    public async Task Events_AfterRestartOnTheSameSqliteFile_AreStillThere()
    {
        await using var database = TestDatabase.Sqlite();
        var clock = TestClock.Create();
        string shownBefore;
        int number;
        await using (var first = new BotApp(database, clock))
        {
            var bot = first.Bot();
            number = Organiser.NumberIn(await Organiser.DoAsync(bot, Olga, RealEvents.NewWebinar));
            foreach (var command in RealEvents.WebinarCommands(number)) await Organiser.DoAsync(bot, Olga, command);
            await bot.SayAsync(Olga, $"publish #{number}");
            await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
            shownBefore = CardJson.TextOf(await bot.SayAsync(Olga, $"show #{number}"));
        }

        await using var second = new BotApp(database, clock);
        var again = second.Bot();
        var shownAfter = CardJson.TextOf(await again.SayAsync(Olga, $"show #{number}"));

        Assert.Equal(shownBefore, shownAfter);
        Assert.Contains("1 going · 99 seats left", shownAfter);
        Assert.Contains("Kristoffer Liden (PRIO)", shownAfter);
        Assert.Contains($"#{number}", CardJson.TextOf(await again.SayAsync("alice", "my events", BotClient.Teams)));
        // Numbering continues after the restart.
        var next = Organiser.NumberIn(await Organiser.DoAsync(again, Olga, RealEvents.NewPanel));
        Assert.Equal(number + 1, next);
    }

    [PostgresFact]
    public async Task MainFlow_OnPostgreSql_CreatesShowsPublishesAndTakesRsvps()
    {
        await using var app = await BotApp.StartAsync(StorageProvider.PostgreSql);
        var bot = app.Bot();

        var webinar = Organiser.NumberIn(await Organiser.DoAsync(bot, Olga, RealEvents.NewWebinar));
        foreach (var command in RealEvents.WebinarCommands(webinar)) await Organiser.DoAsync(bot, Olga, command);
        var panel = Organiser.NumberIn(await Organiser.DoAsync(bot, Olga, RealEvents.NewPanel));
        foreach (var command in RealEvents.PanelCommands(panel)) await Organiser.DoAsync(bot, Olga, command);
        Assert.Contains($"#{webinar} is published", CardJson.TextOf(await bot.SayAsync(Olga, $"publish #{webinar}")));
        var rsvp = await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = webinar, ["answer"] = "going" });
        var before = await Organiser.SnapshotAsync(app, webinar);
        var refused = CardJson.TextOf(await bot.SayAsync("mallory", $"set #{webinar} title Hijacked"));

        Assert.Contains("You're going.", CardJson.TextBlocks(rsvp.Card));
        Assert.Contains("Only the organisers", refused);
        Assert.Equal(before, await Organiser.SnapshotAsync(app, webinar));
        var card = CardJson.Single(await bot.SayAsync(Olga, $"show #{webinar}", BotClient.Teams));
        Assert.Equal(Webinar.When, CardJson.Fact(card, "When"));
        Assert.Contains("Lise Morje Howard (Georgetown & EPON), on CAR", CardJson.TextBlocks(card));
        Assert.Contains("1 going · 99 seats left", CardJson.TextBlocks(card));
        var panelText = CardJson.TextOf(await bot.SayAsync(Olga, $"show #{panel}"));
        Assert.Contains("- Representative of the Ministry of Foreign Affairs NL (Ministry of Foreign Affairs of the Netherlands) (tbc)", panelText);
        Assert.Contains("Part of: Myths and Realities of (Dutch) Peacekeeping", panelText);
        var list = CardJson.TextOf(await bot.SayAsync(Olga, "events"));
        Assert.Contains($"**#{webinar}** {RealEvents.WebinarTitle} (webinar, published)", list);
        Assert.Contains($"**#{panel}** {RealEvents.PanelTitle} (panel, draft)", list);
    }
}
