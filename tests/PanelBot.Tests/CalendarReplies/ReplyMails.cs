using System.Text;

namespace PanelBot.Tests.CalendarReplies;

/// <summary>
/// iTIP REPLY mails in the shapes the big clients send (RFC 6047): Outlook (multipart/alternative, base64 text/calendar,
/// Windows TZID, MAILTO:), Gmail (text/calendar plus an invite.ics attachment, folded CN, lowercase mailto), Apple
/// (a lone text/calendar part, quoted-printable).
/// </summary>
public static class ReplyMails
{
    public enum Client { Outlook, Gmail, Apple }

    public static byte[] Reply(Client client, string uid, string attendee, string partStat, string organiser, int sequence = 1, string? from = null, string name = "Ada Lovelace")
    {
        from ??= attendee;
        var ics = client switch
        {
            Client.Outlook => Crlf(
                "BEGIN:VCALENDAR", "METHOD:REPLY", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
                "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
                "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
                "END:VTIMEZONE", "BEGIN:VEVENT",
                $"ATTENDEE;PARTSTAT={partStat};CN={name}:MAILTO:{attendee.ToUpperInvariant()}",
                "COMMENT;LANGUAGE=en-GB:\\n", "SUMMARY;LANGUAGE=en-GB:Declined: Peace operations and aid",
                "DTSTART;TZID=W. Europe Standard Time:20261209T150000", "DTEND;TZID=W. Europe Standard Time:20261209T163000",
                $"UID:{uid}", "CLASS:PUBLIC", "PRIORITY:5", "DTSTAMP:20261122T093015Z", "TRANSP:OPAQUE", "STATUS:CONFIRMED",
                $"SEQUENCE:{sequence}", $"ORGANIZER;CN=PanelBot Events:MAILTO:{organiser.ToUpperInvariant()}",
                $"X-MICROSOFT-CDO-APPT-SEQUENCE:{sequence}", "END:VEVENT", "END:VCALENDAR"),
            Client.Gmail => Crlf(
                "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:REPLY",
                "BEGIN:VEVENT", "DTSTART:20261209T140000Z", "DTEND:20261209T153000Z", "DTSTAMP:20261122T101500Z",
                $"ORGANIZER;CN=PanelBot Events:mailto:{organiser}", $"UID:{uid}",
                $"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partStat};CN=\"{name[..3]}",
                $" {name[3..]}\";X-NUM-GUESTS=0:mailto:{attendee}",
                "CREATED:20261122T100000Z", "LAST-MODIFIED:20261122T101500Z", $"SEQUENCE:{sequence}", "STATUS:CONFIRMED",
                "SUMMARY:Peace operations and aid", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"),
            _ => Crlf(
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Apple Inc.//macOS 15.1//EN", "METHOD:REPLY", "BEGIN:VEVENT",
                $"ATTENDEE;CN=\"{name}\";PARTSTAT={partStat};EMAIL={attendee}:mailto:{attendee}",
                "DTSTAMP:20261122T102000Z", "DTSTART;TZID=Europe/Oslo:20261209T150000", "DTEND;TZID=Europe/Oslo:20261209T163000",
                $"ORGANIZER;CN=\"PanelBot Events\";EMAIL={organiser}:mailto:{organiser}", $"SEQUENCE:{sequence}",
                "SUMMARY:Peace operations and aid", $"UID:{uid}", "END:VEVENT", "END:VCALENDAR"),
        };
        var b64 = Base64Lines(ics);
        var mail = client switch
        {
            Client.Outlook => Crlf(
                $"From: {name} <{from}>", $"To: PanelBot Events <{organiser}>", "Subject: Declined: Peace operations and aid",
                "Date: Sun, 22 Nov 2026 10:30:15 +0100", "Message-ID: <AM0PR01MB1234@eurprd01.prod.outlook.com>",
                "Content-Type: multipart/alternative; boundary=\"_000_AM0PR_\"", "MIME-Version: 1.0", "",
                "--_000_AM0PR_", "Content-Type: text/plain; charset=\"us-ascii\"", "", "", "--_000_AM0PR_",
                "Content-Type: text/calendar; charset=\"utf-8\"; method=REPLY", "Content-Transfer-Encoding: base64", "", b64,
                "--_000_AM0PR_--"),
            Client.Gmail => Crlf(
                $"From: {name} <{from}>", $"To: {organiser}", "Subject: Declined: Peace operations and aid @ Wed 9 Dec 2026 15:00 - 16:30 (CET)",
                "Date: Sun, 22 Nov 2026 10:15:00 +0000", "Message-ID: <000000000000abc@google.com>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"000000000000mixed\"", "",
                "--000000000000mixed", "Content-Type: multipart/alternative; boundary=\"000000000000alt\"", "",
                "--000000000000alt", "Content-Type: text/plain; charset=\"UTF-8\"", "", $"{name} has declined this invitation.", "",
                "--000000000000alt", "Content-Type: text/calendar; charset=\"UTF-8\"; method=REPLY", "Content-Transfer-Encoding: 7bit", "",
                ics.TrimEnd('\r', '\n'), "--000000000000alt--", "",
                "--000000000000mixed", "Content-Type: application/ics; name=\"invite.ics\"", "Content-Disposition: attachment; filename=\"invite.ics\"",
                "Content-Transfer-Encoding: base64", "", b64, "--000000000000mixed--"),
            _ => Crlf(
                $"From: {name} <{from}>", $"To: {organiser}", "Subject: Invitation: Peace operations and aid",
                "Date: Sun, 22 Nov 2026 11:20:00 +0100", "Message-Id: <A1B2C3D4-1111-2222-3333@icloud.com>", "Mime-Version: 1.0 (Mac OS X Mail 16.0)",
                "Content-Type: text/calendar; charset=utf-8; method=REPLY", "Content-Transfer-Encoding: quoted-printable", "",
                QuotedPrintable(ics)),
        };
        return Encoding.UTF8.GetBytes(mail);
    }

    public static byte[] Plain(string from, string to, string text) => Encoding.UTF8.GetBytes(Crlf(
        $"From: {from}", $"To: {to}", "Subject: Question about the webinar", "Date: Sun, 22 Nov 2026 11:20:00 +0100",
        "Message-ID: <q1@example.org>", "", text));

    private static string Crlf(params string[] lines) => string.Concat(lines.Select(l => l + "\r\n"));

    private static string Base64Lines(string text) =>
        string.Join("\r\n", Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).Chunk(76).Select(c => new string(c)));

    private static string QuotedPrintable(string text)
    {
        var output = new StringBuilder();
        foreach (var line in text.Split("\r\n"))
        {
            var encoded = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(line))
                encoded.Append(b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString() : $"={b:X2}");
            var s = encoded.ToString();
            while (s.Length > 75) { output.Append(s[..75]).Append("=\r\n"); s = s[75..]; }
            output.Append(s).Append("\r\n");
        }
        return output.ToString();
    }
}
