namespace PanelBot.Calendar.Tests;

public sealed class IcsSanitizerTests
{
    [Theory]
    [InlineData("a\r\nb", "a b")]        // CRLF is one break, one space
    [InlineData("a\rb\nc", "a b c")]
    [InlineData("a\u0085b\u2028c\u2029d", "a b c d")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("bell\u0007 del\u007F c1\u009B", "bell del c1")]
    [InlineData("override\u202Eabc\u2066x\u2069", "overrideabcx")]
    [InlineData("RTL שלום مرحبا \u200F", "RTL שלום مرحبا \u200F")]
    [InlineData("e\u0301", "é")]         // NFC
    [InlineData("quote \"kept\"", "quote \"kept\"")]
    public void SingleLine_RemovesOrMapsExactlyTheDocumentedCharacters(string input, string expected)
    {
        Assert.Equal(expected, IcsSanitizer.SingleLine(input));
    }

    [Fact]
    public void SingleLine_UnpairedSurrogates_AreRemovedAndPairsKept()
    {
        // Built in code: attribute strings cannot carry lone surrogates.
        Assert.Equal("lone low pair😀", IcsSanitizer.SingleLine("lone\uD800 low\uDC00 pair\uD83D\uDE00"));
    }

    [Fact]
    public void SingleLine_Noncharacters_AreRemoved()
    {
        // U+FFFE made .NET's NFC normalisation throw before it was removed.
        Assert.Equal("abcd", IcsSanitizer.SingleLine("a\uFFFEb\uFDD0c\uD83F\uDFFFd"));
    }

    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("a\u0085b\u2028c\u2029d", "a\nb\nc\nd")]
    [InlineData("x\u0000y", "xy")]
    public void MultiLine_LineBreaksBecomeLf(string input, string expected)
    {
        Assert.Equal(expected, IcsSanitizer.MultiLine(input));
    }

    [Fact]
    public void ParameterValue_RemovesDquoteAndBreaks()
    {
        Assert.Equal("O'Brien; Bob ATTENDEE:x", IcsSanitizer.ParameterValue("O'Brien; \"Bob\"\nATTENDEE:x"));
    }
}
