using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Notifications;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// On PostgreSQL the answers to one event queue in the app only until they hold the event's row lock: the next answer
/// then waits at the row lock itself, so PostgreSQL hands it the lock the moment the holder commits, with no round trip
/// to the app in between. Never more than one waits there per app instance.
/// </summary>
public sealed class EventLockQueueTests
{
    [PostgresFact]
    public async Task AnswerHoldingTheEventsRowLock_OnPostgreSql_LetsTheNextOneWaitAtTheLock_AndBothAreKept()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var holding = new HoldOnce();
        await using var app = new BotApp(database: database) { TestServices = services => services.AddScoped<IEventObserver>(_ => holding) };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 1);
        holding.Armed = true;

        var ann = bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        Task<InvokeResult>? ben = null;
        Task<InvokeResult>? cat = null;
        try
        {
            await holding.Entered.Task.WaitAsync(Eventually.DefaultTimeout); // ann's change holds the row lock
            ben = bot.InvokeAsync("ben", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
            await Eventually.Until(() => LockWaitersAsync(app), waiting => waiting == 1, waiting => $"{waiting} sessions waiting for a lock");

            cat = bot.InvokeAsync("cat", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
            await Task.Delay(TimeSpan.FromMilliseconds(200)); // the third answer stays in the app's queue
            Assert.Equal(1, await LockWaitersAsync(app));
        }
        finally
        {
            holding.Release.TrySetResult();
        }

        var answers = await Task.WhenAll(ann, ben!, cat!);

        Assert.Contains("You're going.", CardJson.TextBlocks(answers[0].Card));
        Assert.Contains("You're on the waitlist (number 1).", CardJson.TextBlocks(answers[1].Card));
        Assert.Contains("You're on the waitlist (number 2).", CardJson.TextBlocks(answers[2].Card));
        var states = await app.DbAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.UserId).Select(r => r.State).ToListAsync());
        Assert.Equal([RsvpState.Going, RsvpState.Waitlisted, RsvpState.Waitlisted], states);
    }

    private static Task<int> LockWaitersAsync(BotApp app) => app.DbAsync(db => db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        .SingleAsync());

    /// <summary>Holds the first RSVP change it sees inside its transaction, after its read, until released.</summary>
    private sealed class HoldOnce : IEventObserver
    {
        public bool Armed { get; set; }
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task BeforeSaveAsync(EventChange change, CancellationToken ct)
        {
            if (Armed && change.Rsvp is not null)
            {
                Armed = false;
                Entered.TrySetResult();
                await Release.Task;
            }
        }
    }
}
