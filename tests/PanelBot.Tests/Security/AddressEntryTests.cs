using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Scheduling;
using PanelBot.Tests.Scheduling;
using PanelBot.Tests.Support;
using PanelBot.Features.Invitations;
using PanelBot.Features.People;
using PanelBot.Tests.Support.Teams;

namespace PanelBot.Tests.Security;

/// <summary>Addresses are judged where they come in, by the mail path's rules; a bad one never holds back the others.</summary>
public sealed class AddressEntryTests
{
    private const string Unsendable = "ü@example.org";

    [Fact]
    public async Task UnsendableAddress_IsRefusedByEmailRsvpAndSpeaker_AndNothingIsStored()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");

        var email = CardJson.TextOf(await bot.SayAsync("ana", $"email {Unsendable}"));
        var rsvp = CardJson.TextOf(await bot.SayAsync("ana", $"rsvp #{number} going email {Unsendable}"));
        var speaker = CardJson.TextOf(await bot.SayAsync("olga", $"speaker #{number} add \"Üma Ünal\" presenter email {Unsendable}"));

        Assert.All(new[] { email, rsvp, speaker }, text => Assert.Contains("I can't send mail to that address", text));
        Assert.False(await app.DbAsync(db => db.UserProfiles.AnyAsync(p => p.Email != null)));
        Assert.False(await app.DbAsync(db => db.Registrations.AnyAsync()));
        Assert.Empty((await Organiser.EventAsync(app, number)).Speakers);
    }

    [Fact]
    public async Task UnsendableSpeakerAddress_InTheSpeakerForm_IsShownUnderTheInputAndNothingIsAdded()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", channel: BotClient.WebChat);

        var replies = await bot.SubmitAsync("olga", new System.Text.Json.Nodes.JsonObject
        {
            ["verb"] = "addSpeaker", ["event"] = number, ["name"] = "Üma Ünal", ["role"] = "presenter", ["email"] = Unsendable,
        });

        Assert.Contains(CardJson.Of(replies), card => CardJson.ErrorsUnder(card, "email").Any(e => e.Contains("I can't send mail to", StringComparison.Ordinal)));
        Assert.Empty((await Organiser.EventAsync(app, number)).Speakers);
    }

    [Fact]
    public async Task InternationalisedDomain_TypedOrFromTheTeamsRoster_IsStoredAsTheALabelTheMailPathSends()
    {
        await using var teams = await FakeTeams.StartAsync();
        var olga = teams.AddUser("Olga");
        var ann = teams.AddUser("Ann", email: "ann@münchen.de");
        var channel = teams.AddTeam("Peace", olga, ann);
        await using var app = new BotApp(serviceUrl: teams.ServiceUrl);
        var chat = new TeamsClient(app.Bot(), teams);
        await chat.SayAsync(channel, olga, $"new webinar \"Peace operations\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        await chat.SayAsync(channel, olga, "publish #1");

        await chat.SayAsync(channel, ann, "rsvp #1 going");
        var typed = CardJson.TextOf(await app.Bot().SayAsync("bea", "email bea@bücher.example.org"));

        Assert.DoesNotContain("I can't send mail", typed);
        Assert.Equal("ann@xn--mnchen-3ya.de", (await app.DbAsync(db => db.UserProfiles.SingleAsync(p => p.UserId == ann.Key))).Email);
        Assert.Equal("bea@xn--bcher-kva.example.org", (await app.DbAsync(db => db.UserProfiles.SingleAsync(p => p.UserId == "test:bea"))).Email);
    }

    [Fact]
    public async Task ReminderBatch_WithOneUnsendableStoredAddress_StillMailsEveryoneElse()
    {
        var start = Webinar.Start;
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", joinUrl: null);
        await bot.SayAsync("olga", $"remind #{number} 1h");
        await bot.SayAsync("alice", $"rsvp #{number} going email alice@example.org");
        await bot.SayAsync("bob", $"rsvp #{number} going email bob@example.org");
        // An address stored before entry checks existed.
        await app.DbAsync(db => db.Registrations.Where(r => r.UserId == "test:bob")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Email, Unsendable)));

        app.Clock.SetUtcNow(start.AddHours(-1).AddSeconds(1));
        await Proactive.WaitAsync(connector, "Reminder for", 2, app.Services);
        var recipients = await WaitForReminderMailAsync(app);

        Assert.Equal(["alice@example.org"], recipients);
    }

    /// <summary>Read once the app is idle: every reminder job has completed.</summary>
    private static Task<List<string>> WaitForReminderMailAsync(SchedulingApp app) =>
        app.DbAsync(db => db.OutboxMessages.Where(m => m.Kind == ScheduledKinds.Reminder).Select(m => m.Recipient).ToListAsync());
}
