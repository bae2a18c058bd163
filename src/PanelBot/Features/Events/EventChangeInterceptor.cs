using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events;

/// <summary>
/// Tells <see cref="EventReadCache"/> when an event changes: before EF Core saves a changed or deleted event, after it
/// saved it, after a statement that updates or deletes events directly (<c>ExecuteUpdate</c>, SQL), and, when either ran
/// inside a transaction, once that commits (until then other connections still read the old row, and a read in between
/// would otherwise be kept). An RSVP answer's own statements run on <see cref="Storage.SqliteWriter"/> and change only
/// the counters, which the cache does not hold.
/// </summary>
public sealed partial class EventChangeInterceptor(EventReadCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];
    private readonly ConditionalWeakTable<DbContext, object> _changedInTransaction = [];

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

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _saving.Remove(eventData.Context!);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving.Remove(eventData.Context!);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (!cache.IsUsed || context is null
            || !context.ChangeTracker.Entries<Event>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            return;
        }

        cache.Invalidate();
        _saving.AddOrUpdate(context, this);
        if (context.Database.CurrentTransaction is not null)
        {
            _changedInTransaction.AddOrUpdate(context, this);
        }
    }

    private void Executed(DbCommand command, DbContext? context)
    {
        if (!cache.IsUsed || !ChangesEvents().IsMatch(command.CommandText))
        {
            return;
        }

        cache.Invalidate();
        if (context is not null && command.Transaction is not null)
        {
            _changedInTransaction.AddOrUpdate(context, this);
        }
    }

    [GeneratedRegex("""\b(UPDATE|DELETE\s+FROM)\s+"?events"?\s""", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesEvents();

    // After the save the entries are accepted (Unchanged): whether an event was among them was noted when saving started.
    private void Saved(DbContext? context)
    {
        if (context is not null && _saving.Remove(context))
        {
            cache.Invalidate();
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _changedInTransaction.Remove(context))
        {
            cache.Invalidate();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _changedInTransaction.Remove(context);
        }
    }
}
