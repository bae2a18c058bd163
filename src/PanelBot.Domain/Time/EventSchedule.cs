using NodaTime;
using NodaTime.TimeZones;

namespace PanelBot.Domain.Time;

/// <summary>
/// Turns local date + times in an IANA zone into instants. A local time skipped by a clock change is refused;
/// a local time that happens twice is resolved to the earlier occurrence and a note says so.
/// </summary>
public static class EventSchedule
{
    /// <summary>Resolves a same-day event; end must be after start. Does not check the past (see <see cref="CheckNotPast"/>).</summary>
    public static DomainResult<EventTimes> Resolve(LocalDate date, LocalTime start, LocalTime end, string? zoneId) =>
        Resolve(date + start, date + end, zoneId);

    public static DomainResult<EventTimes> Resolve(LocalDateTime start, LocalDateTime end, string? zoneId)
    {
        var zoneResult = ZoneLookup.Find(zoneId);
        if (!zoneResult.IsSuccess)
        {
            return zoneResult.FailAs<EventTimes>();
        }

        var zone = zoneResult.Value;

        var errors = new List<FieldError>();
        var notes = new List<string>();
        if (end <= start)
        {
            errors.Add(new FieldError("end", end == start
                ? $"The end ({TimeFormats.Time(end.TimeOfDay)}) is the same as the start: when does it end?"
                : $"The end ({TimeFormats.Time(end.TimeOfDay)}) is before the start ({TimeFormats.Time(start.TimeOfDay)}): when does it end?"));
        }
        var startsAt = MapLocal(start, zone, "start", errors, notes);
        var endsAt = MapLocal(end, zone, "end", errors, notes);
        if (errors.Count > 0)
        {
            return DomainResult<EventTimes>.Fail(errors);
        }

        return DomainResult<EventTimes>.Ok(new EventTimes(start, end, zone.Id, startsAt, endsAt, notes), notes);
    }

    /// <summary>Refuses a start that is not in the future.</summary>
    public static FieldError? CheckNotPast(EventTimes times, Instant now) =>
        times.StartsAt <= now
            ? new FieldError("start",
                $"The start ({TimeFormats.DateTime(times.Start)} {times.TimeZoneId}) is in the past. Pick a date and time in the future.")
            : null;

    /// <summary>Maps a local time strictly: null plus an error in a gap, the earlier instant plus a note when ambiguous.</summary>
    public static Instant MapLocal(LocalDateTime local, DateTimeZone zone, string field, List<FieldError> errors, List<string> notes)
    {
        var mapping = zone.MapLocal(local);
        switch (mapping.Count)
        {
            case 1:
                return mapping.Single().ToInstant();
            case 0:
                errors.Add(new FieldError(field, GapMessage(local, zone, mapping)));
                return default;
            default:
                var first = mapping.First();
                notes.Add(AmbiguityNote(local, zone, mapping));
                return first.ToInstant();
        }
    }

    /// <summary>Lenient mapping for secondary times such as the RSVP deadline: gap shifts forward, ambiguity takes the earlier.</summary>
    public static Instant MapLenient(LocalDateTime local, DateTimeZone zone) =>
        local.InZoneLeniently(zone).ToInstant();

    private static string GapMessage(LocalDateTime local, DateTimeZone zone, ZoneLocalMapping mapping)
    {
        var transition = mapping.LateInterval.Start;
        var before = transition.WithOffset(mapping.EarlyInterval.WallOffset).TimeOfDay;
        var after = transition.WithOffset(mapping.LateInterval.WallOffset).TimeOfDay;
        return $"{TimeFormats.Time(local.TimeOfDay)} does not exist on {TimeFormats.Date(local.Date)} in {zone.Id}: " +
               $"clocks go forward from {TimeFormats.Time(before)} to {TimeFormats.Time(after)}. Pick another time.";
    }

    private static string AmbiguityNote(LocalDateTime local, DateTimeZone zone, ZoneLocalMapping mapping)
    {
        var transition = mapping.LateInterval.Start;
        var from = transition.WithOffset(mapping.EarlyInterval.WallOffset).TimeOfDay;
        var to = transition.WithOffset(mapping.LateInterval.WallOffset).TimeOfDay;
        var early = mapping.EarlyInterval;
        return $"{TimeFormats.Time(local.TimeOfDay)} happens twice on {TimeFormats.Date(local.Date)} in {zone.Id} " +
               $"(clocks go back from {TimeFormats.Time(from)} to {TimeFormats.Time(to)}); " +
               $"I took the first ({early.Name}, {TimeFormats.Utc(early.WallOffset)}).";
    }
}
