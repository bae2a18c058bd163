using System.Collections.Concurrent;
using NodaTime;

namespace PanelBot.Calendar;

/// <summary>
/// RFC 5545/5546 writer. Rules enforced (ArgumentException otherwise):
/// <list type="bullet">
/// <item>REQUEST, CANCEL and REPLY carry exactly one event (no RECURRENCE-ID support); REQUEST and CANCEL need at least one
/// attendee, REPLY exactly one; a REQUEST cannot be <see cref="EventStatus.Cancelled"/>. PUBLISH / no method: any number of
/// events with distinct UIDs.</item>
/// <item>CANCEL always writes <c>STATUS:CANCELLED</c>; REPLY writes no STATUS. The caller supplies the higher SEQUENCE.</item>
/// <item>End after start, both truncated to whole seconds.</item>
/// </list>
/// Time form per event: UTC (<c>Z</c>) when <see cref="CalendarEvent.Zone"/> is null. Otherwise <c>TZID=</c> local time
/// plus one VTIMEZONE per distinct zone covering every event of that zone, except that the event falls back to UTC when
/// its start or end is an ambiguous local time (clients disagree on which occurrence is meant) or when
/// <see cref="VTimeZoneFactory.TryCreate"/> finds no regular yearly rule for the covered years.
/// </summary>
public sealed class CalendarWriter : ICalendarWriter
{
    public const string DefaultProdId = "-//PanelBot//PanelBot//EN";

    public string Write(CalendarMethod? method, IReadOnlyList<CalendarEvent> events, Instant dtStamp, string prodId = DefaultProdId)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentException.ThrowIfNullOrWhiteSpace(prodId);
        Validate(method, events);

        var zones = ChooseZones(events);
        var output = new ContentLineWriter();
        output.WriteLine("BEGIN", "VCALENDAR");
        output.WriteLine("PRODID", IcsText.Escape(IcsSanitizer.SingleLine(prodId)));
        output.WriteLine("VERSION", "2.0");
        output.WriteLine("CALSCALE", "GREGORIAN");
        if (method is { } m)
        {
            output.WriteLine("METHOD", IcsTokens.Method(m));
        }

        foreach (var vtimezone in zones.TimeZones)
        {
            output.WriteLines(vtimezone);
        }

        foreach (var calendarEvent in events)
        {
            VEventWriter.Write(output, calendarEvent, method, IcsDateTime.TruncateToSecond(dtStamp), zones.ZoneFor(calendarEvent));
        }

        output.WriteLine("END", "VCALENDAR");
        return output.ToString();
    }

    private static void Validate(CalendarMethod? method, IReadOnlyList<CalendarEvent> events)
    {
        if (events.Any(e => e is null))
        {
            throw new ArgumentException("Events cannot contain null.", nameof(events));
        }

        if (method is CalendarMethod.Request or CalendarMethod.Cancel or CalendarMethod.Reply && events.Count != 1)
        {
            throw new ArgumentException($"An iTIP {method} carries exactly one event.", nameof(events));
        }

        if (events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count() != events.Count)
        {
            throw new ArgumentException("Each event needs its own UID.", nameof(events));
        }

        foreach (var e in events)
        {
            if (IcsDateTime.TruncateToSecond(e.End) <= IcsDateTime.TruncateToSecond(e.Start))
            {
                throw new ArgumentException($"Event {e.Uid} must end after it starts (whole seconds).", nameof(events));
            }

            var problem = method switch
            {
                CalendarMethod.Request when e.Attendees.Count == 0 => "a REQUEST needs at least one ATTENDEE",
                CalendarMethod.Request when e.Status == EventStatus.Cancelled => "a REQUEST cannot be cancelled; use CANCEL",
                CalendarMethod.Cancel when e.Attendees.Count == 0 => "a CANCEL needs at least one ATTENDEE",
                CalendarMethod.Reply when e.Attendees.Count != 1 => "a REPLY has exactly one ATTENDEE",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException($"Event {e.Uid}: {problem}.", nameof(events));
            }
        }
    }

    private static ZoneChoice ChooseZones(IReadOnlyList<CalendarEvent> events)
    {
        var zoned = events
            .Where(e => e.Zone is not null && !IsAmbiguous(e.Zone, e.Start) && !IsAmbiguous(e.Zone, e.End))
            .GroupBy(e => e.Zone!.Id, StringComparer.Ordinal);
        var timeZones = new List<string>();
        var zoneByUid = new Dictionary<string, DateTimeZone>(StringComparer.Ordinal);
        foreach (var group in zoned)
        {
            var zone = group.First().Zone!;
            var coveredStart = group.Min(e => e.Start);
            var coveredEnd = group.Max(e => e.End);
            if (WrittenTimeZone(zone, coveredStart, coveredEnd) is { } vtimezone)
            {
                timeZones.Add(vtimezone);
                foreach (var e in group)
                {
                    zoneByUid[e.Uid] = zone;
                }
            }
        }

        return new ZoneChoice(timeZones, zoneByUid);
    }

    /// <summary>
    /// The VTIMEZONE lines for a zone and the span it must cover, kept: every invitation of an event (and every RSVP's
    /// own) asks for the same one, and the rules depend only on the zone, the span and the time-zone database.
    /// </summary>
    private static string? WrittenTimeZone(DateTimeZone zone, Instant coveredStart, Instant coveredEnd)
    {
        var key = (zone, coveredStart, coveredEnd); // the zone object, not its id: another provider may have other rules
        if (WrittenTimeZones.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string? text = null;
        if (VTimeZoneFactory.TryCreate(zone, coveredStart, coveredEnd, out var vtimezone))
        {
            var writer = new ContentLineWriter();
            vtimezone.WriteTo(writer);
            text = writer.ToString();
        }

        if (WrittenTimeZones.Count >= MaxWrittenTimeZones)
        {
            WrittenTimeZones.Clear();
        }

        WrittenTimeZones[key] = text;
        return text;
    }

    private const int MaxWrittenTimeZones = 512;
    private static readonly ConcurrentDictionary<(DateTimeZone, Instant, Instant), string?> WrittenTimeZones = new();

    // An ambiguous wall time names two instants; RFC 5545 picks the first, pytz the second, so only UTC is safe.
    private static bool IsAmbiguous(DateTimeZone zone, Instant instant) =>
        zone.MapLocal(IcsDateTime.TruncateToSecond(instant).InZone(zone).LocalDateTime).Count != 1;

    private sealed record ZoneChoice(IReadOnlyList<string> TimeZones, IReadOnlyDictionary<string, DateTimeZone> ZoneByUid)
    {
        public DateTimeZone? ZoneFor(CalendarEvent e) => ZoneByUid.GetValueOrDefault(e.Uid);
    }
}
