using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Invitations;
using PanelBot.Features.Notifications;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// An answer that fails half-way (here: another feature's part of the change throws) saves nothing of it, tells the
/// person so, and leaves the next answer to work as usual: on SQLite the change runs on a connection that outlives the
/// turn, so a transaction left open there would refuse every later answer; on PostgreSQL the change's own statements
/// begin and commit its transaction, so one left open would keep the event's row locked on a pooled connection.
/// </summary>
public sealed class FailedAnswerTests
{
    [Fact]
    public Task AnswerThatFailsHalfWay_OnSqlite_SavesNothing_AndTheNextAnswerWorks() => FailHalfWayAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task AnswerThatFailsHalfWay_OnPostgreSql_SavesNothing_AndTheNextAnswerWorks() =>
        await FailHalfWayAsync(await TestDatabase.PostgresAsync());

    private static async Task FailHalfWayAsync(TestDatabase database)
    {
        await using var _ = database;
        var failing = new FailOnce();
        await using var app = new BotApp(database: database) { TestServices = services => services.AddScoped<IEventObserver>(_ => failing) };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 5);
        failing.Armed = true;

        var failed = await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Contains("nothing was changed", failed.Raw);
        Assert.False(failing.Armed);
        Assert.Equal(0, await app.DbAsync(db => db.Registrations.CountAsync()));
        Assert.Equal(0, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient.StartsWith("ann"))));
        if (database.Provider == StorageProvider.PostgreSql)
        {
            // The change began its transaction with its read: its connection went back to the pool without one.
            Assert.Equal(0, await app.DbAsync(db => db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")
                .SingleAsync()));
        }

        var answered = await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.InvokeAsync("ben", "rsvp", new() { ["event"] = number, ["answer"] = "maybe" });

        Assert.Equal(200, answered.HttpStatus);
        Assert.Contains("You're going", CardJson.AllText(answered.Body));
        var states = await app.DbAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.UserId).Select(r => r.State).ToListAsync());
        Assert.Equal([RsvpState.Going, RsvpState.Maybe], states);
    }

    private sealed class FailOnce : IEventObserver
    {
        public bool Armed { get; set; }

        public Task BeforeSaveAsync(EventChange change, CancellationToken ct)
        {
            if (Armed && change.Rsvp is not null)
            {
                Armed = false;
                throw new InvalidOperationException("An observer's part of the change failed.");
            }

            return Task.CompletedTask;
        }
    }
}
