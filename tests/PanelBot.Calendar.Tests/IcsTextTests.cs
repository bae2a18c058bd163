namespace PanelBot.Calendar.Tests;

public sealed class IcsTextTests
{
    [Theory]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb", @"a\nb")]    // CRLF is one line break
    [InlineData("a\rb", @"a\nb")]
    [InlineData("a:b", "a:b")]          // colons are never escaped
    [InlineData(@"\n", @"\\n")]         // a literal backslash-n stays literal
    [InlineData(@"Grüße, Webinar; \ 😀", @"Grüße\, Webinar\; \\ 😀")]
    public void Escape_SpecialCharacters_AreBackslashEscaped(string input, string expected)
    {
        Assert.Equal(expected, IcsText.Escape(input));
    }

    [Theory]
    [InlineData(@"a\\b\;c\,d\ne", "a\\b;c,d\ne")]
    [InlineData(@"upper\Ncase", "upper\ncase")]
    [InlineData(@"colon\:kept", "colon:kept")]   // not produced by us, but seen in the wild
    [InlineData(@"unknown\x", @"unknown\x")]
    [InlineData(@"trailing\", @"trailing\")]
    public void Unescape_LiberalInput_IsDecoded(string input, string expected)
    {
        Assert.Equal(expected, IcsText.Unescape(input));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a\\;b,c\nd\\\\")]
    [InlineData(@"\,\;\n")]
    public void Unescape_OfEscape_IsIdentity(string input)
    {
        Assert.Equal(input, IcsText.Unescape(IcsText.Escape(input)));
    }

    [Fact]
    public void SplitList_EscapedCommas_StayInsideOneValue()
    {
        Assert.Equal(["Webinar", "a,b", @"c\"], IcsText.SplitList(@"Webinar,a\,b,c\\"));
    }
}
