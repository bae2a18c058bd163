using MimeKit;

namespace PanelBot.Mail;

/// <param name="ServerReply">The final reply (e.g. SMTP "2.0.0 Ok: queued as X"), for logs.</param>
public sealed record MailSendResult(
    string MessageId,
    IReadOnlyList<MailboxAddress> Accepted,
    IReadOnlyList<RecipientFailure> Rejected,
    string ServerReply)
{
    public bool AllAccepted => Rejected.Count == 0;
}

/// <summary>A recipient the server refused. <see cref="IsPermanent"/> is false for 4xx (try again later).</summary>
public sealed record RecipientFailure(MailboxAddress Recipient, int ReplyCode, string Reply)
{
    public bool IsPermanent => ReplyCode >= 500;
}
