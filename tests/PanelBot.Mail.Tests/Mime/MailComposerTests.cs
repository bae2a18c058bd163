using System.Text;

namespace PanelBot.Mail.Tests;

public sealed class MailComposerTests
{
    [Fact]
    public void Invitation_Always_HasTheCalConnectTree()
    {
        var message = MimeReader.Parse(Samples.Write(Samples.Invitation()));

        Assert.Equal("multipart/mixed", message.MediaType);
        Assert.Equal(2, message.Children.Count);
        var alternative = message.Children[0];
        Assert.Equal("multipart/alternative", alternative.MediaType);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Children.Select(c => c.MediaType));
        Assert.All(alternative.Children, part => Assert.Null(part.Header("Content-Disposition")));

        var calendar = alternative.Children[2];
        Assert.Equal("UTF-8", calendar.Parameter("Content-Type", "charset"));
        Assert.Equal("REQUEST", calendar.Parameter("Content-Type", "method"));
        Assert.Equal("base64", calendar.Header("Content-Transfer-Encoding"));
        Assert.Equal(Encoding.UTF8.GetBytes(Samples.Ics), calendar.Body);

        var attachment = message.Children[1];
        Assert.Equal("application/ics", attachment.MediaType);
        Assert.Equal("invite.ics", attachment.Parameter("Content-Type", "name"));
        Assert.StartsWith("attachment;", attachment.Header("Content-Disposition"));
        Assert.Equal("invite.ics", attachment.Parameter("Content-Disposition", "filename"));
        Assert.Equal("base64", attachment.Header("Content-Transfer-Encoding"));
        Assert.Equal(Encoding.UTF8.GetBytes(Samples.Ics), attachment.Body);
    }

    [Fact]
    public void Invitation_Always_HasTopLevelHeadersInOrder()
    {
        var message = MimeReader.Parse(Samples.Write(Samples.Invitation() with { MessageId = "abc@panelbot.test" }));

        Assert.Equal(
            ["Auto-Submitted", "Content-Class", "Content-Type", "Date", "From", "Message-ID", "MIME-Version", "Subject", "To"],
            message.Headers.Select(h => h.Name).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Sat, 21 Nov 2026 23:43:29 +0100", message.Header("Date"));
        Assert.Equal("<abc@panelbot.test>", message.Header("Message-ID"));
        Assert.Equal("1.0", message.Header("MIME-Version"));
        Assert.Equal("urn:content-classes:calendarmessage", message.Header("Content-Class"));
        Assert.Equal(("PanelBot Events", "events@panelbot.test"), HeaderDecoder.DecodeMailbox(message.Header("From")!));
        Assert.Equal(("Ada Lovelace", "ada@example.org"), HeaderDecoder.DecodeMailbox(message.Header("To")!));
        Assert.Equal("Invitation: Café panel", HeaderDecoder.DecodeUnstructured(message.Header("Subject")!));
    }

    [Fact]
    public void Date_NegativeOffset_IsRfc5322()
    {
        var message = MimeReader.Parse(Samples.Write(Samples.Plain("ada@example.org") with { Date = new DateTimeOffset(2026, 3, 2, 7, 5, 9, TimeSpan.FromMinutes(-210)) }));

        Assert.Equal("Mon, 02 Mar 2026 07:05:09 -0330", message.Header("Date"));
    }

    [Fact]
    public void MessageId_NotGiven_IsGuidAtFromDomainAndReturned()
    {
        var composed = MailEnvelope.Create(Samples.Invitation());
        var message = MimeReader.Parse(composed.Mime.ToArray());

        Assert.Matches("^[0-9A-Za-z.]+@panelbot\\.test$", composed.MessageId);
        Assert.Equal($"<{composed.MessageId}>", message.Header("Message-ID"));
    }

    [Theory]
    [InlineData("CANCEL")]
    [InlineData("cancel")]
    public void CalendarMethod_AnyCase_IsWrittenUppercaseAndMatchesIcs(string method)
    {
        var ics = Samples.Ics.Replace("METHOD:REQUEST", "METHOD:CANCEL");
        var message = MimeReader.Parse(Samples.Write(Samples.Invitation(method, ics)));

        var calendar = message.Children[0].Children[2];
        Assert.Equal("text/calendar; charset=UTF-8; method=CANCEL", calendar.Header("Content-Type"));
        Assert.Contains("\r\nMETHOD:CANCEL\r\n", calendar.BodyText);
    }

    [Fact]
    public void CalendarMethod_DifferentFromIcsMethod_Throws()
    {
        Assert.Throws<ArgumentException>(() => Samples.Write(Samples.Invitation("CANCEL")));
    }

    [Fact]
    public void Calendar_IcsWithBomAndBareLf_IsSentWithoutBomWithCrlf()
    {
        var ics = "\uFEFF" + Samples.Ics.Replace("\r\n", "\n");
        var message = MimeReader.Parse(Samples.Write(Samples.Invitation(ics: ics)));

        foreach (var part in new[] { message.Children[0].Children[2], message.Children[1] })
        {
            Assert.False(part.Body.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "BOM");
            Assert.Equal(Encoding.UTF8.GetBytes(Samples.Ics), part.Body);
        }
    }

    [Fact]
    public void TextOnly_NoCalendarNoAttachments_IsSingleTextPart()
    {
        var message = MimeReader.Parse(Samples.Write(Samples.Plain("ada@example.org", "Hi\nthere")));

        Assert.Equal("text/plain", message.MediaType);
        Assert.Empty(message.Children);
        Assert.Equal("Hi\r\nthere", message.BodyText.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void TextAndHtml_NoCalendar_IsAlternativeWithoutMixed()
    {
        var mail = Samples.Invitation() with { Calendar = null };
        var message = MimeReader.Parse(Samples.Write(mail));

        Assert.Equal("multipart/alternative", message.MediaType);
        Assert.Equal(["text/plain", "text/html"], message.Children.Select(c => c.MediaType));
    }

    [Fact]
    public void Calendar_NotAttachedAsFile_IsAlternativeOnly()
    {
        var mail = Samples.Invitation() with { Calendar = new CalendarPart("REQUEST", Samples.Ics, AttachAsFile: false) };
        var message = MimeReader.Parse(Samples.Write(mail));

        Assert.Equal("multipart/alternative", message.MediaType);
        Assert.Equal(3, message.Children.Count);
    }

    [Fact]
    public void Attachments_BinaryAndNonAsciiName_RoundTrip()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var mail = Samples.Plain("ada@example.org") with
        {
            Attachments = [new MailAttachment("Programm Über.pdf", "application/pdf", bytes)],
        };
        var message = MimeReader.Parse(Samples.Write(mail));

        Assert.Equal("multipart/mixed", message.MediaType);
        var attachment = message.Children[1];
        Assert.Equal(bytes, attachment.Body);
        // RFC 2231: MimeKit picks the narrowest charset that holds the name.
        Assert.Matches("filename\\*=(?i:iso-8859-1''Programm%20%DCber\\.pdf|utf-8''Programm%20%C3%9Cber\\.pdf)", attachment.Header("Content-Disposition"));
    }

    [Fact]
    public void Boundaries_TwoMessages_AreDifferentAndNotInBodies()
    {
        var first = MimeReader.Parse(Samples.Write(Samples.Invitation()));
        var second = MimeReader.Parse(Samples.Write(Samples.Invitation()));

        var boundaries = new[] { first, second }
            .SelectMany(m => new[] { m, m.Children[0] })
            .Select(e => e.Parameter("Content-Type", "boundary"))
            .ToList();
        Assert.Equal(4, boundaries.Distinct().Count());
        Assert.All(boundaries, b => Assert.True(b!.Length >= 20));
    }

    [Theory]
    [InlineData("plain ascii text\r\nsecond line")]
    [InlineData(".starts with a dot\r\n.\r\n..\r\nend")]
    [InlineData("trailing spaces   \r\ntab\t\r\nequals = sign =3D")]
    [InlineData("Grüße aus Köln – ünïcødé 🎉 and a very long line that goes on and on and on and on and on and on and on and on and on and on and on and on")]
    [InlineData("שלום עולם مرحبا بالعالم")]
    public void TextBody_AnyContent_RoundTripsExactly(string text)
    {
        var mail = Samples.Plain("ada@example.org", text) with { HtmlBody = "<p>" + text + "</p>" };
        var message = MimeReader.Parse(Samples.Write(mail));

        Assert.Equal(text, message.Children[0].BodyText);
        Assert.Equal("<p>" + text + "</p>", message.Children[1].BodyText);
        Assert.Equal("utf-8", message.Children[0].Parameter("Content-Type", "charset"));
    }

    [Fact]
    public void TextBody_LongLinesAndLeadingDots_NoWireLineStartsWithDotOrExceeds76()
    {
        var text = string.Join("\n", Enumerable.Range(0, 50).Select(i => "." + new string('x', i * 13)));
        var bytes = Samples.Write(Samples.Plain("ada@example.org", text));
        var body = Encoding.ASCII.GetString(bytes).Split("\r\n\r\n", 2)[1];

        Assert.All(body.Split("\r\n"), line =>
        {
            Assert.True(line.Length <= 76);
            Assert.False(line.StartsWith('.'));
        });
        Assert.Equal(text.Replace("\n", "\r\n"), MimeReader.Parse(bytes).BodyText);
    }

    [Theory]
    [InlineData("Date")]
    [InlineData("bcc")]
    [InlineData("X-Bad Name")]
    [InlineData("X-Bad:Name")]
    [InlineData("X-Evil\r\nBcc")]
    public void ExtraHeader_ReservedOrInvalidName_Throws(string name)
    {
        var mail = Samples.Plain("ada@example.org") with { Headers = [new MailHeader(name, "x")] };

        Assert.Throws<ArgumentException>(() => Samples.Write(mail));
    }

    [Fact]
    public void ExtraHeader_ValueWithNewline_StaysOneHeader()
    {
        var mail = Samples.Plain("ada@example.org") with { Headers = [new MailHeader("X-Panel", "a\r\nBcc: evil@example.org")] };
        var message = MimeReader.Parse(Samples.Write(mail));

        Assert.Null(message.Header("Bcc"));
        Assert.Equal("a Bcc: evil@example.org", HeaderDecoder.DecodeUnstructured(message.Header("X-Panel")!));
    }

    [Theory]
    [InlineData("has space@example.org")]
    [InlineData("x\r\n@example.org")]
    public void MessageId_Invalid_Throws(string id)
    {
        Assert.Throws<ArgumentException>(() => Samples.Write(Samples.Plain("ada@example.org") with { MessageId = id }));
    }
}
