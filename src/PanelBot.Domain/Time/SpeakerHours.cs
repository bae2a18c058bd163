using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Time;

/// <summary>
/// The fairness check: where an event's slot falls on each speaker's own clock. Local times come from the event's instants,
/// so a clock change between today and the event counts: the offsets are those of the event's date.
/// </summary>
public static class SpeakerHours
{
    /// <summary>The speakers who take part (not declined) and have a known zone, in the card's order.</summary>
    public static IReadOnlyList<Speaker> WithZones(Event ev) =>
        ev.SpeakersByRole().SelectMany(g => g.Speakers)
            .Where(s => s.Status != SpeakerStatus.Declined && ZoneOf(s) is not null)
            .ToList();

    public static IReadOnlyList<SpeakerLocalTime> For(Event ev, WakingHours hours) =>
        For(WithZones(ev), ev.StartsAt, ev.EndsAt, hours);

    /// <summary>Each speaker with a zone, and the slot <paramref name="startsAt"/>-<paramref name="endsAt"/> on their clock.</summary>
    public static IReadOnlyList<SpeakerLocalTime> For(IEnumerable<Speaker> speakers, Instant startsAt, Instant endsAt, WakingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var result = new List<SpeakerLocalTime>();
        var byZone = new Dictionary<string, (LocalDateTime Start, LocalDateTime End, int Margin)>(); // speakers often share a zone
        foreach (var speaker in speakers)
        {
            if (ZoneOf(speaker) is not { } zone)
            {
                continue;
            }

            if (!byZone.TryGetValue(zone.Id, out var local))
            {
                var start = startsAt.InZone(zone).LocalDateTime;
                var end = endsAt.InZone(zone).LocalDateTime;
                byZone[zone.Id] = local = (start, end, hours.MarginMinutes(start, end));
            }
            result.Add(new SpeakerLocalTime(speaker, zone, local.Start, local.End, local.Margin));
        }
        return result;
    }

    /// <summary>
    /// For the organiser, after the time or a speaker's zone changed: who is asked to speak outside their waking hours,
    /// with their local times; null when everyone with a zone is inside.
    /// </summary>
    public static string? Warning(Event ev, WakingHours hours)
    {
        var outside = For(ev, hours).Where(s => !s.IsInside).ToList();
        if (outside.Count == 0)
        {
            return null;
        }

        var who = string.Join("; ", outside.Select(s => $"the slot is {s.Times(ev.Date)} for {s.Speaker.Name} ({s.Place})"));
        return $"Outside waking hours ({hours} local): {who}. Type `times {ev.Reference}` for start times that suit every speaker.";
    }

    public static DateTimeZone? ZoneOf(Speaker speaker) =>
        speaker.TimeZoneId is { } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) : null;
}
