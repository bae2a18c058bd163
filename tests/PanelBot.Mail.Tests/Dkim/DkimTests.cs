using System.Text;

namespace PanelBot.Mail.Tests;

/// <summary>MimeKit's DKIM signatures, checked by dkimpy: as stored, and as they arrive after SMTP through MailKit.</summary>
public sealed class DkimTests
{
    [DkimFact]
    public void SignedInvitation_VerifiesIndependently_AndATamperedCopyDoesNot()
    {
        using var verifier = new DkimVerifier();
        var signer = MessageSigner.FromPemFile(verifier.KeyPath, "panelbot.test", "pb2026");

        var envelope = MailEnvelope.Create(MailComposer.Compose(Samples.Invitation()), signer);
        var text = Encoding.ASCII.GetString(envelope.Mime.Span);

        Assert.StartsWith("DKIM-Signature:", text);
        Assert.Contains("c=relaxed/relaxed", text);
        Assert.Contains("d=panelbot.test", text);
        Assert.Contains("s=pb2026", text);
        Assert.True(verifier.Verifies(envelope.Mime.Span));
        Assert.False(verifier.Verifies(Encoding.ASCII.GetBytes(text.Replace("Subject: Invitation:", "Subject: Invitatio:"))));
    }

    [DkimFact]
    public async Task SignedMessage_SentThroughSmtp_ArrivesByteForByteAndStillVerifies()
    {
        if (SmtpSink.Unavailable is not null && Environment.GetEnvironmentVariable("CI") is null)
        {
            return; // the SMTP half needs aiosmtpd; the signature itself is covered above
        }

        using var verifier = new DkimVerifier();
        var signer = MessageSigner.FromPemFile(verifier.KeyPath, "panelbot.test", "pb2026");
        await using var sink = await SmtpSink.StartAsync("--pipelining");
        await using var transport = new SmtpTransport(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None });
        var envelope = MailEnvelope.Create(MailComposer.Compose(Samples.Invitation()), signer);

        await transport.SendAsync(envelope);
        var received = Assert.Single(await sink.WaitForMessagesAsync(1));

        Assert.Equal(envelope.Mime.ToArray(), received.Content);
        Assert.True(verifier.Verifies(received.Content));
    }
}
