using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace PanelBot.Domain.Commands;

/// <summary>Reads times (15:00, 3pm, 3:30pm, noon) and ranges (15:00-16:30, 15:00–16:30, 3pm to 4:30pm, 3-4:30pm).</summary>
public static partial class TimeText
{
    public const string Examples = "15:00 or 3pm";
    public const string RangeExamples = "15:00-16:30 or 3pm to 4:30pm";

    public static bool TryParse(string text, out LocalTime time, out string error)
    {
        time = default;
        var t = Spaces().Replace(text.Trim().ToLowerInvariant(), "").Replace(".", ":");
        error = $"I could not read the time '{text.Trim()}'. Write it like {Examples}.";
        if (t == "noon") { time = new LocalTime(12, 0); return true; }
        if (t == "midnight") { time = LocalTime.Midnight; return true; }
        var m = TimePattern().Match(t);
        if (!m.Success)
        {
            return false;
        }

        var hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = m.Groups[3].Value;
        if (suffix.Length == 0 && !m.Groups[2].Success)
        {
            return false; // a bare "15" is not a time
        }

        if (minute > 59)
        {
            error = $"'{text.Trim()}' is not a time: minutes go up to 59.";
            return false;
        }
        if (suffix.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                error = $"'{text.Trim()}' is not a time: with am/pm the hour is 1 to 12. Write {Examples}.";
                return false;
            }
            hour = suffix == "am" ? hour % 12 : hour % 12 + 12;
        }
        else if (hour > 23)
        {
            error = $"'{text.Trim()}' is not a time: hours go from 00 to 23.";
            return false;
        }
        time = new LocalTime(hour, minute);
        return true;
    }

    /// <summary>Parses "START-END"; a missing am/pm on the start is taken from the end ("3-4:30pm").</summary>
    public static bool TryParseRange(string text, out LocalTime start, out LocalTime end, out string error)
    {
        start = end = default;
        var t = text.Trim().Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2012', '-');
        var parts = RangeSeparator().Split(t);
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            error = t.Length == 0
                ? $"When does it start and end? Add the times like {RangeExamples}."
                : $"I could not read the times '{text.Trim()}'. Write the start and end like {RangeExamples}.";
            return false;
        }
        var startText = parts[0].Trim();
        var endText = parts[1].Trim();
        if (!TryParse(endText, out end, out error))
        {
            return false;
        }

        var endSuffix = AmPm().Match(endText.ToLowerInvariant());
        if (endSuffix.Success && !AmPm().IsMatch(startText.ToLowerInvariant()) && TwelveHour().IsMatch(startText))
        {
            // "3-4:30pm" means 3pm; "11-1pm" means 11am, so use the other half of the day if the end's would be after the end.
            var other = endSuffix.Groups[1].Value == "pm" ? "am" : "pm";
            if (TryParse(startText + endSuffix.Groups[1].Value, out var same, out _) && same < end)
            {
                startText += endSuffix.Groups[1].Value;
            }
            else
            {
                startText += other;
            }
        }
        if (!TryParse(startText, out start, out error))
        {
            return false;
        }

        error = "";
        return true;
    }

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"^(\d{1,2})(?::(\d{2}))?(am|pm)?$")] private static partial Regex TimePattern();
    [GeneratedRegex(@"\s*-\s*|\s+(?:to|until|till)\s+", RegexOptions.IgnoreCase)] private static partial Regex RangeSeparator();
    [GeneratedRegex(@"\s*(am|pm)$")] private static partial Regex AmPm();
    [GeneratedRegex(@"^(0?[1-9]|1[0-2])([:.]\d{2})?$")] private static partial Regex TwelveHour();
}
