using System.Text;
using MimeKit;

namespace PanelBot.Mail.Tests;

/// <summary>
/// The outbox's stored bytes handed to MailKit without a MIME parse: written back byte for byte, and only for messages
/// MailKit would not change; the others take the full parse (see the SMTP tests for both over the wire).
/// </summary>
public sealed class StoredMessageTests
{
    [Fact]
    public void Invitation_WritesBackTheStoredBytes_AndReportsTheBodyWriteOnlyWhenWritten()
    {
        var stored = Samples.Write(Samples.Invitation());
        var bodyWrites = 0;

        using var loader = new StoredMessage();
        var message = loader.TryLoad(stored, () => bodyWrites++);

        Assert.NotNull(message);
        Assert.Equal(0, bodyWrites);
        Assert.Equal(stored.Length, StoredMessage.Size(message));
        Assert.Equal(Encoding.ASCII.GetString(stored), Encoding.ASCII.GetString(Written(message)));
        Assert.Equal(1, bodyWrites);
        Assert.Equal("Invitation: Café panel", message.Subject);
    }

    [Fact]
    public void SignedInvitation_KeepsItsSignatureHeaderForMailKit()
    {
        var stored = Encoding.ASCII.GetBytes(
            "DKIM-Signature: v=1; a=rsa-sha256; d=panelbot.test; s=pb2026;\r\n\tc=relaxed/relaxed; h=From:To; bh=abc=; b=def=\r\n" +
            Encoding.ASCII.GetString(Samples.Write(Samples.Invitation())));

        using var loader = new StoredMessage();
        var message = loader.TryLoad(stored, () => { });

        Assert.NotNull(message);
        Assert.True(message.Headers.Contains(HeaderId.DkimSignature));
        Assert.Equal(Encoding.ASCII.GetString(stored), Encoding.ASCII.GetString(Written(message)));
    }

    [Fact]
    public void OneLoaderForManyMessages_WritesEachMessageAlone_AndForgetsOneThatTookTheFullParse()
    {
        var first = Samples.Write(Samples.Invitation());
        var second = Encoding.ASCII.GetBytes("Subject: second\r\nTo: bob@example.org\r\nMessage-ID: <2@panelbot.test>\r\n\r\nbody two\r\n");
        using var loader = new StoredMessage();

        var one = loader.TryLoad(first, () => { });
        Assert.NotNull(one);
        Assert.Equal(Encoding.ASCII.GetString(first), Encoding.ASCII.GetString(Written(one)));
        Assert.Equal("ada@example.org", Assert.Single(one.To.Mailboxes).Address);
        var two = loader.TryLoad(second, () => { });
        Assert.NotNull(two);
        Assert.Equal(Encoding.ASCII.GetString(second), Encoding.ASCII.GetString(Written(two)));
        Assert.Equal("second", two.Subject);
        Assert.Equal("bob@example.org", Assert.Single(two.To.Mailboxes).Address);
        Assert.Equal("2@panelbot.test", two.MessageId);

        Assert.Null(loader.TryLoad(Encoding.ASCII.GetBytes("Subject: x\r\nnot a field\r\n\r\nbody\r\n"), () => { }));
        Assert.Empty(two.Headers);
        Assert.Null(StoredMessage.Size(two));
    }

    [Fact]
    public void LastLineWithoutCrlf_GetsOne_AsTheFullParseGives()
    {
        var stored = Encoding.ASCII.GetBytes("Subject: dots\r\nMessage-ID: <d@panelbot.test>\r\n\r\n.\r\n..\r\nlast");

        using var loader = new StoredMessage();
        var message = loader.TryLoad(stored, () => { });

        Assert.NotNull(message);
        Assert.Equal(Encoding.ASCII.GetString(stored) + "\r\n", Encoding.ASCII.GetString(Written(message)));
    }

    [Theory]
    [InlineData("Subject: x\r\n\r\ncaf\u00e9\r\n")]
    [InlineData("Subject: x\r\nContent-Transfer-Encoding: 8bit\r\n\r\nplain\r\n")]
    [InlineData("Subject: x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: BINARY\r\n\r\nplain\r\n")]
    [InlineData("Subject: x\r\ncontent-transfer-encoding:\r\n\t8BIT\r\n\r\nfolded\r\n")]
    [InlineData("Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding : 8bit\r\n\r\npart\r\n--b--\r\n")]
    [InlineData("Subject: x\r\n\r\nbare\nline feed\r\n")]
    [InlineData("Subject: x\r\n\r\nbare carriage return at the end\r")]
    [InlineData("Subject: x\r\n\r\nbare\rcarriage return\r\n")]
    [InlineData("Subject: x\r\n\r\nFrom the organiser\r\n")]
    [InlineData("Subject: x\r\n\r\nnul\0\r\n")]
    [InlineData("Subject: x\r\nno body separator\r\n")]
    [InlineData("not a header\r\n\r\nbody\r\n")]
    public void MessagesMailKitWouldChangeOrFlag_TakeTheFullParse(string text)
    {
        using var loader = new StoredMessage();
        Assert.Null(loader.TryLoad(Encoding.UTF8.GetBytes(text), () => { }));
    }

    [Fact]
    public void EightBitOrBinaryInTheText_IsNoDeclaration_AndKeepsTheStoredPath()
    {
        var stored = Encoding.ASCII.GetBytes(
            "Subject: 8bit and binary\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 7bit\r\nX-Note: binary\r\n\r\n" +
            "This text talks about 8bit and binary encodings.\r\n");

        using var loader = new StoredMessage();
        var message = loader.TryLoad(stored, () => { });

        Assert.NotNull(message);
        Assert.Equal(Encoding.ASCII.GetString(stored), Encoding.ASCII.GetString(Written(message)));
    }

    [Fact]
    public void LineLongerThan998Octets_TakesTheFullParse()
    {
        var text = "Subject: x\r\n\r\n" + new string('a', 999) + "\r\n";

        using var loader = new StoredMessage();
        Assert.Null(loader.TryLoad(Encoding.ASCII.GetBytes(text), () => { }));
        Assert.NotNull(loader.TryLoad(Encoding.ASCII.GetBytes(text.Remove(14, 1)), () => { }));
    }

    private static byte[] Written(MimeMessage message)
    {
        using var output = new MemoryStream();
        message.WriteTo(MailFormat.Wire, output);
        return output.ToArray();
    }
}
