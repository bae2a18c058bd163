using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Events;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Events.Cards.OrganiserWorld;
using PanelBot.Features.Scheduling;

namespace PanelBot.Tests.Events.Cards;

/// <summary>Settings, publishing and cancelling from the organiser's card, and the whole life of an event by clicking.</summary>
public sealed class LifecycleFormTests
{
    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Settings_Save_ChangesSeatsDeadlineApprovalReleaseAndReminders(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();

        var form = (await world.Client.ClickAsync(Olga, card, "Settings")).Card;
        Assert.Equal(100, CardJson.Input(form, "capacity")["value"]!.GetValue<double>());
        Assert.Equal("3d,1h", CardJson.Input(form, "reminders")["value"]!.GetValue<string>());
        var saved = await world.Client.ClickAsync(Olga, form, "Save settings", new JsonObject
        {
            ["capacity"] = "80", ["deadlineDate"] = TestDates.Iso(Webinar.Date.PlusDays(-2)), ["deadlineTime"] = "12:00", ["approval"] = "true",
            ["release"] = "2", ["reminders"] = "2d, 30m",
        });

        Assert.Contains("Saved the settings of #1. Reminders go out 2 days and 30 minutes before the start.", saved.Shown);
        Assert.Equal("80", CardJson.Fact(saved.Card, "Seats"));
        Assert.Equal("Approved by the organisers", CardJson.Fact(saved.Card, "Registration"));
        var ev = await Organiser.EventAsync(world.App, 1);
        Assert.Equal((80, $"{TestDates.Iso(Webinar.Date.PlusDays(-2))}T12:00:00", RegistrationMode.Approval, 2),
            (ev.Capacity, ev.RsvpDeadline?.ToString("yyyy-MM-ddTHH:mm:ss", null), ev.RegistrationMode, ev.JoinLinkReleaseDays));
        var reminders = await world.App.DbAsync(db => db.EventSchedules.Where(s => s.EventId == ev.Id).Select(s => s.ReminderOffsets).SingleAsync());
        Assert.Equal("2d,30m", reminders);
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Settings_DeadlineAfterStartAndBadReminders_ErrorsUnderTheirFields_NothingSaved(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();
        var form = (await world.Client.ClickAsync(Olga, card, "Settings")).Card;
        var before = await Organiser.SnapshotAsync(world.App, 1);

        var badReminders = (await world.Client.ClickAsync(Olga, form, "Save settings", new JsonObject
        {
            ["capacity"] = "80", ["approval"] = "false", ["release"] = "3", ["reminders"] = "tomorrow",
        })).Card;
        Assert.Contains(CardJson.ErrorsUnder(badReminders, "reminders"), e => e.Contains("'tomorrow' is not a reminder time", StringComparison.Ordinal));
        Assert.Equal("80", CardJson.Input(badReminders, "capacity")["value"]!.ToString());

        var lateDeadline = (await world.Client.ClickAsync(Olga, badReminders, "Save settings", new JsonObject
        {
            ["capacity"] = "80", ["deadlineDate"] = TestDates.Iso(Webinar.Date.PlusDays(1)), ["deadlineTime"] = "09:00", ["approval"] = "false", ["release"] = "3", ["reminders"] = "3d,1h",
        })).Card;
        Assert.NotEmpty(CardJson.ErrorsUnder(lateDeadline, "deadlineDate"));
        Assert.Equal(TestDates.Iso(Webinar.Date.PlusDays(1)), CardJson.Input(lateDeadline, "deadlineDate")["value"]!.GetValue<string>());
        Assert.Equal(before, await Organiser.SnapshotAsync(world.App, 1));
    }

    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task Cancel_AsksFirst_ThenCancelsWithTheReason(string channel)
    {
        await using var world = await StartAsync(channel);
        var card = await world.CreateDraftAsync();

        var confirm = (await world.Client.ClickAsync(Olga, card, "Cancel event")).Card;
        Assert.Contains("Cancel #1?", CardJson.TextBlocks(confirm));
        Assert.Equal(EventStatus.Draft, (await Organiser.EventAsync(world.App, 1)).Status);
        var kept = await world.Client.ClickAsync(Olga, confirm, "Keep it");
        Assert.Contains("Publish", CardJson.ButtonTitles(kept.Card));
        Assert.Equal(EventStatus.Draft, (await Organiser.EventAsync(world.App, 1)).Status);

        var cancelled = await world.Client.ClickAsync(Olga, confirm, "Cancel the event", new JsonObject { ["reason"] = "The speaker is ill." });
        var twice = await world.Client.ClickAsync(Olga, confirm, "Cancel the event", new JsonObject { ["reason"] = "The speaker is ill." });

        Assert.Contains("#1 is cancelled.", cancelled.Shown);
        Assert.Contains("Cancelled: The speaker is ill.", CardJson.TextBlocks(cancelled.Card));
        Assert.DoesNotContain(CardJson.ButtonTitles(cancelled.Card), t => t is "More" or "Edit details" or "Cancel event"); // no tools on a cancelled event
        Assert.Contains("nothing changed twice", twice.Shown);
        var ev = await Organiser.EventAsync(world.App, 1);
        Assert.Equal((EventStatus.Cancelled, "The speaker is ill.", 1), (ev.Status, ev.CancellationReason, ev.Sequence));
    }

    [Fact]
    public async Task Publish_FromTheTeamsCard_PostsThePublicCardAndAnswersWithTheOrganisersView()
    {
        await using var world = await StartAsync(BotClient.Teams);
        var card = await world.CreateDraftAsync();

        var published = await world.Client.ClickAsync(Olga, card, "Publish");

        Assert.Contains("#1 is published", CardJson.TextBlocks(published.Card)[0]);
        Assert.Equal(["Going", "Maybe", "Can't go", "Join on Zoom", "Organise"], CardJson.Actions(published.Card).Select(a => a["title"]!.GetValue<string>()));
        Assert.Contains("Cancel event", CardJson.ButtonTitles(published.Card));
        Assert.DoesNotContain("Publish", CardJson.ButtonTitles(published.Card));
        // The card everyone sees went to the conversation through the connector, without the tools.
        var post = await world.Connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("is published", StringComparison.Ordinal));
        var shared = post.Json!["attachments"]![0]!["content"]!;
        Assert.Contains("Going", CardJson.ButtonTitles(shared));
        Assert.DoesNotContain("Cancel event", CardJson.ButtonTitles(shared));
        Assert.DoesNotContain("Edit details", CardJson.ButtonTitles(shared));
        Assert.Equal(EventStatus.Published, (await Organiser.EventAsync(world.App, 1)).Status);
    }

    [Fact]
    public async Task Publish_FromTheWebChatCard_RepliesWithThePublicCardThenTheOrganisersView()
    {
        await using var world = await StartAsync(BotClient.WebChat);
        var card = await world.CreateDraftAsync();

        var published = await world.Client.ClickAsync(Olga, card, "Publish");
        var again = await world.Client.ClickAsync(Olga, card, "Publish");

        Assert.Equal(2, published.Cards.Count);
        Assert.DoesNotContain("Cancel event", CardJson.ButtonTitles(published.Cards[0]));
        Assert.Contains("Going", CardJson.ButtonTitles(published.Cards[0]));
        Assert.Contains("Cancel event", CardJson.ButtonTitles(published.Cards[1]));
        Assert.Contains("nothing changed twice", again.Shown);
        Assert.Single(again.Cards); // the second click posted nothing
        Assert.Equal(EventStatus.Published, (await Organiser.EventAsync(world.App, 1)).Status);
    }

    /// <summary>The acceptance: a new organiser creates, fills, publishes and cancels an event typing nothing but "new".</summary>
    [Theory]
    [InlineData(BotClient.Teams)]
    [InlineData(BotClient.WebChat)]
    public async Task NewOrganiser_CreatesFillsPublishesAndCancels_TypingOnlyNew(string channel)
    {
        await using var world = await StartAsync(channel);
        await TypingOnlyNewAsync(world);
    }

    [PostgresFact]
    public async Task NewOrganiser_OnPostgreSql_CreatesFillsPublishesAndCancels_AndADoubleCreateMakesOneEvent()
    {
        await using var world = await StartAsync(BotClient.WebChat, PanelBot.Storage.StorageProvider.PostgreSql);
        var form = (await world.Client.SayAsync(Olga, "new")).Card;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => world.Client.ClickAsync(Olga, form, "Create", Organiser.WebinarForm())));
        Assert.Equal(1, await Organiser.EventCountAsync(world.App));

        await TypingOnlyNewAsync(world, number: 2);
    }

    private static async Task TypingOnlyNewAsync(OrganiserWorld world, int number = 1)
    {
        var c = world.Client;

        var card = await world.CreateDraftAsync(number);
        card = (await c.ClickAsync(Olga, (await c.ClickAsync(Olga, card, "Speakers")).Card, "Add speaker", Cedric())).Card;
        card = (await c.ClickAsync(Olga, (await c.ClickAsync(Olga, card, "Run of show")).Card, "Add segment",
            new JsonObject { ["title"] = "Discussion", ["minutes"] = "90", ["lead"] = "Cedric de Coning" })).Card;
        card = (await c.ClickAsync(Olga, (await c.ClickAsync(Olga, card, "Readings")).Card, "Add reading",
            new JsonObject { ["title"] = "MINUSMA", ["url"] = "https://effectivepeaceops.net/publication/minusma/", ["kind"] = "report", ["timing"] = "before" })).Card;
        var settings = (await c.ClickAsync(Olga, card, "Settings")).Card;
        card = (await c.ClickAsync(Olga, settings, "Save settings", new JsonObject
            { ["capacity"] = "50", ["approval"] = "false", ["release"] = "3", ["reminders"] = "3d,1h" })).Card;
        card = (await c.ClickAsync(Olga, card, "Publish")).Card;
        Assert.Contains("exactly fills the 90 min", CardJson.Fact(card, "Fit"));
        var confirm = (await c.ClickAsync(Olga, card, "Cancel event")).Card;
        card = (await c.ClickAsync(Olga, confirm, "Cancel the event", new JsonObject { ["reason"] = "Postponed to spring." })).Card;

        Assert.Contains("Cancelled: Postponed to spring.", CardJson.TextBlocks(card));
        var ev = await Organiser.EventAsync(world.App, number);
        Assert.Equal(EventStatus.Cancelled, ev.Status);
        Assert.NotNull(ev.PublishedAt);
        Assert.Equal(50, ev.Capacity);
        Assert.Equal(("Cedric de Coning", "Discussion", "MINUSMA"), (Assert.Single(ev.Speakers).Name, Assert.Single(ev.Segments).Title, Assert.Single(ev.Readings).Title));
    }
}
