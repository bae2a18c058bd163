using System.Text.Json.Nodes;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary>The same webinar through the Adaptive Card forms, in Teams (Action.Execute) and Web Chat (Action.Submit).</summary>
public sealed class EventFormTests
{
    private const string Olga = "olga";

    [Fact]
    public async Task NewEventForm_InTeams_IsAFormWhoseButtonExecutesCreateEvent()
    {
        await using var app = new BotApp();
        var bot = app.Bot();

        var response = await bot.InvokeAsync(Olga, "newEventForm");

        var form = response.Card;
        foreach (var id in new[] { "kind", "title", "summary", "date", "start", "end", "zone", "venue", "city", "platform", "link", "capacity", "recorded", "description" })
            CardJson.Input(form, id);
        Assert.Equal("Input.Date", CardJson.Input(form, "date")["type"]!.GetValue<string>());
        Assert.Equal("Input.Time", CardJson.Input(form, "start")["type"]!.GetValue<string>());
        Assert.Equal("Europe/Oslo", CardJson.Input(form, "zone")["value"]!.GetValue<string>()); // Events:DefaultTimeZone
        var create = Assert.Single(CardJson.Actions(form));
        Assert.Equal("Action.Execute", create["type"]!.GetValue<string>());
        Assert.Equal("createEvent", create["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateEvent_InvokedFromTeamsForm_CreatesTheWebinarAndAnswersWithItsCard()
    {
        await using var app = new BotApp();
        var bot = app.Bot();

        var response = await bot.InvokeAsync(Olga, "createEvent", Organiser.WebinarForm());

        Assert.Equal(200, response.HttpStatus);
        var card = response.Card;
        var texts = CardJson.TextBlocks(card);
        Assert.Contains(texts, t => t.Contains("Created #1"));
        Assert.Contains(RealEvents.WebinarTitle, texts);
        Assert.Contains("Three case studies (DRC, CAR, Mali).", texts);
        Assert.Contains("Do peace operations enable humanitarian assistance, or do they put it at risk?", texts);
        Assert.Equal(Webinar.When, CardJson.Fact(card, "When"));
        Assert.Equal("Online (Zoom)", CardJson.Fact(card, "Where"));
        Assert.Equal("Yes", CardJson.Fact(card, "Recorded"));
        Assert.Equal("100", CardJson.Fact(card, "Seats"));

        var ev = await Organiser.EventAsync(app, 1);
        Assert.Equal(RealEvents.WebinarTitle, ev.Title);
        Assert.Equal("msteams:" + Olga, ev.CreatorId); // the person key outside Entra: channel and account id
        Assert.Equal(RealEvents.WebinarJoinUrl, ev.OnlineMeeting?.JoinUrl);
        Assert.Equal(Webinar.Start, ev.StartsAt.ToDateTimeOffset());
        Assert.Equal(Webinar.End, ev.EndsAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task CreateEvent_SubmittedFromWebChatForm_CreatesTheWebinarAndRepliesWithItsCard()
    {
        await using var app = new BotApp();
        var bot = app.Bot();

        var formReplies = await bot.SubmitAsync(Olga, new JsonObject { ["verb"] = "newEventForm" });
        var form = CardJson.Single(formReplies);
        var create = Assert.Single(CardJson.Actions(form));
        Assert.Equal("Action.Submit", create["type"]!.GetValue<string>());
        Assert.Equal("createEvent", create["data"]!["verb"]!.GetValue<string>());

        // Web Chat merges the button's data with the inputs into the message value.
        var value = Organiser.WebinarForm();
        value["verb"] = "createEvent";
        var replies = await bot.SubmitAsync(Olga, value);

        var card = CardJson.Single(replies);
        Assert.Contains("Created #1", CardJson.TextOf(replies));
        Assert.Contains(RealEvents.WebinarTitle, CardJson.TextBlocks(card));
        Assert.Equal(Webinar.When, CardJson.Fact(card, "When"));
        Assert.DoesNotContain(CardJson.Elements(card, "Action.Execute"), _ => true);
        Assert.Equal(1, await Organiser.EventCountAsync(app));
    }

    [Fact]
    public async Task CreateEvent_EndBeforeStart_ComesBackAsTheFormWithTheErrorUnderEnd()
    {
        await using var app = new BotApp();
        var bot = app.Bot();

        var response = await bot.InvokeAsync(Olga, "createEvent", Organiser.WebinarForm(start: "16:30", end: "15:00"));

        var form = response.Card;
        var under = CardJson.ErrorsUnder(form, "end");
        Assert.Contains(under, e => e.Contains("before the start", StringComparison.Ordinal));
        Assert.Empty(CardJson.ErrorsUnder(form, "title"));
        Assert.Contains("Please fix the fields marked below.", CardJson.TextBlocks(form));
        // What the organiser typed is kept, so only the wrong field needs retyping.
        Assert.Equal(RealEvents.WebinarTitle, CardJson.Input(form, "title")["value"]!.GetValue<string>());
        Assert.Equal(Webinar.DateText, CardJson.Input(form, "date")["value"]!.GetValue<string>());
        Assert.Equal("createEvent", Assert.Single(CardJson.Actions(form))["verb"]!.GetValue<string>());
        Assert.Equal(0, await Organiser.EventCountAsync(app));
    }

    [Fact]
    public async Task CreateEvent_EndBeforeStartInWebChat_RepliesWithTheFormAndTheError()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var value = Organiser.WebinarForm(start: "16:30", end: "15:00");
        value["verb"] = "createEvent";

        var replies = await bot.SubmitAsync(Olga, value);

        var form = CardJson.Single(replies);
        Assert.Contains(CardJson.ErrorsUnder(form, "end"), e => e.Contains("before the start", StringComparison.Ordinal));
        Assert.Equal(0, await Organiser.EventCountAsync(app));
    }

    [Fact]
    public async Task CreateEvent_UnreadableDate_ShowsTheErrorUnderDate()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var data = Organiser.WebinarForm();
        var noSuchDay = $"{TestDates.NextYearWithFebruaryOf(28)}-02-31";
        data["date"] = noSuchDay;

        var form = (await bot.InvokeAsync(Olga, "createEvent", data)).Card;

        Assert.Contains(CardJson.ErrorsUnder(form, "date"), e => e.Contains(noSuchDay, StringComparison.Ordinal));
        Assert.Equal(0, await Organiser.EventCountAsync(app));
    }

    [Fact]
    public async Task SaveEvent_FromTeamsEditForm_ChangesTheEventAndShowsTheNewCard()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        await bot.InvokeAsync(Olga, "createEvent", Organiser.WebinarForm());

        var edit = (await bot.InvokeAsync(Olga, "editEventForm", new JsonObject { ["event"] = 1 })).Card;
        Assert.Equal(RealEvents.WebinarTitle, CardJson.Input(edit, "title")["value"]!.GetValue<string>());
        Assert.Equal("15:00", CardJson.Input(edit, "start")["value"]!.GetValue<string>());
        var save = CardJson.Actions(edit)[0];
        Assert.Equal("saveEvent", save["verb"]!.GetValue<string>());

        var data = Organiser.WebinarForm();
        data["event"] = 1;
        data["capacity"] = "150";
        data["venue"] = "Litteraturhuset";
        data["city"] = "Oslo";
        var card = (await bot.InvokeAsync(Olga, "saveEvent", data)).Card;

        Assert.Equal("150", CardJson.Fact(card, "Seats"));
        Assert.Equal("Litteraturhuset, Oslo and Online (Zoom)", CardJson.Fact(card, "Where"));
        var ev = await Organiser.EventAsync(app, 1);
        Assert.Equal(150, ev.Capacity);
    }

    [Fact]
    public async Task SaveEvent_ByNonOrganiser_IsRefusedAndChangesNothing()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        await bot.InvokeAsync(Olga, "createEvent", Organiser.WebinarForm());
        var before = await Organiser.SnapshotAsync(app, 1);
        var data = Organiser.WebinarForm();
        data["event"] = 1;
        data["title"] = "Hijacked";

        var edit = await bot.InvokeAsync("mallory", "editEventForm", new JsonObject { ["event"] = 1 });
        var save = await bot.InvokeAsync("mallory", "saveEvent", data);

        Assert.Contains("Only the organisers of #1", edit.Message);
        Assert.Contains("Only the organisers of #1", save.Message);
        Assert.Equal(before, await Organiser.SnapshotAsync(app, 1));
    }
}
