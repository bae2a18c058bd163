using Microsoft.Extensions.Time.Testing;

namespace PanelBot.Testing;

/// <summary>
/// The tests' one fake clock: <see cref="FakeTimeProvider"/> from Microsoft.Extensions.TimeProvider.Testing, starting at
/// <see cref="TestNow"/>. "Now" and the timers created through it (<c>Task.Delay(..., clock)</c>, a lease's renewal)
/// move only when the test moves the clock (<c>Advance</c>, <c>SetUtcNow</c>, never backwards); waits the app measures
/// against another party's real seconds (Teams' throttling, Retry-After, a busy SQLite writer) stay on real time.
/// See https://learn.microsoft.com/dotnet/standard/datetime/timeprovider-overview.
/// </summary>
public static class TestClock
{
    public static FakeTimeProvider Create() => Create(TestNow.Value);

    public static FakeTimeProvider Create(DateTimeOffset now) => new(now);
}
