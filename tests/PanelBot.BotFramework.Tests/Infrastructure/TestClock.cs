namespace PanelBot.BotFramework.Tests.Infrastructure;

/// <summary>
/// The tests' "now" (<see cref="TestNow"/>), standing still. Only "now" is fake: timers stay real, so HTTP timeouts
/// and retries inside the host still run on real time.
/// </summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public TestClock() : this(TestNow.Value)
    {
    }

    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
