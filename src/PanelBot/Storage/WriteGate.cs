using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace PanelBot.Storage;

/// <summary>
/// Queues this process's write transactions asynchronously, where waiting in the database would cost more.
/// SQLite has one writer at a time; a second <c>BEGIN IMMEDIATE</c> gets SQLITE_BUSY, and Microsoft.Data.Sqlite then
/// retries by blocking the thread (sleeping) until the command timeout, which under a burst of RSVPs ties up thread-pool
/// threads and stretches every answer. Waiting here instead costs no thread. PostgreSQL locks rows, so there the gate is
/// open, except per event (<see cref="EnterEventAsync"/>).
/// </summary>
public sealed class WriteGate(IOptions<StorageOptions> storage) : IDisposable
{
    private const int EventStripes = 64;

    private readonly SemaphoreSlim _sqlite = new(1, 1);
    private readonly SemaphoreSlim[] _events = Enumerable.Range(0, EventStripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>
    /// Whether all of this process's writes queue here (SQLite): background work that writes then already comes in
    /// batches, behind the answers.
    /// </summary>
    public bool QueuesAllWrites => storage.Value.Provider == StorageProvider.Sqlite;

    /// <summary>Whether some caller holds the SQLite gate (for <see cref="SqliteWriter"/>'s check that it is used inside it).</summary>
    public bool IsSqliteHeld => _sqlite.CurrentCount == 0;

    public async ValueTask<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (storage.Value.Provider != StorageProvider.Sqlite)
        {
            return null;
        }

        await _sqlite.WaitAsync(ct);
        return new Release(_sqlite);
    }

    /// <summary>
    /// For a transaction that takes the event's row lock. On PostgreSQL the answers to one event queue here, one at a
    /// time per process, instead of on the row lock: each waiter there holds a pooled connection and a backend, and the
    /// holder's next round trip then waits in the thread pool behind the waiters' work, so the lock is held for
    /// milliseconds instead of round trips (a lock convoy). A holder may leave once it has the row lock, so that one
    /// answer waits at the lock itself and takes it the moment the holder commits. Other instances still meet at the row
    /// lock, which alone keeps the last seat.
    /// </summary>
    public async ValueTask<IDisposable?> EnterEventAsync(long eventId, CancellationToken ct)
    {
        if (storage.Value.Provider == StorageProvider.Sqlite)
        {
            return await EnterAsync(ct);
        }

        var stripe = _events[(int)((ulong)eventId % EventStripes)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    /// <summary>
    /// One statement through the gate, for a write that a later turn makes again when this one cannot: false when the
    /// database refused it (busy, or gone), which EF Core has already logged.
    /// </summary>
    public async Task<bool> TryExecuteAsync(DatabaseFacade database, FormattableString sql, CancellationToken ct)
    {
        try
        {
            using (await EnterAsync(ct))
            {
                await database.ExecuteSqlInterpolatedAsync(sql, ct);
            }

            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        foreach (var stripe in _events)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
