using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;
using PanelBot.Features.Invitations;
using PanelBot.Storage;

namespace PanelBot.Features.Operations;

/// <summary>
/// How long the oldest unsent mail has been due: the outbox's one number that says "stuck". Retries waiting for their
/// back-off count too, since a mail that keeps failing is as late for its reader as one never tried.
/// </summary>
public sealed class OutboxAge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxAge> logger)
{
    public async Task<TimeSpan> OldestDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var now = clock.GetCurrentInstant();
        var oldest = await Query(db, now).ToListAsync(ct);
        return oldest.Count == 0 ? TimeSpan.Zero : (now - oldest[0]).ToTimeSpan();
    }

    /// <summary>The gauge's callback: metric readers call it synchronously on their own thread, once per export.</summary>
    public Measurement<double>[] Observe()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromSeconds(5));
            var now = clock.GetCurrentInstant();
            var oldest = Query(db, now).ToList();
            return [new Measurement<double>(oldest.Count == 0 ? 0 : (now - oldest[0]).TotalSeconds)];
        }
        catch (Exception ex)
        {
            // An unreachable database is the health check's to report; the gauge just skips this export.
            logger.LogDebug(ex, "Outbox age not measured");
            return [];
        }
    }

    private static IQueryable<NodaTime.Instant> Query(PanelBotDbContext db, NodaTime.Instant now) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NotBefore <= now)
            .OrderBy(m => m.NotBefore)
            .Select(m => m.NotBefore)
            .Take(1);
}
