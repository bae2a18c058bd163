using PanelBot.Domain.Commands;

namespace PanelBot.Domain.Tests.Commands;

public sealed class TokenizerTests
{
    [Fact]
    public void Tokenize_WordsAndQuotedValue_SplitsOnWhitespaceOutsideQuotes()
    {
        Assert.True(Tokenizer.TryTokenize("  speaker  #1 add \"Carlo Koos\"   presenter ", out var tokens, out _));
        Assert.Equal(["speaker", "#1", "add", "Carlo Koos", "presenter"], tokens.Select(t => t.Text));
        Assert.True(tokens[3].Quoted);
        Assert.False(tokens[4].Quoted);
    }

    [Fact]
    public void Tokenize_EscapedQuoteAndBackslash_AreUnescaped()
    {
        Assert.True(Tokenizer.TryTokenize(@"set #1 title ""Say \""hello\"" to C:\\temp""", out var tokens, out _));
        Assert.Equal(@"Say ""hello"" to C:\temp", tokens[3].Text);
    }

    [Fact]
    public void Tokenize_EmptyQuotedValue_IsAnEmptyToken()
    {
        Assert.True(Tokenizer.TryTokenize("set #1 summary \"\"", out var tokens, out _));
        Assert.Equal("", tokens[3].Text);
        Assert.True(tokens[3].Quoted);
    }

    [Fact]
    public void Tokenize_TypographicQuotes_AreQuotes()
    {
        Assert.True(Tokenizer.TryTokenize("speaker #1 add \u201CCarlo Koos\u201D presenter", out var tokens, out _));
        Assert.Equal("Carlo Koos", tokens[3].Text);
    }

    [Fact]
    public void Tokenize_UnterminatedQuote_IsAnErrorThatSaysHowToFixIt()
    {
        Assert.False(Tokenizer.TryTokenize("new webinar \"Peace operations 2026-09-09", out _, out var error));
        Assert.Contains("not closed", error.Message);
        Assert.Contains("closing \"", error.Message);
    }

    [Fact]
    public void Tokenize_EscapedClosingQuoteOnly_IsStillUnterminated()
    {
        Assert.False(Tokenizer.TryTokenize(@"set #1 title ""abc\""", out _, out var error));
        Assert.Contains("not closed", error.Message);
    }
}
