using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Domain.Events;
using PanelBot.Features.Invitations;
using PanelBot.Features.Scheduling;
using PanelBot.Features.Scheduling.Delivery;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Scheduling;

/// <summary>
/// A scheduled job saves the event it read (the release raises its SEQUENCE). When an organiser's edit lands between
/// that read and the save, the save finds a newer version; Quartz does not run a failed job again, so the job itself
/// runs once more on the new version and still delivers once.
/// </summary>
public sealed class ReleaseConflictTests
{
    private static readonly DateTimeOffset Release = TestDates.UtcOffset(Webinar.Date.PlusDays(-3), Webinar.StartTime);

    [Fact]
    public async Task Release_WhenTheEventChangesBeforeItsSave_RunsAgainAndSendsTheUpdateOnce()
    {
        var edit = new EditDuringReleaseSave();
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl,
            services: s => s.ConfigureDbContext<PanelBotDbContext>(o => o.AddInterceptors(edit))).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", releaseDays: 3);
        await bot.SayAsync("alice", "email alice@example.org");
        await bot.SayAsync("alice", $"rsvp #{number} going");

        app.Clock.SetUtcNow(Release.AddSeconds(1));
        var released = await Proactive.WaitAsync(connector, "Alice: here is the join link", 1, app.Services);

        Assert.Single(released);
        Assert.Equal(1, edit.Edits);
        var releaseAt = NodaTime.Instant.FromDateTimeOffset(Release);
        await AppIdle.WaitAsync(app.Services);
        var updates = await app.DbAsync(db => db.OutboxMessages
            .CountAsync(m => m.Recipient == "alice@example.org" && m.CreatedAt >= releaseAt && m.Kind != ScheduledKinds.Reminder));
        Assert.Equal(1, updates);
    }

    /// <summary>Bumps the event's version once, just before the release's save, as a concurrent edit would.</summary>
    private sealed class EditDuringReleaseSave : SaveChangesInterceptor
    {
        private int _edits;

        public int Edits => _edits;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var db = eventData.Context!;
            var releasing = db.ChangeTracker.Entries<ScheduledDelivery>()
                .Any(e => e.State == EntityState.Added && e.Entity.Kind == ScheduledKinds.Release && e.Entity.Channel == DeliveryLog.Mail);
            var ev = db.ChangeTracker.Entries<Event>().FirstOrDefault(e => e.State == EntityState.Modified);
            if (releasing && ev is not null && Interlocked.CompareExchange(ref _edits, 1, 0) == 0)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE events SET version = version + 1 WHERE id = {ev.Entity.Id}", cancellationToken);
            }

            return result;
        }
    }
}
