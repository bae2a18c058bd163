using System.Text;
using PanelBot.Calendar.Tests.TestSupport;

namespace PanelBot.Calendar.Tests;

public sealed class ContentLineWriterTests
{
    private static int Octets(string s) => Encoding.UTF8.GetByteCount(s);

    [Fact]
    public void Fold_Exactly75Octets_StaysOnOneLine()
    {
        var line = "SUMMARY:" + new string('a', 75 - 8);

        Assert.Equal(line, ContentLineWriter.Fold(line));
    }

    [Fact]
    public void Fold_76Octets_FoldsAfter75WithCrlfSpace()
    {
        var line = "SUMMARY:" + new string('a', 76 - 8);

        var folded = ContentLineWriter.Fold(line);

        var parts = folded.Split("\r\n");
        Assert.Equal(2, parts.Length);
        Assert.Equal(75, Octets(parts[0]));
        Assert.Equal(" a", parts[1]);
    }

    [Fact]
    public void Fold_ContinuationLines_CountTheLeadingSpace()
    {
        var folded = ContentLineWriter.Fold("X:" + new string('b', 300));

        var parts = folded.Split("\r\n");
        Assert.All(parts, p => Assert.True(Octets(p) <= 75));
        Assert.All(parts.Skip(1).SkipLast(1), p => Assert.Equal(75, Octets(p)));
        Assert.All(parts.Skip(1), p => Assert.StartsWith(" ", p));
    }

    [Theory]
    [InlineData("ü", 2)]  // two-byte sequence straddling octet 75
    [InlineData("€", 3)]  // three bytes
    [InlineData("😀", 4)] // four bytes, a surrogate pair in UTF-16
    public void Fold_MultiByteCharacterAtBoundary_MovesWholeCharacterToNextLine(string character, int size)
    {
        // 74 ASCII octets, then a character that would need octets 75..(74+size).
        var line = "SUMMARY:" + new string('a', 74 - 8) + character + "z";

        var parts = ContentLineWriter.Fold(line).Split("\r\n");

        Assert.Equal(74, Octets(parts[0]));
        Assert.Equal(" " + character + "z", parts[1]);
        Assert.Equal(size, Octets(character));
    }

    [Fact]
    public void Fold_MultiByteCharacterEndingExactlyAtOctet75_IsNotFolded()
    {
        var line = "SUMMARY:" + new string('a', 71 - 8) + "😀";

        Assert.Equal(line, ContentLineWriter.Fold(line));
        Assert.Equal(75, Octets(line));
    }

    [Fact]
    public void Fold_LongEmojiText_EveryPhysicalLineIsValidUtf8AndUnfoldsToInput()
    {
        var value = string.Concat(Enumerable.Repeat("👩‍👩‍👧 שלום ü€", 60));
        var text = new ContentLineWriter().WriteLine("SUMMARY", value).ToString();

        Ics.AssertFoldedCorrectly(text);
        Assert.Equal("SUMMARY:" + value, Assert.Single(IcsReader.Unfold(text)));
    }

    [Fact]
    public void WriteLine_EveryLineEndsWithCrlf()
    {
        var text = new ContentLineWriter().WriteLine("BEGIN", "VCALENDAR").WriteLine("END", "VCALENDAR").ToString();

        Assert.Equal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", text);
    }

    [Fact]
    public void WriteLine_Parameters_AreJoinedAndQuotedWhenNeeded()
    {
        var text = new ContentLineWriter()
            .WriteLine("ORGANIZER", [new IcsParameter("cn", "Doe, Jane"), new IcsParameter("ROLE", "CHAIR")], "mailto:j@example.org")
            .ToString();

        Assert.Equal("ORGANIZER;CN=\"Doe, Jane\";ROLE=CHAIR:mailto:j@example.org\r\n", text);
    }

    [Theory]
    [InlineData("a\nATTENDEE:mailto:evil@example.com")]
    [InlineData("a\rb")]
    [InlineData("a\u0000b")]
    public void WriteLine_RawControlInValue_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => new ContentLineWriter().WriteLine("SUMMARY", value));
    }

    [Fact]
    public void WriteLine_UnpairedSurrogate_Throws()
    {
        // Not an [InlineData]: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        Assert.Throws<ArgumentException>(() => new ContentLineWriter().WriteLine("SUMMARY", "a\uD800b"));
        Assert.Throws<ArgumentException>(() => new ContentLineWriter().WriteLine("SUMMARY", "a\uDC00"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("SUMMARY:X")]
    [InlineData("SUM MARY")]
    public void WriteLine_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new ContentLineWriter().WriteLine(name, "x"));
    }
}
