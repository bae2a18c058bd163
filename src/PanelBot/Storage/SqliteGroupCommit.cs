namespace PanelBot.Storage;

/// <summary>
/// Runs short write transactions that arrive together as one SQLite transaction, each in a savepoint of its own (group
/// commit). A commit in WAL mode writes every page the transaction changed, and answers to one event change the same
/// pages (the event's row, the last leaf of the registrations, of the outbox and of the Teams queue): in a group each is
/// written once. Whoever holds <see cref="WriteGate"/> runs what is queued so far, in the order it came, so the work is
/// as serial as before (each sees what the ones before it wrote) and is answered only after the commit that keeps it.
/// A piece that throws or returns false is rolled back to its savepoint alone; a failed commit fails the whole group.
/// </summary>
public sealed class SqliteGroupCommit(SqliteWriter writer, WriteGate gate)
{
    // Each piece waits for the group's commit: a bound keeps that wait short under a steady stream.
    private const int MaxGroup = 32;

    private readonly Queue<Piece> _queue = new();
    private readonly Lock _lock = new();

    /// <summary>
    /// Like <see cref="SqliteWriter.InTransactionAsync"/>, possibly together with others: <paramref name="work"/> is kept
    /// when it returns true and its group commits, and this returns only then. It runs in the caller's execution context,
    /// on the gate holder's turn.
    /// </summary>
    public async Task InTransactionAsync(Func<Task<bool>> work, CancellationToken ct)
    {
        var piece = new Piece(work, ExecutionContext.Capture(), ct);
        lock (_lock)
        {
            _queue.Enqueue(piece);
        }

        try
        {
            using (await gate.EnterAsync(ct))
            {
                // A group has a bound, so this one may come in a later group than the first.
                while (!piece.Done.Task.IsCompleted)
                {
                    await RunGroupAsync();
                }
            }
        }
        catch (Exception) when (piece.TryWithdraw())
        {
            throw; // never started, and now never will: nothing of it was written
        }

        await piece.Done.Task;
    }

    private async Task RunGroupAsync()
    {
        var group = new List<Piece>(MaxGroup);
        Piece? current = null;
        try
        {
            await writer.ExecuteAsync("BEGIN IMMEDIATE", CancellationToken.None);
            while (group.Count < MaxGroup && (current = Next()) is not null)
            {
                if (await RunInSavepointAsync(current))
                {
                    group.Add(current);
                }

                current = null;
            }

            await writer.ExecuteAsync("COMMIT", CancellationToken.None);
            group.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception ex)
        {
            current?.Done.TrySetException(ex);
            group.ForEach(p => p.Done.TrySetException(ex));
            throw;
        }
        finally
        {
            await writer.RollBackIfOpenAsync(); // a failed commit or savepoint
        }
    }

    private Piece? Next()
    {
        lock (_lock)
        {
            while (_queue.TryDequeue(out var piece))
            {
                if (piece.TryStart())
                {
                    return piece;
                }
            }

            return null;
        }
    }

    /// <summary>True when the piece is kept; otherwise it is rolled back and answered already.</summary>
    private async Task<bool> RunInSavepointAsync(Piece piece)
    {
        await writer.ExecuteAsync("SAVEPOINT piece", CancellationToken.None);
        var keep = false;
        Exception? failure = null;
        try
        {
            keep = !piece.Cancellation.IsCancellationRequested && await piece.RunAsync();
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        if (!keep)
        {
            await writer.ExecuteAsync("ROLLBACK TO piece", CancellationToken.None);
        }

        await writer.ExecuteAsync("RELEASE piece", CancellationToken.None);
        if (failure is not null)
        {
            piece.Done.TrySetException(failure);
        }
        else if (!keep)
        {
            _ = piece.Cancellation.IsCancellationRequested ? piece.Done.TrySetCanceled(piece.Cancellation) : piece.Done.TrySetResult();
        }

        return keep;
    }

    private sealed class Piece(Func<Task<bool>> work, ExecutionContext? context, CancellationToken cancellation)
    {
        private const int Queued = 0, Started = 1, Withdrawn = 2;
        private int _state;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationToken Cancellation => cancellation;

        public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

        public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued;

        /// <summary>In the caller's execution context (its logging scopes, activity and turn), whose awaits then flow it.</summary>
        public Task<bool> RunAsync()
        {
            if (context is null)
            {
                return work();
            }

            Task<bool>? task = null;
            ExecutionContext.Run(context, _ => task = work(), null);
            return task!;
        }
    }
}
