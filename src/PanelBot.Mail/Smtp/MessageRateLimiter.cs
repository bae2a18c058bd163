namespace PanelBot.Mail;

/// <summary>
/// Spaces messages evenly at N per minute: each caller reserves the next free slot and waits for it.
/// (System.Threading.RateLimiting lives in the ASP.NET Core shared framework, which a mail library
/// should not pull in for twenty lines.)
/// </summary>
internal sealed class MessageRateLimiter
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public MessageRateLimiter(int messagesPerMinute, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerMinute, 1);
        _interval = TimeSpan.FromMinutes(1) / messagesPerMinute;
        _timeProvider = timeProvider;
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            delay = slot - now;
        }

        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _timeProvider, cancellationToken);
    }
}
