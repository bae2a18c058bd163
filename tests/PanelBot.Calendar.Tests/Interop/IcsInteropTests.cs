using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using PanelBot.Calendar.Tests.TestSupport;

namespace PanelBot.Calendar.Tests.Interop;

/// <summary>
/// Every file here is read by python-icalendar (pytz/system zones, ignores our VTIMEZONE) and by ical.js (uses our
/// VTIMEZONE). Both must report the UTC instants NodaTime computed: agreement proves the VTIMEZONE right.
/// </summary>
public sealed class IcsInteropTests : IDisposable
{
    private readonly CalendarWriter _writer = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("panelbot-ics-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // zone, local start (ISO), duration in minutes; each row says what it exercises.
    public static TheoryData<string, string, int> ZoneCases => new()
    {
        { "Europe/Oslo", "2027-01-20T09:00:00", 60 },          // winter, CET
        { "Europe/Oslo", "2027-06-15T18:00:00", 90 },          // summer, CEST
        { "Europe/Oslo", "2027-03-28T01:30:00", 120 },         // across spring-forward (02:00 → 03:00)
        { "America/New_York", "2027-01-12T12:00:00", 60 },     // EST
        { "America/New_York", "2027-07-04T20:00:00", 60 },     // EDT
        { "America/New_York", "2027-11-07T00:30:00", 180 },    // across fall-back, ends 02:30 EST
        { "Australia/Sydney", "2027-01-15T10:00:00", 60 },     // southern summer, AEDT
        { "Australia/Sydney", "2027-07-15T10:00:00", 60 },     // southern winter, AEST
        { "Australia/Sydney", "2027-04-04T01:30:00", 180 },    // across April fall-back
        { "Europe/Dublin", "2027-01-15T14:00:00", 60 },        // GMT: TZDB's negative-DST "winter time"
        { "Europe/Dublin", "2027-07-15T14:00:00", 60 },        // IST: TZDB's "standard" time
        { "Asia/Kolkata", "2027-03-15T17:00:00", 60 },         // no DST at all
    };

    [InteropTheory]
    [MemberData(nameof(ZoneCases))]
    public void Request_InZone_BothParsersGiveNodaTimeInstants(string zoneId, string localStart, int minutes)
    {
        var zone = Ics.Zone(zoneId);
        var start = LocalDateTimePattern.ExtendedIso.Parse(localStart).Value.InZoneStrictly(zone).ToInstant();
        var calendarEvent = Ics.Event(start, start + Duration.FromMinutes(minutes), zone) with { Sequence = 2 };

        var ics = _writer.Write(CalendarMethod.Request, [calendarEvent], Ics.DtStamp);

        Assert.Contains($"DTSTART;TZID={zoneId}:", ics);
        foreach (var parsed in ParseWithBoth(ics))
        {
            AssertRoundTrip(parsed, "REQUEST", calendarEvent, zoneId);
        }
    }

    [InteropFact]
    public void Cancel_InZone_BothParsersSeeCancelledEventWithSameUid()
    {
        var zone = Ics.Zone("Europe/Oslo");
        var start = Ics.At("Europe/Oslo", 2027, 10, 31, 1, 30);
        var calendarEvent = Ics.Event(start, start + Duration.FromHours(3), zone) with { Sequence = 4 };

        var ics = _writer.Write(CalendarMethod.Cancel, [calendarEvent], Ics.DtStamp);

        foreach (var parsed in ParseWithBoth(ics))
        {
            AssertRoundTrip(parsed, "CANCEL", calendarEvent, "Europe/Oslo");
            Assert.Equal("CANCELLED", (string?)parsed["events"]![0]!["status"]);
        }
    }

    [InteropFact]
    public void Publish_EventsOverSeveralYearsAndZones_OneVTimezonePerZoneCoversAll()
    {
        var oslo = Ics.Zone("Europe/Oslo");
        var newYork = Ics.Zone("America/New_York");
        CalendarEvent[] events =
        [
            Ics.Event(Ics.At("Europe/Oslo", 2026, 7, 1, 18), Ics.At("Europe/Oslo", 2026, 7, 1, 19), oslo, "a@panelbot.example"),
            Ics.Event(Ics.At("Europe/Oslo", 2027, 1, 5, 9), Ics.At("Europe/Oslo", 2027, 1, 5, 10), oslo, "b@panelbot.example"),
            Ics.Event(Ics.At("Europe/Oslo", 2028, 10, 29, 3), Ics.At("Europe/Oslo", 2028, 10, 29, 5), oslo, "c@panelbot.example"),
            Ics.Event(Ics.At("America/New_York", 2027, 3, 14, 1), Ics.At("America/New_York", 2027, 3, 14, 4), newYork, "d@panelbot.example"),
            Ics.Event(Instant.FromUtc(2027, 5, 1, 12, 0), Instant.FromUtc(2027, 5, 1, 13, 0), null, "e@panelbot.example"),
        ];

        var ics = _writer.Write(CalendarMethod.Publish, events, Ics.DtStamp);

        foreach (var parsed in ParseWithBoth(ics))
        {
            Assert.Empty(parsed["errors"]!.AsArray());
            Assert.Equal("PUBLISH", (string?)parsed["method"]);
            Assert.Equal(["Europe/Oslo", "America/New_York"], parsed["timezones"]!.AsArray().Select(t => (string?)t));
            var parsedEvents = parsed["events"]!.AsArray();
            Assert.Equal(events.Length, parsedEvents.Count);
            for (var i = 0; i < events.Length; i++)
            {
                AssertTimes(parsedEvents[i]!, events[i], events[i].Zone?.Id, (string)parsed["parser"]!);
            }
        }
    }

    [InteropFact]
    public void Request_HostileText_EveryParserReadsTheSanitisedText()
    {
        var summary = "Grüße, Webinar; \"quoted\" \\ back: 😀 שלום עולם مرحبا 👩‍👩‍👧 e\u0301\u202E\r\nATTENDEE:mailto:evil@example.com";
        var description = "Line one\r\nJoin: https://video.example/j/1?a=1,b=2;c\nEND:VEVENT\u2028" + new string('ü', 2500) + "😀x".PadRight(2500, ',');
        var location = "Room 1, Floor 2;\u2029Building: A\u0000";
        var start = Instant.FromUtc(2027, 3, 15, 16, 0);
        var calendarEvent = Ics.Event(start, start + Duration.FromHours(1)) with
        {
            Summary = summary,
            Description = description,
            Location = location,
            Organizer = new CalendarAddress("events@panelbot.example", "Müller, Jörg: Chef"),
            Attendees = [new CalendarAttendee("bob@example.org", "O'Brien; \"Bob\"\nATTENDEE:x")],
        };

        var ics = _writer.Write(CalendarMethod.Request, [calendarEvent], Ics.DtStamp);

        Ics.AssertFoldedCorrectly(ics);
        foreach (var parsed in ParseWithBoth(ics))
        {
            var parser = (string)parsed["parser"]!;
            Assert.Empty(parsed["errors"]!.AsArray());
            var parsedEvent = Assert.Single(parsed["events"]!.AsArray())!;
            Assert.Equal(IcsSanitizer.SingleLine(summary), (string?)parsedEvent["summary"]);
            Assert.Equal(IcsSanitizer.MultiLine(description), (string?)parsedEvent["description"]);
            Assert.Equal(IcsSanitizer.SingleLine(location), (string?)parsedEvent["location"]);
            Assert.Equal("Müller, Jörg: Chef", (string?)parsedEvent["organizer"]!["cn"]);
            var attendee = Assert.Single(parsedEvent["attendees"]!.AsArray())!;
            Assert.Equal("O'Brien; Bob ATTENDEE:x", (string?)attendee["cn"]);
            Assert.Equal("mailto:bob@example.org", (string?)attendee["value"], ignoreCase: true);
            Assert.True(parsedEvent["start"]!["unix"]!.GetValue<long>() == start.ToUnixTimeSeconds(), parser);
        }
    }

    [InteropFact]
    public void Checker_DeliberatelyWrongVTimezone_IcalJsDisagreesWithPython()
    {
        // Negative control: proves ical.js really converts with the file's VTIMEZONE while python-icalendar does not.
        var start = Ics.At("Europe/Dublin", 2027, 7, 15, 14);
        var ics = _writer.Write(CalendarMethod.Request, [Ics.Event(start, start + Duration.FromHours(1), Ics.Zone("Europe/Dublin"))], Ics.DtStamp)
            .Replace("TZOFFSETTO:+0100", "TZOFFSETTO:+0300")
            .Replace("TZOFFSETFROM:+0100", "TZOFFSETFROM:+0300");

        var parsed = ParseWithBoth(ics);

        long StartOf(JsonObject result) => result["events"]![0]!["start"]!["unix"]!.GetValue<long>();
        Assert.Equal(start.ToUnixTimeSeconds(), StartOf(parsed[0]));
        Assert.Equal(start.ToUnixTimeSeconds() - 2 * 3600, StartOf(parsed[1]));
    }

    private JsonObject[] ParseWithBoth(string ics)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.ics");
        File.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ics));
        return [InteropTools.ParseWithPython(path), InteropTools.ParseWithIcalJs(path)];
    }

    private static void AssertRoundTrip(JsonObject parsed, string method, CalendarEvent expected, string zoneId)
    {
        var parser = (string)parsed["parser"]!;
        Assert.Empty(parsed["errors"]!.AsArray());
        Assert.Equal(method, (string?)parsed["method"]);
        Assert.Equal([zoneId], parsed["timezones"]!.AsArray().Select(t => (string?)t));
        var parsedEvent = Assert.Single(parsed["events"]!.AsArray())!;
        Assert.Equal(expected.Uid, (string?)parsedEvent["uid"]);
        Assert.Equal(expected.Sequence, parsedEvent["sequence"]!.GetValue<int>());
        Assert.Equal(expected.Summary, (string?)parsedEvent["summary"]);
        Assert.Equal(expected.Organizer.ToMailtoUri(), (string?)parsedEvent["organizer"]!["value"], ignoreCase: true);
        Assert.Equal(expected.Organizer.CommonName, (string?)parsedEvent["organizer"]!["cn"]);
        var attendee = Assert.Single(parsedEvent["attendees"]!.AsArray())!;
        var expectedAttendee = Assert.Single(expected.Attendees);
        Assert.Equal(expectedAttendee.ToMailtoUri(), (string?)attendee["value"], ignoreCase: true);
        Assert.Equal(expectedAttendee.CommonName, (string?)attendee["cn"]);
        Assert.Equal("NEEDS-ACTION", (string?)attendee["partstat"]);
        Assert.Equal("REQ-PARTICIPANT", (string?)attendee["role"]);
        Assert.Equal("TRUE", ((string?)attendee["rsvp"])?.ToUpperInvariant());
        AssertTimes(parsedEvent, expected, zoneId, parser);
    }

    private static void AssertTimes(JsonNode parsedEvent, CalendarEvent expected, string? zoneId, string parser)
    {
        foreach (var (name, instant) in new[] { ("start", expected.Start), ("end", expected.End) })
        {
            var time = parsedEvent[name]!;
            Assert.True(time["error"] is null, $"{parser} {name}: {time["error"]}");
            Assert.True(
                instant.ToUnixTimeSeconds() == time["unix"]!.GetValue<long>(),
                $"{parser} {name}: expected {instant} but read {time["utc"]} (tzid {time["tzid"]})");
            Assert.Equal(zoneId, (string?)time["tzid"]);
        }
    }
}
