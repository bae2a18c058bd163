namespace PanelBot.Mail;

/// <summary>
/// Spaces messages evenly at N per minute: each caller reserves the next free slot and waits for it.
/// (System.Threading.RateLimiting lives in the ASP.NET Core shared framework, which a mail library
/// should not pull in for twenty lines.)
/// </summary>
internal sealed class MessageRateLimiter
{
    private readonly TimeSpan interval;
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    public MessageRateLimiter(int messagesPerMinute, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerMinute, 1);
        interval = TimeSpan.FromMinutes(1) / messagesPerMinute;
        this.timeProvider = timeProvider;
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var slot = nextSlot > now ? nextSlot : now;
            nextSlot = slot + interval;
            delay = slot - now;
        }

        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
    }
}
