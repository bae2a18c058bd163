using System.Diagnostics.CodeAnalysis;
using NodaTime;
using PanelBot.Domain.Commands;

namespace PanelBot.Domain.Time;

/// <summary>
/// The part of a speaker's own day in which it is fair to ask them to speak, e.g. 08:00-21:00 local time. Start and end
/// are on the same day (start before end).
/// </summary>
public sealed record WakingHours
{
    public static readonly WakingHours Default = new(new LocalTime(8, 0), new LocalTime(21, 0));

    public WakingHours(LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "Waking hours end after they start, on the same day.");
        }

        Start = start;
        End = end;
    }

    public LocalTime Start { get; }
    public LocalTime End { get; }

    /// <summary>Reads "08:00-21:00" (or "8am-9pm"); the error says what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WakingHours? hours, out string error)
    {
        hours = null;
        if (!TimeText.TryParseRange(text ?? "", out var start, out var end, out error))
        {
            return false;
        }

        if (end <= start)
        {
            error = $"Waking hours '{text}' must end after they start on the same day, like {Default}.";
            return false;
        }
        hours = new WakingHours(start, end);
        return true;
    }

    /// <summary>
    /// How far a local slot sits inside these hours, in minutes: the smaller of the gaps to the window's start and end,
    /// on whichever day's window the slot is closest to. Zero or more when the whole slot is inside; negative when not,
    /// and then it says how far the slot would have to move.
    /// </summary>
    public int MarginMinutes(LocalDateTime slotStart, LocalDateTime slotEnd) => Measure(slotStart, slotEnd).Margin;

    /// <summary>True when the window's start is the nearer edge: a slot outside is then too early rather than too late.</summary>
    public bool StartIsNearer(LocalDateTime slotStart, LocalDateTime slotEnd) => Measure(slotStart, slotEnd).StartIsNearer;

    private (int Margin, bool StartIsNearer) Measure(LocalDateTime slotStart, LocalDateTime slotEnd)
    {
        (int Margin, bool StartIsNearer) best = (int.MinValue, false);
        for (var day = -1; day <= 1; day++)
        {
            var date = slotStart.Date.PlusDays(day);
            var afterStart = Minutes(date + Start, slotStart);
            var beforeEnd = Minutes(slotEnd, date + End);
            var margin = Math.Min(afterStart, beforeEnd);
            if (margin > best.Margin)
            {
                best = (margin, afterStart <= beforeEnd);
            }
        }
        return best;
    }

    public override string ToString() => $"{TimeFormats.Time(Start)}-{TimeFormats.Time(End)}";

    // Wall-clock minutes between two local times (a clock change between them does not count): the local values are
    // read as if they were UTC, which is much cheaper than Period.Between on a search's thousands of slots.
    private static int Minutes(LocalDateTime from, LocalDateTime to) =>
        (int)(to.InUtc().ToInstant() - from.InUtc().ToInstant()).TotalMinutes;
}
