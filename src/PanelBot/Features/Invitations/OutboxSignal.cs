namespace PanelBot.Features.Invitations;

/// <summary>Wakes the dispatcher when mail has been committed, so it need not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: many commits in a row wake the dispatcher once.
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>
    /// Returns after <paramref name="timeout"/>, or <paramref name="gather"/> after a notification: under a burst of
    /// commits a round then takes what came meanwhile in one batch, instead of a round of its own for every commit or
    /// two (each round costs its own claim and record transactions).
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeSpan gather, CancellationToken ct)
    {
        if (await _signal.WaitAsync(timeout, ct) && gather > TimeSpan.Zero)
        {
            await Task.Delay(gather, ct);
        }
    }
}
