using System.Text.Json.Nodes;
using PanelBot.Domain.Programme;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Events.Cards.OrganiserWorld;

namespace PanelBot.Tests.Events.Cards;

/// <summary>Speakers, run of show and readings from the organiser's card, in Teams (invoke) and Web Chat (submit).</summary>
public sealed class ProgrammeFormTests
{
    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Speakers_AddEditRemove_FromTheCard(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();

        var form = (await world.Client.ClickAsync(Olga, card, "Speakers")).Card;
        Assert.Contains("No speakers yet.", CardJson.TextBlocks(form));
        var added = await world.Client.ClickAsync(Olga, form, "Add speaker", Cedric());
        Assert.Contains("Added Cedric de Coning as moderator to #1.", added.Shown);
        Assert.Contains("Cedric de Coning (Senior Research Fellow, ACCORD and NUPI)", CardJson.TextBlocks(added.Card));
        var speaker = Assert.Single((await Organiser.EventAsync(world.App, 1)).Speakers);
        Assert.Equal(("cedric@example.org", SpeakerStatus.Confirmed, SpeakerRole.Moderator), (speaker.Email, speaker.Status, speaker.Role));

        var list = (await world.Client.ClickAsync(Olga, added.Card, "Speakers")).Card;
        var edit = (await world.Client.ClickAsync(Olga, list, "Edit Cedric de Coning")).Card;
        Assert.Equal("ACCORD and NUPI", CardJson.Input(edit, "affiliation")["value"]!.GetValue<string>());
        var changed = Cedric();
        changed["role"] = "chair";
        changed["topic"] = "on Mali";
        var saved = await world.Client.ClickAsync(Olga, edit, "Save speaker", changed);
        Assert.Contains("Saved Cedric de Coning on #1.", saved.Shown);
        speaker = Assert.Single((await Organiser.EventAsync(world.App, 1)).Speakers);
        Assert.Equal((SpeakerRole.Chair, "on Mali"), (speaker.Role, speaker.Topic));

        list = (await world.Client.ClickAsync(Olga, saved.Card, "Speakers")).Card;
        var removed = await world.Client.ClickAsync(Olga, list, "Remove Cedric de Coning");
        Assert.Contains("Removed Cedric de Coning from #1.", removed.Shown);
        Assert.Contains("No speakers yet.", CardJson.TextBlocks(removed.Card));
        Assert.Empty((await Organiser.EventAsync(world.App, 1)).Speakers);
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Speakers_BadEmailAndDuplicateName_ShowUnderTheirFields_AndKeepWhatWasTyped(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();
        var form = (await world.Client.ClickAsync(Olga, card, "Speakers")).Card;
        var typed = Cedric();
        typed["email"] = "cedric at example";

        var again = (await world.Client.ClickAsync(Olga, form, "Add speaker", typed)).Card;

        Assert.Contains(CardJson.ErrorsUnder(again, "email"), e => e.Contains("does not look like an email address", StringComparison.Ordinal));
        Assert.Empty(CardJson.ErrorsUnder(again, "name"));
        Assert.Equal("cedric at example", CardJson.Input(again, "email")["value"]!.GetValue<string>());
        Assert.Equal("ACCORD and NUPI", CardJson.Input(again, "affiliation")["value"]!.GetValue<string>());
        Assert.Equal("moderator", CardJson.Input(again, "role")["value"]!.GetValue<string>());
        Assert.Empty((await Organiser.EventAsync(world.App, 1)).Speakers);

        // The same name twice is refused by the domain, as with the text command, and the message sits under the name.
        var ok = await world.Client.ClickAsync(Olga, again, "Add speaker", Cedric());
        var list = (await world.Client.ClickAsync(Olga, ok.Card, "Speakers")).Card;
        var duplicate = (await world.Client.ClickAsync(Olga, list, "Add speaker", Cedric())).Card;
        Assert.Contains(CardJson.ErrorsUnder(duplicate, "name"), e => e.Contains("already on the programme", StringComparison.Ordinal));
        Assert.Single((await Organiser.EventAsync(world.App, 1)).Speakers);
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Speakers_Zone_IsReadLikeTheTextCommand_AMisspeltOneGetsTheSuggestionUnderTheField(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();
        var form = (await world.Client.ClickAsync(Olga, card, "Speakers")).Card;
        var typo = Cedric();
        typo["zone"] = "Asia/Kolkatta";

        var again = (await world.Client.ClickAsync(Olga, form, "Add speaker", typo)).Card;
        Assert.Contains(CardJson.ErrorsUnder(again, "zone"), e => e.Contains("Did you mean Asia/Kolkata?", StringComparison.Ordinal));
        Assert.Equal("Asia/Kolkatta", CardJson.Input(again, "zone")["value"]!.GetValue<string>());
        Assert.Empty((await Organiser.EventAsync(world.App, 1)).Speakers);

        typo["zone"] = "asia/kolkata";
        var added = await world.Client.ClickAsync(Olga, again, "Add speaker", typo);
        Assert.Contains("Added Cedric de Coning", added.Shown);
        Assert.Equal("Asia/Kolkata", Assert.Single((await Organiser.EventAsync(world.App, 1)).Speakers).TimeZoneId);
        var edit = (await world.Client.ClickAsync(Olga, (await world.Client.ClickAsync(Olga, added.Card, "Speakers")).Card, "Edit Cedric de Coning")).Card;
        Assert.Equal("Asia/Kolkata", CardJson.Input(edit, "zone")["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task RunOfShow_AddReorderRemove_WithTheFitCheck(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();

        var form = (await world.Client.ClickAsync(Olga, card, "Run of show")).Card;
        Assert.Contains(CardJson.TextBlocks(form), t => t == "The event lasts 90 min. No segments yet.");
        var one = await world.Client.ClickAsync(Olga, form, "Add segment", new JsonObject { ["title"] = "Case studies", ["minutes"] = 45, ["lead"] = "Carlo Koos" });
        Assert.Contains("Added \"Case studies\" (45 min) to the run of show. The run of show (45 min) fits (45 min spare).", one.Shown);
        form = (await world.Client.ClickAsync(Olga, one.Card, "Run of show")).Card;
        var two = await world.Client.ClickAsync(Olga, form, "Add segment", new JsonObject { ["title"] = "Discussion", ["minutes"] = "60", ["lead"] = "" });
        Assert.Contains("runs 15 min over the 90 min event", two.Shown);
        Assert.Contains("runs 15 min over", CardJson.Fact(two.Card, "Fit"));

        form = (await world.Client.ClickAsync(Olga, two.Card, "Run of show")).Card;
        Assert.Contains(CardJson.TextBlocks(form), t => t.Contains("runs 15 min over the 90 min event", StringComparison.Ordinal));
        var moved = (await world.Client.ClickAsync(Olga, form, "Move 2 up")).Card;
        Assert.Equal(["Discussion", "Case studies"], (await Organiser.EventAsync(world.App, 1)).Segments.Select(s => s.Title));
        Assert.Contains("Moved segment 2 to position 1.", CardJson.TextBlocks(moved));
        var removed = (await world.Client.ClickAsync(Olga, moved, "Remove 1")).Card;
        Assert.Contains(CardJson.TextBlocks(removed), t => t.Contains("The run of show (45 min) fits (45 min spare).", StringComparison.Ordinal));
        Assert.Equal(["Case studies"], (await Organiser.EventAsync(world.App, 1)).Segments.Select(s => s.Title));
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task RunOfShow_ButtonsClickedTwice_ActOnce(string channel)
    {
        await using var world = await StartAsync(channel);
        // Typed in the same channel as the clicks: the channel and account id are who Olga is outside Teams.
        await world.Client.SayAsync(Olga, $"new webinar \"Aid\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        foreach (var title in new[] { "One", "Two", "Three" }) await world.Client.SayAsync(Olga, $"segment #1 add \"{title}\" 10");
        var form = (await world.Client.ClickAsync(Olga, (await world.Client.SayAsync(Olga, "show #1")).Card, "Run of show")).Card;

        await world.Client.ClickAsync(Olga, form, "Move 3 up");
        var repeat = await world.Client.ClickAsync(Olga, form, "Move 3 up");
        await world.Client.ClickAsync(Olga, form, "Remove 1");
        await world.Client.ClickAsync(Olga, form, "Remove 1");
        var addForm = repeat.Card;
        await world.Client.ClickAsync(Olga, addForm, "Add segment", new JsonObject { ["title"] = "Four", ["minutes"] = "5" });
        await world.Client.ClickAsync(Olga, addForm, "Add segment", new JsonObject { ["title"] = "Four", ["minutes"] = "5" });

        Assert.Contains("nothing changed twice", repeat.Shown);
        Assert.Equal(["Three", "Two", "Four"], (await Organiser.EventAsync(world.App, 1)).Segments.Select(s => s.Title));
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task RunOfShow_ZeroMinutesAndNoTitle_ErrorsUnderEachField(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();
        var form = (await world.Client.ClickAsync(Olga, card, "Run of show")).Card;

        var again = (await world.Client.ClickAsync(Olga, form, "Add segment", new JsonObject { ["title"] = "", ["minutes"] = "0", ["lead"] = "Carlo" })).Card;

        Assert.Contains(CardJson.ErrorsUnder(again, "minutes"), e => e.Contains("A segment lasts 1 to 1440 minutes", StringComparison.Ordinal));
        Assert.Contains(CardJson.ErrorsUnder(again, "title"), e => e.Contains("segment title is empty", StringComparison.Ordinal));
        Assert.Equal("Carlo", CardJson.Input(again, "lead")["value"]!.GetValue<string>());
        Assert.Empty((await Organiser.EventAsync(world.App, 1)).Segments);
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Readings_AddBeforeAndAfter_RejectABadAddress_Remove(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();

        var form = (await world.Client.ClickAsync(Olga, card, "Readings")).Card;
        var bad = (await world.Client.ClickAsync(Olga, form, "Add reading", Reading("MINUSMA", "effectivepeaceops.net/minusma"))).Card;
        Assert.Contains(CardJson.ErrorsUnder(bad, "url"), e => e.Contains("must start with http:// or https://", StringComparison.Ordinal));
        Assert.Equal("MINUSMA", CardJson.Input(bad, "title")["value"]!.GetValue<string>());

        var before = await world.Client.ClickAsync(Olga, bad, "Add reading", Reading("MINUSMA", "https://effectivepeaceops.net/publication/minusma/"));
        Assert.Contains("[MINUSMA](https://effectivepeaceops.net/publication/minusma/) (EPON)", CardJson.TextBlocks(before.Card));
        form = (await world.Client.ClickAsync(Olga, before.Card, "Readings")).Card;
        var after = await world.Client.ClickAsync(Olga, form, "Add reading", Reading("Recording", "https://youtu.be/x", "recording", "after"));
        Assert.DoesNotContain("https://youtu.be/x", CardJson.AllText(after.Card)); // after-event readings go to the follow-up
        var stored = (await Organiser.EventAsync(world.App, 1)).Readings;
        Assert.Equal([("MINUSMA", ReadingTiming.Before), ("Recording", ReadingTiming.After)], stored.Select(r => (r.Title, r.Timing)));
        Assert.Equal(ReadingKind.Recording, stored[1].Kind);

        form = (await world.Client.ClickAsync(Olga, after.Card, "Readings")).Card;
        var removed = (await world.Client.ClickAsync(Olga, form, "Remove \"MINUSMA\"")).Card;
        Assert.Contains("Removed the reading \"MINUSMA\".", CardJson.TextBlocks(removed));
        Assert.Equal(["Recording"], (await Organiser.EventAsync(world.App, 1)).Readings.Select(r => r.Title));
    }

    private static JsonObject Reading(string title, string url, string kind = "report", string timing = "before") => new()
    {
        ["title"] = title, ["url"] = url, ["author"] = "EPON", ["kind"] = kind, ["timing"] = timing,
    };
}
