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

    /// <summary>A round of fewer pieces than this gathers after the next notification; a bigger one batches on its own.</summary>
    public const int SmallRound = 32;

    /// <summary>
    /// Returns after <paramref name="timeout"/>, or on a notification: <paramref name="gather"/> after it when the last
    /// round was small, so that under a burst of commits the next round takes what came meanwhile in one batch instead of
    /// a round of its own for every commit or two (each round costs its own claim and record transactions). After a big
    /// round it returns at once: waiting would only leave the work behind.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeSpan gather, int lastRound, CancellationToken ct)
    {
        if (await _signal.WaitAsync(timeout, ct) && gather > TimeSpan.Zero && lastRound < SmallRound)
        {
            await Task.Delay(gather, ct);
        }
    }
}
