using System.Text.Json.Nodes;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Events.Cards.OrganiserWorld;

namespace PanelBot.Tests.Events.Cards;

/// <summary>Ways in and the control panel: <c>new</c> opens the form, and the organiser's own card carries their tools.</summary>
public sealed class OrganiserCardTests
{
    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task New_Alone_OpensTheNewEventForm_AndNewPanelPreselectsPanel(string channel)
    {
        await using var world = await StartAsync(channel);

        var form = (await world.Client.SayAsync(Olga, "new")).Card;
        var panelForm = (await world.Client.SayAsync(Olga, "new panel")).Card;
        var webinarForm = (await world.Client.SayAsync(Olga, "new webinar")).Card;

        Assert.Contains("New event", CardJson.TextBlocks(form));
        Assert.Equal("webinar", CardJson.Input(form, "kind")["value"]!.GetValue<string>());
        Assert.Equal("panel", CardJson.Input(panelForm, "kind")["value"]!.GetValue<string>());
        Assert.Equal("webinar", CardJson.Input(webinarForm, "kind")["value"]!.GetValue<string>());
        Assert.Equal("createEvent", Verb(CardJson.Button(form, "Create")));
        Assert.Equal(0, await Organiser.EventCountAsync(world.App));
    }

    [Fact]
    public async Task New_InAChannelWithoutCards_SaysHowToTypeIt()
    {
        await using var app = new BotApp();
        var text = CardJson.TextOf(await app.Bot().SayAsync(Olga, "new"));
        Assert.Contains("new webinar \"TITLE\"", text);
        Assert.DoesNotContain("What kind of event", text);
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task HelpCard_NewEventButton_OpensTheForm(string channel)
    {
        await using var world = await StartAsync(channel);

        var help = (await world.Client.SayAsync(Olga, "help")).Card;
        var form = (await world.Client.ClickAsync(Olga, help, "New event")).Card;

        Assert.Equal("createEvent", Verb(CardJson.Button(form, "Create")));
    }

    [Fact]
    public void WelcomeCard_OffersNewEventFirst()
    {
        var card = PanelBot.Features.Help.Welcome.Render(new PanelBot.Cards.CardSurface(true, true)).Card!;
        Assert.Equal(["New event", "Show commands", "Try the demo"], CardJson.ButtonTitles(card));
        Assert.Equal("newEventForm", Verb(CardJson.Actions(card)[0]));
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task DraftCard_OfTheOrganiser_IsAControlPanel_FewButtonsInViewTheRestInTheOverflow(string channel)
    {
        await using var world = await StartAsync(channel);

        var card = await world.CreateDraftAsync();

        var actions = CardJson.Actions(card);
        Assert.Equal(["Join on Zoom", "Edit details", "Speakers", "Publish", "More"], actions.Select(Title));
        var more = actions[^1];
        Assert.Equal("Action.ShowCard", more["type"]!.GetValue<string>());
        Assert.Equal(["Run of show", "Readings", "Settings", "Cancel event"], CardJson.ButtonTitles(more["card"]!));
        var buttons = CardJson.Buttons(card).Where(a => a["type"]!.GetValue<string>() is not ("Action.OpenUrl" or "Action.ShowCard")).ToList();
        Assert.Equal(7, buttons.Count);
        Assert.All(buttons, a => Assert.Equal(channel == BotClient.Teams ? "Action.Execute" : "Action.Submit", a["type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task SomeoneElse_SeesNoTools_AndTheirClicksChangeNothing(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();
        var before = await Organiser.SnapshotAsync(world.App, 1);

        // A draft is for its organisers only: someone else cannot even read it (the tools on a published card are
        // checked in the Teams channel test below).
        var theirs = await world.Client.SayAsync("mallory", "show #1");
        var refused = await world.Client.ClickAsync("mallory", card, "Speakers");
        var add = await world.Bot.SubmitAsync("mallory", new JsonObject { ["verb"] = "addSpeaker", ["event"] = 1, ["name"] = "Mallory", ["role"] = "keynote" });

        Assert.Contains("I can't find event #1", theirs.Text);
        Assert.Contains("Only the organisers of #1", refused.Text);
        Assert.Contains("Only the organisers of #1", CardJson.TextOf(add));
        Assert.Equal(before, await Organiser.SnapshotAsync(world.App, 1));
    }

    [Fact]
    public async Task InATeamsChannel_ShowPostsThePublicCard_AndOnlyTheRefreshBringsTheTools()
    {
        await using var world = await StartAsync(BotClient.Teams);
        await world.CreateDraftAsync();

        var inChannel = await world.Bot.SayAsync(Olga, "show #1", BotClient.Teams, a =>
            a["conversation"] = new JsonObject { ["id"] = "19:events@thread.tacv2", ["conversationType"] = "channel", ["isGroup"] = true });
        var shared = CardJson.Single(inChannel);
        // Teams asks for the organiser's own view of the shared card through the refresh action.
        var refresh = shared["refresh"]!["action"]!.AsObject();
        Assert.Contains(Olga, shared["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        var own = (await world.Bot.InvokeAsync(Olga, refresh["verb"]!.GetValue<string>(), (JsonObject)refresh["data"]!.DeepClone())).Card;

        Assert.DoesNotContain(CardJson.ButtonTitles(shared), t => t is "Edit details" or "Publish" or "Cancel event");
        Assert.Contains("Publish", CardJson.ButtonTitles(own));
        Assert.Contains("Cancel event", CardJson.ButtonTitles(own));
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task EditDetails_FromTheCard_SavesAndShowsTheUpdatedCard(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();

        var form = (await world.Client.ClickAsync(Olga, card, "Edit details")).Card;
        var inputs = Organiser.WebinarForm();
        inputs["title"] = "Peace operations and aid";
        var saved = await world.Client.ClickAsync(Olga, form, "Save", inputs);

        Assert.Contains("Saved #1.", saved.Shown);
        Assert.Contains("Peace operations and aid", CardJson.TextBlocks(saved.Card));
        Assert.Contains("Publish", CardJson.ButtonTitles(saved.Card));
        Assert.Equal("Peace operations and aid", (await Organiser.EventAsync(world.App, 1)).Title);
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Create_ClickedTwice_CreatesOneEvent_AndTheSecondClickShowsIt(string channel)
    {
        await using var world = await StartAsync(channel);
        var form = (await world.Client.SayAsync(Olga, "new")).Card;

        var first = await world.Client.ClickAsync(Olga, form, "Create", Organiser.WebinarForm());
        var second = await world.Client.ClickAsync(Olga, form, "Create", Organiser.WebinarForm());

        Assert.Contains("Created #1", first.Shown);
        Assert.Contains("already created #1", second.Shown);
        Assert.Equal(1, await Organiser.EventCountAsync(world.App));
    }

    [Fact]
    public async Task Create_ClickedTwiceAtOnce_CreatesOneEvent()
    {
        await using var world = await StartAsync(BotClient.WebChat);
        var form = (await world.Client.SayAsync(Olga, "new")).Card;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.Client.ClickAsync(Olga, form, "Create", Organiser.WebinarForm())));

        Assert.Equal(1, await Organiser.EventCountAsync(world.App));
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Create_UnreadableDate_KeepsEverythingTyped(string channel)
    {
        await using var world = await StartAsync(channel);
        var form = (await world.Client.SayAsync(Olga, "new")).Card;
        var inputs = Organiser.WebinarForm();
        var noSuchDay = $"{TestDates.NextYearWithFebruaryOf(28)}-02-31";
        inputs["date"] = noSuchDay;

        var again = (await world.Client.ClickAsync(Olga, form, "Create", inputs)).Card;

        Assert.Contains(CardJson.ErrorsUnder(again, "date"), e => e.Contains(noSuchDay, StringComparison.Ordinal));
        Assert.Equal(noSuchDay, CardJson.Input(again, "date")["value"]!.GetValue<string>());
        Assert.Equal(inputs["title"]!.GetValue<string>(), CardJson.Input(again, "title")["value"]!.GetValue<string>());
        Assert.Equal("Zoom", CardJson.Input(again, "platform")["value"]!.GetValue<string>());
        Assert.Equal(0, await Organiser.EventCountAsync(world.App));
    }

    internal static string Verb(JsonObject action) =>
        (action["verb"] ?? action["data"]?["verb"])!.GetValue<string>();

    private static string Title(JsonObject action) => action["title"]!.GetValue<string>();
}
