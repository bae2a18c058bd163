using PanelBot.Features.Invitations;
using PanelBot.Mail;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>
/// A person's calendar mail is queued as what to compose and composed when the dispatcher claims it: mail that a newer
/// one replaces while it waits is never composed, and what was composed is kept, so a retry sends the same bytes under
/// the Message-ID the row was given when queued.
/// </summary>
public sealed class ComposedWhenSentTests
{
    [Fact]
    public Task AnswersChangedWhileMailWaits_OnSqlite_OnlyTheLastIsComposed() => OnlyTheLastIsComposedAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task AnswersChangedWhileMailWaits_OnPostgreSql_OnlyTheLastIsComposed() =>
        await OnlyTheLastIsComposedAsync(await TestDatabase.PostgresAsync());

    private static async Task OnlyTheLastIsComposedAsync(TestDatabase database)
    {
        await using var _ = database;
        var transport = new ScriptedTransport((_, _) => Task.CompletedTask);
        await using var app = ScriptedTransport.OneAtATime(database, transport);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await transport.FirstCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The dispatcher is held on user 1's invitation while user 2 changes their mind twice.
        await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
        await bot.SayAsync(User(2), $"rsvp #{number} no");
        await bot.SayAsync(User(2), $"rsvp #{number} going");
        var queued = (await OutboxAsync(app)).Where(m => m.Recipient == Email(2)).ToList();
        Assert.Equal(["invitation", "cancel", "invitation"], queued.Select(m => m.Kind));
        Assert.All(queued, m => Assert.False(m.IsComposed));
        Assert.All(queued, m => Assert.NotNull(m.Recipe));
        transport.Release.SetResult();

        var mine = (await WaitForOutboxAsync(app, rows => rows.Count(m => m.Recipient == Email(2) && m.State == OutboxState.Sent) == 1, "user 2's mail sent"))
            .Where(m => m.Recipient == Email(2)).ToList();
        Assert.Equal([OutboxState.Superseded, OutboxState.Superseded, OutboxState.Sent], mine.Select(m => m.State));
        Assert.False(mine[0].IsComposed);
        Assert.False(mine[1].IsComposed);
        var sent = Assert.Single(transport.Envelopes, e => e.Recipients.Single().Address == Email(2));
        Assert.Equal(queued[2].MessageId, sent.MessageId);
        Assert.False(mine[2].IsComposed); // sent at the first try: the outbox keeps no copy
        var mail = MimePart.Parse(sent.Mime.ToArray());
        Assert.Equal($"<{queued[2].MessageId}>", mail.Header("Message-ID"));
        Assert.Contains("METHOD:REQUEST", mail.Leaf("text/calendar").Text);
    }

    [Fact]
    public async Task RefusedForNow_TheRetrySendsTheBytesComposedForTheFirstTry()
    {
        await using var database = TestDatabase.Sqlite();
        var tries = 0;
        var transport = new ScriptedTransport((to, _) => to == Email(1) && Interlocked.Increment(ref tries) == 1
            ? throw new MailTransientException("451 4.3.0 Try again later")
            : Task.CompletedTask);
        transport.Release.SetResult();
        await using var app = ScriptedTransport.OneAtATime(database, transport);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);

        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        var waiting = Assert.Single(await WaitForOutboxAsync(app, rows => rows.Any(m => m.Attempts == 1 && m.State == OutboxState.Pending),
            "the first try refused"));
        Assert.True(waiting.IsComposed, "composed for the first try and kept");
        // Later, so that a mail composed again would carry another DTSTAMP and Date.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var row = Assert.Single(await WaitForOutboxAsync(app, rows => rows.Any(m => m.State == OutboxState.Sent), "the retry sent"));

        Assert.Equal(2, row.Attempts);
        var tried = transport.Envelopes.ToList();
        Assert.Equal(2, tried.Count);
        Assert.Equal(tried[0].MessageId, tried[1].MessageId);
        Assert.Equal(tried[0].Mime.ToArray(), tried[1].Mime.ToArray());
        Assert.Equal(waiting.Mime, row.Mime);
    }
}
