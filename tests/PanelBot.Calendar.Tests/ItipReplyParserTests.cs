using NodaTime;
using PanelBot.Calendar.Tests.TestSupport;

namespace PanelBot.Calendar.Tests;

public sealed partial class ItipReplyParserTests
{
    [Fact]
    public void TryParse_OutlookAcceptance_ReadsUidSequenceStampAndAttendee()
    {
        Assert.True(ItipReplyParser.TryParse(OutlookAccepted, out var reply));

        Assert.Equal("5b0d8a3e-6c1f-4f7e-9f3a-2d1c0b9a8e77@panelbot.example", reply.Uid);
        Assert.Equal(2, reply.Sequence);
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 9, 30, 15), reply.DtStamp);
        Assert.Equal("events@panelbot.example", reply.Organizer);
        var attendee = Assert.Single(reply.Attendees);
        Assert.Equal(new ItipReplyAttendee("joerg@example.org", ParticipationStatus.Accepted, "Jörg Müller"), attendee);
        Assert.Null(reply.RecurrenceId);
    }

    [Fact]
    public void TryParse_GoogleDecline_UnfoldsAttendeeLineAndIgnoresAlarm()
    {
        Assert.True(ItipReplyParser.TryParse(GoogleDeclined, out var reply));

        Assert.Equal(0, reply.Sequence);
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 10, 15), reply.DtStamp);
        Assert.Equal(new ItipReplyAttendee("ann@example.org", ParticipationStatus.Declined, "Ann Example"), Assert.Single(reply.Attendees));
    }

    [Fact]
    public void TryParse_LfLineEndsAndTabFolds_AreAccepted()
    {
        var lfOnly = GoogleDeclined.Replace("\r\n", "\n").Replace("\n mple;", "\n\tmple;");

        Assert.True(ItipReplyParser.TryParse(lfOnly, out var reply));
        Assert.Equal("Ann Example", Assert.Single(reply.Attendees).CommonName);
    }

    [Theory]
    [InlineData("PARTSTAT=TENTATIVE", ParticipationStatus.Tentative)]
    [InlineData("PARTSTAT=accepted", ParticipationStatus.Accepted)]
    [InlineData("PARTSTAT=DELEGATED;DELEGATED-TO=\"mailto:c@example.org\"", ParticipationStatus.Delegated)]
    [InlineData("PARTSTAT=X-SOMETHING", ParticipationStatus.NeedsAction)]  // unknown values mean NEEDS-ACTION
    [InlineData("ROLE=REQ-PARTICIPANT", ParticipationStatus.NeedsAction)]  // missing PARTSTAT too
    public void TryParse_PartStatVariants_AreMapped(string parameters, ParticipationStatus expected)
    {
        var ics = GoogleDeclined.Replace(
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=Ann Exa\r\n mple;X-NUM-GUESTS=0:",
            $"ATTENDEE;{parameters}:");

        Assert.True(ItipReplyParser.TryParse(ics, out var reply));
        Assert.Equal(expected, Assert.Single(reply.Attendees).PartStat);
    }

    [Fact]
    public void TryParse_ReplyWrittenByOurWriter_RoundTrips()
    {
        var start = Instant.FromUtc(2027, 6, 1, 16, 0);
        var answer = Ics.Event(start, start + Duration.FromHours(1), Ics.Zone("Europe/Dublin")) with
        {
            Sequence = 5,
            Attendees = [new CalendarAttendee("bob@example.org", "Doe, Bob: \"Jr\"") { PartStat = ParticipationStatus.Tentative, Rsvp = false }],
        };
        var ics = new CalendarWriter().Write(CalendarMethod.Reply, [answer], Ics.DtStamp);

        Assert.True(ItipReplyParser.TryParse(ics, out var reply));

        Assert.Equal(answer.Uid, reply.Uid);
        Assert.Equal(5, reply.Sequence);
        Assert.Equal(Ics.DtStamp, reply.DtStamp);
        Assert.Equal("events@panelbot.example", reply.Organizer);
        Assert.Equal(new ItipReplyAttendee("bob@example.org", ParticipationStatus.Tentative, "Doe, Bob: Jr"), Assert.Single(reply.Attendees));
    }

    [Fact]
    public void TryParse_RecurrenceIdAndMissingDtStamp_AreReported()
    {
        var ics = GoogleDeclined.Replace("DTSTAMP:20261122T101500Z\r\n", "RECURRENCE-ID:20270315T160000Z\r\n");

        Assert.True(ItipReplyParser.TryParse(ics, out var reply));
        Assert.Null(reply.DtStamp);
        Assert.Equal("20270315T160000Z", reply.RecurrenceId);
    }

    public static TheoryData<string?> Garbage => new()
    {
        null,
        "",
        "   ",
        "hello world",
        "\u0000\u0001\uFFFF\uD800",
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        GoogleDeclined.Replace("METHOD:REPLY", "METHOD:REQUEST"),          // not a reply
        GoogleDeclined.Replace("METHOD:REPLY\r\n", ""),                      // no METHOD
        GoogleDeclined.Replace("UID:5b0d8a3e-6c1f-4f7e-9f3a-2d1c0b9a8e77@panelbot.example\r\n", ""),
        GoogleDeclined.Replace(":mailto:ann@example.org", ":ann@example.org"),  // attendee without mailto
        GoogleDeclined.Replace("SEQUENCE:0", "SEQUENCE:zero"),
        GoogleDeclined.Replace("SEQUENCE:0", "SEQUENCE:-1"),
        GoogleDeclined[..GoogleDeclined.IndexOf("END:VEVENT", StringComparison.Ordinal)], // truncated
        GoogleDeclined.Replace("BEGIN:VCALENDAR", "BEGIN:VCARD"),
        "METHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\nATTENDEE:mailto:a@b.c\r\nEND:VEVENT\r\n", // no VCALENDAR
        new string('A', 100_000),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void TryParse_Garbage_ReturnsFalseWithoutThrowing(string? ics)
    {
        Assert.False(ItipReplyParser.TryParse(ics, out var reply));
        Assert.Null(reply);
    }
}
