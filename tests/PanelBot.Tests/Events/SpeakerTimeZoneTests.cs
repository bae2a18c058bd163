using System.Text.Json.Nodes;
using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Features.Invitations;
using PanelBot.Features.Scheduling.Work;
using PanelBot.Storage;
using PanelBot.Tests.Support;
using PanelBot.Features.People;

namespace PanelBot.Tests.Events;

/// <summary>
/// Speakers in several zones: a webinar on a spring or summer Wednesday (<see cref="Day"/>) 15:00-16:30 Oslo time (13:00 UTC)
/// with speakers in New York (09:00),
/// Tokyo (22:00) and Johannesburg (15:00). The organiser sees everyone's local time, is warned about Tokyo only, and
/// <c>times #N</c> says plainly that no start suits all three and which compromise hurts least.
/// </summary>
public sealed class SpeakerTimeZoneTests
{
    private const string Olga = "olga";

    /// <summary>
    /// Every local time below assumes Oslo on summer time (UTC+2) and New York on daylight time (UTC-4) on the day and
    /// the week either side (<c>times #N</c> searches that far): the first such Wednesday two weeks or more after the
    /// tests' now (7 Apr 2027 at the default now).
    /// </summary>
    private static readonly LocalDate Day = TestDates.FirstWithOffsets(IsoDayOfWeek.Wednesday, 8,
        ("Europe/Oslo", 2), ("America/New_York", -4), ("Asia/Tokyo", 9), ("Africa/Johannesburg", 2), ("Asia/Kolkata", 5.5));
    private static readonly string DayText = TestDates.Iso(Day);

    private static async Task<(BotApp App, BotClient Bot, int Number)> WebinarAsync(StorageProvider provider = StorageProvider.Sqlite)
    {
        var app = provider == StorageProvider.Sqlite ? new BotApp() : await BotApp.StartAsync(provider);
        var bot = app.Bot();
        var created = await Organiser.DoAsync(bot, Olga, $"new webinar \"Peace operations on three continents\" {DayText} 15:00-16:30 Europe/Oslo");
        return (app, bot, Organiser.NumberIn(created));
    }

    [Fact]
    public async Task ThreeContinents_OrganiserSeesLocalTimes_IsWarnedAboutTokyoOnly_AndTimesSaysNoStartSuitsAll()
    {
        var (app, bot, n) = await WebinarAsync();
        await using var _ = app;

        var newYork = await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Lise Howard\" presenter zone America/New_York");
        Assert.Contains("They are in America/New_York: 09:00-10:30 their time.", newYork);
        Assert.DoesNotContain("Outside waking hours", newYork);

        var tokyo = await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Aiko Tanaka\" presenter zone asia/tokyo");
        Assert.Contains("They are in Asia/Tokyo: 22:00-23:30 their time.", tokyo);
        Assert.Contains($"Note: Outside waking hours (08:00-21:00 local): the slot is 22:00-23:30 for Aiko Tanaka (Tokyo). Type `times #{n}`", tokyo);

        var johannesburg = await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Thandi Nkosi\" moderator zone Africa/Johannesburg");
        var warning = Assert.Single(johannesburg.Split('\n'), line => line.StartsWith("Note: Outside waking hours"));
        Assert.Contains("Aiko Tanaka (Tokyo)", warning);
        Assert.DoesNotContain("Lise Howard", warning);
        Assert.DoesNotContain("Thandi Nkosi", warning);

        // show #N: the organiser's card gives each speaker's local start. Outside Teams a person is their channel and
        // account id, so Olga in Web Chat (which draws cards) is made a co-organiser by her key first.
        await bot.SayAsync(Olga, "help", BotClient.WebChat);
        await Organiser.DoAsync(bot, Olga, $"organiser #{n} add {BotClient.WebChat}:{Olga}");
        var card = CardJson.Single(await bot.SayAsync(Olga, $"show #{n}", BotClient.WebChat));
        var texts = CardJson.TextBlocks(card);
        Assert.Contains("Speakers' local times", texts);
        Assert.Contains("Thandi Nkosi (moderator) - 15:00-16:30 in Johannesburg", texts);
        Assert.Contains("Lise Howard (presenter) - 09:00-10:30 in New York", texts);
        Assert.Contains("Aiko Tanaka (presenter) - 22:00-23:30 in Tokyo (outside 08:00-21:00)", texts);
        var tokyoLine = CardJson.Elements(card, "TextBlock").Single(t => t["text"]!.GetValue<string>().StartsWith("Aiko Tanaka (presenter) -"));
        Assert.Equal("Attention", tokyoLine["color"]!.GetValue<string>());
        // ...and so does the text twin.
        Assert.Contains("- Lise Howard (presenter) - 09:00-10:30 in New York", CardJson.TextOf(await bot.SayAsync(Olga, $"show #{n}")));
        // Where speakers are is for the organisers: someone else's view of the published event has no such section
        // (a draft they cannot see at all).
        Assert.Contains($"I can't find event #{n}", CardJson.TextOf(await bot.SayAsync("nina", $"show #{n}")));
        await Organiser.DoAsync(bot, Olga, $"set #{n} link https://zoom.us/j/61234567890");
        Assert.Contains($"#{n} is published", CardJson.TextOf(await bot.SayAsync(Olga, $"publish #{n}")));
        Assert.DoesNotContain("Speakers' local times", CardJson.AllText(CardJson.Single(await bot.SayAsync("nina", $"show #{n}", BotClient.Teams))));

        // times #N: no start on the date (nor the week either side) suits all three; the fairest is 13:15 Oslo.
        var times = CardJson.TextOf(await bot.SayAsync(Olga, $"times #{n}"));
        Assert.Contains($"No start time on {TestDates.Long(Day)} (nor up to 7 days either side) keeps all 3 speakers within 08:00-21:00 their time.", times);
        Assert.Contains("The fairest compromise, in Europe/Oslo:", times);
        Assert.Contains("**13:15-14:45**", times);
        Assert.Contains("Lise Howard (presenter) - 07:15-08:45 in New York: 45 min before 08:00", times);
        Assert.Contains("Aiko Tanaka (presenter) - 20:15-21:45 in Tokyo: 45 min after 21:00", times);
        Assert.Contains("Thandi Nkosi (moderator) - 13:15-14:45 in Johannesburg", times);
        Assert.Contains("Outside their hours with it: Lise Howard (45 min before 08:00) and Aiko Tanaka (45 min after 21:00); everyone else is inside.", times);
        Assert.Contains($"`set #{n} start 13:15-14:45`", times);
        Assert.Equal($"Only the organisers of #{n} see where its speakers are and which times suit them.",
            CardJson.TextOf(await bot.SayAsync("nina", $"times #{n}")));
    }

    [Fact]
    public async Task ZoneChangesAndTimeChanges_WarnWhenSomeoneFallsOutside_AndTimesProposesStartsThatSuitAll()
    {
        var (app, bot, n) = await WebinarAsync();
        await using var _ = app;
        await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Lise Howard\" presenter zone America/New_York");
        await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Aiko Tanaka\" presenter");

        // A misspelt zone gets the suggestion events get, and changes nothing.
        var before = await Organiser.SnapshotAsync(app, n);
        var typo = CardJson.TextOf(await bot.SayAsync(Olga, $"speaker #{n} \"Aiko Tanaka\" zone Asia/Kolkatta"));
        Assert.Contains("Did you mean Asia/Kolkata?", typo);
        Assert.Equal(before, await Organiser.SnapshotAsync(app, n));

        var kolkata = CardJson.TextOf(await bot.SayAsync(Olga, $"speaker #{n} \"Aiko Tanaka\" zone Asia/Kolkata"));
        Assert.Contains("Aiko Tanaka is in Asia/Kolkata: #" + n + " is 18:30-20:00 their time.", kolkata);
        Assert.DoesNotContain("Outside waking hours", kolkata);
        Assert.Equal("Asia/Kolkata", (await Organiser.EventAsync(app, n)).FindSpeaker("Aiko Tanaka")!.TimeZoneId);

        // Moving the event to the evening puts Kolkata outside (with its local times), not New York.
        var late = await Organiser.DoAsync(bot, Olga, $"set #{n} start 19:00-20:30");
        Assert.Contains("Note: Outside waking hours (08:00-21:00 local): the slot is 22:30-00:00 for Aiko Tanaka (Kolkata).", late);
        Assert.DoesNotContain("for Lise Howard", late); // 13:00 in New York is inside

        var times = CardJson.TextOf(await bot.SayAsync(Olga, $"times #{n}"));
        Assert.Contains($"Start times on {TestDates.Long(Day)} that suit both speakers (08:00-21:00 their time), in Europe/Oslo:", times);
        Assert.Contains("1. **15:00-16:30**", times); // 13:00 UTC: an hour inside both days' edges
        Assert.Contains("   - Lise Howard (presenter) - 09:00-10:30 in New York", times);
        Assert.Contains("   - Aiko Tanaka (presenter) - 18:30-20:00 in Kolkata", times);
        Assert.Contains("2. **", times);
        Assert.Contains("3. **", times);
        Assert.Contains($"To use one: `set #{n} start 15:00-16:30`.", times);

        var back = await Organiser.DoAsync(bot, Olga, $"set #{n} start 15:00-16:30");
        Assert.DoesNotContain("Outside waking hours", back);
    }

    [Fact]
    public Task SpeakerWhoTalkedToTheBotInTeams_TakesTheZoneOfTheirClient_UnlessOneIsGiven() =>
        ClientZoneIsTheDefaultAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task SpeakerWhoTalkedToTheBotInTeams_TakesTheZoneOfTheirClient_OnPostgreSql() =>
        ClientZoneIsTheDefaultAsync(StorageProvider.PostgreSql);

    private static async Task ClientZoneIsTheDefaultAsync(StorageProvider provider)
    {
        var (app, bot, n) = await WebinarAsync(provider);
        await using var _ = app;
        // Lise has used the bot in Teams: her client reports its zone in the clientInfo entity.
        await bot.SayAsync("29:lise", "help", BotClient.Teams, activity =>
        {
            activity["from"]!["name"] = "Lise Howard";
            activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "America/New_York" });
        });
        Assert.Equal("America/New_York", await app.DbAsync(db => Task.FromResult(db.UserProfiles.Single(p => p.UserId == "msteams:29:lise").ClientTimeZone)));

        var added = await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Lise Howard\" presenter");
        Assert.Contains("They are in America/New_York (the zone of their Teams client; change it with " +
                        $"`speaker #{n} \"Lise Howard\" zone ZONE`): 09:00-10:30 their time.", added);
        Assert.Equal("America/New_York", (await Organiser.EventAsync(app, n)).FindSpeaker("Lise Howard")!.TimeZoneId);

        // A zone the organiser gives wins; someone the bot never heard from stays without one.
        await Organiser.DoAsync(bot, Olga, $"speaker #{n} remove \"Lise Howard\"");
        await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Lise Howard\" presenter zone Europe/Oslo");
        await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Carlo Koos\" presenter");
        var ev = await Organiser.EventAsync(app, n);
        Assert.Equal("Europe/Oslo", ev.FindSpeaker("Lise Howard")!.TimeZoneId);
        Assert.Null(ev.FindSpeaker("Carlo Koos")!.TimeZoneId);

        // Found by email before name: the address Lise gave the bot names her even under another spelling of her name.
        await bot.SayAsync("29:lise", "email lise.howard@example.org", BotClient.Teams, activity =>
            activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = "America/Chicago" }));
        var byEmail = await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Prof. L. M. Howard\" keynote email LISE.HOWARD@example.org");
        Assert.Contains("They are in America/Chicago (the zone of their Teams client;", byEmail);
    }

    [Fact]
    public async Task SpeakerHoursOption_IsUsed_AndAnInvalidOneStopsTheStart()
    {
        await using (var app = new BotApp { Settings = { ["Events:SpeakerHours"] = "09:30-20:00" } })
        {
            var bot = app.Bot();
            var n = Organiser.NumberIn(await Organiser.DoAsync(bot, Olga, $"new webinar \"Early\" {DayText} 15:00-16:30 Europe/Oslo"));
            var added = await Organiser.DoAsync(bot, Olga, $"speaker #{n} add \"Lise Howard\" presenter zone America/New_York");
            Assert.Contains("Outside waking hours (09:30-20:00 local): the slot is 09:00-10:30 for Lise Howard (New York).", added);
        }

        await using var broken = new BotApp { Settings = { ["Events:SpeakerHours"] = "21:00-08:00" } };
        var failure = Assert.ThrowsAny<Exception>(() => broken.Server);
        Assert.Contains("Events:SpeakerHours", failure.ToString());
    }

    [Fact]
    public void SpeakerInvitationAndBriefing_GiveEverySpeakersLocalTime()
    {
        var clock = TestClock.Create();
        var ev = Event.Create(1, new EventDetails
        {
            Kind = EventKind.Webinar, Title = "Peace operations on three continents", Date = Day,
            StartTime = new LocalTime(15, 0), EndTime = new LocalTime(16, 30), TimeZoneId = "Europe/Oslo",
        }, Olga, clock).GetValueOrThrow();
        var lise = new Speaker { Name = "Lise Howard", Role = SpeakerRole.Presenter, Email = "lise@example.org", TimeZoneId = "America/New_York" };
        ev.AddSpeaker(lise, clock).GetValueOrThrow();
        ev.AddSpeaker(new Speaker { Name = "Aiko Tanaka", Role = SpeakerRole.Presenter, TimeZoneId = "Asia/Tokyo" }, clock).GetValueOrThrow();

        var invitation = InvitationText.Text(InvitationText.Sections(ev,
            new Invitee("lise@example.org", "Lise Howard", DateTimeZoneProviders.Tzdb["America/New_York"], SpeakerRole.Presenter), InvitationKind.Invitation, false));
        Assert.Contains("Your time: 09:00–10:30 (America/New_York)", invitation);
        Assert.Contains("Speakers' local times:\n  Lise Howard (presenter) - 09:00-10:30 in New York\n  Aiko Tanaka (presenter) - 22:00-23:30 in Tokyo\n", invitation);
        var attendee = InvitationText.Text(InvitationText.Sections(ev, new Invitee("nina@example.org", "Nina"), InvitationKind.Invitation, false));
        Assert.DoesNotContain("Speakers' local times", attendee);

        var briefing = ScheduledTexts.Briefing(ev, ev.FindSpeaker("Lise Howard")!);
        Assert.Contains("Your time: 09:00–10:30 (America/New_York)\n", briefing);
        Assert.Contains("- Aiko Tanaka (presenter) - 22:00-23:30 in Tokyo\n", briefing);
    }
}
