using NodaTime;

namespace PanelBot.Tests.Support;

/// <summary>
/// When the host tests' webinars take place: the Wednesday two to three weeks after the tests' "now", 15:00–16:30
/// Oslo time (9 Dec 2026 at the default now), with every UTC value computed from TZDB so tests hold on any date.
/// </summary>
public static class Webinar
{
    public const string Zone = TestDates.Oslo;
    public static readonly LocalTime StartTime = new(15, 0);
    public static readonly LocalTime EndTime = new(16, 30);

    public static LocalDate Date => TestDates.Upcoming(IsoDayOfWeek.Wednesday);

    /// <summary>As typed in a command: <c>2026-12-09</c>.</summary>
    public static string DateText => TestDates.Iso(Date);

    public static DateTimeOffset Start => TestDates.UtcOffset(Date, StartTime, Zone);
    public static DateTimeOffset End => TestDates.UtcOffset(Date, EndTime, Zone);

    /// <summary>The card's "When" fact: <c>Wednesday 9 Dec 2026, 15:00–16:30 Europe/Oslo (UTC+01:00)</c>.</summary>
    public static string When => Describe(Date, "15:00–16:30", StartTime, Zone);

    public static string Describe(LocalDate date, string times, LocalTime start, string zone) =>
        $"{TestDates.Long(date)}, {times} {zone} ({TestDates.OffsetText(date, start, zone)})";
}
