using NodaTime;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Time;

/// <summary>One speaker's view of a slot: when it is on their own clock, and how well it sits in their waking hours.</summary>
/// <param name="MarginMinutes">See <see cref="WakingHours.MarginMinutes"/>: negative means outside their waking hours.</param>
public sealed record SpeakerLocalTime(Speaker Speaker, DateTimeZone Zone, LocalDateTime Start, LocalDateTime End, int MarginMinutes)
{
    public bool IsInside => MarginMinutes >= 0;

    /// <summary>"New York" for America/New_York.</summary>
    public string Place => ZoneLookup.Place(Zone.Id);

    /// <summary>"22:00-23:30", with the day added when it is not <paramref name="eventDate"/> on their clock.</summary>
    public string Times(LocalDate eventDate)
    {
        var times = $"{TimeFormats.Time(Start.TimeOfDay)}-{TimeFormats.Time(End.TimeOfDay)}";
        return Start.Date == eventDate ? times : $"{times} on {TimeFormats.ShortDay(Start.Date)}";
    }

    /// <summary>"Lise Howard (presenter) - 09:00-10:30 in New York".</summary>
    public string Line(LocalDate eventDate) =>
        $"{Speaker.Name} ({SpeakerRoles.Label(Speaker.Role).ToLowerInvariant()}) - {Times(eventDate)} in {Place}";

    /// <summary>"45 min before 08:00" or "1 h 30 min after 21:00", for a slot outside the hours; empty inside them.</summary>
    public string HowFarOutside(WakingHours hours)
    {
        if (IsInside)
        {
            return "";
        }

        var by = TimeFormats.Minutes(-MarginMinutes);
        return hours.StartIsNearer(Start, End)
            ? $"{by} before {TimeFormats.Time(hours.Start)}"
            : $"{by} after {TimeFormats.Time(hours.End)}";
    }
}
