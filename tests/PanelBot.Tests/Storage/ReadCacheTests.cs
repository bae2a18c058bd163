using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Storage;

/// <summary>
/// RSVP answers read their event and the person's profile from memory on SQLite, and every way the app changes them makes
/// the next answer read them again: an organiser's edit, a new address, "forget me", a statement on the table, a read that
/// overlapped a change.
/// </summary>
public sealed class ReadCacheTests
{
    private const string Olga = "olga";

    [Fact]
    public async Task AnswersToOneEvent_ReadItOnce()
    {
        var reads = new Reads();
        await using var app = new BotApp { TestServices = services => services.AddSingleton<IInterceptor>(reads) };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        reads.Clear();

        foreach (var person in new[] { "alice", "bob", "carol", "alice" })
        {
            Assert.Equal(200, (await bot.InvokeAsync(person, "rsvp", new() { ["event"] = number, ["answer"] = "going" })).HttpStatus);
        }

        Assert.Equal(1, reads.Of("events", "number"));
        Assert.Equal(3, await app.DbAsync(db => db.Registrations.CountAsync(r => r.State == RsvpState.Going)));
    }

    [Fact]
    public async Task AnAnswerAfterAnOrganisersEdit_IsDecidedAndDrawnOnTheEditedEvent()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 2);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        await Organiser.DoAsync(bot, Olga, $"set #{number} capacity 1");
        await Organiser.DoAsync(bot, Olga, $"set #{number} title \"Peace operations after the drawdown\"");
        var bob = await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Contains("Peace operations after the drawdown", bob.Card.ToJsonString());
        var bobs = await app.DbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.UserId.EndsWith(":bob")));
        Assert.Equal(RsvpState.Waitlisted, bobs.State);
    }

    [Fact]
    public async Task AnswersByOnePerson_ReadTheirProfileOnce()
    {
        var reads = new Reads();
        await using var app = new BotApp { TestServices = services => services.AddSingleton<IInterceptor>(reads) };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        await bot.SayAsync("alice", "email alice@example.org", BotClient.Teams); // the same person key as her clicks
        reads.Clear();

        foreach (var answer in new[] { "going", "maybe", "going" })
        {
            Assert.Equal(200, (await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = answer })).HttpStatus);
        }

        Assert.Equal(1, reads.Of("user_profiles", "user_id"));
        Assert.Equal("alice@example.org", (await app.DbAsync(db => db.Registrations.AsNoTracking().SingleAsync())).Email);
    }

    [Fact]
    public async Task AnAnswerAfterANewAddressOrForgetMe_UsesWhatThePersonSaidLast()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        await bot.SayAsync("alice", "email alice@example.org");
        await bot.SayAsync("alice", $"rsvp #{number} going");

        await bot.SayAsync("alice", "email alice@work.example.org");
        await bot.SayAsync("alice", $"rsvp #{number} maybe");
        Assert.Equal("alice@work.example.org", (await app.DbAsync(db => db.Registrations.AsNoTracking().SingleAsync())).Email);

        await bot.SayAsync("alice", "forget me confirm");
        var answered = CardJson.TextOf(await bot.SayAsync("alice", $"rsvp #{number} going"));
        Assert.Contains("tell me your address", answered);
    }

    [Fact]
    public async Task AnAnswerAfterAStatementOnTheEventsTable_SeesWhatItWrote()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        // As UserKeyMoves changes organisers: a statement of its own, not a saved entity.
        await app.DbAsync(db => db.Events.Where(e => e.Number == number)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, "Renamed by a statement")));
        var bob = await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        Assert.Contains("Renamed by a statement", bob.Card.ToJsonString());
    }

    [Fact]
    public async Task AReadThatOverlappedAChange_IsNotServedAgain()
    {
        await using var app = new BotApp();
        var number = await Organiser.CreateWebinarAsync(app.Bot(), Olga);
        var before = await Organiser.EventAsync(app, number);
        var after = await Organiser.EventAsync(app, number);
        var cache = new ReadCache<int, Event>(Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite }));

        var slow = new TaskCompletionSource<Event?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var overlapping = cache.GetAsync(number, () => slow.Task);
        cache.Invalidate(); // the change commits while the old row is being read
        slow.SetResult(before);
        Assert.Same(before, await overlapping);

        Assert.Same(after, await cache.GetAsync(number, () => Task.FromResult<Event?>(after)));
        Assert.Same(after, await cache.GetAsync(number, () => throw new InvalidOperationException("read again although kept")));
    }

    [Fact]
    public async Task OnPostgreSql_NothingIsKept()
    {
        await using var app = new BotApp();
        var number = await Organiser.CreateWebinarAsync(app.Bot(), Olga);
        var ev = await Organiser.EventAsync(app, number);
        var cache = new ReadCache<int, Event>(Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql }));
        var loads = 0;

        for (var i = 0; i < 3; i++)
        {
            await cache.GetAsync(number, () => { loads++; return Task.FromResult<Event?>(ev); });
        }

        Assert.Equal(3, loads);
    }

    /// <summary>Counts the queries that look a row of a table up by a key column (EF Core's SQL for the compiled queries).</summary>
    private sealed class Reads : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public int Of(string table, string key) => _texts.Count(t => t.Contains($"FROM \"{table}\"") && t.Contains($"\"{key}\" = @"));

        public void Clear() => _texts.Clear();

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
