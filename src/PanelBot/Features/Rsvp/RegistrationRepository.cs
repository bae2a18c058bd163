using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Storage;

namespace PanelBot.Features.Rsvp;

/// <summary>
/// Registrations of events. Every change runs in a transaction that holds the event's write lock and touches only what
/// it needs: the counters on the event row, the user's own registration and place in line, and the front of the waitlist
/// (both by the index on event and waitlist ticket). Tickets never change while people wait; places are counted when shown.
/// </summary>
public sealed class RegistrationRepository(PanelBotDbContext db, IOptions<StorageOptions> storage, WriteGate writes, SqliteWriter writer,
    SqliteGroupCommit groupCommit, WriteBatch batch, TimeProvider clock)
{
    /// <summary>Counts per answer: the counters kept on the event row.</summary>
    public async Task<RsvpCounts> CountsAsync(Event ev, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await Statements(db.Database.CurrentTransaction?.GetDbTransaction()).CountsAsync(ev, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private RsvpStatements Statements(DbTransaction? transaction) =>
        new(db.Database.GetDbConnection(), transaction, storage.Value.Provider);

    public async Task<IReadOnlyList<Registration>> ListAsync(Event ev, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().Where(r => r.EventId == ev.Id).OrderBy(r => r.CreatedAt).ToListAsync(ct);

    /// <summary>The first <paramref name="limit"/> people who answered anything but "no", in order of answering.</summary>
    public async Task<IReadOnlyList<string>> ParticipantIdsAsync(Event ev, int limit, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().Where(r => r.EventId == ev.Id && r.State != RsvpState.No)
            .OrderBy(r => r.CreatedAt).Take(limit).Select(r => r.UserId).ToListAsync(ct);

    public async Task<Registration?> FindAsync(Event ev, string userId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == ev.Id && r.UserId == userId, ct);

    public async Task<EventViewer> ViewerAsync(Event ev, string userId, DateTimeZone? zone, CancellationToken ct)
    {
        var mine = await FindAsync(ev, userId, ct);
        return Viewer(ev, userId, zone, mine, mine is null ? null : await WaitlistPlaceAsync(mine, ct));
    }

    /// <summary>
    /// How <paramref name="userId"/> sees the card, given their registration and place in line (e.g. those a change just
    /// saved).
    /// </summary>
    public EventViewer Viewer(Event ev, string userId, DateTimeZone? zone, Registration? mine, int? waitlistPlace)
    {
        var organiser = ev.CanEdit(userId);
        var released = mine?.State == RsvpState.Going && ev.IsJoinLinkReleased(clock.GetCurrentInstant());
        return new EventViewer(userId, zone, organiser, mine?.State, waitlistPlace, organiser || released);
    }

    /// <summary>Where a waiting registration stands: 1 + how many of its event wait with a smaller ticket (one count on the index).</summary>
    public async Task<int?> WaitlistPlaceAsync(Registration registration, CancellationToken ct) =>
        registration is { State: RsvpState.Waitlisted, WaitlistTicket: { } ticket }
            ? 1 + await db.Registrations.CountAsync(r => r.EventId == registration.EventId && r.WaitlistTicket < ticket, ct)
            : null;

    /// <summary>
    /// Applies a change to the event's registrations atomically. Concurrent answers for the last seat are serialised by
    /// the event's row lock (PostgreSQL <c>FOR UPDATE</c>) or the database write lock (SQLite's <c>BEGIN IMMEDIATE</c>).
    /// <paramref name="userId"/> is whose registration the change is about (null for none). What
    /// <paramref name="beforeSave"/> adds to the <see cref="WriteBatch"/> goes into the change's own write command; it must
    /// add nothing to EF Core's unit of work, unless that already had changes, in which case the whole change runs in EF
    /// Core's transaction and they are saved together.
    /// </summary>
    public async Task<DomainResult<RsvpOutcome>> ChangeAsync(Event ev, string? userId,
        Func<RsvpFacts, DomainResult<RsvpOutcome>> change, CancellationToken ct, Func<RsvpOutcome, Task>? beforeSave = null)
    {
        // Something already in the unit of work must be saved with the change, which only EF Core's own transaction can do.
        var strategy = db.Database.CreateExecutionStrategy();
        var result = db.ChangeTracker.HasChanges()
            ? await strategy.ExecuteAsync(() => ChangeInUnitOfWorkAsync(ev, userId, change, beforeSave, ct))
            : writer.IsUsed
                ? await ChangeOnWriterAsync(ev, userId, change, beforeSave, ct)
                : await strategy.ExecuteAsync(() => ChangeCarryingTransactionAsync(ev, userId, change, beforeSave, ct));
        if (result.IsSuccess)
        {
            batch.Committed();
        }
        else
        {
            batch.Discard();
        }

        return result;
    }

    /// <summary>
    /// On SQLite: the whole change on <see cref="SqliteWriter"/>, whose commands stay prepared between answers, committed
    /// together with the answers that came at the same time (<see cref="SqliteGroupCommit"/>).
    /// </summary>
    private async Task<DomainResult<RsvpOutcome>> ChangeOnWriterAsync(Event ev, string? userId,
        Func<RsvpFacts, DomainResult<RsvpOutcome>> change, Func<RsvpOutcome, Task>? beforeSave, CancellationToken ct)
    {
        DomainResult<RsvpOutcome>? result = null;
        await groupCommit.InTransactionAsync(async () =>
        {
            batch.Discard();
            var statements = new RsvpStatements(await writer.ConnectionAsync(ct), null, StorageProvider.Sqlite, writer.Prepared);
            var loaded = await statements.ReadAsync(ev, userId, forUpdate: true, ct);
            result = change(loaded.Facts);
            if (result.Value is not { } outcome)
            {
                return false; // refused: nothing to keep
            }

            // The context's connection would wait for this one's write lock: observers write through the WriteBatch here.
            await CollectIntoBatchAsync(outcome, beforeSave);
            await statements.WriteAsync(ev, loaded, outcome, batch.Take(), ct);
            return true;
        }, ct);
        return result!;
    }

    /// <summary>
    /// On PostgreSQL: the read begins the transaction and the write commits it, so the event's row is locked for two round
    /// trips instead of three (Npgsql sends a transaction's <c>BEGIN</c> with its first command but <c>COMMIT</c> on its
    /// own). The answer leaves <see cref="WriteGate.EnterEventAsync"/> once its read holds the row lock: the next one's
    /// read then waits at the lock in PostgreSQL, which hands it over at the commit, instead of in the app, which let it
    /// start only after the commit's reply had come back.
    /// </summary>
    private async Task<DomainResult<RsvpOutcome>> ChangeCarryingTransactionAsync(Event ev, string? userId,
        Func<RsvpFacts, DomainResult<RsvpOutcome>> change, Func<RsvpOutcome, Task>? beforeSave, CancellationToken ct)
    {
        batch.Discard(); // a run the strategy repeats starts from nothing
        using var gate = await writes.EnterEventAsync(ev.Id, ct);
        await db.Database.OpenConnectionAsync(ct);
        var statements = new RsvpStatements(db.Database.GetDbConnection(), null, storage.Value.Provider) { CarryTransaction = true };
        var open = true; // from the read's BEGIN, which may have run even if the read failed, until the write's COMMIT
        try
        {
            var loaded = await statements.ReadAsync(ev, userId, forUpdate: true, ct);
            gate?.Dispose();
            var result = change(loaded.Facts);
            if (result.Value is { } outcome)
            {
                // A save through the unit of work would commit in a transaction of its own, apart from this one.
                await CollectIntoBatchAsync(outcome, beforeSave);
                await statements.WriteAsync(ev, loaded, outcome, batch.Take(), ct);
                open = false;
            }

            return result;
        }
        finally
        {
            if (open)
            {
                await RollBackAsync(); // refused, or failed before the commit
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Ends a transaction the statements began; on a broken connection the server has ended it already.</summary>
    private async Task RollBackAsync()
    {
        try
        {
            if (db.Database.GetDbConnection().State == ConnectionState.Open)
            {
                await db.Database.ExecuteSqlRawAsync("ROLLBACK");
            }
        }
        catch (DbException)
        {
            // The connection broke meanwhile; the pool discards it, and the server rolls back with the session.
        }
    }

    private async Task<DomainResult<RsvpOutcome>> ChangeInUnitOfWorkAsync(Event ev, string? userId,
        Func<RsvpFacts, DomainResult<RsvpOutcome>> change, Func<RsvpOutcome, Task>? beforeSave, CancellationToken ct)
    {
        batch.Discard(); // a run the strategy repeats starts from nothing
        using var gate = await writes.EnterEventAsync(ev.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var statements = Statements(tx.GetDbTransaction());
        var loaded = await statements.ReadAsync(ev, userId, forUpdate: true, ct);
        var result = change(loaded.Facts);
        if (result.Value is not { } outcome)
        {
            await tx.RollbackAsync(ct);
            return result;
        }

        await CollectAsync(outcome, beforeSave);
        await statements.WriteAsync(ev, loaded, outcome, batch.Take(), ct);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Like <see cref="CollectAsync"/>, where nothing may go through EF Core's unit of work.</summary>
    private async Task CollectIntoBatchAsync(RsvpOutcome outcome, Func<RsvpOutcome, Task>? beforeSave)
    {
        await CollectAsync(outcome, beforeSave);
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("An RSVP change wrote through EF Core's unit of work instead of the write batch.");
        }
    }

    /// <summary>What other features add to the change (<paramref name="beforeSave"/>), into the <see cref="WriteBatch"/>.</summary>
    private async Task CollectAsync(RsvpOutcome outcome, Func<RsvpOutcome, Task>? beforeSave)
    {
        if (beforeSave is not null && !outcome.IsNoChange)
        {
            using (batch.Open())
            {
                await beforeSave(outcome);
            }
        }
    }

    /// <summary>Upcoming events the user answered, soonest first.</summary>
    public async Task<IReadOnlyList<(Event Event, Registration Registration)>> ForUserAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var rows = await db.Registrations.AsNoTracking().Where(r => r.UserId == userId && r.State != RsvpState.No)
            .Join(db.Events.AsNoTracking(), r => r.EventId, e => e.Id, (r, e) => new { r, e })
            .ToListAsync(ct);
        return rows.Where(x => x.e.EndsAt > now).OrderBy(x => x.e.StartsAt).Select(x => (x.e, x.r)).ToList();
    }

    /// <summary>Every event the user has a registration for, past ones included.</summary>
    public async Task<IReadOnlyList<Event>> EventsOfAsync(string userId, CancellationToken ct) =>
        await db.Registrations.Where(r => r.UserId == userId)
            .Join(db.Events, r => r.EventId, e => e.Id, (_, e) => e)
            .ToListAsync(ct);
}
