using System.Collections.Concurrent;
using System.Text;
using NodaTime.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PanelBot.Features.Invitations;
using PanelBot.Mail;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Invitations;

/// <summary>
/// An answer writes its invitation in the answer's own command. When an earlier mail to the same person is still
/// waiting (here: the mail server is down), the new one replaces it and keeps its place in line, so the person gets
/// one mail that says where they stand, as early as the first one would have gone.
/// </summary>
public sealed class AnswerMergeTests
{
    private const string Ann = "ann";
    private const string AnnEmail = "ann@example.org";

    [Fact]
    public Task NoAfterGoing_WhileTheServerIsDown_OnSqlite_SendsOnlyTheCancel_DueAsEarlyAsTheInvitation() =>
        NoAfterGoingAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task NoAfterGoing_WhileTheServerIsDown_OnPostgreSql_SendsOnlyTheCancel_DueAsEarlyAsTheInvitation() =>
        NoAfterGoingAsync(StorageProvider.PostgreSql);

    private static async Task NoAfterGoingAsync(StorageProvider provider)
    {
        var server = new FlakyServer();
        var database = provider == StorageProvider.PostgreSql ? await TestDatabase.PostgresAsync() : TestDatabase.Sqlite();
        await using var app = new BotApp(database)
        {
            DisposeDatabase = true,
            Settings = { ["Mail:DispatchIntervalSeconds"] = "0.1" },
            TestServices = services =>
            {
                services.RemoveAll<IMailTransport>();
                services.AddSingleton<IMailTransport>(server);
            },
        };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        await bot.SayAsync(Ann, $"rsvp #{number} going email {AnnEmail}");
        var invitation = await Eventually.Until(() => RowsAsync(app), rows => rows is [{ Attempts: > 0, State: OutboxState.Pending } first] && first.NextAttemptAt > app.Clock.GetCurrentInstant(),
            rows => $"the invitation's first attempt failed; rows: {rows.Count}");

        // Later, but before its retry is due: the invitation is waiting, not being sent.
        Assert.True(invitation[0].NextAttemptAt > app.Clock.GetCurrentInstant() + NodaTime.Duration.FromSeconds(10),
            $"retry at {invitation[0].NextAttemptAt}, now {app.Clock.GetCurrentInstant()}");
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await bot.SayAsync(Ann, $"rsvp #{number} no");
        var rows = await RowsAsync(app);
        Assert.Equal(2, rows.Count);
        var cancel = rows.Single(r => r.Id != invitation[0].Id);
        Assert.Contains(cancel.State, new[] { OutboxState.Pending, OutboxState.Sending }); // due at once, and the server is still down
        Assert.Equal(invitation[0].NotBefore, cancel.NotBefore); // its place in line, not ten seconds later
        Assert.Equal(invitation[0].MergeKey, cancel.MergeKey);

        // The cancel's first attempt, made at once, has failed and waits for its retry before the server comes back.
        await Eventually.Until(() => RowsAsync(app),
            all => all.Single(r => r.Id == cancel.Id) is { Attempts: > 0, State: OutboxState.Pending } failed && failed.NextAttemptAt > app.Clock.GetCurrentInstant(),
            all => $"the cancel's first attempt failed: {string.Join(", ", all.Select(r => $"{r.State}/{r.Attempts}"))}");
        server.Up = true;
        app.Clock.Advance(TimeSpan.FromMinutes(30)); // past any retry delay
        await Eventually.Until(() => RowsAsync(app), all => all.All(r => r.State is OutboxState.Sent or OutboxState.Superseded),
            all => $"the outbox settled: {string.Join(", ", all.Select(r => r.State))}");
        await AppIdle.WaitAsync(app.Services);
        var sent = Assert.Single(server.Sent);
        Assert.Equal(AnnEmail, sent.To);
        Assert.Contains("method=CANCEL", sent.Mime, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(OutboxState.Superseded, (await RowsAsync(app)).Single(r => r.Id == invitation[0].Id).State);
    }

    private static Task<List<OutboxEntry>> RowsAsync(BotApp app) =>
        app.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(r => r.Recipient == AnnEmail).OrderBy(r => r.Id).ToListAsync());

    /// <summary>Down (a transient failure, as for a refused connection) until <see cref="Up"/>; then records what it sends.</summary>
    private sealed class FlakyServer : IMailTransport
    {
        public volatile bool Up;

        public ConcurrentQueue<(string To, string Mime)> Sent { get; } = new();

        public string Name => "flaky";

        public Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default)
        {
            if (!Up)
            {
                throw new MailTransientException("connection refused");
            }

            foreach (var to in envelope.Recipients) Sent.Enqueue((to.Address, Encoding.UTF8.GetString(envelope.Mime.Span)));
            return Task.FromResult(new MailSendResult(envelope.MessageId, envelope.Recipients, [], "250 ok"));
        }
    }
}
