using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>
/// An answer's transaction reads the person's own registration and the head of the waitlist in one command. When the
/// person is first in line both are the same row, and the change must treat it as one registration: seated once, and
/// told so.
/// </summary>
public sealed class FirstInLineTests
{
    [Fact]
    public Task FirstInLine_AnswersWhileASeatIsFree_OnSqlite_IsSeatedAndToldSo() => FirstInLineAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task FirstInLine_AnswersWhileASeatIsFree_OnPostgreSql_IsSeatedAndToldSo() => FirstInLineAsync(StorageProvider.PostgreSql);

    private static async Task FirstInLineAsync(StorageProvider provider)
    {
        await using var app = await BotApp.StartAsync(provider);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 1);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" }); // waitlist number 1
        // A seat frees without a change that fills it (alice's row and her count go behind the bot's back), so the
        // next answer finds a free seat and bob first in line: his answer is the one that seats him.
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM registrations WHERE user_id = 'msteams:alice'"));
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE events SET rsvp_going = 0"));

        var bob = await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        var texts = string.Join("\n", CardJson.TextBlocks(bob.Card));
        Assert.Contains($"going for #{number}", texts);
        Assert.DoesNotContain("waitlist (number", texts);
        var row = await app.DbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.UserId == "msteams:bob"));
        Assert.Equal(RsvpState.Going, row.State);
        Assert.Null(row.WaitlistTicket);
        var counters = await app.DbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT rsvp_going * 10 + rsvp_waitlisted AS \"Value\" FROM events").SingleAsync());
        Assert.Equal(10, counters); // 1 going, nobody waiting
    }
}
