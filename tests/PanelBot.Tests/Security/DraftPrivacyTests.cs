using System.Net;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Security;

/// <summary>A draft exists only for its organisers: strangers who count event numbers learn nothing of it.</summary>
public sealed class DraftPrivacyTests
{
    private const string Title = "Secret strategy offsite";

    [Fact]
    public async Task Draft_ShownOnlyToOrganisers_ByTextButtonAttendeesRsvpAndCalendar()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", title: Title, publish: false, channel: BotClient.Teams);

        var show = CardJson.TextOf(await bot.SayAsync("mallory", $"show #{number}"));
        var refresh = await bot.InvokeAsync("mallory", "refreshEvent", new() { ["event"] = number });
        var attendees = CardJson.TextOf(await bot.SayAsync("mallory", $"attendees #{number}"));
        var rsvp = CardJson.TextOf(await bot.SayAsync("mallory", $"rsvp #{number} going"));
        using var ics = await app.CreateClient().GetAsync($"/events/{number}.ics");

        foreach (var answer in new[] { show, refresh.Message, attendees, rsvp })
        {
            Assert.Contains($"I can't find event #{number}", answer);
            Assert.DoesNotContain(Title, answer);
        }
        Assert.Equal(HttpStatusCode.NotFound, ics.StatusCode);
        Assert.Contains(Title, CardJson.AllText(CardJson.Single(await bot.SayAsync("olga", $"show #{number}", BotClient.Teams))));
    }

    [Fact]
    public async Task Published_IsVisibleToEveryone()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", title: Title);

        Assert.Contains(Title, CardJson.TextOf(await bot.SayAsync("mallory", $"show #{number}")));
    }
}
