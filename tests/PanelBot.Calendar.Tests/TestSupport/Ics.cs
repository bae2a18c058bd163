using System.Text;
using NodaTime;

namespace PanelBot.Calendar.Tests.TestSupport;

/// <summary>Byte- and line-level views of writer output used by many tests.</summary>
internal static class Ics
{
    public static readonly Instant DtStamp = Instant.FromUtc(2026, 11, 21, 12, 0, 0);
    public static readonly CalendarAddress Organizer = new("events@panelbot.example", "PanelBot Events");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CalendarEvent Event(Instant start, Instant end, DateTimeZone? zone = null, string uid = "5b0d8a3e-6c1f-4f7e-9f3a-2d1c0b9a8e77@panelbot.example") => new()
    {
        Uid = uid,
        Summary = "Product webinar",
        Start = start,
        End = end,
        Zone = zone,
        Organizer = Organizer,
        Attendees = [new CalendarAttendee("joerg@example.org", "Jörg Müller")],
    };

    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    public static Instant At(string zoneId, int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone(zoneId)).ToInstant();

    /// <summary>Splits on CRLF after checking there is no bare CR or LF and that the text ends in CRLF.</summary>
    public static string[] PhysicalLines(string ics)
    {
        Assert.EndsWith("\r\n", ics);
        var withoutCrlf = ics.Replace("\r\n", "");
        Assert.DoesNotContain('\r', withoutCrlf);
        Assert.DoesNotContain('\n', withoutCrlf);
        return ics[..^2].Split("\r\n");
    }

    /// <summary>Every physical line is at most 75 octets and valid UTF-8 on its own (no fold inside a character).</summary>
    public static void AssertFoldedCorrectly(string ics)
    {
        var bytes = StrictUtf8.GetBytes(ics);
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                var line = bytes.AsSpan(start, i - start);
                Assert.True(line.Length <= 75, $"Physical line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");
                StrictUtf8.GetString(line); // throws when a fold split a multi-byte sequence
                start = i + 2;
            }
        }

        Assert.Equal(bytes.Length, start);
    }

    public static IReadOnlyList<IcsContentLine> Read(string ics)
    {
        Assert.True(IcsReader.TryReadAll(ics, out var lines), "Output must parse as content lines.");
        return lines;
    }

    /// <summary>The content lines between BEGIN:name and its END (first occurrence), nested components included.</summary>
    public static List<IcsContentLine> Component(IReadOnlyList<IcsContentLine> lines, string name, int occurrence = 0)
    {
        var begins = lines.Select((l, i) => (l, i)).Where(x => x.l.Name == "BEGIN" && x.l.Value == name).Select(x => x.i).ToList();
        var start = begins[occurrence];
        var end = Enumerable.Range(start, lines.Count - start).First(i => lines[i].Name == "END" && lines[i].Value == name);
        return lines.Skip(start + 1).Take(end - start - 1).ToList();
    }

    public static IcsContentLine Single(IEnumerable<IcsContentLine> lines, string name) => Assert.Single(lines, l => l.Name == name);
}
