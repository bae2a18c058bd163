namespace PanelBot.Mail;

/// <summary>A 4xx reply or a broken connection. <see cref="ReplyCode"/> is null when no reply was read.</summary>
public sealed class SmtpTransientException : MailTransientException
{
    public SmtpTransientException(string message, int? replyCode = null, Exception? innerException = null)
        : base(message, null, innerException) => ReplyCode = replyCode;

    public int? ReplyCode { get; }

    /// <summary>Recipients refused with 4xx when no recipient was accepted.</summary>
    public IReadOnlyList<RecipientFailure> FailedRecipients { get; init; } = [];

    /// <summary>The connection failed before any message content was sent, so resending cannot duplicate.</summary>
    internal bool SafeToRetry { get; set; }
}

/// <summary>A 5xx reply. When RCPT TO failed for every recipient, <see cref="FailedRecipients"/> lists them.</summary>
public sealed class SmtpPermanentException : MailPermanentException
{
    public SmtpPermanentException(string message, int replyCode, Exception? innerException = null)
        : base(message, innerException) => ReplyCode = replyCode;

    public int ReplyCode { get; }

    public IReadOnlyList<RecipientFailure> FailedRecipients { get; init; } = [];
}
