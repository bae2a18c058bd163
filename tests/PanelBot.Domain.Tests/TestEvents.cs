using NodaTime;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Tests;

/// <summary>Pinned clock and a valid event to start from. Now is Sunday 1 Mar 2026 10:00 UTC (11:00 in Oslo).</summary>
internal static class TestEvents
{
    public const string Creator = "29:creator";
    public static readonly LocalDate Today = new(2026, 3, 1);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));

    public static EventDetails Details(Func<EventDetails, EventDetails>? change = null)
    {
        var details = new EventDetails
        {
            Kind = EventKind.Webinar,
            Title = "Peace operations and humanitarian assistance",
            Date = new LocalDate(2026, 4, 15),
            StartTime = new LocalTime(15, 0),
            EndTime = new LocalTime(16, 30),
            TimeZoneId = "Europe/Oslo",
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
