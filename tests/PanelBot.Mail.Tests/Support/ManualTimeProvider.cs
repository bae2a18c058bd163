namespace PanelBot.Mail.Tests;

/// <summary>A clock the test moves by hand; timers fire when <see cref="Advance"/> passes their due time.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by)
    {
        now += by;
        foreach (var timer in timers.ToList())
        {
            timer.FireIfDue(now);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, now + dueTime, t => timers.Remove(t));
        timers.Add(timer);
        return timer;
    }

    private sealed class ManualTimer(TimerCallback callback, object? state, DateTimeOffset due, Action<ManualTimer> remove) : ITimer
    {
        private DateTimeOffset? dueAt = due;

        public void FireIfDue(DateTimeOffset now)
        {
            if (dueAt is { } d && d <= now)
            {
                dueAt = null;
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : dueAt;
            return true;
        }

        public void Dispose() => remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
