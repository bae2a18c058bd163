using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Storage;

namespace PanelBot.Features.Rsvp;

/// <summary>Registrations of events; every change runs in a transaction that holds the event's write lock.</summary>
public sealed class RegistrationRepository(PanelBotDbContext db, IOptions<StorageOptions> storage, TimeProvider clock)
{
    /// <summary>Counts per answer, computed by the database: every card shows them, and events have many registrations.</summary>
    public async Task<RsvpCounts> CountsAsync(Event ev, CancellationToken ct)
    {
        var byState = await db.Registrations.AsNoTracking().Where(r => r.EventId == ev.Id)
            .GroupBy(r => r.State).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.State, x => x.Count, ct);
        int Of(RsvpState state) => byState.GetValueOrDefault(state);
        return new RsvpCounts(Of(RsvpState.Going), Of(RsvpState.Maybe), Of(RsvpState.No), Of(RsvpState.Waitlisted),
            Of(RsvpState.AwaitingApproval), ev.Capacity);
    }

    public async Task<IReadOnlyList<Registration>> ListAsync(Event ev, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().Where(r => r.EventId == ev.Id).OrderBy(r => r.CreatedAt).ToListAsync(ct);

    public async Task<EventViewer> ViewerAsync(Event ev, string userId, DateTimeZone? zone, CancellationToken ct)
    {
        var mine = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == ev.Id && r.UserId == userId, ct);
        var organiser = ev.CanEdit(userId);
        var released = mine?.State == RsvpState.Going && ev.IsJoinLinkReleased(clock.GetCurrentInstant());
        return new EventViewer(userId, zone, organiser, mine?.State, mine?.WaitlistPosition, organiser || released);
    }

    /// <summary>
    /// Applies a change to the event's registrations atomically. Concurrent answers for the last seat are serialised by
    /// the event's row lock (PostgreSQL) or the database write lock (SQLite's BEGIN IMMEDIATE).
    /// </summary>
    public async Task<DomainResult<RsvpOutcome>> ChangeAsync(Event ev,
        Func<IReadOnlyList<Registration>, DomainResult<RsvpOutcome>> change, CancellationToken ct,
        Func<RsvpOutcome, Task>? beforeSave = null)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (storage.Value.Provider == StorageProvider.PostgreSql)
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT id FROM events WHERE id = {ev.Id} FOR UPDATE", ct);
            var current = await db.Registrations.Where(r => r.EventId == ev.Id).ToListAsync(ct);
            var outcome = change(current);
            if (!outcome.IsSuccess)
            {
                await tx.RollbackAsync(ct);
                return outcome;
            }
            if (outcome.Value!.IsNew && outcome.Value.Registration is { } added) db.Registrations.Add(added);
            if (outcome.Value.Removed is { } removed) db.Registrations.Remove(removed);
            if (beforeSave is not null && !outcome.Value.IsNoChange) await beforeSave(outcome.Value);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return outcome;
        });
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
