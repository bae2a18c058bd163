using System.Text.Json.Nodes;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>The adaptiveCard/action invoke response is what Teams expects.</summary>
public sealed class InvokeResponseTests
{
    [Fact]
    public async Task RsvpInvoke_AnswersHttp200WithTheRefreshedAdaptiveCard()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 10);

        var response = await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(200, response.Body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.Body["type"]!.GetValue<string>());
        var card = response.Card;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("1 going · 9 seats left", CardJson.TextBlocks(card));
        // The viewer's own answer is highlighted and the buttons stay Universal Actions.
        var buttons = CardJson.Actions(card).Where(a => a["verb"]?.GetValue<string>() == "rsvp").ToList();
        Assert.Equal(3, buttons.Count);
        Assert.All(buttons, b => Assert.Equal("Action.Execute", b["type"]!.GetValue<string>()));
        var going = Assert.Single(buttons, b => b["data"]!["answer"]!.GetValue<string>() == "going");
        Assert.Equal("positive", going["style"]?.GetValue<string>());
        Assert.Equal("refreshEvent", card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.NotNull(card["refresh"]!["userIds"] as JsonArray);
    }

    [Fact]
    public async Task RefreshInvoke_AnswersWithTheViewersOwnCard()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 1);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        var bobs = await bot.InvokeAsync("bob", "refreshEvent", new() { ["event"] = number });
        var carols = await bot.InvokeAsync("carol", "refreshEvent", new() { ["event"] = number });

        Assert.Equal(200, bobs.HttpStatus);
        Assert.Equal(CardJson.AdaptiveContentType, bobs.Type);
        Assert.Contains("You're on the waitlist (number 1).", CardJson.TextBlocks(bobs.Card));
        Assert.DoesNotContain(CardJson.TextBlocks(carols.Card), t => t.StartsWith("You", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownVerb_StillAnswersHttp200WithAMessage()
    {
        await using var app = new BotApp();
        var bot = app.Bot();

        var response = await bot.InvokeAsync("alice", "noSuchVerb");

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(200, response.Body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", response.Type);
        Assert.Contains("help", response.Message);
    }
}
