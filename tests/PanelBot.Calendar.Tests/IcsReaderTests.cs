namespace PanelBot.Calendar.Tests;

public sealed class IcsReaderTests
{
    [Fact]
    public void Unfold_MixedLineEndsAndFolds_JoinsContinuations()
    {
        var lines = IcsReader.Unfold("A:1\r\nB:2\n 3\r\n\t4\rC:5\r\n\r\n");

        Assert.Equal(["A:1", "B:234", "C:5"], lines);
    }

    [Fact]
    public void Unfold_Bom_IsIgnored()
    {
        Assert.Equal(["A:1"], IcsReader.Unfold("\uFEFFA:1\r\n"));
    }

    [Fact]
    public void TryParseLine_QuotedParameterWithColonAndSemicolon_IsNotSplit()
    {
        Assert.True(IcsReader.TryParseLine("attendee;CN=\"Doe; Jane: X\";role=CHAIR:MAILTO:jane@example.org", out var line));

        Assert.Equal("ATTENDEE", line.Name);
        Assert.Equal("Doe; Jane: X", line.GetParameter("cn"));
        Assert.Equal("CHAIR", line.GetParameter("ROLE"));
        Assert.Equal("MAILTO:jane@example.org", line.Value);
    }

    [Fact]
    public void TryParseLine_MultiValuedParameter_GivesOneParameterPerValue()
    {
        Assert.True(IcsReader.TryParseLine("ATTENDEE;DELEGATED-TO=\"mailto:a@x.org\",\"mailto:b@x.org\":mailto:c@x.org", out var line));

        Assert.Equal(["mailto:a@x.org", "mailto:b@x.org"], line.Parameters.Select(p => p.Value));
    }

    [Fact]
    public void TryParseLine_ValueKeepsColonsAndEscapes()
    {
        Assert.True(IcsReader.TryParseLine(@"DESCRIPTION:Join: https://x.example/a\, b\nline", out var line));

        Assert.Equal(@"Join: https://x.example/a\, b\nline", line.Value);
        Assert.Equal("Join: https://x.example/a, b\nline", line.TextValue);
    }

    [Theory]
    [InlineData("NOCOLON")]
    [InlineData(":novalue")]
    [InlineData("X;=a:b")]
    [InlineData("X;CN=\"unterminated:b")]
    [InlineData("X;CN=a\"b\":c")]
    [InlineData("X;CN:b")]
    [InlineData("BAD NAME:x")]
    public void TryParseLine_Malformed_ReturnsFalse(string text)
    {
        Assert.False(IcsReader.TryParseLine(text, out _));
    }
}
