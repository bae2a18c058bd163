using NodaTime;
using PanelBot.Features.Invitations;
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

    private static string PlainText(byte[] mime) => MimePart.Parse(mime).Leaf("text/plain").Text;
}
