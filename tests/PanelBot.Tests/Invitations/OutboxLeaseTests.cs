using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using PanelBot.Features.Invitations;
using PanelBot.Mail;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>A claim on an outbox row is a lease: renewed while the server is being talked to, released when its holder dies.</summary>
public sealed class OutboxLeaseTests
{
    [SmtpFact]
    public async Task ClaimOfADeadInstance_IsReleasedWhenTheLeaseRunsOut_AndTheMailArrivesOnce()
    {
        await using var server = await SmtpServer.StartAsync();
        await using var app = Smtp(server);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await WaitForOutboxAsync(app, rows => rows.Count == 1 && rows[0].State == OutboxState.Sent, "the first invitation sent");

        // Another instance claimed the second invitation and died: Sending, claimed now, never renewed.
        await server.StopAsync();
        await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
        var rows = await WaitForOutboxAsync(app, r => r.Count == 2 && r[1].Attempts > 0 && r[1].State == OutboxState.Pending, "a failed attempt");
        var now = NodaTime.Instant.FromDateTimeOffset(app.Clock.GetUtcNow());
        await app.DbAsync(db => db.OutboxMessages.Where(m => m.Id == rows[1].Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sending).SetProperty(m => m.ClaimedAt, now).SetProperty(m => m.NextAttemptAt, now)));
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.ReleaseStuckAsync(default)); // the lease (30 s) still runs

        await server.StartAgainAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await WaitForOutboxAsync(app, r => r.All(m => m.State == OutboxState.Sent), "the released invitation sent");

        Assert.Equal([Email(1), Email(2)], (await server.WaitForAsync(2)).Select(m => Assert.Single(m.RcptTos)).Order());
    }

    [Fact]
    public async Task LongSend_RenewsItsLease_SoNoOtherRoundSendsItAgain()
    {
        var accepted = new TaskCompletionSource();
        var called = new TaskCompletionSource();
        var transport = new Mock<IMailTransport>();
        transport.SetupGet(t => t.Name).Returns("slow");
        transport.Setup(t => t.SendAsync(It.IsAny<MailEnvelope>(), It.IsAny<CancellationToken>()))
            .Returns(async (MailEnvelope envelope, CancellationToken _) =>
            {
                called.TrySetResult();
                await accepted.Task;
                return new MailSendResult(envelope.MessageId, envelope.Recipients, [], "250 ok");
            });
        await using var app = new BotApp
        {
            Settings = { ["Mail:SendingLeaseSeconds"] = "6", ["Mail:DispatchIntervalSeconds"] = "0.1", ["Mail:From"] = From },
            TestServices = services => services.RemoveAll<IMailTransport>().AddSingleton(transport.Object),
        };
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Far past the lease on the clock; the sender renews every 2 s of real time while it waits for the server.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var advanced = NodaTime.Instant.FromDateTimeOffset(app.Clock.GetUtcNow());
        await WaitForOutboxAsync(app, r => r.Single().ClaimedAt >= advanced, "the lease renewed");
        Assert.Equal(0, await app.Services.GetRequiredService<OutboxDispatcher>().ReleaseStuckAsync(default));

        accepted.SetResult();
        var rows = await WaitForOutboxAsync(app, r => r.Single().State == OutboxState.Sent, "sent");
        Assert.Equal(1, rows.Single().Attempts);
        transport.Verify(t => t.SendAsync(It.IsAny<MailEnvelope>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
