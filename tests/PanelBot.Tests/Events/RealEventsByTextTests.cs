using NodaTime;
using System.Text.Json.Nodes;
using PanelBot.Domain.Programme;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary>Both real events of PRODUCT.md typed in as text commands, then shown as card and as text.</summary>
public sealed class RealEventsByTextTests
{
    private const string Olga = "olga";

    private static readonly string PanelWhen =
        Webinar.Describe(RealEvents.PanelDate, "14:00–15:30", new NodaTime.LocalTime(14, 0), "Europe/Amsterdam");

    [Fact]
    public async Task Webinar_CreatedWithTextCommands_TeamsCardShowsEveryField()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await CreateWebinarAsync(bot, BotClient.Teams);

        var card = CardJson.Single(await bot.SayAsync(Olga, $"show #{number}", BotClient.Teams));

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var texts = CardJson.TextBlocks(card);
        Assert.Contains($"Webinar · #{number} · draft", texts);
        Assert.Contains(RealEvents.WebinarTitle, texts);
        Assert.Contains("Three case studies (DRC, CAR, Mali) on how UN peace operations and humanitarian assistance help or hinder each other.", texts);
        Assert.Contains(RealEvents.WebinarDescription, texts);
        Assert.Equal(Webinar.When, CardJson.Fact(card, "When"));
        Assert.Equal("Online (Zoom)", CardJson.Fact(card, "Where"));
        Assert.Equal("Yes", CardJson.Fact(card, "Recorded"));
        Assert.Equal("Norwegian Centre for Humanitarian Studies; Effectiveness of Peace Operations Network (EPON)", CardJson.Fact(card, "Hosts"));
        Assert.Equal("Jenny Nordvedt <jenny.nordvedt@example.org>", CardJson.Fact(card, "Contact"));
        Assert.Equal("MINUSCA, MONUSCO, MINUSMA", CardJson.Fact(card, "Tags"));
        Assert.Equal("100", CardJson.Fact(card, "Seats"));
        Assert.Equal(TestDates.Short(RealEvents.Deadline), CardJson.Fact(card, "RSVP by"));
        Assert.DoesNotContain(CardJson.Facts(card), f => f.Title == "Registration");

        AssertInOrder(texts,
            "Moderator", "Dr Cedric de Coning (Senior Research Fellow, ACCORD and NUPI)",
            "Presenters", "Carlo Koos (CMI), on the DRC", "Lise Morje Howard (Georgetown & EPON), on CAR", "Natasja Rupesinghe (NUPI & EPON), on Mali",
            "Discussants", "Kari Osland (NUPI)", "Kristoffer Liden (PRIO)",
            "Run of show", "Further reading");
        var facts = CardJson.Facts(card);
        AssertInOrder(facts.Select(f => $"{f.Title}: {f.Value}").ToList(),
            "Case studies: 45 min · Carlo Koos",
            "Discussants' comments: 20 min",
            "Facilitated discussion and Q&A: 25 min · Dr Cedric de Coning");
        Assert.Contains("exactly fills the 90 min", CardJson.Fact(card, "Fit"));
        Assert.Contains("[Assessing the Effectiveness of the UN Mission in Mali (MINUSMA)](https://effectivepeaceops.net/publication/minusma/) (EPON)", texts);
        Assert.Contains("[Assessing the Effectiveness of the UN Missions in the DRC \\[MONUC-MONUSCO\\]](https://effectivepeaceops.net/publication/monusco/) (EPON)", texts);
        Assert.DoesNotContain("Webinar recording", CardJson.AllText(card)); // an "after" reading belongs to the follow-up
        Assert.Contains("0 going · 100 seats left", texts);

        // The organiser sees the join link as a button and their tools; a draft has no RSVP buttons yet.
        var actions = CardJson.Actions(card);
        Assert.DoesNotContain(actions, a => a["verb"]?.GetValue<string>() == "rsvp");
        var join = Assert.Single(actions, a => a["type"]!.GetValue<string>() == "Action.OpenUrl");
        Assert.Equal("Action.OpenUrl", join["type"]!.GetValue<string>());
        Assert.Equal(RealEvents.WebinarJoinUrl, join["url"]!.GetValue<string>());
        Assert.Equal("Join on Zoom", join["title"]!.GetValue<string>());

        // What was stored, beyond what the card shows.
        var ev = await Organiser.EventAsync(app, number);
        Assert.Equal(BotClient.Teams + ":" + Olga, ev.CreatorId);
        Assert.Equal(BotClient.Teams + ":" + RealEvents.CoOrganiser, Assert.Single(ev.CoOrganisers).UserId);
        Assert.Equal(3, ev.JoinLinkReleaseDays);
        Assert.All(ev.Speakers, s => Assert.Equal(SpeakerStatus.Confirmed, s.Status));
        var recording = Assert.Single(ev.Readings, r => r.Timing == ReadingTiming.After);
        Assert.Equal(ReadingKind.Recording, recording.Kind);
        Assert.Equal(Webinar.Start, ev.StartsAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Webinar_CreatedWithTextCommands_TextFallbackShowsEveryField()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await CreateWebinarAsync(bot);

        var replies = await bot.SayAsync(Olga, $"show #{number}", BotClient.PlainText);

        var reply = Assert.Single(replies);
        Assert.Null(reply["attachments"]);
        var lines = CardJson.TextOf(replies).Split('\n').Select(l => l.TrimEnd()).ToList();
        AssertInOrder(lines,
            $"**{RealEvents.WebinarTitle}** (Webinar #{number} · draft)",
            "Three case studies (DRC, CAR, Mali) on how UN peace operations and humanitarian assistance help or hinder each other.",
            "When: " + Webinar.When,
            "Where: Online (Zoom)",
            "Recorded: Yes",
            "Hosts: Norwegian Centre for Humanitarian Studies; Effectiveness of Peace Operations Network (EPON)",
            "Contact: Jenny Nordvedt <jenny.nordvedt@example.org>",
            "Tags: MINUSCA, MONUSCO, MINUSMA",
            "Seats: 100",
            "RSVP by: " + TestDates.Short(RealEvents.Deadline),
            "Do peace operations enable humanitarian assistance, or do they put it at risk?",
            "Researchers from the **Effectiveness of Peace Operations Network (EPON)** present case studies.",
            "Moderator:",
            "- Dr Cedric de Coning (Senior Research Fellow, ACCORD and NUPI)",
            "Presenters:",
            "- Carlo Koos (CMI), on the DRC",
            "- Lise Morje Howard (Georgetown & EPON), on CAR",
            "- Natasja Rupesinghe (NUPI & EPON), on Mali",
            "Discussants:",
            "- Kari Osland (NUPI)",
            "- Kristoffer Liden (PRIO)",
            "Run of show:",
            "- Case studies 45 min · Carlo Koos",
            "- Discussants' comments 20 min",
            "- Facilitated discussion and Q&A 25 min · Dr Cedric de Coning",
            "Further reading:",
            "- [Assessing the Effectiveness of the UN Mission in Mali (MINUSMA)](https://effectivepeaceops.net/publication/minusma/) (EPON)",
            "0 going · 100 seats left",
            $"Join: {RealEvents.WebinarJoinUrl}");
    }

    [Fact]
    public async Task Panel_CreatedWithTextCommands_TeamsCardAndTextShowEveryField()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = Organiser.NumberIn(await Organiser.DoAsync(bot, Olga, RealEvents.NewPanel, BotClient.Teams));
        foreach (var command in RealEvents.PanelCommands(number)) await Organiser.DoAsync(bot, Olga, command, BotClient.Teams);

        var card = CardJson.Single(await bot.SayAsync(Olga, $"show #{number}", BotClient.Teams));
        var texts = CardJson.TextBlocks(card);
        Assert.Contains($"Panel · #{number} · draft", texts);
        Assert.Contains(RealEvents.PanelTitle, texts);
        Assert.Contains("What can peacekeeping missions and humanitarian organisations learn from the past?", texts);
        Assert.Equal(PanelWhen, CardJson.Fact(card, "When"));
        Assert.Equal("Nieuwspoort, Lange Poten 10, The Hague and Online (Zoom)", CardJson.Fact(card, "Where"));
        Assert.Equal("No", CardJson.Fact(card, "Recorded"));
        Assert.Equal("KUNO", CardJson.Fact(card, "Hosts"));
        Assert.Equal("Myths and Realities of (Dutch) Peacekeeping", CardJson.Fact(card, "Part of"));
        Assert.Equal("Corinne Lamain <corinne.lamain@example.org>", CardJson.Fact(card, "Contact"));
        Assert.Equal("Peacekeeping, Humanitarian action, Netherlands", CardJson.Fact(card, "Tags"));
        Assert.Equal("60", CardJson.Fact(card, "Seats"));
        Assert.Equal("Approved by the organisers", CardJson.Fact(card, "Registration"));
        AssertInOrder(texts,
            "Moderator", "Corinne Lamain (Coordinator, KUNO)",
            "Panellists",
            "Wendy MacClinchy (Director of the United Nations program, Center for Civilians in Conflict (CIVIC))",
            "Steven Lanting (Global Lobby & Advocacy Lead, Save the Children)",
            "Representative of the Ministry of Foreign Affairs NL (Ministry of Foreign Affairs of the Netherlands) (tbc)",
            "Run of show",
            "Further reading",
            "[Oxfam study on UN peacekeeping missions](https://policy-practice.oxfam.org/resources/un-peacekeeping-missions/) (Oxfam)",
            "0 going · 60 seats left");
        AssertInOrder(CardJson.Facts(card).Select(f => $"{f.Title}: {f.Value}").ToList(),
            "Opening statements: 30 min",
            "Moderated discussion: 35 min · Corinne Lamain",
            "Questions from the audience: 20 min · Corinne Lamain");
        Assert.Contains("85 min", CardJson.Fact(card, "Fit"));

        // The text twin of the same panel typed in the plain-text channel (Olga there is another person, see above).
        var textNumber = Organiser.NumberIn(await Organiser.DoAsync(bot, Olga, RealEvents.NewPanel));
        foreach (var command in RealEvents.PanelCommands(textNumber)) await Organiser.DoAsync(bot, Olga, command);
        var text = CardJson.TextOf(await bot.SayAsync(Olga, $"show #{textNumber}"));
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        AssertInOrder(lines,
            $"**{RealEvents.PanelTitle}** (Panel #{textNumber} · draft)",
            "When: " + PanelWhen,
            "Where: Nieuwspoort, Lange Poten 10, The Hague and Online (Zoom)",
            "Recorded: No",
            "Hosts: KUNO",
            "Part of: Myths and Realities of (Dutch) Peacekeeping",
            "Contact: Corinne Lamain <corinne.lamain@example.org>",
            "Tags: Peacekeeping, Humanitarian action, Netherlands",
            "Seats: 60",
            "Registration: Approved by the organisers",
            "Moderator:",
            "- Corinne Lamain (Coordinator, KUNO)",
            "Panellists:",
            "- Wendy MacClinchy (Director of the United Nations program, Center for Civilians in Conflict (CIVIC))",
            "- Steven Lanting (Global Lobby & Advocacy Lead, Save the Children)",
            "- Representative of the Ministry of Foreign Affairs NL (Ministry of Foreign Affairs of the Netherlands) (tbc)",
            "Run of show:",
            "- Opening statements 30 min",
            "- Moderated discussion 35 min · Corinne Lamain",
            "- Questions from the audience 20 min · Corinne Lamain",
            "Further reading:",
            "- [Oxfam study on UN peacekeeping missions](https://policy-practice.oxfam.org/resources/un-peacekeeping-missions/) (Oxfam)",
            "0 going · 60 seats left",
            $"Join: {RealEvents.PanelJoinUrl}");
    }

    [Fact]
    public async Task Show_ViewerInAnotherZone_CardAlsoGivesTheirLocalTime()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);

        var card = CardJson.Single(await bot.SayAsync("nina", $"show #{number}", BotClient.Teams,
            activity => activity["localTimezone"] = "America/New_York"));

        Assert.Equal(Webinar.When, CardJson.Fact(card, "When"));
        var local = CardJson.Fact(card, "Your time");
        // Usually six hours behind Oslo, but the US and the EU change their clocks on different Sundays.
        var newYork = TestDates.Zone("America/New_York");
        var from = Instant.FromDateTimeOffset(Webinar.Start).InZone(newYork).TimeOfDay;
        var to = Instant.FromDateTimeOffset(Webinar.End).InZone(newYork).TimeOfDay;
        Assert.Contains($"{TestDates.Time(from)}–{TestDates.Time(to)}", local);
        Assert.Contains("America/New_York", local);
    }

    /// <summary>Typed where the draft is then shown: without an Entra id Olga is one person per channel.</summary>
    private static async Task<int> CreateWebinarAsync(BotClient bot, string channel = BotClient.PlainText)
    {
        var number = Organiser.NumberIn(await Organiser.DoAsync(bot, Olga, RealEvents.NewWebinar, channel));
        foreach (var command in RealEvents.WebinarCommands(number)) await Organiser.DoAsync(bot, Olga, command, channel);
        return number;
    }

    /// <summary>Each expected item appears, in this order (other items may sit between them).</summary>
    private static void AssertInOrder(IReadOnlyList<string> actual, params string[] expected)
    {
        var at = 0;
        foreach (var item in expected)
        {
            var found = -1;
            for (var i = at; i < actual.Count; i++)
                if (actual[i] == item) { found = i; break; }
            Assert.True(found >= 0, $"Expected \"{item}\" after position {at} in:\n{string.Join("\n", actual)}");
            at = found + 1;
        }
    }
}
