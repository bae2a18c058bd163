namespace PanelBot.Mail;

/// <summary>Base of the transport error taxonomy: callers decide by subtype, retry or give up.</summary>
public abstract class MailTransportException : Exception
{
    protected MailTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Try again later: connection failures, timeouts, 4xx, HTTP 429/503.</summary>
public class MailTransientException : MailTransportException
{
    public MailTransientException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException) => RetryAfter = retryAfter;

    /// <summary>The delay the server asked for, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>Retrying the same message will not help: 5xx, refused recipients, bad credentials or configuration.</summary>
public class MailPermanentException : MailTransportException
{
    public MailPermanentException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
