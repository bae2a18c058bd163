using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// Leaving a waitlist of 50 writes only the rows of the people whose answer changed: the others keep their tickets, and
/// the places they see are counted from them. A database trigger records every registration row an UPDATE writes, so
/// the test sees what the statements did, however they were issued.
/// </summary>
public sealed class WaitlistOrderTests
{
    [Fact]
    public Task LeavingAWaitlistOfFifty_OnSqlite_WritesOnlyTheChangedRows() => LeavingAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task LeavingAWaitlistOfFifty_OnPostgreSql_WritesOnlyTheChangedRows() => LeavingAsync(StorageProvider.PostgreSql);

    private static async Task LeavingAsync(StorageProvider provider)
    {
        await using var app = await BotApp.StartAsync(provider);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 10);
        var users = Enumerable.Range(1, 60).Select(i => $"user{i:00}").ToList(); // 10 seats, then 50 waiting
        foreach (var user in users)
        {
            await bot.InvokeAsync(user, "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        }

        var ids = await app.DbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.UserId[(BotClient.Teams.Length + 1)..], r => r.Id));
        await RecordWritesAsync(app, provider);

        // A seat frees: user01's row and the promoted user11's, nobody else's.
        var freed = await bot.InvokeAsync("user01", "rsvp", new() { ["event"] = number, ["answer"] = "no" });
        Assert.Contains($"You're not going to #{number}", string.Join("\n", CardJson.TextBlocks(freed.Card)));
        Assert.Equal(new[] { ids["user01"], ids["user11"] }.Order(), await TakeWritesAsync(app));

        // Someone leaves from the middle of the line (place 19 of 49): only their row.
        await bot.InvokeAsync("user30", "rsvp", new() { ["event"] = number, ["answer"] = "maybe" });
        Assert.Equal([ids["user30"]], await TakeWritesAsync(app));

        // The places people see close up all the same: user45 was 35th in line, and two ahead of them left.
        var again = await bot.InvokeAsync("user45", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        var texts = CardJson.TextBlocks(again.Card);
        Assert.Contains(texts, t => t.StartsWith($"No change: on the waitlist for #{number} (number 33 on the waitlist).", StringComparison.Ordinal));
        Assert.Contains("You're on the waitlist (number 33).", texts);
        Assert.Empty(await TakeWritesAsync(app));

        // Joining again goes to the end of the line, with a ticket never given before.
        var back = await bot.InvokeAsync("user30", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        Assert.Contains(CardJson.TextBlocks(back.Card), t => t.Contains($"#{number} is full: you're number 49 on the waitlist"));
        Assert.Equal([ids["user30"]], await TakeWritesAsync(app));

        var rows = await app.DbAsync(db => db.Registrations.AsNoTracking().ToListAsync());
        var places = WaitlistPlaces.Rank(rows);
        var line = rows.Where(r => r.State == RsvpState.Waitlisted).OrderBy(r => places.Of(r)).ToList();
        string[] expected = [.. users.Skip(11).Where(u => u != "user30"), "user30"];
        Assert.Equal(expected.Select(u => BotClient.Teams + ":" + u), line.Select(r => r.UserId));
        Assert.Equal(Enumerable.Range(1, 49), line.Select(r => places.Of(r)!.Value));
        Assert.Equal(51, rows.Single(r => r.UserId == BotClient.Teams + ":user30").WaitlistTicket); // 50 given before
        Assert.Equal(51, await app.DbAsync(db => db.Database.SqlQueryRaw<int>("SELECT rsvp_waitlist_tickets AS \"Value\" FROM events").SingleAsync()));
    }

    /// <summary>A trigger that notes the id of every registration row an UPDATE writes.</summary>
    private static Task RecordWritesAsync(BotApp app, StorageProvider provider) => app.DbAsync(db => db.Database.ExecuteSqlRawAsync(
        provider == StorageProvider.PostgreSql
            ? """
              CREATE TABLE test_written (id BIGINT NOT NULL);
              CREATE FUNCTION test_note_written() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN INSERT INTO test_written (id) VALUES (NEW.id); RETURN NEW; END $$;
              CREATE TRIGGER test_registrations_written AFTER UPDATE ON registrations FOR EACH ROW EXECUTE FUNCTION test_note_written();
              """
            : """
              CREATE TABLE test_written (id INTEGER NOT NULL);
              CREATE TRIGGER test_registrations_written AFTER UPDATE ON registrations
              BEGIN INSERT INTO test_written (id) VALUES (NEW.id); END;
              """));

    /// <summary>The registration rows written since the last call, in id order.</summary>
    private static async Task<long[]> TakeWritesAsync(BotApp app)
    {
        var written = await app.DbAsync(db => db.Database.SqlQueryRaw<long>("SELECT id AS \"Value\" FROM test_written ORDER BY id").ToListAsync());
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM test_written"));
        return [.. written];
    }
}
