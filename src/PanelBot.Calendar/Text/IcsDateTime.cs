using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PanelBot.Calendar;

/// <summary>DATE-TIME, UTC-OFFSET and DURATION value formats (RFC 5545 §3.3.5, §3.3.14, §3.3.6).</summary>
internal static class IcsDateTime
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    public static string FormatUtc(Instant instant) => Utc.Format(instant);

    public static string FormatLocal(LocalDateTime local) => Local.Format(local);

    public static bool TryParseUtc(string text, out Instant instant)
    {
        var result = Utc.Parse(text.Trim());
        instant = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary><c>+HHMM</c>, or <c>+HHMMSS</c> when the offset has seconds.</summary>
    public static string FormatOffset(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        seconds = Math.Abs(seconds);
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600:00}{seconds / 60 % 60:00}");
        return seconds % 60 == 0 ? text : text + (seconds % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A non-negative duration in whole seconds, e.g. <c>PT15M</c>, <c>P1DT2H</c>, <c>PT0S</c>.</summary>
    public static string FormatDuration(Duration duration)
    {
        var total = (long)Math.Floor(duration.TotalSeconds);
        if (total <= 0)
        {
            return "PT0S";
        }

        var (days, rest) = Math.DivRem(total, 86400);
        var (hours, rest2) = Math.DivRem(rest, 3600);
        var (minutes, seconds) = Math.DivRem(rest2, 60);
        var text = "P" + (days > 0 ? days.ToString(CultureInfo.InvariantCulture) + "D" : "");
        if (hours + minutes + seconds > 0)
        {
            text += "T"
                + (hours > 0 ? hours.ToString(CultureInfo.InvariantCulture) + "H" : "")
                + (minutes > 0 ? minutes.ToString(CultureInfo.InvariantCulture) + "M" : "")
                + (seconds > 0 ? seconds.ToString(CultureInfo.InvariantCulture) + "S" : "");
        }

        return text;
    }

    /// <summary>Drops sub-second precision, because DATE-TIME has whole seconds.</summary>
    public static Instant TruncateToSecond(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
}
