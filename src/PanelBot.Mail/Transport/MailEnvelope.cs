namespace PanelBot.Mail;

/// <summary>
/// The SMTP envelope plus the finished message bytes. <paramref name="Sender"/> is the MAIL FROM
/// (bounce) address; <paramref name="Recipients"/> are the RCPT TO addresses.
/// </summary>
public sealed record MailEnvelope(EmailAddress Sender, IReadOnlyList<EmailAddress> Recipients, string MessageId, ReadOnlyMemory<byte> Mime)
{
    /// <summary>Composes <paramref name="mail"/> once; envelope sender and recipients come from From and To.</summary>
    public static MailEnvelope Create(OutgoingMail mail)
    {
        var composed = MimeWriter.Compose(mail);
        return new MailEnvelope(mail.From.Address, mail.To.Select(to => to.Address).ToArray(), composed.MessageId, composed.Mime);
    }
}
