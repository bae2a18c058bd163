using NodaTime;
using NodaTime.Extensions;

namespace PanelBot.Storage;

/// <summary>
/// A chore a background queue runs at most once per period of the app's clock, however often the queue wakes (the
/// queues wake after every commit that gives them work).
/// </summary>
public sealed class Periodic(TimeProvider clock, Func<TimeSpan> period)
{
    private Instant _next = Instant.MinValue;

    /// <summary>True, and the next period starts, when the chore is due now.</summary>
    public bool IsDue()
    {
        var now = clock.GetCurrentInstant();
        if (now < _next)
        {
            return false;
        }

        _next = now + period().ToDuration();
        return true;
    }
}
