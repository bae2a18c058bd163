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
public sealed class TeamsWork(PanelBotDbContext db, WriteBatch batch, TeamsWorkSignal signal, TimeProvider clock)
{
    private static string RefreshKey(long eventId) => $"refresh-cards:event:{eventId}";

    /// <summary>
    /// Refreshes the posted cards of the event once, however many changes ask for it before the refresh starts: one
    /// upsert in the open <see cref="WriteBatch"/> of the change. A pending refresh is touched rather than skipped: its
    /// row stays locked until the commit, so the refresh never misses a committed change.
    /// </summary>
    public void RefreshCards(long eventId) =>
        batch.Add(PendingOnce(TeamsWorkKinds.RefreshCards, new CardRefresh(eventId), RefreshKey(eventId)));

    public void Notify(PersonalNotice notice)
    {
        if (batch.IsOpen)
        {
            var now = clock.GetCurrentInstant().ToDateTimeUtc();
            batch.Add(new SqlWrite(
                "INSERT INTO teams_work (kind, payload, attempts, next_attempt_at, created_at) VALUES ({0}, {1}, 0, {2}, {2})",
                [TeamsWorkKinds.Notice, JsonSerializer.Serialize(notice), now]));
            return;
        }

        Add(TeamsWorkKinds.Notice, notice, null);
    }

    /// <summary>
    /// One pending look-up per person and event, however often they click before it has run. Written at once in the
    /// caller's transaction: an upsert, because the dispatcher may hand a claimed look-up back to the queue (a retry)
    /// at any moment, and a check followed by an insert would then collide with it.
    /// </summary>
    public async Task LookUpAsync(MemberLookup lookup, CancellationToken ct)
    {
        var write = PendingOnce(TeamsWorkKinds.MemberLookup, lookup, $"member-lookup:event:{lookup.EventId}:{lookup.UserId}");
        if (batch.IsOpen)
        {
            batch.Add(write);
            return;
        }

        await db.Database.ExecuteSqlRawAsync(write.Sql, write.Values.Cast<object>(), ct);
    }

    /// <summary>
    /// Queues the work, or touches the pending row with the same key (the partial unique index on pending keys), in
    /// one statement that SQLite (3.24+) and PostgreSQL both understand.
    /// </summary>
    private SqlWrite PendingOnce<T>(string kind, T payload, string key)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        return new SqlWrite(
            "INSERT INTO teams_work (kind, coalesce_key, payload, attempts, next_attempt_at, created_at) VALUES ({0}, {1}, {2}, 0, {3}, {3}) " +
            "ON CONFLICT (coalesce_key) WHERE claimed_at IS NULL DO UPDATE SET attempts = teams_work.attempts",
            [kind, key, JsonSerializer.Serialize(payload), now]);
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

    public Task WaitAsync(TimeSpan timeout, TimeSpan gather, int lastRound, CancellationToken ct) =>
        _signal.WaitAsync(timeout, gather, lastRound, ct);
}
