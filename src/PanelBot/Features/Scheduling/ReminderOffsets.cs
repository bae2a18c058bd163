using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace PanelBot.Features.Scheduling;

/// <summary>Reminder offsets as text ("3d,1h"): how they are stored, configured and shown.</summary>
public static partial class ReminderOffsets
{
    public static readonly Duration Max = Duration.FromDays(60);

    public static string Format(Duration offset) =>
        offset.TotalMinutes % (24 * 60) == 0 ? $"{(long)offset.TotalDays}d"
        : offset.TotalMinutes % 60 == 0 ? $"{(long)offset.TotalHours}h"
        : $"{(long)offset.TotalMinutes}m";

    public static string Format(IEnumerable<Duration> offsets) => string.Join(",", offsets.Select(Format));

    /// <summary>"3 days", "1 hour", "90 minutes".</summary>
    public static string Describe(Duration offset)
    {
        var (n, unit) = offset.TotalMinutes % (24 * 60) == 0 ? ((long)offset.TotalDays, "day")
            : offset.TotalMinutes % 60 == 0 ? ((long)offset.TotalHours, "hour")
            : ((long)offset.TotalMinutes, "minute");
        return $"{n} {unit}{(n == 1 ? "" : "s")}";
    }

    public static bool TryParse(string? text, out Duration offset)
    {
        offset = Duration.Zero;
        var m = Pattern().Match(text?.Trim().ToLowerInvariant() ?? "");
        if (!m.Success)
        {
            return false;
        }

        var n = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        offset = m.Groups[2].Value switch
        {
            "d" => Duration.FromDays(n),
            "h" => Duration.FromHours(n),
            _ => Duration.FromMinutes(n),
        };
        return offset > Duration.Zero && offset <= Max;
    }

    /// <summary>Stored text back to offsets, largest first; unreadable parts are dropped.</summary>
    public static IReadOnlyList<Duration> ParseList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => TryParse(part, out var d) ? d : Duration.Zero)
            .Where(d => d > Duration.Zero)
            .Distinct()
            .OrderByDescending(d => d)
            .ToList();

    [GeneratedRegex(@"^(\d{1,5})(d|h|m)$")]
    private static partial Regex Pattern();
}
