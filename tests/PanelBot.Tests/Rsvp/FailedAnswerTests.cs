using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Invitations;
using PanelBot.Features.Notifications;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// An answer that fails half-way (here: another feature's part of the change throws), or that the rules refuse once the
/// change has read its facts, saves nothing of it, tells the person so, and leaves the next change to work as usual: on
/// SQLite the change runs on a connection that outlives the turn, so a transaction left open there would refuse every
/// later answer; on PostgreSQL the change's own statements begin and commit its transaction, so one left open would keep
/// the event's row locked on a pooled connection.
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
        Assert.False(await EventRowLockedAsync(app)); // on PostgreSQL the change's read began its transaction

        var answered = await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.InvokeAsync("ben", "rsvp", new() { ["event"] = number, ["answer"] = "maybe" });

        Assert.Equal(200, answered.HttpStatus);
        Assert.Contains("You're going", CardJson.AllText(answered.Body));
        var states = await app.DbAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.UserId).Select(r => r.State).ToListAsync());
        Assert.Equal([RsvpState.Going, RsvpState.Maybe], states);
    }

    [Fact]
    public Task ChangeRefusedAfterItsRead_OnSqlite_ChangesNothing_AndTheNextChangeWorks() => RefuseAfterReadAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task ChangeRefusedAfterItsRead_OnPostgreSql_ChangesNothing_AndTheNextChangeWorks() =>
        await RefuseAfterReadAsync(await TestDatabase.PostgresAsync());

    /// <summary>The domain refuses once it has the facts, i.e. after the read that locked the event's row.</summary>
    private static async Task RefuseAfterReadAsync(TestDatabase database)
    {
        await using var _ = database;
        await using var app = new BotApp(database: database);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        var ev = await Organiser.EventAsync(app, number);
        app.Clock.SetUtcNow(ev.StartsAt.ToDateTimeOffset().AddMinutes(1));

        var refused = await bot.InvokeAsync("ben", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Contains("has started, so RSVPs are closed", refused.Raw);
        Assert.False(await EventRowLockedAsync(app));
        Assert.Equal(["msteams:ann"], await app.DbAsync(db => db.Registrations.AsNoTracking().Select(r => r.UserId).ToListAsync()));
        // Leaving is allowed at any time: a change that needs the event's row again.
        await bot.SayAsync("ann", "forget me confirm", BotClient.Teams);
        Assert.Equal(0, await app.DbAsync(db => db.Registrations.CountAsync()));
    }

    /// <summary>Whether some transaction still holds an event's row lock (PostgreSQL; SQLite locks the whole database).</summary>
    private static Task<bool> EventRowLockedAsync(BotApp app) => app.Database.Provider != StorageProvider.PostgreSql
        ? Task.FromResult(false)
        : app.DbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT id FROM events FOR UPDATE NOWAIT");
                return false;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                return true;
            }
        });

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
