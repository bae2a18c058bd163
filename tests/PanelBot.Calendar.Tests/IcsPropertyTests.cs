using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using PanelBot.Calendar.Tests.TestSupport;

namespace PanelBot.Calendar.Tests;

/// <summary>
/// Hostile titles, names and descriptions never break the object: there is always exactly one VEVENT with the expected
/// property set, every physical line is at most 75 octets of valid UTF-8, and the unfolded, unescaped fields equal the
/// sanitised input (<see cref="IcsSanitizer"/> documents what is removed or normalised).
/// </summary>
public sealed class IcsPropertyTests
{
    private static readonly string[] Fragments =
    [
        "a", "Webinar", " ", "  ", "\t", "\r", "\n", "\r\n", ",", ";", "\\", ":", "\"", "'", "^'", "\\n", "\\,",
        "😀", "👩‍👩‍👧", "🇳🇴", "שלום", "مرحبا بكم", "\u200F", "\u202E", "\u2066", "\u2028", "\u2029", "\u0085",
        "\u0000", "\u0007", "\u001B", "\u007F", "\u009B", "e\u0301", "ü", "€", "日本語", "Ω", "\uD800", "\uDC00", "\uFEFF",
        "END:VEVENT", "\r\nATTENDEE:mailto:evil@example.com", "BEGIN:VALARM", "=", "mailto:x@y.z",
    ];

    private static readonly Gen<string> Fragment = Gen.Elements(Fragments);

    private static readonly Gen<string> AnyUtf16 = Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString());

    private static readonly Gen<string> Mixed =
        Gen.Frequency((4, Fragment), (1, AnyUtf16)).ListOf().Select(string.Concat);

    // 5,000 characters exactly (a cut may leave half a surrogate pair, which the sanitiser must drop).
    private static readonly Gen<string> Long =
        Gen.Frequency((4, Fragment), (1, AnyUtf16)).ArrayOf(2_500).Select(parts =>
        {
            var text = string.Concat(parts);
            while (text.Length < 5_000)
            {
                text += text;
            }

            return text[..5_000];
        });

    private static readonly Gen<string> Text = Gen.Frequency((6, Mixed), (1, Long));

    private static readonly string[] ExpectedEventProperties =
    [
        "UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "ORGANIZER", "ATTENDEE",
        "CATEGORIES", "STATUS", "TRANSP", "CLASS", "X-MICROSOFT-CDO-BUSYSTATUS", "X-MICROSOFT-DISALLOW-COUNTER",
    ];

    private sealed record Input(string Summary, string Description, string Location, string OrganizerName, string AttendeeName, string Category, bool Zoned);

    private static readonly Gen<Input> Inputs =
        from summary in Text
        from description in Text
        from location in Text
        from organizerName in Text
        from attendeeName in Text
        from category in Text
        from zoned in Gen.Elements(true, false)
        select new Input(summary, description, location, organizerName, attendeeName, category, zoned);

    [Fact]
    public void Write_HostileText_OneValidVeventWithSanitisedFields()
    {
        Prop.ForAll(Inputs.ToArbitrary(), CheckOneEvent).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Fold_AnyText_LinesAtMost75OctetsAndUnfoldsToTheLine()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var value = IcsText.Escape(IcsSanitizer.MultiLine(text));
            var written = new ContentLineWriter().WriteLine("X-TEXT", value).ToString();
            Ics.AssertFoldedCorrectly(written);
            Assert.Equal("X-TEXT:" + value, Assert.Single(IcsReader.Unfold(written)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Escape_AnySanitisedText_UnescapesToItself()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var sanitised = IcsSanitizer.MultiLine(text);
            Assert.Equal(sanitised, IcsText.Unescape(IcsText.Escape(sanitised)));
            Assert.DoesNotContain(sanitised.EnumerateRunes(), r => (r.Value != '\n' && IcsSanitizer.IsRemoved(r)) || r.Value is '\r' or '\u0085' or '\u2028' or '\u2029');
            new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(sanitised); // throws on unpaired surrogates
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static void CheckOneEvent(Input input)
    {
        var start = Instant.FromUtc(2027, 7, 1, 16, 0);
        var calendarEvent = new CalendarEvent
        {
            Uid = "prop-test@panelbot.example",
            Summary = input.Summary,
            Description = input.Description,
            Location = input.Location,
            Start = start,
            End = start + Duration.FromHours(1),
            Zone = input.Zoned ? Ics.Zone("Europe/Oslo") : null,
            Organizer = new CalendarAddress("events@panelbot.example", input.OrganizerName),
            Attendees = [new CalendarAttendee("ann@example.org", input.AttendeeName)],
            Categories = ["Webinar", input.Category],
        };

        var ics = new CalendarWriter().Write(CalendarMethod.Request, [calendarEvent], Ics.DtStamp);

        Ics.PhysicalLines(ics);
        Ics.AssertFoldedCorrectly(ics);
        var lines = Ics.Read(ics);
        Assert.Single(lines, l => l.Name == "BEGIN" && l.Value == "VEVENT");
        Assert.Single(lines, l => l.Name == "END" && l.Value == "VEVENT");
        Assert.Equal(lines.Count(l => l.Name == "BEGIN"), lines.Count(l => l.Name == "END"));
        var vevent = Ics.Component(lines, "VEVENT");
        Assert.Equal(ExpectedEventProperties, vevent.Select(l => l.Name));

        Assert.Equal(IcsSanitizer.SingleLine(input.Summary), Ics.Single(vevent, "SUMMARY").TextValue);
        Assert.Equal(IcsSanitizer.MultiLine(input.Description), Ics.Single(vevent, "DESCRIPTION").TextValue);
        Assert.Equal(IcsSanitizer.SingleLine(input.Location), Ics.Single(vevent, "LOCATION").TextValue);
        Assert.Equal(ExpectedName(input.OrganizerName), Ics.Single(vevent, "ORGANIZER").GetParameter("CN"));
        Assert.Equal("mailto:events@panelbot.example", Ics.Single(vevent, "ORGANIZER").Value);
        var attendee = Ics.Single(vevent, "ATTENDEE");
        Assert.Equal(ExpectedName(input.AttendeeName), attendee.GetParameter("CN"));
        Assert.Equal("mailto:ann@example.org", attendee.Value);
        Assert.Equal(
            new[] { "Webinar", IcsSanitizer.SingleLine(input.Category) }.Where(c => c.Length > 0),
            IcsText.SplitList(Ics.Single(vevent, "CATEGORIES").Value));
    }

    private static string? ExpectedName(string name)
    {
        var sanitised = IcsSanitizer.ParameterValue(name);
        return string.IsNullOrWhiteSpace(sanitised) ? null : sanitised;
    }
}
