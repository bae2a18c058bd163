using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Rsvp;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>An organiser's edit that adds seats moves the waitlist up, and the promoted hear about it.</summary>
public sealed class MoreSeatsTests
{
    private const string Olga = "olga";

    [Fact]
    public async Task CapacityRaisedFromOneToTwo_TheFirstWaitingIsPromotedAndTold_TheSecondMovesUp()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.InvokeAsync("carol", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        var edited = CardJson.TextOf(await bot.SayAsync(Olga, $"set #{number} capacity 2"));

        Assert.Contains($"Updated the capacity of #{number}", edited);
        var told = await connector.WaitForAsync(c =>
            c.Method == "POST" && c.Path == "/v3/conversations/personal-bob/activities" && c.Text?.Contains("Good news, Bob") == true);
        Assert.Contains($"you're now going to #{number}", told.Text);
        var rows = await app.DbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => AccountOf(r.UserId)));
        Assert.Equal(RsvpState.Going, rows["alice"].State);
        Assert.Equal(RsvpState.Going, rows["bob"].State);
        Assert.Equal(RsvpState.Waitlisted, rows["carol"].State);
        Assert.Equal(1, WaitlistPlaces.Rank(rows.Values).Of(rows["carol"]));
    }

    [Fact]
    public async Task AnEditThatAddsNoSeats_LeavesTheWaitlistAsItIs()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Contains($"Updated the title of #{number}", CardJson.TextOf(await bot.SayAsync(Olga, $"set #{number} title \"Renamed\"")));

        var rows = await app.DbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => AccountOf(r.UserId)));
        Assert.Equal(RsvpState.Going, rows["alice"].State);
        Assert.Equal(RsvpState.Waitlisted, rows["bob"].State);
        Assert.Equal(1, WaitlistPlaces.Rank(rows.Values).Of(rows["bob"]));
    }

    /// <summary>"msteams:alice" is Alice clicking in Teams without an Entra id (the bot's person key: channel and account id).</summary>
    private static string AccountOf(string userKey) => userKey[(userKey.IndexOf(':') + 1)..];
}
