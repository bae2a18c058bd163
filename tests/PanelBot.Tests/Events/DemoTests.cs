using PanelBot.Domain.Events;
using PanelBot.Tests.Scheduling;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary><c>demo</c> gives a newcomer two complete, published events with their reminders planned.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_CreatesBothRealEventsPublished_WithTheirScheduledWork()
    {
        await using var app = new SchedulingApp(BotApp.UnreachableServiceUrl).Start();
        var bot = app.Bot();

        var reply = CardJson.TextOf(await bot.SayAsync("newcomer", "demo"));
        Assert.Contains("published and ready for RSVPs", reply);
        Assert.Contains("#1", reply);
        Assert.Contains("#2", reply);

        var card = CardJson.Single(await bot.SayAsync("someone", "show #1", BotClient.Teams));
        var text = CardJson.AllText(card);
        Assert.Contains("The relationship between peace operations and humanitarian assistance", text);
        Assert.Contains("Cedric de Coning", text);
        Assert.Contains("Natasja Rupesinghe", text);
        var panel = CardJson.AllText(CardJson.Single(await bot.SayAsync("someone", "show #2", BotClient.Teams)));
        Assert.Contains("Wendy MacClinchy", panel);
        Assert.Contains("Corinne Lamain", panel);

        foreach (var number in new[] { 1, 2 })
        {
            var ev = await app.DbAsync(db => Task.FromResult(db.Events.Single(e => e.Number == number)));
            Assert.Equal(EventStatus.Published, ev.Status);
            Assert.Equal("test:newcomer", ev.CreatorId);
            Assert.NotEmpty(await app.TriggerRowsAsync(ev.Id));
        }
    }
}
