namespace PanelBot.Mail.Tests.Addresses;

public sealed class DeliverableAddressTests
{
    [Theory]
    [InlineData("ann@example.org", "ann@example.org")]
    [InlineData("  Ann.Lee+panels@Example.org ", "Ann.Lee+panels@example.org")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("ann@münchen.de", "ann@xn--mnchen-3ya.de")]
    [InlineData("ann@xn--mnchen-3ya.de", "ann@xn--mnchen-3ya.de")]
    [InlineData("ann@bücher.example.org", "ann@xn--bcher-kva.example.org")]
    public void SendableAddresses_AreAcceptedInTheFormTheSmtpPathSends(string typed, string stored)
    {
        Assert.True(DeliverableAddress.TryNormalise(typed, out var address));
        Assert.Equal(stored, address, ignoreCase: true);
        Assert.True(MailAddresses.TryParseAddress(address, out _));
    }

    [Theory]
    [InlineData("ann@xn--zz.de")]           // not a valid A-label
    [InlineData("ü@example.org")]           // needs SMTPUTF8 (RFC 6531), which the SMTP path does not use
    [InlineData("Ann <ann@example.org>")]   // a display name is not an address
    [InlineData("ann@example.org, bob@example.org")]
    [InlineData("ann..lee@example.org")]
    [InlineData("ann@-example.org")]
    [InlineData("ann@exa mple.org")]
    [InlineData("(comment)ann@example.org")]
    [InlineData("\"ann lee\"@example.org")]
    [InlineData("ann@")]
    [InlineData("@example.org")]
    [InlineData("")]
    public void UnsendableAddresses_AreRefused(string typed)
    {
        Assert.False(DeliverableAddress.TryNormalise(typed, out _));
    }
}
