using System.Text.RegularExpressions;
using NodaTime;
using PanelBot.Calendar.Tests.TestSupport;

namespace PanelBot.Calendar.Tests;

public sealed partial class CalendarWriterTests
{
    private readonly CalendarWriter _writer = new();
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 15, 16, 0);
    private static readonly CalendarEvent Webinar = Ics.Event(Start, Start + Duration.FromHours(1)) with
    {
        Sequence = 0,
        Description = "Join: https://video.example/j/123",
        Location = "Online",
        Url = new Uri("https://panelbot.example/webinars/123"),
        Categories = ["Webinar"],
        Alarms = [new CalendarAlarm(Duration.FromMinutes(15), "Reminder")],
        Created = Instant.FromUtc(2026, 11, 1, 8, 0),
        LastModified = Instant.FromUtc(2026, 11, 2, 8, 0),
    };

    [Fact]
    public void Write_Request_HasTheIcalendarSkeleton()
    {
        var lines = Ics.Read(_writer.Write(CalendarMethod.Request, [Webinar], Ics.DtStamp));

        Assert.Equal(["BEGIN", "PRODID", "VERSION", "CALSCALE", "METHOD"], lines.Take(5).Select(l => l.Name));
        Assert.Equal("-//PanelBot//PanelBot//EN", lines[1].Value);
        Assert.Equal("2.0", lines[2].Value);
        Assert.Equal("REQUEST", lines[4].Value);
        Assert.Equal("END:VCALENDAR", lines[^1].Name + ":" + lines[^1].Value);
        Assert.Single(lines, l => l.Name == "BEGIN" && l.Value == "VEVENT");
        Assert.DoesNotContain(lines, l => l.Name == "BEGIN" && l.Value == "VTIMEZONE");
    }

    [Fact]
    public void Write_Request_VeventCarriesItipProperties()
    {
        var vevent = Ics.Component(Ics.Read(_writer.Write(CalendarMethod.Request, [Webinar], Ics.DtStamp)), "VEVENT");

        Assert.Equal(Webinar.Uid, Ics.Single(vevent, "UID").Value);
        Assert.Equal("0", Ics.Single(vevent, "SEQUENCE").Value);
        Assert.Equal("20261121T120000Z", Ics.Single(vevent, "DTSTAMP").Value);
        Assert.Equal("20270315T160000Z", Ics.Single(vevent, "DTSTART").Value);
        Assert.Equal("20270315T170000Z", Ics.Single(vevent, "DTEND").Value);
        Assert.Equal("Product webinar", Ics.Single(vevent, "SUMMARY").TextValue);
        Assert.Equal("Online", Ics.Single(vevent, "LOCATION").TextValue);
        Assert.Equal("https://panelbot.example/webinars/123", Ics.Single(vevent, "URL").Value);
        Assert.Equal("CONFIRMED", Ics.Single(vevent, "STATUS").Value);
        Assert.Equal("OPAQUE", Ics.Single(vevent, "TRANSP").Value);
        Assert.Equal("Webinar", Ics.Single(vevent, "CATEGORIES").Value);
        Assert.Equal("20261101T080000Z", Ics.Single(vevent, "CREATED").Value);
        Assert.Equal("20261102T080000Z", Ics.Single(vevent, "LAST-MODIFIED").Value);
        Assert.Equal("TRUE", Ics.Single(vevent, "X-MICROSOFT-DISALLOW-COUNTER").Value);
        Assert.DoesNotContain(vevent, l => l.Name == "DURATION");
    }

    [Fact]
    public void Write_Request_OrganizerAndAttendeeAreMailtoWithQuotedCn()
    {
        var ics = _writer.Write(CalendarMethod.Request, [Webinar], Ics.DtStamp);

        Assert.Contains("ORGANIZER;CN=\"PanelBot Events\":mailto:events@panelbot.example\r\n", ics);
        var attendee = Ics.Single(Ics.Component(Ics.Read(ics), "VEVENT"), "ATTENDEE");
        Assert.Equal("mailto:joerg@example.org", attendee.Value);
        Assert.Equal(["CUTYPE", "ROLE", "PARTSTAT", "RSVP", "CN"], attendee.Parameters.Select(p => p.Name));
        Assert.Equal("INDIVIDUAL", attendee.GetParameter("CUTYPE"));
        Assert.Equal("REQ-PARTICIPANT", attendee.GetParameter("ROLE"));
        Assert.Equal("NEEDS-ACTION", attendee.GetParameter("PARTSTAT"));
        Assert.Equal("TRUE", attendee.GetParameter("RSVP"));
        Assert.Equal("Jörg Müller", attendee.GetParameter("CN"));
    }

    [Fact]
    public void Write_AttendeeVariants_WriteRolePartstatAndOmitRsvpWhenFalse()
    {
        var host = new CalendarAttendee("host@panelbot.example", "Host") { Role = AttendeeRole.Chair, PartStat = ParticipationStatus.Accepted, Rsvp = false };
        var optional = new CalendarAttendee("opt@example.org") { Role = AttendeeRole.OptParticipant, PartStat = ParticipationStatus.Tentative };
        var lines = IcsReader.Unfold(_writer.Write(CalendarMethod.Request, [Webinar with { Attendees = [host, optional] }], Ics.DtStamp));

        Assert.Contains("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=CHAIR;PARTSTAT=ACCEPTED;CN=\"Host\":mailto:host@panelbot.example", lines);
        Assert.Contains("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=TENTATIVE;RSVP=TRUE:mailto:opt@example.org", lines);
    }

    [Fact]
    public void Write_Cancel_SameUidHigherSequenceAndStatusCancelled()
    {
        var cancel = Webinar with { Sequence = 3 };

        var vevent = Ics.Component(Ics.Read(_writer.Write(CalendarMethod.Cancel, [cancel], Ics.DtStamp)), "VEVENT");

        Assert.Equal(Webinar.Uid, Ics.Single(vevent, "UID").Value);
        Assert.Equal("3", Ics.Single(vevent, "SEQUENCE").Value);
        Assert.Equal("CANCELLED", Ics.Single(vevent, "STATUS").Value);
        Assert.Single(vevent, l => l.Name == "DTSTART");
        Assert.Single(vevent, l => l.Name == "SUMMARY");
    }

    [Fact]
    public void Write_Cancel_MethodLineIsCancel()
    {
        Assert.Contains("\r\nMETHOD:CANCEL\r\n", _writer.Write(CalendarMethod.Cancel, [Webinar], Ics.DtStamp));
    }

    [Fact]
    public void Write_NoMethod_OmitsMethodLine()
    {
        Assert.DoesNotContain("METHOD", _writer.Write(null, [Webinar], Ics.DtStamp));
    }

    [Fact]
    public void Write_DtStamp_IsUtcWithoutFractions()
    {
        var ics = _writer.Write(CalendarMethod.Request, [Webinar], Ics.DtStamp + Duration.FromMilliseconds(999));

        Assert.Matches(DtStampPattern(), ics);
        Assert.Contains("DTSTAMP:20261121T120000Z\r\n", ics);
    }

    [Fact]
    public void Write_Alarm_IsDisplayWithNegativeTrigger()
    {
        var valarm = Ics.Component(Ics.Read(_writer.Write(CalendarMethod.Request, [Webinar], Ics.DtStamp)), "VALARM");

        Assert.Equal(["ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-PT15M"], valarm.Select(l => l.Name + ":" + l.Value));
    }

    [Fact]
    public void Write_ZonedEvent_UsesTzidLocalTimeAndOneVTimezoneBeforeVevent()
    {
        var zone = Ics.Zone("Europe/Oslo");
        var ics = _writer.Write(CalendarMethod.Request, [Webinar with { Zone = zone }], Ics.DtStamp);

        Assert.Contains("DTSTART;TZID=Europe/Oslo:20270315T170000\r\n", ics);
        Assert.Contains("DTEND;TZID=Europe/Oslo:20270315T180000\r\n", ics);
        Assert.True(ics.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal) < ics.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal));
        Assert.Single(Ics.Read(ics), l => l.Name == "BEGIN" && l.Value == "VTIMEZONE");
        Assert.DoesNotContain("Z\r\nDTEND", ics);
    }

    [Fact]
    public void Write_StartIsAmbiguousLocalTime_FallsBackToUtcWithoutVTimezone()
    {
        // 02:30 on 2027-10-31 happens twice in Oslo.
        var start = Ics.Zone("Europe/Oslo").AtLeniently(new LocalDateTime(2027, 10, 31, 2, 30)).ToInstant();
        var ics = _writer.Write(CalendarMethod.Request, [Webinar with { Start = start, End = start + Duration.FromHours(1), Zone = Ics.Zone("Europe/Oslo") }], Ics.DtStamp);

        Assert.Contains("DTSTART:" + start.ToString("uuuuMMdd'T'HHmmss'Z'", null) + "\r\n", ics);
        Assert.DoesNotContain("VTIMEZONE", ics);
        Assert.DoesNotContain("TZID", ics);
    }

    [Fact]
    public void Write_ZoneWithoutRegularRuleOverSpan_FallsBackToUtc()
    {
        var start = Instant.FromUtc(2019, 6, 1, 15, 0);
        var ics = _writer.Write(CalendarMethod.Request, [Webinar with { Start = start, End = start + Duration.FromHours(1), Zone = Ics.Zone("America/Sao_Paulo") }], Ics.DtStamp);

        Assert.Contains("DTSTART:20190601T150000Z\r\n", ics);
        Assert.DoesNotContain("VTIMEZONE", ics);
    }

    [Fact]
    public void Write_PublishSeveralEventsSameZone_OneVTimezone()
    {
        var zone = Ics.Zone("America/New_York");
        CalendarEvent[] events = [Webinar with { Zone = zone }, Webinar with { Uid = "second@panelbot.example", Zone = zone, Start = Start + Duration.FromDays(200), End = Start + Duration.FromDays(200) + Duration.FromHours(1) }];

        var lines = Ics.Read(_writer.Write(CalendarMethod.Publish, events, Ics.DtStamp));

        Assert.Single(lines, l => l.Name == "BEGIN" && l.Value == "VTIMEZONE");
        Assert.Equal(2, lines.Count(l => l.Name == "BEGIN" && l.Value == "VEVENT"));
        Assert.Equal(1, lines.Count(l => l.Name == "BEGIN" && l.Value == "DAYLIGHT"));
        Assert.Equal(1, lines.Count(l => l.Name == "BEGIN" && l.Value == "STANDARD"));
        Assert.DoesNotContain(lines, l => l.Name == "RDATE");
    }

    [Fact]
    public void Write_Reply_HasNoStatus()
    {
        var reply = Webinar with { Attendees = [new CalendarAttendee("joerg@example.org") { PartStat = ParticipationStatus.Accepted, Rsvp = false }] };

        var vevent = Ics.Component(Ics.Read(_writer.Write(CalendarMethod.Reply, [reply], Ics.DtStamp)), "VEVENT");

        Assert.DoesNotContain(vevent, l => l.Name == "STATUS");
    }

    public static TheoryData<CalendarMethod?, string> InvalidRequests => new()
    {
        { CalendarMethod.Request, "no attendee" },
        { CalendarMethod.Cancel, "no attendee" },
        { CalendarMethod.Request, "cancelled status" },
        { CalendarMethod.Request, "two events" },
        { CalendarMethod.Publish, "duplicate uid" },
        { CalendarMethod.Request, "end before start" },
        { CalendarMethod.Request, "sub-second event" },
        { CalendarMethod.Reply, "two attendees" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Write_InvalidCombination_Throws(CalendarMethod? method, string problem)
    {
        CalendarEvent[] events = problem switch
        {
            "no attendee" => [Webinar with { Attendees = [] }],
            "cancelled status" => [Webinar with { Status = EventStatus.Cancelled }],
            "two events" => [Webinar, Webinar with { Uid = "other@x" }],
            "duplicate uid" => [Webinar, Webinar],
            "end before start" => [Webinar with { End = Start - Duration.FromMinutes(1) }],
            "sub-second event" => [Webinar with { End = Start + Duration.FromMilliseconds(500) }],
            "two attendees" => [Webinar with { Attendees = [.. Webinar.Attendees, new CalendarAttendee("x@example.org")] }],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        Assert.Throws<ArgumentException>(() => _writer.Write(method, events, Ics.DtStamp));
    }

    [Theory]
    [InlineData("a b@example.org")]
    [InlineData("a\"@example.org")]
    [InlineData("a@example.org\r\nX:1")]
    [InlineData("evil@example.org:x")]
    [InlineData("a;b@example.org")]
    [InlineData("Name <a@example.org>")]
    [InlineData("no-at-sign")]
    public void CalendarAttendee_UnsafeAddress_Throws(string email)
    {
        Assert.ThrowsAny<ArgumentException>(() => new CalendarAttendee(email));
    }

    [Theory]
    [InlineData("http://insecure.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void CalendarEvent_UrlWithOtherScheme_Throws(string url)
    {
        Assert.Throws<ArgumentException>(() => Webinar with { Url = new Uri(url) });
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünicode")]
    public void CalendarEvent_BadUid_Throws(string uid)
    {
        Assert.ThrowsAny<ArgumentException>(() => Webinar with { Uid = uid });
    }

    [GeneratedRegex(@"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n")]
    private static partial Regex DtStampPattern();
}
