using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Rsvp;
using PanelBot.Tests.Support;
using PanelBot.Features.People;

namespace PanelBot.Tests.Rsvp;

/// <summary>Approval mode, the CSV export, forgetting a participant, and seats added later.</summary>
public sealed partial class OrganiserToolsTests
{
    private const string Olga = "olga";

    [Fact]
    public async Task ApprovalMode_RequestWaitsUntilAnOrganiserApproves_AndDeclineSaysNo()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, publish: false);
        await Organiser.DoAsync(bot, Olga, $"set #{number} approval yes");
        await bot.SayAsync(Olga, $"publish #{number}");

        await bot.SayAsync("alice", $"rsvp #{number} going");
        await bot.SayAsync("bob", $"rsvp #{number} going");
        Assert.Contains("awaiting approval", CardJson.TextOf(await bot.SayAsync("alice", "my events")));

        var refused = CardJson.TextOf(await bot.SayAsync("bob", $"approve #{number} alice"));
        Assert.Contains($"Only the organisers of #{number}", refused);

        await bot.SayAsync(Olga, $"approve #{number} alice");
        await bot.SayAsync(Olga, $"decline #{number} Bob");

        var states = await app.DbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.UserId, r => r.State));
        Assert.Equal(RsvpState.Going, states["test:alice"]);
        Assert.Equal(RsvpState.No, states["test:bob"]);
    }

    [Fact]
    public async Task Export_OrganiserGetsSignedLink_CsvIsQuotedAndDefusesFormulas()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        await bot.SayAsync("mallory", $"rsvp #{number} going email mallory@example.org");
        await bot.SayAsync("quote", $"rsvp #{number} maybe");
        // Names come from the channel; give two of them hostile values through the activity's from.name.
        var hostile = bot.Activity("message", "eve", BotClient.PlainText);
        hostile["from"]!["name"] = "=HYPERLINK(\"http://evil.example\",\"x\")";
        hostile["text"] = $"rsvp #{number} going";
        hostile["deliveryMode"] = "expectReplies";
        (await bot.PostAsync(hostile)).EnsureSuccessStatusCode();

        Assert.Contains($"Only the organisers of #{number}", CardJson.TextOf(await bot.SayAsync("mallory", $"export #{number}")));
        var reply = CardJson.TextOf(await bot.SayAsync(Olga, $"export #{number}"));
        var url = LinkPattern().Match(reply).Value;
        Assert.False(string.IsNullOrEmpty(url), reply);

        var http = app.CreateClient();
        var response = await http.GetAsync(new Uri(url).PathAndQuery);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,Email,Answer,Waitlist position,Answered (Europe/Oslo)", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Mallory,mallory@example.org,going,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,going", StringComparison.Ordinal));

        // Altered or expired links are refused.
        Assert.Equal(404, (int)(await http.GetAsync(new Uri(url).PathAndQuery + "x")).StatusCode);
        app.Clock.Advance(AttendeeExport.LinkLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(404, (int)(await http.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Lise, Howard", "\"Lise, Howard\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("Kari Osland", "Kari Osland")]
    public void CsvCell_QuotesAndDefuses(string value, string expected) => Assert.Equal(expected, AttendeeCsv.Cell(value));

    [Fact]
    public async Task ForgetMe_AsksFirst_ThenWithdrawsRsvpsAndDeletesTheAddress_AndTheWaitlistMoves()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1);
        await bot.SayAsync("alice", $"rsvp #{number} going email alice@example.org");
        await bot.SayAsync("bob", $"rsvp #{number} going");

        var ask = CardJson.TextOf(await bot.SayAsync("alice", "forget me"));
        Assert.Contains("forget me confirm", ask);
        Assert.Equal(2, await app.DbAsync(db => db.Registrations.CountAsync()));

        var done = CardJson.TextOf(await bot.SayAsync("alice", "forget me confirm"));
        Assert.Contains("withdrew 1 RSVP", done);
        Assert.False(await app.DbAsync(db => db.Registrations.AnyAsync(r => r.UserId == "test:alice")));
        Assert.Null(await app.DbAsync(db => db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == "test:alice")));
        Assert.Equal(RsvpState.Going, await app.DbAsync(db => db.Registrations.Where(r => r.UserId == "test:bob").Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task MoreSeats_PromoteTheWaitlistInOrder()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1);
        foreach (var user in new[] { "alice", "bob", "carol", "dan" })
            await bot.SayAsync(user, $"rsvp #{number} going");

        await Organiser.DoAsync(bot, Olga, $"set #{number} capacity 3");

        var rows = await app.DbAsync(db => db.Registrations.AsNoTracking().ToListAsync());
        var places = WaitlistPlaces.Rank(rows);
        var states = rows.ToDictionary(r => r.UserId, r => (r.State, places.Of(r)));
        Assert.Equal((RsvpState.Going, (int?)null), states["test:bob"]);
        Assert.Equal((RsvpState.Going, (int?)null), states["test:carol"]);
        Assert.Equal((RsvpState.Waitlisted, (int?)1), states["test:dan"]);
    }

    [GeneratedRegex(@"https?://[^\s)]+/exports/[^\s)]+")]
    private static partial Regex LinkPattern();
}
