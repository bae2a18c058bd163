using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PanelBot.Domain.Events;
using PanelBot.Storage;

namespace PanelBot.Features.Events;

/// <summary>
/// The events RSVP answers read, kept in memory on SQLite, where this process is the database's only writer (the
/// <see cref="WriteGate"/> and <see cref="SqliteWriter"/> already rely on that). Every answer looked its event up again,
/// on a pooled connection whose page cache the previous answer's commit had emptied. <see cref="EventChangeInterceptor"/>
/// calls <see cref="Invalidate"/> whenever EF Core saves a change to an event, and again when its transaction commits.
/// An entry is served only while no invalidation has happened since its read began, so a read that overlapped a change is
/// read again rather than kept. The counters an answer changes are not part of <see cref="Event"/>: the answer reads them
/// in its own transaction. On PostgreSQL several instances share the database, so nothing is kept.
/// </summary>
public sealed class EventReadCache(IOptions<StorageOptions> storage)
{
    // An organisation runs tens of events at a time; the bound only keeps a flood of numbers from growing memory.
    private const int MaxEvents = 1024;

    private readonly ConcurrentDictionary<int, Entry> _byNumber = new();
    private long _generation;

    public bool IsUsed => storage.Value.Provider == StorageProvider.Sqlite;

    /// <summary>
    /// The event with <paramref name="number"/>, from memory when no change was saved since it was read, else from
    /// <paramref name="load"/>. The instance is shared between turns: callers only read it, and never attach it to a context.
    /// </summary>
    public async Task<Event?> GetAsync(int number, Func<Task<Event?>> load)
    {
        if (!IsUsed)
        {
            return await load();
        }

        var generation = Volatile.Read(ref _generation);
        if (_byNumber.TryGetValue(number, out var kept) && kept.Generation == generation)
        {
            return kept.Event;
        }

        var ev = await load();
        if (ev is not null)
        {
            if (_byNumber.Count >= MaxEvents)
            {
                _byNumber.Clear();
            }

            _byNumber[number] = new Entry(generation, ev);
        }

        return ev;
    }

    /// <summary>Forgets every event read so far, including reads still under way.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Entry(long Generation, Event Event);
}
