using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PanelBot.Features.Invitations;
using PanelBot.Mail;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>
/// The dispatcher claims a batch of due mail in one transaction and records the batch's outcomes in one more. Each
/// message still gets its own outcome, and a stop in the middle of a batch leaves nothing claimed.
/// </summary>
public sealed class OutboxBatchTests
{
    [Fact]
    public Task Batch_OnSqlite_IsClaimedBeforeItsFirstSend_AndEachMessageKeepsItsOwnOutcome() =>
        MixedOutcomesAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task Batch_OnPostgreSql_IsClaimedBeforeItsFirstSend_AndEachMessageKeepsItsOwnOutcome() =>
        await MixedOutcomesAsync(await TestDatabase.PostgresAsync());

    private static async Task MixedOutcomesAsync(TestDatabase database)
    {
        await using var _ = database;
        BotApp? running = null;
        var statesAtSecondSend = new TaskCompletionSource<Dictionary<string, OutboxState>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new ScriptedTransport(async (to, _) =>
        {
            if (to == Email(2))
            {
                statesAtSecondSend.TrySetResult(await running!.DbAsync(db =>
                    db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Recipient, m => m.State)));
                throw new MailPermanentException("550 5.1.1 No such user here");
            }

            if (to == Email(3))
            {
                throw new MailTransientException("451 4.3.0 Try again later");
            }
        });
        await using var app = running = ScriptedTransport.OneAtATime(database, transport);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);

        // The first invitation holds the dispatcher while three more are queued: those three make the next batch.
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await transport.FirstCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var k = 2; k <= 4; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");
        transport.Release.SetResult();

        // One send at a time, yet when the batch's first send starts all three are already claimed.
        var states = await statesAtSecondSend.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(OutboxState.Sending, states[Email(3)]);
        Assert.Equal(OutboxState.Sending, states[Email(4)]);

        var rows = (await WaitForOutboxAsync(app, r => r.Count == 4 && r.All(m => m.State != OutboxState.Sending && m.Attempts > 0), "the batch recorded"))
            .ToDictionary(m => m.Recipient);
        Assert.Equal(OutboxState.Sent, rows[Email(1)].State);
        Assert.Equal(OutboxState.Failed, rows[Email(2)].State);
        Assert.Contains("550 5.1.1", rows[Email(2)].LastError);
        Assert.Equal(OutboxState.Pending, rows[Email(3)].State);
        Assert.Contains("451 4.3.0", rows[Email(3)].LastError);
        Assert.True(rows[Email(3)].NextAttemptAt > NodaTime.Instant.FromDateTimeOffset(app.Clock.GetUtcNow()), "a retry after a back-off");
        Assert.Equal(OutboxState.Sent, rows[Email(4)].State);
        Assert.Null(rows[Email(4)].LastError);
        Assert.All(rows.Values, m => Assert.Equal(1, m.Attempts));
        Assert.Equal([Email(1), Email(2), Email(3), Email(4)], transport.Tried.Order());
    }

    /// <summary>
    /// On PostgreSQL, woken by the first invitation's commit, the dispatcher waits its gather time before it claims, so
    /// the invitations committed meanwhile go in the same batch instead of a round each.
    /// </summary>
    [PostgresFact]
    public async Task MailCommittedWhileTheDispatcherGathers_OnPostgreSql_IsClaimedInOneBatch()
    {
        await using var database = await TestDatabase.PostgresAsync();
        BotApp? running = null;
        var statesAtFirstSend = new TaskCompletionSource<Dictionary<string, OutboxState>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new ScriptedTransport(async (to, _) =>
        {
            if (to == Email(1))
            {
                statesAtFirstSend.TrySetResult(await running!.DbAsync(db =>
                    db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Recipient, m => m.State)));
            }
        });
        await using var app = running = Gathering(database, transport, seconds: 3);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);

        for (var k = 1; k <= 3; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");

        var states = await statesAtFirstSend.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(OutboxState.Sending, states[Email(2)]);
        Assert.Equal(OutboxState.Sending, states[Email(3)]);
        await WaitForOutboxAsync(app, rows => rows.Count == 3 && rows.All(m => m.State == OutboxState.Sent), "all three sent");
        Assert.Equal([Email(1), Email(2), Email(3)], transport.Tried.Order());
    }

    /// <summary>On SQLite the claims already queue behind the answers at the write gate: the dispatcher looks at once.</summary>
    [Fact]
    public async Task MailCommitted_OnSqlite_IsNotHeldForTheGather()
    {
        await using var database = TestDatabase.Sqlite();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new ScriptedTransport((_, _) =>
        {
            sent.TrySetResult();
            return Task.CompletedTask;
        });
        await using var app = Gathering(database, transport, seconds: 5);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");

        await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"sent {clock.Elapsed} after the answer; the gather is 5 s");
    }

    /// <summary>A dispatcher that only a commit wakes (no poll to speak of), one send at a time.</summary>
    private static BotApp Gathering(TestDatabase database, ScriptedTransport transport, int seconds)
    {
        transport.Release.SetResult();
        return new BotApp(database)
        {
            Settings =
            {
                ["Mail:MaxInFlight"] = "1", ["Mail:From"] = From,
                ["Mail:DispatchIntervalSeconds"] = "3600", ["Mail:DispatchGatherSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            TestServices = services => services.RemoveAll<IMailTransport>().AddSingleton<IMailTransport>(transport),
        };
    }

    [Theory]
    [InlineData("Mail:DispatchGatherSeconds", "-0.1")]
    [InlineData("Mail:DispatchGatherSeconds", "6")]
    [InlineData("TeamsQueue:GatherSeconds", "6")]
    public void Start_WithAGatherTimeOutOfRange_Fails(string key, string value)
    {
        using var app = new BotApp { Settings = { [key] = value } };

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(error.Failures, f => f.Contains("GatherSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopInTheMiddleOfABatch_PutsItsUnsentMessagesBackToPending()
    {
        await using var database = TestDatabase.Sqlite();
        var secondCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new ScriptedTransport(async (to, ct) =>
        {
            if (to == Email(2))
            {
                secondCalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct); // a server that never answers, until the app stops
            }
        });
        await using (var app = ScriptedTransport.OneAtATime(database, transport))
        {
            var bot = app.Bot();
            var number = await PublishedWebinarAsync(bot);
            await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
            await transport.FirstCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            for (var k = 2; k <= 3; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");
            transport.Release.SetResult();
            await secondCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // Read past the app: a new one would release leftover claims at start-up and hide them.
        var rows = await ReadOutboxAsync((SqliteTestDatabase)database);
        Assert.Equal(("Sent", 1, (string?)null), rows[Email(1)]);
        // The send the stop cut short, and the one of the same batch that never started: both claimed once, both back.
        Assert.Equal(("Pending", 1, "Interrupted while sending (shutdown)."), rows[Email(2)]);
        Assert.Equal(("Pending", 1, "Interrupted while sending (shutdown)."), rows[Email(3)]);
        Assert.DoesNotContain(Email(3), transport.Tried);
    }

    private static async Task<Dictionary<string, (string State, int Attempts, string? Error)>> ReadOutboxAsync(SqliteTestDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT recipient, state, attempts, last_error FROM outbox_messages";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (string, int, string?)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return rows;
    }
}
