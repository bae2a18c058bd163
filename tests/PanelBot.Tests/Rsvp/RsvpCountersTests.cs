using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// Counts are kept on the event row. They must always equal a recount of the registrations, after answers, promotions
/// and withdrawals; and the migration that introduced them must fill them in for events that already had answers.
/// </summary>
public sealed class RsvpCountersTests
{
    [Fact]
    public Task Counters_OnSqlite_EqualARecountAndTheBackfillRebuildsThem() => CountersAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task Counters_OnPostgreSql_EqualARecountAndTheBackfillRebuildsThem() => CountersAsync(StorageProvider.PostgreSql);

    private static async Task CountersAsync(StorageProvider provider)
    {
        await using var app = await BotApp.StartAsync(provider);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 2);
        foreach (var (user, answer) in new[] { ("ann", "going"), ("ben", "going"), ("cat", "going"), ("dan", "going"), ("eve", "maybe"), ("fay", "no") })
            await bot.InvokeAsync(user, "rsvp", new() { ["event"] = number, ["answer"] = answer });
        await bot.InvokeAsync("ann", "rsvp", new() { ["event"] = number, ["answer"] = "no" }); // cat is promoted
        await bot.SayAsync("dan", "forget me confirm", BotClient.Teams); // leaves the waitlist (said in Teams, where Dan clicked)

        var expected = new[] { 2, 1, 2, 0, 0 }; // going ben+cat, maybe eve, no ann+fay, nobody waiting
        Assert.Equal(expected, await RecountAsync(app));
        Assert.Equal(expected, await CountersAsync(app));

        // As before the migration: columns at their default, then the migration's own backfill statement.
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE events SET rsvp_going = 0, rsvp_maybe = 0, rsvp_no = 0, rsvp_waitlisted = 0, rsvp_awaiting_approval = 0"));
        var script = DatabaseMigrator.Scripts(provider).Single(s => s.Version.EndsWith("_i11_rsvp_counters", StringComparison.Ordinal)).Sql;
        var backfill = script.Split(';').Single(statement => statement.TrimStart().StartsWith("UPDATE events", StringComparison.Ordinal));
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync(backfill));
        Assert.Equal(expected, await CountersAsync(app));
    }

    private static Task<int[]> RecountAsync(BotApp app) => app.DbAsync(async db =>
    {
        var states = await db.Registrations.AsNoTracking().Select(r => r.State).ToListAsync();
        return new[] { RsvpState.Going, RsvpState.Maybe, RsvpState.No, RsvpState.Waitlisted, RsvpState.AwaitingApproval }
            .Select(state => states.Count(s => s == state)).ToArray();
    });

    private static Task<int[]> CountersAsync(BotApp app) => app.DbAsync(async db =>
        (await db.Database.SqlQueryRaw<CounterRow>(
            "SELECT rsvp_going AS \"Going\", rsvp_maybe AS \"Maybe\", rsvp_no AS \"No\", rsvp_waitlisted AS \"Waitlisted\", " +
            "rsvp_awaiting_approval AS \"Awaiting\" FROM events").ToListAsync())
        .Select(c => new[] { c.Going, c.Maybe, c.No, c.Waitlisted, c.Awaiting }).Single());

    private sealed class CounterRow
    {
        public int Going { get; set; }
        public int Maybe { get; set; }
        public int No { get; set; }
        public int Waitlisted { get; set; }
        public int Awaiting { get; set; }
    }
}
