using PanelBot.Features.Invitations;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>The outbox on PostgreSQL (bytea, timestamptz, conditional claims): two instances, one server outage.</summary>
public sealed class PostgresOutboxTests
{
    [PostgresFact]
    public async Task TwoInstancesOnPostgres_ServerBackAfterOutage_EachInvitationArrivesOnce()
    {
        if (SmtpServer.Unavailable is { } reason) Assert.Fail(reason);
        await using var server = SmtpServer.Stopped();
        await using var database = await TestDatabase.PostgresAsync();
        var clock = TestClock.Create();
        await using var first = Smtp(server, database, clock);
        var bot = first.Bot();
        var number = await PublishedWebinarAsync(bot);
        for (var k = 1; k <= 8; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");
        await WaitForOutboxAsync(first, rows => rows.Count == 8 && rows.All(r => r.Attempts > 0), "failed first attempts");

        await using var second = Smtp(server, database, clock); // a second instance polling the same outbox
        _ = second.Server;
        await server.StartAgainAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForOutboxAsync(first, rows => rows.All(r => r.State == OutboxState.Sent), "all sent");
        await AppIdle.WaitAsync(first.Services, second.Services);

        var recipients = server.Messages().Select(m => Assert.Single(m.RcptTos)).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(Email).Order(), recipients.Order());
    }
}
