using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PanelBot.Mail.Tests;

/// <summary>
/// Whatever users type as a subject or display name, the header block keeps exactly the header
/// names we meant to write, and reading it back gives the sanitised text.
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
        ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "X-Panel-Title", "Content-Type"];

    private static Arbitrary<string> HostileText(int maxFragments) =>
        Gen.Elements(Fragments).ListOf().Resize(maxFragments).Select(parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Subject_AnyText_NoExtraHeaderAndRoundTrips()
    {
        Prop.ForAll(HostileText(60), subject =>
        {
            var (_, read) = Compose(subject, "Ada", subject);
            AssertReadsBack(subject, read.Subject);
            AssertReadsBack(subject, read.Headers["X-Panel-Title"]);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DisplayName_AnyText_NoExtraHeaderAndRoundTrips()
    {
        Prop.ForAll(HostileText(40), name =>
        {
            var (_, read) = Compose("Hi", name, "x");
            var to = Assert.Single(read.To.Mailboxes);
            AssertReadsBack(name, to.Name);
            Assert.Equal("ada@example.org", to.Address);
            AssertReadsBack(name, Assert.Single(read.From.Mailboxes).Name);
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
        var (message, read) = Compose(subject, subject, subject);

        AssertReadsBack(subject, read.Subject);
        // RFC 5322 §2.1.1: 998 is the hard limit (78 is a SHOULD that MimeKit's encoded-words exceed by a few characters).
        Assert.All(message.RawHeaderBlock.Split("\r\n"), line => Assert.True(line.Length <= 998, $"header line of {line.Length}: {line}"));
        Assert.True(message.RawHeaderBlock.Split("\r\n").Length > 60, "a 5000-character subject is folded");
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

    /// <summary>
    /// The text comes back as sanitised, up to whitespace (MimeKit trims and folds it). Text that itself looks like an
    /// encoded-word ("=?UTF-8?B?QmNj?=") is written as it is, and a reader decodes it: that is RFC 2047 §5 at work, not
    /// an injection, so such text is only checked for the header set.
    /// </summary>
    private static void AssertReadsBack(string written, string? read)
    {
        var expected = HeaderText.Sanitize(written);
        if (expected.Contains("=?", StringComparison.Ordinal))
        {
            return;
        }

        static string Squeeze(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        Assert.Equal(Squeeze(expected), Squeeze(read));
    }

    /// <summary>The raw header block (our strict reader: which headers exist) and MimeKit's reading of the values.</summary>
    private static (ParsedEntity Raw, MimeKit.MimeMessage Read) Compose(string subject, string displayName, string headerValue)
    {
        var mail = new OutgoingMail
        {
            From = MailAddresses.Mailbox("events@panelbot.test", displayName),
            To = [MailAddresses.Mailbox("ada@example.org", displayName)],
            Subject = subject,
            TextBody = "body",
            Headers = [new MailHeader("X-Panel-Title", headerValue)],
            Date = Samples.Date,
        };
        var bytes = Samples.Write(mail);
        var message = MimeReader.Parse(bytes);
        Assert.Equal(ExpectedHeaders.Order(StringComparer.OrdinalIgnoreCase), message.Headers.Select(h => h.Name).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        return (message, MailFormat.Load(bytes));
    }
}
