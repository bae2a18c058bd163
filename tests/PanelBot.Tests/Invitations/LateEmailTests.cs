using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>Someone who said "going" before giving an address still gets their invitation, once, when they give it.</summary>
public sealed class LateEmailTests
{
    [Fact]
    public async Task GoingWithoutAddress_ThenEmailCommand_QueuesTheInvitationOnce()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);

        var going = CardJson.TextOf(await bot.SayAsync("ana", $"rsvp #{number} going"));
        Assert.Contains("email you@example.org", going);
        Assert.DoesNotContain(await OutboxAsync(app), m => m.Kind == "invitation");

        await bot.SayAsync("ana", "email ana@example.org");
        await bot.SayAsync("ana", "email ana@example.org");

        var invitations = (await OutboxAsync(app)).Where(m => m.Kind == "invitation").ToList();
        Assert.Equal("ana@example.org", Assert.Single(invitations).Recipient);
    }

    [Fact]
    public async Task GoingWithoutAddress_ThenRsvpAgainWithEmail_QueuesTheInvitation()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);

        await bot.SayAsync("ben", $"rsvp #{number} going");
        await bot.SayAsync("ben", $"rsvp #{number} going email ben@example.org");

        var invitations = (await OutboxAsync(app)).Where(m => m.Kind == "invitation").ToList();
        Assert.Equal("ben@example.org", Assert.Single(invitations).Recipient);
    }
}
