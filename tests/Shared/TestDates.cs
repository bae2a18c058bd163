using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PanelBot.Testing;

/// <summary>
/// Dates relative to <see cref="TestNow"/>, and the UTC instants they stand for computed from TZDB, so a test holds
/// whatever "now" is. A test about a calendar fact (a clock change, a month's length) finds the next such fact after
/// now instead of naming a date.
/// </summary>
public static class TestDates
{
    public const string Oslo = "Europe/Oslo";

    public static Instant Now => Instant.FromDateTimeOffset(TestNow.Value);

    public static DateTimeZone Zone(string zoneId) => DateTimeZoneProviders.Tzdb[zoneId];

    public static LocalDate Today(string zoneId = Oslo) => Now.InZone(Zone(zoneId)).Date;

    /// <summary>The first <paramref name="day"/> at least <paramref name="weeks"/> weeks after today, e.g. "the Wednesday 2–3 weeks from now".</summary>
    public static LocalDate Upcoming(IsoDayOfWeek day, int weeks = 2, string zoneId = Oslo) =>
        Today(zoneId).PlusWeeks(weeks).PlusDays(-1).Next(day);

    /// <summary>The instant a local date and time (which must exist, once) stand for in a zone.</summary>
    public static Instant Utc(LocalDate date, LocalTime time, string zoneId = Oslo) => date.At(time).InZoneStrictly(Zone(zoneId)).ToInstant();

    public static DateTimeOffset UtcOffset(LocalDate date, LocalTime time, string zoneId = Oslo) => Utc(date, time, zoneId).ToDateTimeOffset();

    /// <summary>As the app prints an instant: <c>2026-12-09T14:00:00Z</c>.</summary>
    public static string UtcText(LocalDate date, LocalTime time, string zoneId = Oslo) => Utc(date, time, zoneId).ToString();

    /// <summary>As organisers type a date: <c>2026-12-09</c>.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>As organisers type a deadline: <c>2026-12-08 12:00</c>.</summary>
    public static string Iso(LocalDateTime value) => value.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>As cards print a day: <c>Wednesday 9 Dec 2026</c>.</summary>
    public static string Long(LocalDate date) => date.ToString("dddd d MMM uuuu", CultureInfo.InvariantCulture);

    /// <summary>As messages print a day: <c>28 Mar 2027</c>.</summary>
    public static string Day(LocalDate date) => date.ToString("d MMM uuuu", CultureInfo.InvariantCulture);

    /// <summary>As messages print a wall-clock time: <c>02:30</c>.</summary>
    public static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>As cards print a moment: <c>8 Dec 2026 12:00</c>.</summary>
    public static string Short(LocalDateTime value) => value.ToString("d MMM uuuu HH:mm", CultureInfo.InvariantCulture);

    /// <summary>As cards print a zone's offset at a local time: <c>UTC+01:00</c>.</summary>
    public static string OffsetText(LocalDate date, LocalTime time, string zoneId = Oslo) =>
        "UTC" + date.At(time).InZoneStrictly(Zone(zoneId)).Offset.ToString("+HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The next clock change after today in a zone that skips local time (spring forward): the day and the skipped hour.</summary>
    public static ClockChange NextGap(string zoneId = Oslo) => NextChange(zoneId, forward: true);

    /// <summary>The next clock change after today in a zone that repeats local time (fall back).</summary>
    public static ClockChange NextOverlap(string zoneId = Oslo) => NextChange(zoneId, forward: false);

    /// <summary>
    /// The first <paramref name="day"/> two weeks or more after today on which, and for <paramref name="marginDays"/>
    /// days either side, each zone keeps the given UTC offset: for tests whose local times assume those offsets
    /// (e.g. Oslo on summer time and New York on daylight time). Fails loudly when there is none within two years.
    /// </summary>
    public static LocalDate FirstWithOffsets(IsoDayOfWeek day, int marginDays, params (string ZoneId, double Hours)[] offsets)
    {
        for (var date = Upcoming(day); date < Today().PlusYears(2); date = date.PlusWeeks(1))
        {
            var from = date.PlusDays(-marginDays).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            var to = date.PlusDays(marginDays + 1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            if (offsets.All(o => Zone(o.ZoneId).GetZoneIntervals(from, to).All(i => i.WallOffset == Offset.FromSeconds((int)(o.Hours * 3600)))))
                return date;
        }

        throw new InvalidOperationException("Test assumption broken: within two years of " + Today() + " no " + day + " keeps " +
            string.Join(", ", offsets.Select(o => $"{o.ZoneId} at UTC{o.Hours:+0.##;-0.##}")) + $" for {marginDays} days either side (TZDB {DateTimeZoneProviders.Tzdb.VersionId}).");
    }

    /// <summary>The first year after today's whose February has <paramref name="days"/> days (28 or 29).</summary>
    public static int NextYearWithFebruaryOf(int days)
    {
        for (var year = Today().Year + 1; year < Today().Year + 10; year++)
        {
            if (CalendarSystem.Iso.GetDaysInMonth(year, 2) == days) return year;
        }

        throw new InvalidOperationException($"No February of {days} days within ten years of {Today()}.");
    }

    private static ClockChange NextChange(string zoneId, bool forward)
    {
        var zone = Zone(zoneId);
        var interval = zone.GetZoneInterval(Now);
        for (var i = 0; i < 20 && interval.HasEnd; i++)
        {
            var next = zone.GetZoneInterval(interval.End);
            // Wall-clock readings just before and just after the change; only a change on a later day than today,
            // so that every time on that day is still ahead.
            var before = interval.End.WithOffset(interval.WallOffset).LocalDateTime;
            if (next.WallOffset > interval.WallOffset == forward && next.WallOffset != interval.WallOffset && before.Date > Today(zoneId))
            {
                var after = interval.End.WithOffset(next.WallOffset).LocalDateTime;
                return new ClockChange(before.Date, before.TimeOfDay, after.TimeOfDay, interval.End);
            }

            interval = next;
        }

        throw new InvalidOperationException(
            $"Test assumption broken: {zoneId} has no clock change {(forward ? "forward" : "back")} after {Now} in TZDB {DateTimeZoneProviders.Tzdb.VersionId}.");
    }
}

/// <summary>A clock change: on <paramref name="Date"/> the wall clock jumps from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record ClockChange(LocalDate Date, LocalTime From, LocalTime To, Instant At)
{
    /// <summary>A local time that does not exist (forward) or happens twice (back): half an hour after the earlier reading.</summary>
    public LocalTime Inside => (From < To ? From : To).PlusMinutes(30);
}
