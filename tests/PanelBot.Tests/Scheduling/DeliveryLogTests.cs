using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Features.Scheduling;
using PanelBot.Features.Scheduling.Delivery;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Scheduling;

/// <summary>Claims in the delivery log, one committed row per (kind, key), as the unique index pairs them.</summary>
public sealed class DeliveryLogTests
{
    [Fact]
    public async Task Claim_TakenUnderTheSameKind_IsRefused_ButTheSameKeyUnderAnotherKindIsNot()
    {
        await using var app = new BotApp();
        var number = await Organiser.CreateWebinarAsync(app.Bot(), "olga");
        var eventId = await app.DbAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());

        Assert.True(await ClaimAsync(app, eventId, (ScheduledKinds.Reminder, "alice")));
        // A second run of the same reminder: its claim is found already taken, and nothing of its unit of work is saved.
        Assert.False(await ClaimAsync(app, eventId, (ScheduledKinds.Reminder, "alice"), (ScheduledKinds.Reminder, "bob")));
        // The follow-up to the same person is another delivery, also when claimed with someone's reminder.
        Assert.True(await ClaimAsync(app, eventId, (ScheduledKinds.FollowUp, "alice"), (ScheduledKinds.Reminder, "bob")));

        var rows = await app.DbAsync(db => db.ScheduledDeliveries.OrderBy(d => d.Id).Select(d => d.Kind + ":" + d.Key).ToListAsync());
        Assert.Equal([$"{ScheduledKinds.Reminder}:alice", $"{ScheduledKinds.FollowUp}:alice", $"{ScheduledKinds.Reminder}:bob"], rows);
    }

    private static async Task<bool> ClaimAsync(BotApp app, long eventId, params (string Kind, string Key)[] claims)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<DeliveryLog>();
        foreach (var (kind, key) in claims)
        {
            log.Add(eventId, kind, key, DeliveryLog.Chat);
        }

        var committed = await log.TryCommitAsync(CancellationToken.None);
        Assert.False(scope.ServiceProvider.GetRequiredService<PanelBotDbContext>().ChangeTracker.HasChanges());
        return committed;
    }
}
