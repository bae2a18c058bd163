using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PanelBot.Mail.Tests;

/// <summary>
/// Whatever users type as a subject or display name, the header block keeps exactly the header
/// names we meant to write, and decoding gives back the sanitised text.
/// </summary>
public sealed class HeaderInjectionPropertyTests
{
    private static readonly string[] Fragments =
    [
        "a", "Panel", " ", "  ", ":", "Bcc: evil@example.org", "\r", "\n", "\r\n", "\r\n\r\n", "\t", "\0", "\u0007", "\u007F",
        "\u0085", "\u2028", "\u2029", "=?", "?=", "=?UTF-8?B?QmNj?=", "\"", "\\", "<", ">", ",", ";", "é", "ü", "e\u0301",
        "日本語", "🎉", "👩‍👩‍👧", "שלום", "مرحبا", "\u202E", "\u2066", "\uD800", "\uDC00", "\uFEFF", "\u00A0", ".", "From: x@y.z",
        new string('x', 90), "Subject: injected",
    ];

    private static readonly string[] ExpectedHeaders =
        ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "X-Panel-Title", "Content-Type", "Content-Transfer-Encoding"];

    private static Arbitrary<string> HostileText(int maxFragments) =>
        Gen.Elements(Fragments).ListOf().Resize(maxFragments).Select(parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Subject_AnyText_NoExtraHeaderAndRoundTrips()
    {
        Prop.ForAll(HostileText(60), subject =>
        {
            var message = Compose(subject, "Ada", subject);
            Assert.Equal(HeaderText.Sanitize(subject), HeaderDecoder.DecodeUnstructured(message.Header("Subject")!));
            Assert.Equal(HeaderText.Sanitize(subject), HeaderDecoder.DecodeUnstructured(message.Header("X-Panel-Title")!));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DisplayName_AnyText_NoExtraHeaderAndRoundTrips()
    {
        Prop.ForAll(HostileText(40), name =>
        {
            var message = Compose("Hi", name, "x");
            var (display, address) = HeaderDecoder.DecodeMailbox(message.Header("To")!);
            Assert.Equal(HeaderText.Sanitize(name), display);
            Assert.Equal("ada@example.org", address);
            Assert.Equal(HeaderText.Sanitize(name), HeaderDecoder.DecodeMailbox(message.Header("From")!).DisplayName);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData('x')]
    [InlineData('é')]
    [InlineData('\n')]
    public void Subject_5000Chars_FoldsAndRoundTrips(char filler)
    {
        var random = new Random(42);
        var subject = string.Concat(Enumerable.Range(0, 5000).Select(_ => random.Next(12) == 0 ? Fragments[random.Next(Fragments.Length)] : filler.ToString()))[..5000];
        var message = Compose(subject, subject, subject);

        Assert.Equal(HeaderText.Sanitize(subject), HeaderDecoder.DecodeUnstructured(message.Header("Subject")!));
        Assert.All(message.RawHeaderBlock.Split("\r\n"), line => Assert.True(line.Length <= 78, $"header line of {line.Length}: {line}"));
    }

    [Fact]
    public void Sanitize_Always_RemovesLineBreaksControlsAndBidiOverrides()
    {
        Prop.ForAll(HostileText(60), text =>
        {
            var clean = HeaderText.Sanitize(text);
            Assert.DoesNotContain(clean, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u2066');
            Assert.Equal(clean.Normalize(NormalizationForm.FormC), clean);
            Assert.False(clean.StartsWith(' ') || clean.EndsWith(' '));
        }).QuickCheckThrowOnFailure();
    }

    private static ParsedEntity Compose(string subject, string displayName, string headerValue)
    {
        var mail = new OutgoingMail
        {
            From = MailboxAddress.Parse("events@panelbot.test", displayName),
            To = [MailboxAddress.Parse("ada@example.org", displayName)],
            Subject = subject,
            TextBody = "body",
            Headers = [new MailHeader("X-Panel-Title", headerValue)],
            Date = Samples.Date,
        };
        var message = MimeReader.Parse(MimeWriter.Write(mail));
        Assert.Equal(ExpectedHeaders, message.Headers.Select(h => h.Name));
        return message;
    }
}
