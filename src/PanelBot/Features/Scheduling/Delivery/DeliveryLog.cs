using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary>
/// Claims deliveries in <c>scheduled_deliveries</c>. A claim is a committed row with a unique (kind, key): whoever
/// inserts it first sends; a re-run of the job, or the same job on another node, finds it and sends nothing.
/// </summary>
public sealed class DeliveryLog(PanelBotDbContext db, TimeProvider clock)
{
    public const string Chat = "chat";
    public const string Mail = "mail";

    public async Task<HashSet<string>> SentKeysAsync(long eventId, string kind, CancellationToken ct) =>
        (await db.ScheduledDeliveries.AsNoTracking().Where(d => d.EventId == eventId && d.Kind == kind)
            .Select(d => d.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Adds a claim to the unit of work (committed by the caller's SaveChanges, e.g. with an outbox mail).</summary>
    public ScheduledDelivery Add(long eventId, string kind, string key, string channel)
    {
        var row = new ScheduledDelivery { EventId = eventId, Kind = kind, Key = key, Channel = channel, SentAt = clock.GetCurrentInstant() };
        db.ScheduledDeliveries.Add(row);
        return row;
    }

    /// <summary>Commits the pending claims (and whatever else the unit of work holds); false when any key was taken.</summary>
    public async Task<bool> TryCommitAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A re-run that started with this one has usually committed its claims by now: finding them first ends this
            // unit of work without a failed INSERT (which the database provider logs as an error). The unique index still
            // decides a race that is closer than that.
            if (await AnyTakenAsync(ct))
            {
                DropAdded();
                return false;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                // Another run claimed one of the keys first: drop this unit of work, it was theirs.
                DropAdded();
                return false;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Busy, not taken (SQLite's single writer, shared with Quartz): the claim is still ours to make. The
                // other writer holds its lock for real milliseconds (https://www.sqlite.org/lockingv3.html), so this
                // back-off is real time, not the injected clock (which tests move by hand).
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }

    private async Task<bool> AnyTakenAsync(CancellationToken ct)
    {
        // Per kind, as the unique index pairs them: a key taken under another kind is not this claim's.
        var claimsByKind = db.ChangeTracker.Entries<ScheduledDelivery>().Where(e => e.State == EntityState.Added)
            .GroupBy(e => e.Entity.Kind, e => e.Entity.Key);
        foreach (var claims in claimsByKind)
        {
            var kind = claims.Key;
            var keys = claims.ToList();
            if (await db.ScheduledDeliveries.AsNoTracking().AnyAsync(d => d.Kind == kind && keys.Contains(d.Key), ct))
            {
                return true;
            }
        }

        return false;
    }

    private void DropAdded()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) or PostgreSQL's unique_violation (23505).</summary>
    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Gives claims back when the send failed, so that a later run may try again.</summary>
    public async Task ReleaseAsync(IEnumerable<ScheduledDelivery> rows, CancellationToken ct)
    {
        db.ScheduledDeliveries.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
    }
}
