using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary>Only the creator and co-organisers change an event.</summary>
public sealed class PermissionTests
{
    private const string Olga = "olga";
    private const string Mallory = "mallory";

    [Theory]
    [InlineData("set #N title Hijacked")]
    [InlineData("set #N capacity 1")]
    [InlineData("cancel #N Because I can")]
    [InlineData("speaker #N add \"Eve\" keynote")]
    [InlineData("segment #N add \"Sales pitch\" 10")]
    [InlineData("reading #N add \"Spam\" https://example.org/spam")]
    [InlineData("organiser #N add mallory")]
    [InlineData("publish #N")]
    public async Task NonOrganiser_ChangingTheEvent_IsRefusedAndTheEventIsUnchanged(string template)
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, publish: false);
        var before = await Organiser.SnapshotAsync(app, number);

        var text = CardJson.TextOf(await bot.SayAsync(Mallory, template.Replace("#N", "#" + number)));

        Assert.Contains($"Only the organisers of #{number} can change it", text);
        Assert.Contains($"organiser #{number} add", text); // says what to do next
        Assert.Equal(before, await Organiser.SnapshotAsync(app, number));
    }

    [Fact]
    public async Task CoOrganiser_AfterOrganiserAdd_CanEdit()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        Assert.Contains("Only the organisers", CardJson.TextOf(await bot.SayAsync(Mallory, $"set #{number} capacity 5")));

        var added = await Organiser.DoAsync(bot, Olga, $"organiser #{number} add {Mallory}");
        Assert.Contains($"{Mallory} can now edit #{number}", added);

        await Organiser.DoAsync(bot, Mallory, $"set #{number} capacity 5");
        await Organiser.DoAsync(bot, Mallory, $"speaker #{number} add \"Kari Osland\" discussant affiliation NUPI");
        var ev = await Organiser.EventAsync(app, number);
        Assert.Equal(5, ev.Capacity);
        Assert.Equal("Kari Osland", Assert.Single(ev.Speakers).Name);

        var cancelled = await Organiser.DoAsync(bot, Mallory, $"cancel #{number} Speakers unavailable");
        Assert.Contains("Cancelled: Speakers unavailable", cancelled);
    }
}
