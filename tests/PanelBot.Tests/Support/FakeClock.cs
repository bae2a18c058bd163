namespace PanelBot.Tests.Support;

/// <summary>
/// A clock the test sets by hand. Only "now" is fake: timers and timestamps stay real, so retries and timeouts inside
/// the app still run on real time.
/// </summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>
    /// The tests' "now" (<see cref="TestNow"/>: <c>PANELBOT_TEST_NOW</c>, by default a Sunday morning in late November
    /// 2026); tests put their events in the weeks after it with <see cref="TestDates"/>.
    /// </summary>
    public static readonly DateTimeOffset DefaultNow = TestNow.Value;

    private long _ticks = now.UtcTicks;

    public FakeClock() : this(DefaultNow)
    {
    }

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
