using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// The join link reaches only organisers, and participants who are going once the release time has
/// come. Every raw reply body (cards, texts, invoke responses) and every card update sent to the connector is searched.
/// </summary>
public sealed class JoinLinkTests
{
    private const string Olga = "olga";
    private const string JoinUrl = "https://zoom.us/j/61234567890";
    private const string JoinLinkPart = "61234567890";

    [Fact]
    public async Task JoinLink_BeforeReleaseOrWhenNotGoing_NeverAppearsInAnyReplyOrCard()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl);
        var organiserBot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(organiserBot, Olga, capacity: 1, joinUrl: JoinUrl, releaseDays: 3, publish: false, channel: BotClient.Teams);
        var bot = app.Bot(); // a separate transcript: only what participants see
        // Published with normal delivery, so the shared card is posted through the connector and kept current there.
        await bot.SendAsync(Olga, $"publish #{number}", BotClient.Teams);
        var posted = await connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("is published"));

        await ParticipantsActAsync(bot, number);

        Assert.All(bot.Transcript, raw => Assert.DoesNotContain(JoinLinkPart, raw));
        await connector.WaitForAsync(call => call.Method == "PUT"); // the posted card was updated as counts changed...
        await app.TeamsWorkDoneAsync();
        Assert.All(connector.Calls, call => Assert.DoesNotContain(JoinLinkPart, call.Body)); // ...never with the link
        Assert.Contains("Sent to confirmed participants 3 days before", posted.Body);
    }

    [Fact]
    public async Task JoinLink_AfterRelease_OnlyGoingParticipantsAndOrganisersSeeIt()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 2, joinUrl: JoinUrl, releaseDays: 3, channel: BotClient.Teams);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        // Outside Teams a person is their channel and account id: Alice answers in the text channel as well.
        await bot.SayAsync("alice", $"rsvp #{number} going");
        await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" }); // waitlisted
        await bot.InvokeAsync("carol", "rsvp", new() { ["event"] = number, ["answer"] = "maybe" });

        // Organisers always see it, long before the release (the clock only moves forward).
        Assert.Contains(JoinUrl, CardJson.AllText(CardJson.Single(await bot.SayAsync(Olga, $"show #{number}", BotClient.Teams))));
        Assert.Contains(JoinUrl, (await bot.InvokeAsync(Olga, "refreshEvent", new() { ["event"] = number })).Raw);

        // Before the release (15:00 Oslo time three days before the webinar) even Alice, who is going, sees no link.
        var release = TestDates.UtcOffset(Webinar.Date.PlusDays(-3), Webinar.StartTime);
        app.Clock.SetUtcNow(release.AddMinutes(-1));
        Assert.DoesNotContain(JoinLinkPart, (await bot.InvokeAsync("alice", "refreshEvent", new() { ["event"] = number })).Raw);
        Assert.DoesNotContain(JoinLinkPart, CardJson.TextOf(await bot.SayAsync("alice", $"show #{number}")));

        app.Clock.SetUtcNow(release);
        var alicesCard = (await bot.InvokeAsync("alice", "refreshEvent", new() { ["event"] = number })).Card;
        var join = Assert.Single(CardJson.Actions(alicesCard), a => a["type"]!.GetValue<string>() == "Action.OpenUrl");
        Assert.Equal(JoinUrl, join["url"]!.GetValue<string>());
        Assert.Contains($"Join: {JoinUrl}", CardJson.TextOf(await bot.SayAsync("alice", $"show #{number}")));
        Assert.Contains(JoinUrl, CardJson.AllText(CardJson.Single(await bot.SayAsync("alice", $"show #{number}", BotClient.Teams))));

        foreach (var user in new[] { "bob", "carol", "dave" })
        {
            Assert.DoesNotContain(JoinLinkPart, (await bot.InvokeAsync(user, "refreshEvent", new() { ["event"] = number })).Raw);
            Assert.DoesNotContain(JoinLinkPart, CardJson.TextOf(await bot.SayAsync(user, $"show #{number}")));
        }
    }

    /// <summary>Everything a participant can do before the release: answer by button and text, look, list, change their mind.</summary>
    private static async Task ParticipantsActAsync(BotClient bot, int number)
    {
        var data = new System.Text.Json.Nodes.JsonObject { ["event"] = number, ["answer"] = "going" };
        await bot.InvokeAsync("alice", "rsvp", data); // going, but before the release
        await bot.InvokeAsync("bob", "rsvp", (System.Text.Json.Nodes.JsonObject)data.DeepClone()); // waitlisted
        await bot.SayAsync("carol", $"rsvp #{number} maybe");
        await bot.SubmitAsync("dave", new() { ["verb"] = "rsvp", ["event"] = number, ["answer"] = "no" });
        foreach (var user in new[] { "alice", "bob", "carol", "dave", "erin" })
        {
            await bot.InvokeAsync(user, "refreshEvent", new() { ["event"] = number });
            await bot.SayAsync(user, $"show #{number}");
            await bot.SayAsync(user, $"show #{number}", BotClient.Teams);
            await bot.SayAsync(user, $"show #{number}", BotClient.WebChat);
            await bot.SayAsync(user, "my events");
            await bot.SayAsync(user, "events");
            await bot.SayAsync(user, $"attendees #{number}");
        }
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "no" }); // Bob is promoted
        await bot.InvokeAsync("bob", "refreshEvent", new() { ["event"] = number });
        await bot.SayAsync("bob", $"show #{number}");
    }
}
