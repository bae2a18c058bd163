using NodaTime;
using PanelBot.Features.Invitations;
using PanelBot.Storage;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>An attendee's invitation gives the time in the zone they last used with the bot, read in the answering turn.</summary>
public sealed class AttendeeZoneTests
{
    [Fact]
    public async Task AttendeeWhoLastUsedNewYork_IsToldTheirTime_AndOneWithoutAZoneIsNot()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        // user01 last used New York: they drafted an event of their own there.
        await bot.SayAsync(User(1), $"new webinar \"Local meetup\" {Webinar.DateText} 18:00-19:00 America/New_York");

        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
        var rows = await WaitForOutboxAsync(app, r => r.Count(m => m.Kind == "invitation" && m.State == OutboxState.Sent) == 2, "two invitations sent");

        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var start = Instant.FromDateTimeOffset(Webinar.Start).InZone(newYork).TimeOfDay;
        var end = Instant.FromDateTimeOffset(Webinar.End).InZone(newYork).TimeOfDay;
        Assert.Contains($"Your time: {start:HH:mm}–{end:HH:mm} (America/New_York)", PlainText(await DeliveredAsync(app, rows.Single(r => r.Recipient == Email(1)))));
        Assert.DoesNotContain("Your time:", PlainText(await DeliveredAsync(app, rows.Single(r => r.Recipient == Email(2)))));
    }

    [Fact]
    public Task PromotedFromTheWaitlist_OnSqlite_IsToldTheirTime() => PromotedAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task PromotedFromTheWaitlist_OnPostgreSql_IsToldTheirTime() => PromotedAsync(StorageProvider.PostgreSql);

    /// <summary>The promoted person's zone is not read in their own turn but in the turn of whoever freed the seat.</summary>
    private static async Task PromotedAsync(StorageProvider provider)
    {
        await using var app = await BotApp.StartAsync(provider);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1);
        await bot.SayAsync(User(1), $"new webinar \"Local meetup\" {Webinar.DateText} 18:00-19:00 America/New_York");
        await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}"); // waiting

        await bot.SayAsync(User(2), $"rsvp #{number} no"); // user01 is promoted

        var rows = await WaitForOutboxAsync(app, r => r.Any(m => m.Kind == "invitation" && m.Recipient == Email(1) && m.State == OutboxState.Sent),
            "the promoted person's invitation sent");
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var start = Instant.FromDateTimeOffset(Webinar.Start).InZone(newYork).TimeOfDay;
        var end = Instant.FromDateTimeOffset(Webinar.End).InZone(newYork).TimeOfDay;
        var invitation = rows.Single(r => r.Kind == "invitation" && r.Recipient == Email(1));
        Assert.Contains($"Your time: {start:HH:mm}–{end:HH:mm} (America/New_York)", PlainText(await DeliveredAsync(app, invitation)));
    }

    private static string PlainText(byte[] mime) => MimePart.Parse(mime).Leaf("text/plain").Text;
}
