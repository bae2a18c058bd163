using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PanelBot.Storage;

/// <summary>
/// Rows that every RSVP answer reads by key (its event, the person's profile), kept in memory on SQLite, where this
/// process is the database's only writer (<see cref="WriteGate"/> and <see cref="SqliteWriter"/> rely on that too). Read
/// from the database, each cost a query on a pooled connection whose page cache the previous answer's commit had
/// emptied. <see cref="ReadCacheInterceptor"/> invalidates a cache whenever EF Core saves one of its entities or a
/// statement changes its table, and again when that transaction commits; an entry is served only while no invalidation
/// has happened since its read began, so a read that overlapped a change is read again rather than kept. The instances
/// are shared between turns: callers only read them and never attach them to a context. On PostgreSQL several instances
/// share the database, so nothing is kept.
/// </summary>
public sealed class ReadCache<TKey, TEntity>(IOptions<StorageOptions> storage) : IReadCache where TKey : notnull where TEntity : class
{
    // The keys are events and people of one organisation; the bound only keeps a flood of keys from growing memory.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _generation;
    private Regex? _changes;

    public bool IsUsed => storage.Value.Provider == StorageProvider.Sqlite;

    public Type EntityType => typeof(TEntity);

    /// <summary>The row with <paramref name="key"/>, from memory when nothing changed since it was read, else from <paramref name="load"/>.</summary>
    public async Task<TEntity?> GetAsync(TKey key, Func<Task<TEntity?>> load)
    {
        if (!IsUsed)
        {
            return await load();
        }

        var generation = Volatile.Read(ref _generation);
        if (_entries.TryGetValue(key, out var kept) && kept.Generation == generation)
        {
            return kept.Value;
        }

        var value = await load();
        if (value is not null)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(generation, value);
        }

        return value;
    }

    /// <summary>Forgets every row read so far, including reads still under way.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public bool IsChangedBy(string sql, DbContext context)
    {
        _changes ??= new Regex($"""\b(UPDATE|DELETE\s+FROM)\s+"?{Regex.Escape(TableOf(context))}"?\s""",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return _changes.IsMatch(sql);
    }

    private static string TableOf(DbContext context) =>
        context.Model.FindEntityType(typeof(TEntity))?.GetTableName()
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");

    private sealed record Entry(long Generation, TEntity Value);
}
