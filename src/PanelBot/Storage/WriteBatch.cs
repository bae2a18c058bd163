namespace PanelBot.Storage;

/// <summary>
/// While a change that writes in one command of its own is open (an RSVP answer), the rows other features add to it
/// (the invitation in the outbox, a notice for the Teams queue) are collected here as statements and go into that
/// command, instead of through EF Core's change tracker and a batch of their own. Scoped: one per request.
/// </summary>
public sealed class WriteBatch
{
    private readonly List<SqlWrite> _writes = [];
    private readonly List<Action> _committed = [];

    /// <summary>True while the change collects: <see cref="Add"/> is then the way to write.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Starts collecting; disposing the result stops it (what was collected stays until <see cref="Take"/>).</summary>
    public IDisposable Open()
    {
        if (IsOpen)
        {
            throw new InvalidOperationException("A write batch is already open in this scope.");
        }

        IsOpen = true;
        return new Closing(this);
    }

    /// <param name="committed">Runs once the change's transaction has committed (a metric, a wake-up).</param>
    public void Add(SqlWrite write, Action? committed = null)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("No write batch is open: write through the unit of work instead.");
        }

        _writes.Add(write);
        if (committed is not null)
        {
            _committed.Add(committed);
        }
    }

    /// <summary>The statements collected, for the change's command; the batch is empty afterwards.</summary>
    public IReadOnlyList<SqlWrite> Take()
    {
        var writes = _writes.ToArray();
        _writes.Clear();
        return writes;
    }

    /// <summary>Call after the commit; forgets the callbacks either way (a rolled-back change calls <see cref="Discard"/>).</summary>
    public void Committed()
    {
        var callbacks = _committed.ToArray();
        _committed.Clear();
        foreach (var callback in callbacks)
        {
            callback();
        }
    }

    /// <summary>Forgets what was collected: the change was not saved (or is run again by the execution strategy).</summary>
    public void Discard()
    {
        _writes.Clear();
        _committed.Clear();
    }

    private sealed class Closing(WriteBatch batch) : IDisposable
    {
        public void Dispose() => batch.IsOpen = false;
    }
}
