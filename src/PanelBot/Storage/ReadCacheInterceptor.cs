using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PanelBot.Storage;

/// <summary>
/// Invalidates a <see cref="ReadCache{TKey, TEntity}"/> when its rows change: after EF Core saved one of its entities
/// (added, changed or deleted), after a statement that updates or deletes its table directly (<c>ExecuteUpdate</c>,
/// <c>ExecuteDelete</c>, SQL), and, when either ran inside a transaction, once that commits: until then other connections
/// still read the old row, and a read in between would otherwise be kept. A read served before the change is written
/// returns what the database would have returned then. An RSVP
/// answer's own statements run on <see cref="SqliteWriter"/> and change only registrations and the event's counters,
/// which no cache holds.
/// </summary>
public sealed class ReadCacheInterceptor(IEnumerable<IReadCache> caches) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private readonly IReadCache[] _caches = caches.ToArray();
    private readonly ConditionalWeakTable<DbContext, IReadCache[]> _saving = [];
    private readonly ConditionalWeakTable<DbContext, HashSet<IReadCache>> _changedInTransaction = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(_saving, eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(_saving, eventData.Context);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(command, eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Executed(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(_changedInTransaction, eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(_changedInTransaction, eventData.Context);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is null || !_caches.Any(c => c.IsUsed))
        {
            return;
        }

        var changedTypes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        var changed = _caches.Where(c => c.IsUsed && changedTypes.Contains(c.EntityType)).ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        _saving.AddOrUpdate(context, changed);
        if (context.Database.CurrentTransaction is not null)
        {
            InTransaction(context).UnionWith(changed);
        }
    }

    // After the save the entries are accepted (Unchanged): which caches they touch is noted when saving starts.
    private void Saved(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var changed))
        {
            _saving.Remove(context);
            Invalidate(changed);
        }
    }

    private void Executed(DbCommand command, DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var cache in _caches)
        {
            if (cache.IsUsed && cache.IsChangedBy(command.CommandText, context))
            {
                cache.Invalidate();
                if (command.Transaction is not null)
                {
                    InTransaction(context).Add(cache);
                }
            }
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _changedInTransaction.TryGetValue(context, out var changed))
        {
            _changedInTransaction.Remove(context);
            Invalidate(changed);
        }
    }

    private HashSet<IReadCache> InTransaction(DbContext context) => _changedInTransaction.GetValue(context, _ => []);

    private static void Invalidate(IEnumerable<IReadCache> changed)
    {
        foreach (var cache in changed)
        {
            cache.Invalidate();
        }
    }

    private static void Forget<T>(ConditionalWeakTable<DbContext, T> marks, DbContext? context) where T : class
    {
        if (context is not null)
        {
            marks.Remove(context);
        }
    }
}
