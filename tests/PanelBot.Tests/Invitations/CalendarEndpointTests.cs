using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Features.Invitations;
using PanelBot.Mail;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>The public .ics download, the organiser feed, and the invitation's own .ics, read by both interop parsers.</summary>
public sealed partial class CalendarEndpointTests
{
    // The webinar's 15:00-16:30 Europe/Oslo, in UTC as both parsers print it.
    private static readonly string StartUtc = Webinar.Start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string EndUtc = Webinar.End.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [IcsParsersFact]
    public async Task EventIcs_Published_ValidPublishWithoutAttendeesOrJoinLink_DraftIsNotFound()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        var draft = await Organiser.CreateWebinarAsync(bot, Olga, title: "Not yet", publish: false);
        var http = app.CreateClient();

        using var response = await http.GetAsync($"/events/{number}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("61234567890", ics);
        Assert.Empty(Ics.Properties(ics, "ATTENDEE"));
        var ev = await Organiser.EventAsync(app, number);
        foreach (var parsed in IcsParsers.ParseWithBoth(ics))
        {
            Assert.Equal("PUBLISH", (string?)parsed["method"]);
            var vevent = Assert.Single(parsed["events"]!.AsArray())!;
            AssertEvent(vevent, $"panelbot-event-{ev.Id}@localhost", "Peace operations and aid");
            Assert.Empty(vevent["attendees"]!.AsArray());
        }

        using var bySlug = await http.GetAsync($"/events/{ev.Slug}.ics");
        Assert.Equal(HttpStatusCode.OK, bySlug.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/events/{draft}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/events/999.ics")).StatusCode);
    }

    [IcsParsersFact]
    public async Task OrganiserFeed_FromOutboxCommand_ListsTheirPublicEvents_ForgedTokenIsNotFound()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var first = await PublishedWebinarAsync(bot);
        var second = await Organiser.CreateWebinarAsync(bot, Olga, title: "Lessons from the past");
        var others = await Organiser.CreateWebinarAsync(bot, "peter", title: "Someone else's");
        _ = await Organiser.CreateWebinarAsync(bot, Olga, title: "Still a draft", publish: false);

        var status = CardJson.TextOf(await bot.SayAsync(Olga, $"outbox #{first}"));
        var webcal = WebcalPattern().Match(status);
        Assert.True(webcal.Success, status);
        var path = new Uri("http://" + webcal.Groups[1].Value).AbsolutePath;
        var http = app.CreateClient();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("61234567890", ics);
        Assert.DoesNotContain("Someone else", ics);
        Assert.DoesNotContain("Still a draft", ics);
        foreach (var parsed in IcsParsers.ParseWithBoth(ics))
        {
            var titles = parsed["events"]!.AsArray().Select(e => (string?)e!["summary"]).ToList();
            Assert.Equal(["Peace operations and aid", "Lessons from the past"], titles);
        }

        var token = path["/feeds/".Length..^".ics".Length];
        var forged = token[..(token.IndexOf('.') + 1)] + new string('A', token.Length - token.IndexOf('.') - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/feeds/{forged}.ics")).StatusCode);
        var peters = token.Replace(token[..token.IndexOf('.')], Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("peter"u8));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/feeds/{peters}.ics")).StatusCode);
        _ = (second, others);
    }

    [IcsParsersFact]
    public async Task SeriesFeed_FromOutboxCommand_ListsThePublicEventsOfTheSeries_AndOrganiserTokensDoNotOpenIt()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        const string Conference = "Myths and Realities of (Dutch) Peacekeeping";
        var first = await Organiser.CreateWebinarAsync(bot, Olga, title: "Peacekeeping meets humanitarian action", publish: false);
        await Organiser.DoAsync(bot, Olga, $"set #{first} partof {Conference}");
        await bot.SayAsync(Olga, $"publish #{first}");
        var second = await Organiser.CreateWebinarAsync(bot, "peter", title: "Lessons from Srebrenica", publish: false);
        await Organiser.DoAsync(bot, "peter", $"set #{second} partof {Conference}");
        await bot.SayAsync("peter", $"publish #{second}");
        _ = await Organiser.CreateWebinarAsync(bot, Olga, title: "Outside the conference");

        var status = CardJson.TextOf(await bot.SayAsync(Olga, $"outbox #{first}"));
        var feeds = WebcalPattern().Matches(status).Select(m => new Uri("http://" + m.Groups[1].Value).AbsolutePath).ToList();
        var seriesPath = Assert.Single(feeds, p => p.StartsWith("/feeds/series/", StringComparison.Ordinal));
        var http = app.CreateClient();
        var ics = await http.GetStringAsync(seriesPath);
        foreach (var parsed in IcsParsers.ParseWithBoth(ics))
        {
            var titles = parsed["events"]!.AsArray().Select(e => (string?)e!["summary"]).ToList();
            Assert.Equal(["Peacekeeping meets humanitarian action", "Lessons from Srebrenica"], titles);
        }

        // An organiser's token is not a series token, even where the names could match.
        var organiserPath = Assert.Single(feeds, p => !p.StartsWith("/feeds/series/", StringComparison.Ordinal));
        var organiserToken = organiserPath["/feeds/".Length..^".ics".Length];
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/feeds/series/{organiserToken}.ics")).StatusCode);
    }

    [IcsParsersFact]
    public async Task Invitation_PickupByDefault_EmlWritten_AndItsIcsReadByBothParsers()
    {
        await using var app = new BotApp(); // no Mail settings at all: pickup folder
        var transport = Assert.IsType<PickupDirectoryTransport>(app.Services.GetRequiredService<IMailTransport>());
        Assert.EndsWith(Path.Combine("data", "mail"), transport.Directory);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot, speakerEmail: "cedric@accord.example");
        var attendee = $"pickup-{Guid.NewGuid():N}@example.org";
        await bot.SayAsync("zoe", $"rsvp #{number} going email {attendee}");

        var rows = await WaitForOutboxAsync(app, r => r.Count == 2 && r.All(m => m.State == OutboxState.Sent), "two sent");
        var file = Path.Combine(transport.Directory, PickupDirectoryTransport.FileNameFor(rows.Single(r => r.Recipient == attendee).MessageId));
        Assert.True(File.Exists(file), file);
        var mail = MimePart.Parse(await File.ReadAllBytesAsync(file));
        Assert.Contains(attendee, mail.Header("To"));
        var ics = mail.Leaf("text/calendar").Text;
        var ev = await Organiser.EventAsync(app, number);
        foreach (var parsed in IcsParsers.ParseWithBoth(ics))
        {
            Assert.Equal("REQUEST", (string?)parsed["method"]);
            var vevent = Assert.Single(parsed["events"]!.AsArray())!;
            AssertEvent(vevent, $"panelbot-event-{ev.Id}@localhost", "Peace operations and aid");
            Assert.Equal("mailto:panelbot@localhost", ((string?)vevent["organizer"]!["value"])!.ToLowerInvariant());
            var only = Assert.Single(vevent["attendees"]!.AsArray())!;
            Assert.Equal($"mailto:{attendee}", ((string?)only["value"])!.ToLowerInvariant());
            Assert.Equal("Zoe", (string?)only["cn"]);
        }
        File.Delete(file);
    }

    private static void AssertEvent(JsonNode vevent, string uid, string summary)
    {
        Assert.Equal(uid, (string?)vevent["uid"]);
        Assert.Equal(summary, (string?)vevent["summary"]);
        Assert.Equal(StartUtc, (string?)vevent["start"]!["utc"]);
        Assert.Equal(EndUtc, (string?)vevent["end"]!["utc"]);
        Assert.Equal("Europe/Oslo", (string?)vevent["start"]!["tzid"]);
    }

    [GeneratedRegex(@"webcal://(\S+\.ics)")]
    private static partial Regex WebcalPattern();
}
