namespace PanelBot.Mail.Tests;

public sealed class MailAddressesTests
{
    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("first.last+tag@sub.example-domain.co")]
    [InlineData("o'brien@example.org")]
    [InlineData("x@localhost")]
    public void TryParse_ValidMailbox_Accepts(string value)
    {
        Assert.True(MailAddresses.TryParseAddress(value, out var address));
        Assert.Equal(value, address.Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("@example.org")]
    [InlineData("ada@")]
    [InlineData("a@b@example.org")]
    [InlineData("ada lovelace@example.org")]
    [InlineData("ada@example.org\r\nRCPT TO:<evil@example.org>")]
    [InlineData("ada\n@example.org")]
    [InlineData("<ada@example.org>")]
    [InlineData("\"ada\"@example.org")]
    [InlineData(".ada@example.org")]
    [InlineData("ada..l@example.org")]
    [InlineData("ada@-example.org")]
    [InlineData("ada@example..org")]
    [InlineData("adä@example.org")]
    [InlineData("ada@exam_ple.org")]
    public void TryParse_InvalidMailbox_Rejects(string value)
    {
        Assert.False(MailAddresses.TryParseAddress(value, out _));
    }

    [Fact]
    public void TryParse_Over254Chars_Rejects()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 4));
        Assert.False(MailAddresses.TryParseAddress(new string('a', 20) + "@" + domain, out _));
        Assert.False(MailAddresses.TryParseAddress(new string('a', 65) + "@example.org", out _));
    }
}
