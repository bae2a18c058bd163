using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PanelBot.Domain.Time;

/// <summary>How dates and times read in messages: "29 Mar 2026", "15:00", "UTC+02:00".</summary>
public static class TimeFormats
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("d MMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern LongDatePattern = LocalDatePattern.Create("dddd d MMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern ShortDayPattern = LocalDatePattern.Create("ddd d MMM", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly OffsetPattern OffsetPattern = NodaTime.Text.OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    public static string Date(LocalDate date) => DatePattern.Format(date);
    public static string LongDate(LocalDate date) => LongDatePattern.Format(date);
    /// <summary>"Thu 15 Apr".</summary>
    public static string ShortDay(LocalDate date) => ShortDayPattern.Format(date);

    /// <summary>"45 min", "2 h", "1 h 30 min".</summary>
    public static string Minutes(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} min",
        (var h, 0) => $"{h} h",
        var (h, m) => $"{h} h {m} min",
    };

    public static string Time(LocalTime time) => TimePattern.Format(time);
    public static string DateTime(LocalDateTime value) => $"{Date(value.Date)} {Time(value.TimeOfDay)}";
    public static string Utc(Offset offset) => "UTC" + OffsetPattern.Format(offset);
}
