using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// The SMTP envelope plus the finished message bytes. <paramref name="Sender"/> is the MAIL FROM
/// (bounce) address; <paramref name="Recipients"/> are the RCPT TO addresses.
/// </summary>
public sealed record MailEnvelope(MailboxAddress Sender, IReadOnlyList<MailboxAddress> Recipients, string MessageId, ReadOnlyMemory<byte> Mime)
{
    /// <summary>Composes <paramref name="mail"/> once; envelope sender and recipients come from From and To.</summary>
    public static MailEnvelope Create(OutgoingMail mail) => Create(MailComposer.Compose(mail));

    /// <summary>
    /// The message's bytes (<see cref="MailFormat.Wire"/>), DKIM-signed when a <paramref name="signer"/> is given;
    /// envelope sender and recipients from From and To (plus Cc and Bcc).
    /// </summary>
    public static MailEnvelope Create(MimeMessage message, MessageSigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.From.Mailboxes.FirstOrDefault() ?? throw new ArgumentException("The message has no From.", nameof(message));
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes)
            .Select(m => new MailboxAddress("", m.Address)).ToArray();
        if (recipients.Length == 0)
        {
            throw new ArgumentException("The message has no recipients.", nameof(message));
        }

        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(sender.Domain);
        }

        signer?.Sign(message);

        return new MailEnvelope(new MailboxAddress("", sender.Address), recipients, message.MessageId, MailFormat.ToBytes(message));
    }
}
