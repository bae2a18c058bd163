using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Events;

namespace PanelBot.Tests.Support;

/// <summary>Steps an organiser takes by chat, for tests whose subject is something else (RSVPs, permissions...).</summary>
public static partial class Organiser
{
    /// <summary>Sends a command and fails unless the bot answered with one of the success phrases.</summary>
    public static async Task<string> DoAsync(BotClient bot, string userId, string command, string channel = BotClient.PlainText)
    {
        var text = CardJson.TextOf(await bot.SayAsync(userId, command, channel));
        string[] ok = ["Created #", "Updated the", "Added ", "already says that", "can now edit", "is cancelled", "Removed "];
        Assert.True(ok.Any(text.Contains), $"'{command}' was not accepted: {text}");
        return text;
    }

    /// <summary>Creates an online webinar on <see cref="Webinar.Date"/> 15:00–16:30 Oslo time and answers its number.</summary>
    public static async Task<int> CreateWebinarAsync(BotClient bot, string userId, string title = "Peace operations and aid",
        int? capacity = null, string? joinUrl = "https://zoom.us/j/61234567890", int releaseDays = 3, bool publish = true,
        string channel = BotClient.PlainText)
    {
        var created = await DoAsync(bot, userId, $"new webinar \"{title}\" {Webinar.DateText} 15:00-16:30 Europe/Oslo", channel);
        var number = NumberIn(created);
        if (capacity is not null) await DoAsync(bot, userId, $"set #{number} capacity {capacity}", channel);
        if (joinUrl is not null) await DoAsync(bot, userId, $"set #{number} link {joinUrl}", channel);
        await DoAsync(bot, userId, $"set #{number} release {releaseDays}", channel);
        if (publish)
        {
            var replies = await bot.SayAsync(userId, $"publish #{number}", channel);
            Assert.Contains($"#{number} is published", CardJson.TextOf(replies));
        }
        return number;
    }

    public static int NumberIn(string createdReply) =>
        int.Parse(CreatedPattern().Match(createdReply) is { Success: true } m ? m.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"No 'Created #N' in: {createdReply}"));

    /// <summary>Everything stored about an event, as one comparable string ("nothing half-saved" checks).</summary>
    public static Task<string?> SnapshotAsync(BotApp app, int number) => app.DbAsync(async db =>
    {
        var ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Number == number);
        if (ev is null) return null;
        return JsonSerializer.Serialize(new
        {
            ev.Title, ev.Summary, ev.Description, ev.Kind, Status = ev.Status.ToString(), Start = ev.Start.ToString(), End = ev.End.ToString(),
            ev.TimeZoneId, StartsAt = ev.StartsAt.ToString(), ev.Venue, ev.OnlineMeeting, ev.Capacity, ev.Recorded, ev.Hosts, ev.Tags,
            ev.Contact, ev.PartOf, ev.Speakers, ev.Segments, ev.Readings, ev.CoOrganisers, ev.Version, UpdatedAt = ev.UpdatedAt.ToString(),
        });
    });

    public static Task<int> EventCountAsync(BotApp app) => app.DbAsync(db => db.Events.CountAsync());

    public static Task<Event> EventAsync(BotApp app, int number) =>
        app.DbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Number == number));

    /// <summary>The form inputs of the "new event" card for the real webinar, as Teams or Web Chat submit them.</summary>
    public static JsonObject WebinarForm(string start = "15:00", string end = "16:30") => new()
    {
        ["kind"] = "webinar",
        ["title"] = "The relationship between peace operations and humanitarian assistance: enabling or harmful?",
        ["summary"] = "Three case studies (DRC, CAR, Mali).",
        ["date"] = Webinar.DateText,
        ["start"] = start,
        ["end"] = end,
        ["zone"] = "Europe/Oslo",
        ["venue"] = "",
        ["city"] = "",
        ["platform"] = "Zoom",
        ["link"] = "https://zoom.us/j/61234567890",
        ["capacity"] = "100",
        ["recorded"] = "true",
        ["description"] = "Do peace operations enable humanitarian assistance, or do they put it at risk?",
    };

    [GeneratedRegex(@"Created #(\d+)")]
    private static partial Regex CreatedPattern();
}
