using NodaTime;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Tests;

/// <summary>
/// A clock at the tests' "now" (<see cref="TestNow"/>) and a valid event to start from: a Wednesday six to seven weeks
/// later, 15:00–16:30 Oslo time. Expected instants are computed from TZDB (<see cref="TestDates"/>), never written out.
/// </summary>
internal static class TestEvents
{
    public const string Creator = "29:creator";
    public const string Zone = TestDates.Oslo;

    /// <summary>The date in Oslo at the tests' now; the "today" commands are read against.</summary>
    public static LocalDate Today => TestDates.Today(Zone);

    public static LocalDate Date => TestDates.Upcoming(IsoDayOfWeek.Wednesday, weeks: 6, Zone);
    public static readonly LocalTime StartTime = new(15, 0);
    public static readonly LocalTime EndTime = new(16, 30);

    public static FakeTimeProvider Clock() => new(TestNow.Value);

    /// <summary>The instant a wall-clock time on <see cref="Date"/> stands for in Oslo.</summary>
    public static Instant At(LocalTime time) => TestDates.Utc(Date, time, Zone);

    public static EventDetails Details(Func<EventDetails, EventDetails>? change = null)
    {
        var details = new EventDetails
        {
            Kind = EventKind.Webinar,
            Title = "Peace operations and humanitarian assistance",
            Date = Date,
            StartTime = StartTime,
            EndTime = EndTime,
            TimeZoneId = Zone,
        };
        return change is null ? details : change(details);
    }

    public static Event Create(TimeProvider clock, Func<EventDetails, EventDetails>? change = null, int number = 1) =>
        Event.Create(number, Details(change), Creator, clock).GetValueOrThrow();

    public static Event Published(TimeProvider clock, Func<EventDetails, EventDetails>? change = null)
    {
        var ev = Create(clock, change);
        ev.Publish(clock).GetValueOrThrow();
        return ev;
    }
}
