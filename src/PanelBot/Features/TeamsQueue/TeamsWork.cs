using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;
using PanelBot.Features.Invitations;
using PanelBot.Storage;

namespace PanelBot.Features.TeamsQueue;

/// <summary>
/// Queues work that calls Teams in the caller's unit of work (saved with the change that causes it, or not at all);
/// <see cref="Wake"/> after the commit starts it at once.
/// </summary>
public sealed class TeamsWork(PanelBotDbContext db, TeamsWorkSignal signal, TimeProvider clock)
{
    public static string RefreshKey(long eventId) => $"refresh-cards:event:{eventId}";

    /// <summary>
    /// Refreshes the posted cards of the event once, however many changes ask for it before the refresh starts. A pending
    /// refresh is touched rather than skipped: the row lock orders this change before the refresh claims the row, or
    /// the claim before this check (and a new refresh is queued), so the refresh never misses a committed change.
    /// </summary>
    public Task RefreshCardsAsync(long eventId, CancellationToken ct) =>
        AddOnceAsync(TeamsWorkKinds.RefreshCards, new CardRefresh(eventId), RefreshKey(eventId), ct);

    /// <summary>
    /// <see cref="RefreshCardsAsync"/> as one upsert, for a change that writes in a command of its own: queued, or the
    /// pending refresh touched (its row locked until the commit, as the UPDATE there does), in no extra round trip.
    /// </summary>
    public SqlWrite RefreshCardsWrite(long eventId)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        return new SqlWrite(
            "INSERT INTO teams_work (kind, coalesce_key, payload, attempts, next_attempt_at, created_at) VALUES ({0}, {1}, {2}, 0, {3}, {3}) " +
            "ON CONFLICT (coalesce_key) WHERE claimed_at IS NULL DO UPDATE SET attempts = teams_work.attempts",
            [TeamsWorkKinds.RefreshCards, RefreshKey(eventId), JsonSerializer.Serialize(new CardRefresh(eventId)), now]);
    }

    public void Notify(PersonalNotice notice) => Add(TeamsWorkKinds.Notice, notice, null);

    /// <summary>One pending look-up per person and event, however often they click before it has run.</summary>
    public Task LookUpAsync(MemberLookup lookup, CancellationToken ct) =>
        AddOnceAsync(TeamsWorkKinds.MemberLookup, lookup, $"member-lookup:event:{lookup.EventId}:{lookup.UserId}", ct);

    /// <summary>
    /// Call only while holding the lock of the event in <paramref name="key"/> (an RSVP change does), so no other
    /// transaction adds the same key meanwhile.
    /// </summary>
    private async Task AddOnceAsync<T>(string kind, T payload, string key, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<TeamsWorkItem>().Any(e => e.State == EntityState.Added && e.Entity.CoalesceKey == key))
        {
            return;
        }
        // Plain SQL: this runs in every answer's transaction, and translating the LINQ form cost more than the statement.
        var touched = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE teams_work SET attempts = attempts WHERE coalesce_key = {key} AND claimed_at IS NULL", ct);
        if (touched == 0)
        {
            Add(kind, payload, key);
        }
    }

    /// <summary>Call after the commit.</summary>
    public void Wake() => signal.Notify();

    private void Add<T>(string kind, T payload, string? key)
    {
        var now = clock.GetCurrentInstant();
        db.TeamsWork.Add(new TeamsWorkItem
        {
            Kind = kind,
            CoalesceKey = key,
            Payload = JsonSerializer.Serialize(payload),
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}

/// <summary>Wakes the queue's dispatcher after a commit (at most one pending wake-up).</summary>
public sealed class TeamsWorkSignal
{
    private readonly OutboxSignal _signal = new();

    public void Notify() => _signal.Notify();

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
