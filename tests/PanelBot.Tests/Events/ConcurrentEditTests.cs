using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Domain.Events;
using PanelBot.Features.Events;
using PanelBot.Features.Notifications;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary>
/// An organiser's edit that loses the race to another save of the same event (the scheduler releasing the join link, a
/// co-organiser) is made again on the event as saved, keeping both changes, instead of failing the turn.
/// </summary>
public sealed class ConcurrentEditTests
{
    private const string Olga = "olga";

    [Fact]
    public Task CancelWhileAnotherSaveLands_IsMadeOnTheSavedEvent_AndKeepsTheOtherChange() => CancelDuringRaceAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task CancelWhileAnotherSaveLands_OnPostgreSql_IsMadeOnTheSavedEvent() => await CancelDuringRaceAsync(await TestDatabase.PostgresAsync());

    private static async Task CancelDuringRaceAsync(TestDatabase database)
    {
        await using var _ = database;
        var race = new SaveInBetween();
        await using var app = new BotApp(database: database) { TestServices = services => services.AddScoped<IEventObserver>(sp => race.For(sp)) };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        race.Armed = true;

        var answer = CardJson.TextOf(await bot.SayAsync(Olga, $"cancel #{number} The moderator is ill"));

        Assert.Contains($"#{number} is cancelled", answer);
        Assert.Equal(1, race.Saves);
        var stored = await app.DbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Number == number));
        Assert.Equal(EventStatus.Cancelled, stored.Status);
        Assert.Equal("The moderator is ill", stored.CancellationReason);
        Assert.Equal(SaveInBetween.Title, stored.Details.Title);
    }

    /// <summary>
    /// Just before the organiser's change is saved, once, another scope renames the event and saves it, as a concurrent
    /// writer would between the turn's read and its save.
    /// </summary>
    private sealed class SaveInBetween
    {
        public const string Title = "Renamed meanwhile";

        public bool Armed { get; set; }
        public int Saves { get; private set; }

        public IEventObserver For(IServiceProvider services) => new Observer(this, services);

        private sealed class Observer(SaveInBetween race, IServiceProvider services) : IEventObserver
        {
            public async Task BeforeSaveAsync(EventChange change, CancellationToken ct)
            {
                if (!race.Armed || change.Update is null)
                {
                    return;
                }

                race.Armed = false;
                await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var events = scope.ServiceProvider.GetRequiredService<EventRepository>();
                var other = await events.FindAsync(change.Event.Number, ct);
                Assert.True(other!.Edit(d => d with { Title = Title }, scope.ServiceProvider.GetRequiredService<TimeProvider>()).IsSuccess);
                await events.SaveAsync(ct);
                race.Saves++;
            }
        }
    }
}
